/**
 * A case for report tests: the summary tests' world (two actors, traces, incidents with awkward exact dollar
 * figures) plus what a report also prints: a graph of tagged addresses with a transfer between them, notes and
 * flags, an imported source file, and hostile text (a tag label and notes that are markup) everywhere text goes.
 */
import { toChecksumAddress } from '../../db/chains/evm';
import { world } from '../summary/world';

export const HOSTILE = '<img src=x onerror=alert(1)>';
export const HOSTILE_NOTE = '<script>alert("note")</script> & "quoted"';
/** Two graph addresses in their normal form (EIP-55). */
export const THIEF = toChecksumAddress('e'.repeat(40));
export const MULE = toChecksumAddress('d'.repeat(40));

export function reportWorld() {
  const w = world();
  const { db, engine } = w.f;
  engine.call('case.update', {
    id: w.main,
    reference: 'NPA-2018-0917',
    investigator: 'Det. Insp. Sato',
    description: `Hot wallets drained. ${HOSTILE}`,
  });
  // A file the data came from: the manifest and the methodology list it with its hash.
  const source = Number(
    db
      .prepare(
        `INSERT INTO import_sources (format, file_name, sha256, size, imported_at, title)
         VALUES ('tagpack', 'lazarus.yaml', ?, 1234, '2026-01-01T00:00:00.000Z', 'Lazarus TagPack')`,
      )
      .run('ab'.repeat(32)).lastInsertRowid,
  );
  // The hostile label on an address of the graph, from that file.
  const addressId = (address: string) =>
    Number(db.prepare("INSERT INTO addresses (chain, address) VALUES ('ETH', ?)").run(address).lastInsertRowid);
  const thief = addressId(THIEF);
  const mule = addressId(MULE);
  const tag = db.prepare(
    `INSERT INTO tags (chain, address_id, label, source, confidence, actor, source_id, dedup_key)
     VALUES ('ETH', ?, ?, ?, 'forensic', ?, ?, ?)`,
  );
  tag.run(thief, 'Lazarus consolidation wallet', 'FBI press release', 'lazarusgroup', source, 'report thief');
  tag.run(mule, HOSTILE, 'https://example.org/<b>leak</b>', null, source, 'report hostile');
  const ethAsset = db.prepare("SELECT id FROM assets WHERE chain = 'ETH' AND contract = ''").pluck().get() as number;
  db.prepare(
    `INSERT INTO transfers (chain, tx_hash, idx, time, block, from_id, to_id, asset_id, amount)
     VALUES ('ETH', ?, 0, 1537000000, 6300000, ?, ?, ?, '1500000000000000000')`,
  ).run(`0x${'c3'.repeat(32)}`, thief, mule, ethAsset);
  const nodes = [`ETH:${THIEF}`, `ETH:${MULE}`];
  engine.call('graph.apply', {
    caseId: w.main,
    ops: [
      {
        op: 'put',
        nodes: [
          { id: nodes[0], position: { x: 0, y: 0 }, flags: ['suspect'], note: HOSTILE_NOTE },
          { id: nodes[1], position: { x: 300, y: 80 } },
        ],
        edges: [{ source: nodes[0], target: nodes[1], assetId: ethAsset, note: 'peel chain' }],
        notes: [{ text: `Case note: ${HOSTILE_NOTE}` }],
      },
    ],
  });
  return { ...w, nodes, ethAsset };
}

/** A four-decimal share as the report prints it ("0.0097" → "0.97%"), from its digits, not through a float. */
export function percent(share: string): string {
  const [whole = '0', fraction = ''] = share.split('.');
  const digits = fraction.padEnd(4, '0');
  return `${Number(whole + digits.slice(0, 2))}.${digits.slice(2, 4)}%`;
}
