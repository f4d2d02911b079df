import type { Migration } from './types';

/**
 * Reserved for 005_case_graph, which is written on another branch: versions have no gaps, so this branch holds
 * the number with a migration that changes nothing. The merge replaces this file with the real 005; 006 does
 * not depend on it.
 */
export const migration005: Migration = {
  version: 5,
  name: 'reserved',
  sql: '',
};
