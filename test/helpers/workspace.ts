import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder for one test, removed after it. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ariadne-test-'));
  made.push(dir);
  return dir;
}

/** A workspace path in a fresh folder; the file itself does not exist yet. */
export function tempWorkspace(): string {
  return path.join(tempDir(), 'workspace.db');
}

/** A clock that starts at a fixed instant and moves one second per reading, so update order is stable. */
export function steppingClock(startIso = '2026-01-02T03:04:05.000Z'): () => Date {
  let t = Date.parse(startIso);
  return () => {
    const d = new Date(t);
    t += 1000;
    return d;
  };
}
