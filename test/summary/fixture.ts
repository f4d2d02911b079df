/**
 * A small builder of summary fixtures: entities, tagged addresses, stored traces and incidents written with
 * plain SQL (as migration 007 defines them), so the summary is tested without the incident editor.
 */
import { createEngine, type Engine } from '../../db/api/engine';
import type { TraceReport } from '../../db/api/contract';
import { openDb, type Db } from '../../db/open';
import { reportDigest } from '../../db/trace/store';
import { steppingClock, tempWorkspace } from '../helpers/workspace';

const STAMP = '2026-01-01T00:00:00.000Z';

export interface Fixture {
  db: Db;
  file: string;
  engine: Engine;
  caseId: (title?: string) => number;
  entity: (e: { key?: string; label: string; kind: string; jurisdictions?: string[]; categories?: string[] }) => number;
  /** A tag on ETH:address naming the actor key; returns "ETH:address". */
  tag: (address: string, t: { actor?: string; label?: string; confidence?: string; category?: string }) => string;
  trace: (t: {
    caseId: number;
    direction?: 'forward' | 'backward';
    addresses?: { address: string; tainted: string; asset?: string }[];
    endpoints?: Partial<TraceReport['endpoints'][number]>[];
  }) => number;
  incident: (i: {
    caseId: number;
    victimId: number;
    jurisdiction?: string | null;
    time: string;
    amount?: string;
    usd?: string | null;
    basis?: 'price' | 'typed' | 'none';
    traceId?: number;
    title?: string;
  }) => number;
  attribute: (incidentId: number, actorId: number, confidence: string, source?: string) => void;
}

/** An ETH address made from one hex digit, as addresses table holds it. */
export const eth = (digit: string) => `0x${digit.repeat(40)}`;

/** A fresh workspace at `file` (a temporary one, removed after the test, when none is given). */
export function fixture(file = tempWorkspace()): Fixture {
  const { db } = openDb(file);
  const engine = createEngine(db, { now: steppingClock() });
  const addressId = (address: string) => {
    db.prepare("INSERT OR IGNORE INTO addresses (chain, address) VALUES ('ETH', ?)").run(address);
    return db.prepare("SELECT id FROM addresses WHERE chain = 'ETH' AND address = ?").pluck().get(address) as number;
  };
  let tags = 0;
  return {
    db,
    file,
    engine,
    caseId: (title = 'Case') => engine.call('case.create', { title }).id,
    entity: ({ key, label, kind, jurisdictions = [], categories = [] }) => {
      const id = Number(
        db.prepare('INSERT INTO entities (key, label, kind) VALUES (?, ?, ?)').run(key ?? null, label, kind)
          .lastInsertRowid,
      );
      for (const j of jurisdictions)
        db.prepare('INSERT INTO entity_jurisdictions (entity_id, country) VALUES (?, ?)').run(id, j);
      for (const c of categories)
        db.prepare('INSERT INTO entity_categories (entity_id, category) VALUES (?, ?)').run(id, c);
      return id;
    },
    tag: (address, { actor, label = 'tag', confidence = 'forensic', category }) => {
      tags += 1;
      db.prepare(
        `INSERT INTO tags (chain, address_id, label, source, confidence, category, actor, dedup_key)
         VALUES ('ETH', ?, ?, 'https://example.org/source', ?, ?, ?, ?)`,
      ).run(addressId(address), label, confidence, category ?? null, actor ?? null, `fixture ${tags}`);
      return `ETH:${address}`;
    },
    trace: ({ caseId, direction = 'forward', addresses = [], endpoints = [] }) => {
      const report: TraceReport = {
        method: 'haircut',
        direction,
        seeds: [],
        parameters: {
          hops: 5,
          minAmount: '0',
          stopAt: ['exchange'],
          from: null,
          to: null,
          exclude: [],
          assets: [],
          actorEndpoints: true,
        },
        model: 'account',
        loaded: { transfers: 0, addresses: 0 },
        addresses: addresses.map((a) => ({ asset: 'ETH', share: null, hops: 1, ...a })),
        edges: [],
        endpoints: endpoints.map((e) => ({
          entity: 'Someone',
          jurisdiction: null,
          asset: 'ETH',
          tainted: '1',
          usd: null,
          addresses: [],
          paths: [],
          ...e,
        })),
        totalsByEntity: [],
        totalsByJurisdiction: [],
        unaccounted: [],
        totals: [],
      };
      const { text, sha256 } = reportDigest(report);
      return Number(
        db
          .prepare(
            `INSERT INTO traces (case_id, created_at, app_version, method, direction, seeds, parameters, report, report_sha256)
             VALUES (?, ?, 'test', 'haircut', ?, '[]', '{}', ?, ?)`,
          )
          .run(caseId, STAMP, direction, text, sha256).lastInsertRowid,
      );
    },
    incident: ({
      caseId,
      victimId,
      jurisdiction = null,
      time,
      amount = '1000000000000000000',
      usd = null,
      basis,
      traceId,
      title = '',
    }) =>
      Number(
        db
          .prepare(
            `INSERT INTO incidents (case_id, title, victim_id, jurisdiction, time, chain, asset_id, amount, usd,
                                    usd_basis, trace_id, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, 'ETH', (SELECT id FROM assets WHERE chain = 'ETH' AND contract = ''), ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            caseId,
            title,
            victimId,
            jurisdiction,
            time,
            amount,
            usd,
            basis ?? (usd === null ? 'none' : 'price'),
            traceId ?? null,
            STAMP,
            STAMP,
          ).lastInsertRowid,
      ),
    attribute: (incidentId, actorId, confidence, source = 'FBI statement') => {
      db.prepare(
        'INSERT INTO incident_actors (incident_id, actor_id, source, confidence, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(incidentId, actorId, source, confidence, STAMP);
    },
  };
}
