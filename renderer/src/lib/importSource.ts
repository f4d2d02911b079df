import { importablePath } from '../api/client';
import type { ImportSource } from '../store/importSlice';

/** A picked or dropped file as the store takes it: its path is found (or its bytes uploaded) only on import. */
export function importSourceOf(file: File): ImportSource {
  return { name: file.name, size: file.size, path: () => importablePath(file) };
}
