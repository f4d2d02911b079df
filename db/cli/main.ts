/**
 * The `ariadne` command line. Every command goes through the same engine and contract as the app, so a bad
 * value is refused with the same message. Errors: one line on stderr, exit 2 for usage, 1 otherwise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Case, Method, Output } from '../api/contract';
import { createEngine, type Engine } from '../api/engine';
import { ApiError } from '../api/errors';
import { openDb, WorkspaceError } from '../open';
import { defaultUserDataDir, defaultWorkspacePath } from '../workspace-path';
import { formatCase, formatCaseTable } from './format';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now?: () => Date;
}

class UsageError extends Error {}

export const USAGE = `usage: ariadne [--db FILE] <command> [options]

Commands:
  case create --title T [--reference R] [--investigator I] [--description D] [--json]
  case list [--query Q] [--status open|closed|archived] [--json]
  case show ID [--json]
  case update ID [--title T] [--reference R] [--investigator I] [--description D] [--status S] [--json]
  case delete ID [--json]

Options:
  --db FILE   the workspace (default: ${defaultWorkspacePath()})
  --json      print one JSON document on stdout
  --help      this text
  --version   the version`;

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  title: { type: 'string' },
  reference: { type: 'string' },
  investigator: { type: 'string' },
  description: { type: 'string' },
  status: { type: 'string' },
  query: { type: 'string' },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean };

const ALLOWED: Record<string, readonly (keyof Values)[]> = {
  create: ['title', 'reference', 'investigator', 'description'],
  list: ['query', 'status'],
  show: [],
  update: ['title', 'reference', 'investigator', 'description', 'status'],
  delete: [],
};
const GLOBAL: readonly (keyof Values)[] = ['db', 'json', 'help', 'version'];

function parseId(raw: string | undefined): number {
  if (raw === undefined) throw new UsageError('missing case ID');
  if (!/^[1-9]\d{0,14}$/.test(raw)) throw new UsageError(`case ID must be a positive whole number, not "${raw}"`);
  return Number(raw);
}

function pick(values: Values, keys: readonly (keyof Values)[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => values[k] !== undefined).map((k) => [k, values[k]]));
}

interface Command {
  method: Method;
  input: unknown;
  print: (result: unknown) => string;
}

function toCommand(positionals: string[], values: Values): Command {
  const [noun, verb, ...rest] = positionals;
  if (noun === undefined) throw new UsageError('missing command');
  if (noun !== 'case') throw new UsageError(`unknown command "${noun}"`);
  if (verb === undefined || !(verb in ALLOWED)) {
    throw new UsageError(verb === undefined ? 'missing case subcommand' : `unknown case subcommand "${verb}"`);
  }
  const allowed = ALLOWED[verb] ?? [];
  for (const key of Object.keys(values) as (keyof Values)[]) {
    if (!GLOBAL.includes(key) && !allowed.includes(key)) throw new UsageError(`case ${verb} does not take --${key}`);
  }
  const takesId = verb === 'show' || verb === 'update' || verb === 'delete';
  const extra = takesId ? rest.slice(1) : rest;
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const fields = pick(values, allowed);
  switch (verb) {
    case 'create':
      if (values.title === undefined) throw new UsageError('case create needs --title');
      return {
        method: 'case.create',
        input: fields,
        print: (c) => `Created case ${(c as Case).id}\n${formatCase(c as Case)}`,
      };
    case 'list':
      return { method: 'case.list', input: fields, print: (cs) => formatCaseTable(cs as Case[]) };
    case 'show':
      return { method: 'case.get', input: { id: parseId(rest[0]) }, print: (c) => formatCase(c as Case) };
    case 'update':
      return {
        method: 'case.update',
        input: { id: parseId(rest[0]), ...fields },
        print: (c) => `Updated case ${(c as Case).id}\n${formatCase(c as Case)}`,
      };
    default: {
      const id = parseId(rest[0]);
      return { method: 'case.delete', input: { id }, print: () => `Deleted case ${id}` };
    }
  }
}

function workspaceFile(values: Values): string {
  if (values.db !== undefined) return path.resolve(values.db);
  fs.mkdirSync(defaultUserDataDir(), { recursive: true });
  return defaultWorkspacePath();
}

/** Runs one CLI invocation and returns its exit code; all output goes through io. */
export function run(argv: string[], io: CliIo, version = '0.0.0'): number {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (err) {
    io.stderr(`ariadne: ${(err as Error).message} (see ariadne --help)\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  let command: Command;
  try {
    command = toCommand(positionals, values);
  } catch (err) {
    io.stderr(`ariadne: ${(err as Error).message} (see ariadne --help)\n`);
    return 2;
  }
  let engine: Engine;
  let close = () => {};
  try {
    const { db } = openDb(workspaceFile(values));
    close = () => db.close();
    engine = createEngine(db, { now: io.now });
  } catch (err) {
    io.stderr(`ariadne: ${(err as Error).message}\n`);
    return 1;
  }
  try {
    const result: Output<Method> = engine.call(command.method, command.input);
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${command.print(result)}\n`);
    return 0;
  } catch (err) {
    const known = err instanceof ApiError || err instanceof WorkspaceError;
    io.stderr(`ariadne: ${known ? err.message : `internal error: ${(err as Error).message}`}\n`);
    return err instanceof ApiError && err.code === 'invalid_input' ? 2 : 1;
  } finally {
    close();
  }
}
