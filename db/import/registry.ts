/** Every import format, in the order detection tries them. */
import { actorpackImporter } from './actorpack';
import type { FormatImporter } from './formats';
import { tagpackImporter } from './tagpack';

export const IMPORTERS: readonly FormatImporter[] = [tagpackImporter, actorpackImporter];

export const IMPORT_FORMATS: readonly string[] = IMPORTERS.map((i) => i.format);

export function findImporter(format: string): FormatImporter | undefined {
  return IMPORTERS.find((i) => i.format === format);
}
