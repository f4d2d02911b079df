/**
 * A readable graph for the demo case: the largest theft (the bridge hack modelled on Ronin) as its stored trace
 * saw it, hop by hop from the victim's hot wallet to the exchanges, with a case note saying what it shows. It is
 * what a case report's figure would start from; the other incidents are a click away in the Trace panel.
 */
import { applyGraph } from '../graph/apply';
import type { Incident } from '../api/attribution';
import type { Db } from '../open';

const COLUMN = 260;
const ROW = 90;

export function drawDemoGraph(db: Db, caseId: number, incident: Incident, now: string): void {
  if (incident.traceId === null) return;
  const report = JSON.parse(
    db.prepare('SELECT report FROM traces WHERE id = ?').pluck().get(incident.traceId) as string,
  ) as { addresses: { address: string; hops: number }[] };
  const columns = new Map<string, number>();
  for (const hot of incident.addresses) columns.set(hot, 0);
  for (const a of report.addresses) if (!columns.has(a.address)) columns.set(a.address, a.hops + 1);
  const rows = new Map<number, number>();
  const nodes = [...columns].map(([id, column]) => {
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    return { id, position: { x: column * COLUMN, y: row * ROW } };
  });
  const ids = JSON.stringify([...columns.keys()]);
  const edges = db
    .prepare(
      `SELECT DISTINCT f.chain || ':' || f.address AS source, d.chain || ':' || d.address AS target, t.asset_id AS assetId
         FROM transfers t JOIN addresses f ON f.id = t.from_id JOIN addresses d ON d.id = t.to_id
        WHERE f.chain || ':' || f.address IN (SELECT value FROM json_each(@ids))
          AND d.chain || ':' || d.address IN (SELECT value FROM json_each(@ids))
        ORDER BY source, target`,
    )
    .all({ ids }) as { source: string; target: string; assetId: number }[];
  applyGraph(
    db,
    {
      caseId,
      ops: [
        {
          op: 'put',
          nodes: nodes.map((n) => ({
            id: n.id,
            label: null,
            kind: null,
            parent: null,
            position: n.position,
            pinned: false,
            hidden: false,
            collapsed: false,
            color: null,
            flags: [],
            note: '',
          })),
          edges: edges.map((e) => ({ ...e, hidden: false, color: null, flags: [], note: '' })),
          notes: [
            {
              text:
                `The graph shows “${incident.title}” as its stored trace #${incident.traceId} followed it, left ` +
                'to right by hops: the drain of the hot wallet, a peel chain shedding amounts to exchange deposit ' +
                'addresses, the mixer and the bridge, consolidation into Lazarus Group wallets, and cash-out at ' +
                'exchanges. Every incident of the case has such a trace (Trace tab).',
            },
          ],
        },
      ],
    },
    now,
  );
}
