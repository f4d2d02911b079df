/**
 * `trace.run`'s `incidents`: each incident's theft transactions become seeds exactly as `txs` would give them,
 * so `--incident 3` and `--tx` with incident 3's txs give the same report.
 */
import type { ParsedJobInput } from '../api/contract';
import { ApiError } from '../api/errors';
import type { Db } from '../open';

type TraceInput = ParsedJobInput<'trace.run'>;

const invalid = (message: string): never => {
  throw new ApiError('invalid_input', `trace.run: ${message}`);
};

/** The theft txs of the incidents, CHAIN:TXHASH, each checked to be in the workspace's chain data. */
export function incidentTxs(db: Db, ids: readonly number[], caseId: number | undefined): string[] {
  const incident = db.prepare('SELECT id, case_id, chain FROM incidents WHERE id = ?');
  const txs = db.prepare('SELECT tx_hash FROM incident_txs WHERE incident_id = ? ORDER BY tx_hash').pluck();
  const model = db.prepare('SELECT model FROM chains WHERE code = ?').pluck();
  const inTransfers = db.prepare('SELECT 1 FROM transfers WHERE chain = ? AND tx_hash = ? LIMIT 1').pluck();
  const inUtxo = db.prepare('SELECT 1 FROM utxo_txs WHERE chain = ? AND tx_hash = ?').pluck();
  const out: string[] = [];
  for (const id of ids) {
    const row = incident.get(id) as { id: number; case_id: number; chain: string } | undefined;
    if (!row) throw new ApiError('not_found', `trace.run: incident ${id} does not exist`);
    if (caseId !== undefined && row.case_id !== caseId) {
      invalid(`incident ${id} belongs to case ${row.case_id}, not to case ${caseId} the trace is saved in`);
    }
    const hashes = txs.all(id) as string[];
    if (hashes.length === 0) {
      invalid(`incident ${id} has no theft transactions to trace from: add them to it, or seed from addresses`);
    }
    const known = model.get(row.chain) === 'utxo' ? inUtxo : inTransfers;
    const missing = hashes.filter((h) => known.get(row.chain, h) === undefined).map((h) => `${row.chain}:${h}`);
    if (missing.length > 0) {
      invalid(
        `incident ${id}: its theft transaction${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
          `${missing.length > 1 ? 'are' : 'is'} not in the workspace's chain data: import ${missing.length > 1 ? 'them' : 'it'} first`,
      );
    }
    out.push(...hashes.map((h) => `${row.chain}:${h}`));
  }
  return out;
}

/** The input with the incidents' txs added to `txs` (a tx named twice is seeded once). */
export function withIncidentSeeds(db: Db, input: TraceInput): TraceInput {
  if (!input.incidents || input.incidents.length === 0) return input;
  const txs = [...(input.txs ?? [])];
  const seen = new Set(txs.map((t) => t.trim().toLowerCase()));
  for (const tx of incidentTxs(db, input.incidents, input.caseId)) {
    if (!seen.has(tx.toLowerCase())) {
      seen.add(tx.toLowerCase());
      txs.push(tx);
    }
  }
  return { ...input, txs };
}
