import { migration001 } from './001_cases';
import { migration002 } from './002_audit_log';
import type { Migration } from './types';

export type { Migration };

export const MIGRATIONS: readonly Migration[] = [migration001, migration002];

export const SCHEMA_VERSION = MIGRATIONS.length;
