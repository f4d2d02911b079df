import { migration001 } from './001_cases';
import { migration002 } from './002_audit_log';
import { migration003 } from './003_chain_data';
import { migration004 } from './004_case_addresses';
import { migration005 } from './005_case_graph';
import { migration006 } from './006_traces';
import { migration007 } from './007_incidents';
import type { Migration } from './types';

export type { Migration };

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
