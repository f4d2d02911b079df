import { createEngine, type Engine } from '../../db/api/engine';
import { openDb, type Db } from '../../db/open';
import { BINANCE, EXPLOITER, HARMONY, RONIN, TORNADO } from '../helpers/import-check';
import { steppingClock, tempWorkspace } from '../helpers/workspace';

export { BINANCE, EXPLOITER, HARMONY, RONIN, TORNADO };

/** A workspace file of its own, the engine over it, and one case. */
export function graphWorkspace(): { db: Db; api: Engine; caseId: number } {
  const { db } = openDb(tempWorkspace());
  const api = createEngine(db, { now: steppingClock() });
  const { id } = api.call('case.create', { title: 'Ronin bridge theft' });
  return { db, api, caseId: id };
}

/** Imports text through the real importer of `format`; every record must be accepted. */
export async function importText(api: Engine, format: string, name: string, text: string): Promise<void> {
  const report = await api.runJob('import.text', { text, name, format });
  if (report.rejected > 0 || report.failed.length > 0)
    throw new Error(`fixture refused: ${JSON.stringify([...report.errors, ...report.failed])}`);
}

export const txHash = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;

/** A transfers CSV: one row per [from, to, asset, amount, time]. */
export function transfersCsv(rows: [string, string, string, string, string][], chain = 'ETH', start = 1): string {
  return [
    'chain,tx_hash,index,time,from,to,asset,amount',
    ...rows.map(
      ([from, to, asset, amount, time], i) =>
        `${chain},${txHash(start + i)},0,${time},${from},${to},${asset},${amount}`,
    ),
  ].join('\n');
}

/** An Esplora transaction: inputs [address | null, satoshi], outputs [address | null, satoshi]. */
export function esploraTx(
  n: number,
  time: number,
  inputs: [string | null, number][],
  outputs: [string | null, number][],
): object {
  const script = (address: string | null, value: number) =>
    address === null
      ? { scriptpubkey: '6a', scriptpubkey_type: 'op_return', value }
      : { scriptpubkey: '00', scriptpubkey_type: 'p2pkh', value, scriptpubkey_address: address };
  return {
    txid: n.toString(16).padStart(64, '0'),
    vin: inputs.map(([address, value], i) => ({
      txid: (1000 + n * 10 + i).toString(16).padStart(64, '0'),
      vout: 0,
      prevout: script(address, value),
      is_coinbase: false,
    })),
    vout: outputs.map(([address, value]) => script(address, value)),
    status: { confirmed: true, block_height: 700000 + n, block_time: time },
  };
}

/** BTC addresses valid under the chain's rules. */
export const BTC = {
  a: '134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak',
  b: '15YK647qtoZQDzNrvY6HJL6QwXduLHfT28',
  c: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh',
  d: '3F2sZ4jbhvDKQdGbHYPC6ZxFXEau2m5Lqj',
  e: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
};

/** The workspace id of an asset by chain and symbol. */
export function assetId(db: Db, chain: string, symbol: string): number {
  return db
    .prepare('SELECT id FROM assets WHERE chain = ? AND symbol = ? ORDER BY id')
    .pluck()
    .get(chain, symbol) as number;
}

/** Address nodes for a put op. */
export const addressNodes = (...ids: string[]) => ids.map((id) => ({ id }));
