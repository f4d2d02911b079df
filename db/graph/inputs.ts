/** What the graph's read calls take from the investigator: addresses, time windows, assets; refused clearly. */
import { ApiError } from '../api/errors';
import { parseChainAddress } from '../chains';
import { parseTime, Refused } from '../import/values';
import type { Db } from '../open';
import type { AssetInfo, Window } from './flows';

export const invalid = (method: string, message: string): never => {
  throw new ApiError('invalid_input', `${method}: ${message}`);
};

interface ResolvedAddress {
  /** `CHAIN:ADDRESS` in the normal form. */
  text: string;
  chain: string;
  /** Null when the workspace does not hold the address (it then has no flows). */
  id: number | null;
}

/** Any spelling of a valid `CHAIN:ADDRESS`, in its normal form, with its id in the workspace. */
export function resolveAddress(db: Db, method: string, input: string): ResolvedAddress {
  const check = parseChainAddress(input);
  if (!check.valid) return invalid(method, `${input.trim().slice(0, 200)}: ${check.reason}`);
  const id = db
    .prepare('SELECT id FROM addresses WHERE chain = ? AND address = ?')
    .pluck()
    .get(check.chain, check.normalized) as number | undefined;
  return { text: `${check.chain}:${check.normalized}`, chain: check.chain, id: id ?? null };
}

/** An ISO-8601 time with a zone, checked strictly (a real date, whole seconds, 1970–2100), as unix seconds. */
function parseIsoTime(method: string, field: string, text: string): number {
  const t = text.trim();
  const seconds = /^\d+$/.test(t)
    ? new Refused(`write an ISO-8601 time with a zone, e.g. 2022-03-29T00:00:00Z`)
    : parseTime(t);
  if (seconds instanceof Refused) return invalid(method, `${field}: ${seconds.reason}`);
  return seconds;
}

/** A window from `from` to `to`, both included. */
export function parseWindow(method: string, from?: string, to?: string): Window {
  const window = {
    from: from === undefined ? undefined : parseIsoTime(method, 'from', from),
    to: to === undefined ? undefined : parseIsoTime(method, 'to', to),
  };
  if (window.from !== undefined && window.to !== undefined && window.from > window.to)
    invalid(method, `from ${from} is after to ${to}`);
  return window;
}

export function knownAsset(method: string, assets: Map<number, AssetInfo>, id: number): AssetInfo {
  return assets.get(id) ?? invalid(method, `no asset has id ${id}`);
}
