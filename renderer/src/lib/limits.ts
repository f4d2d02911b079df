import type { LIMITS } from '../../../db/api/contract';

/**
 * The contract's field limits. The renderer may not import runtime code from db/, so the values are repeated
 * here; typing them as `typeof LIMITS` (whose members are literal types) makes tsc fail if they ever drift.
 */
export const FIELD_LIMITS: typeof LIMITS = {
  title: 200,
  reference: 100,
  investigator: 200,
  description: 20_000,
  query: 200,
};
