/**
 * `npm run serve`: opens a workspace and serves the UI and API on 127.0.0.1 until interrupted.
 * Usage: serve [--db FILE] [--port N]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../../db/api/engine';
import { openDb } from '../../db/open';
import { defaultUserDataDir, defaultWorkspacePath } from '../../db/workspace-path';
import { startHeadlessHost } from './server';

declare const __ARIADNE_VERSION__: string | undefined;
/** Stored with saved traces; the bundle defines it (vite.node.config.ts), tests running the source do not. */
const appVersion = typeof __ARIADNE_VERSION__ === 'string' ? __ARIADNE_VERSION__ : 'unknown';

const USAGE = 'usage: npm run serve -- [--db FILE] [--port N]';

function fail(message: string): never {
  process.stderr.write(`ariadne serve: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: { db?: string; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { db: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be a whole number from 0 to 65535, not ${values.port}`);
  if (values.db === undefined) fs.mkdirSync(defaultUserDataDir(), { recursive: true });
  const file = path.resolve(values.db ?? defaultWorkspacePath());

  let opened;
  try {
    opened = openDb(file);
  } catch (err) {
    fail((err as Error).message);
  }
  const { db } = opened;
  const host = await startHeadlessHost({
    engine: createEngine(db, { jobConnection: () => openDb(file).db, appVersion }),
    db,
    staticDir: path.join(__dirname, '..', 'renderer'),
    port,
  }).catch((err: unknown) => {
    db.close();
    fail(err instanceof Error ? err.message : String(err));
  });

  process.stdout.write(`Ariadne headless host, workspace ${file}\nOpen ${host.url}\n`);

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void host.close().then(() => {
      db.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
