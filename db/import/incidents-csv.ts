/**
 * Incidents CSV: thefts into a case (`--case ID`), one per row, with the victim, what was taken and, optionally,
 * who is said to have taken it. The first line is a header naming the columns, in any order and any case
 * (`theft txs`, `theft_txs` and `Theft-Txs` are one column); unknown columns are ignored with one warning.
 *
 *   victim               required  an entity's key or label (any case); an unknown one is created as a victim
 *                                  entity with the victim jurisdiction (the report warns of it); an actor is refused
 *   victim jurisdiction  optional  ISO-3166 alpha-2 (JP): the jurisdiction the incident counts under; empty: the
 *                                  victim's own when it has exactly one
 *   time                 required  ISO-8601 with a zone (2018-09-14T08:00:00+09:00) or unix seconds; stored in UTC
 *   chain                optional  the chain of a token written by symbol (ETH with asset USDT)
 *   asset                required  ETH, a token symbol only one chain has, ETH:USDT or ETH:0xcontract
 *   amount               required  base units as an integer, or whole units as a decimal with no more fractional
 *                                  digits than the asset has
 *   usd                  optional  dollars at the time, taken only where the price table has no price for the
 *                                  asset that day (where it has one, the incident is valued from it)
 *   theft txs            optional  CHAIN:TXHASH (or a bare hash on the incident's chain), several separated by
 *                                  `;` or spaces
 *   victim addresses     optional  CHAIN:ADDRESS (or a bare address on the incident's chain), likewise
 *   actor                optional  an entity of kind actor, by key or label: a direct attribution
 *   confidence           optional  with actor, required: a confidence id of the taxonomy (authority_data, …)
 *   source               optional  where the incident is reported; required with actor (the attribution's source)
 *   title, note          optional  free text
 *
 * An incident already in the case is a duplicate: the same chain and theft txs, or, without txs, the same victim,
 * time, asset and amount. A duplicate that differs in another value it states is refused as a conflict. The whole
 * file is one transaction; each refused row is reported with its line and reason.
 */
import path from 'node:path';
import type { Incident } from '../api/attribution';
import { LIMITS } from '../api/contract';
import { appendAudit } from '../audit';
import { listIncidents } from '../incidents/read';
import { incidentWriter, type IncidentDraft } from '../incidents/store';
import {
  actorRefusal,
  IncidentValues,
  parseIncidentTime,
  parseUsd,
  victimRefusal,
  type EntityRef,
} from '../incidents/values';
import type { Db } from '../open';
import { csvLayout, firstCsvRecord, importCsvRows, type CsvLayout, type CsvRecord } from './csv';
import type { FormatImporter } from './formats';
import { ImportFileError, type ReportBuilder } from './report';
import { Refused } from './values';

const REQUIRED = ['victim', 'time', 'asset', 'amount'] as const;
const OPTIONAL = [
  'victim jurisdiction',
  'chain',
  'usd',
  'theft txs',
  'victim addresses',
  'actor',
  'confidence',
  'source',
  'title',
  'note',
] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];
type Layout = CsvLayout<Column>;

/** `Theft_TXs` and `theft txs` name one column. */
const columnName = (field: string) => field.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');

function layoutOf(file: string, header: CsvRecord, builder: ReportBuilder): Layout {
  return csvLayout(file, header, builder, {
    what: 'an incidents CSV',
    required: REQUIRED,
    optional: OPTIONAL,
    name: columnName,
  });
}

function field(fields: string[], at: number): string {
  return at < 0 ? '' : (fields[at] ?? '').trim();
}

/** A cell holding several values, separated by `;` or white space. */
function many(cell: string): string[] {
  return cell.split(/[;\s]+/).filter((v) => v !== '');
}

/** Written with its chain, or bare and then on the incident's chain. */
const onChain = (chain: string, value: string) => (value.includes(':') ? value : `${chain}:${value}`);

interface Row {
  draft: Omit<IncidentDraft, 'victimId' | 'jurisdiction'> & { jurisdiction: string | null };
  /** The victim, or the name of one to create. */
  victim: EntityRef | { create: string };
  attribution: { actor: EntityRef; source: string; confidence: string } | null;
}

/** The lengths the API takes (contract.ts), so an imported incident can be edited in the app as it is. */
const TEXT_LIMITS: [Column, number][] = [
  ['victim', 200],
  ['title', LIMITS.title],
  ['source', 2000],
  ['note', LIMITS.description],
];

/** The row's values, or the first refusal with the column it is in. */
function parseRow(fields: string[], layout: Layout, values: IncidentValues, caseId: number): Row | Refused {
  if (fields.length !== layout.width) {
    return new Refused(`expected ${layout.width} fields as in the header, found ${fields.length}`);
  }
  const get = (column: Column) => field(fields, layout[column]);
  const at = (column: string, value: Refused) => new Refused(`${column}: ${value.reason}`);

  for (const [column, max] of TEXT_LIMITS) {
    if (get(column).length > max) return new Refused(`${column}: longer than ${max} characters`);
  }
  const victimName = get('victim');
  if (victimName === '') return new Refused('victim: missing victim');
  const found = values.entityNamed(victimName);
  if (found instanceof Refused) return at('victim', found);
  if (found) {
    const refusal = victimRefusal(found);
    if (refusal) return at('victim', refusal);
  }
  const jurisdictionText = get('victim jurisdiction');
  const jurisdiction = jurisdictionText === '' ? null : values.jurisdiction(jurisdictionText);
  if (jurisdiction instanceof Refused) return at('victim jurisdiction', jurisdiction);
  const time = parseIncidentTime(get('time'));
  if (time instanceof Refused) return at('time', time);

  const chainText = get('chain');
  const assetText = get('asset');
  let assetName = assetText;
  if (chainText !== '' && assetText !== '') {
    const colon = assetText.indexOf(':');
    if (colon < 0) assetName = `${chainText}:${assetText}`;
    else if (assetText.slice(0, colon).trim().toUpperCase() !== chainText.toUpperCase()) {
      return new Refused(`asset: ${assetText.slice(0, 80)} is not on chain ${chainText.slice(0, 20)}`);
    }
  }
  const asset = values.asset(assetName);
  if (asset instanceof Refused) return at('asset', asset);
  const amount = values.amount(get('amount'), asset);
  if (amount instanceof Refused) return at('amount', amount);
  const usdText = get('usd');
  const typed = usdText === '' ? null : parseUsd(usdText);
  if (typed instanceof Refused) return at('usd', typed);
  const valuation = values.value(asset, amount, time, typed);
  if (valuation instanceof Refused) return at('usd', valuation);
  const txs = values.txs(
    asset,
    many(get('theft txs')).map((t) => onChain(asset.chain, t)),
  );
  if (txs instanceof Refused) return at('theft txs', txs);
  const addresses = values.addresses(
    asset,
    many(get('victim addresses')).map((a) => onChain(asset.chain, a)),
  );
  if (addresses instanceof Refused) return at('victim addresses', addresses);

  const source = get('source');
  const actorName = get('actor');
  const confidence = get('confidence');
  let attribution: Row['attribution'] = null;
  if (actorName !== '') {
    const actor = values.entityNamed(actorName);
    if (actor instanceof Refused) return at('actor', actor);
    if (!actor) return new Refused(`actor: no entity has the key or label ${actorName.slice(0, 80)}`);
    const refusal = actorRefusal(actor);
    if (refusal) return at('actor', refusal);
    if (confidence === '') return new Refused('confidence: an attribution to an actor needs a confidence');
    const level = values.confidence(confidence);
    if (level instanceof Refused) return at('confidence', level);
    if (source === '') return new Refused('source: an attribution to an actor needs a source');
    attribution = { actor, source, confidence };
  } else if (confidence !== '') {
    return new Refused('confidence: given without an actor');
  }

  return {
    victim: found ?? { create: victimName },
    attribution,
    draft: {
      caseId,
      title: get('title'),
      jurisdiction,
      time,
      asset,
      amount,
      valuation,
      source,
      note: get('note'),
      txs,
      addresses,
      sourceId: null,
    },
  };
}

/** What makes two incidents of a case the same theft. */
function dedupKey(
  chain: string,
  txs: readonly string[],
  victimId: number,
  time: string,
  assetId: number,
  amount: string,
) {
  return txs.length > 0 ? `tx ${chain} ${[...txs].sort().join(' ')}` : `v ${victimId} ${time} ${assetId} ${amount}`;
}

/** Stored incidents in the shape a row compares with. */
interface Known {
  id: number;
  victimId: number;
  jurisdiction: string | null;
  time: string;
  assetId: number;
  amount: string;
  usd: string | null;
  title: string;
  note: string;
  source: string;
  addresses: string[];
  actors: string[];
}

function known(i: Incident): Known {
  return {
    id: i.id,
    victimId: i.victim.id,
    jurisdiction: i.jurisdiction,
    time: i.time,
    assetId: i.asset.id,
    amount: i.amount,
    usd: i.usd,
    title: i.title,
    note: i.note,
    source: i.source,
    addresses: i.addresses,
    actors: i.actors.map((a) => `${a.actor.id} ${a.confidence} ${a.source}`),
  };
}

/**
 * The fields in which a row differs from the incident already stored for its key. What the row leaves to the
 * workspace (`unsaid`: a jurisdiction taken from the victim, a USD value from the price table) is not compared:
 * the workspace may have changed since, and the row still says the same.
 */
function differences(old: Known, row: Known, unsaid: readonly (keyof Known)[]): string[] {
  return (Object.keys(row) as (keyof Known)[])
    .filter((k) => k !== 'id' && !unsaid.includes(k) && JSON.stringify(old[k]) !== JSON.stringify(row[k]))
    .map((k) => ({ victimId: 'victim', assetId: 'asset', actors: 'actor' })[k as string] ?? k);
}

function createVictim(db: Db, name: string, jurisdiction: string | null, sourceId: number, now: string): EntityRef {
  const id = Number(
    db
      .prepare(
        "INSERT INTO entities (key, label, kind, source_id, created_at, updated_at) VALUES (NULL, ?, 'victim', ?, ?, ?)",
      )
      .run(name, sourceId, now, now).lastInsertRowid,
  );
  if (jurisdiction !== null) {
    db.prepare('INSERT INTO entity_jurisdictions (entity_id, country) VALUES (?, ?)').run(id, jurisdiction);
  }
  return { id, key: null, label: name, kind: 'victim' };
}

export const incidentsCsvImporter: FormatImporter = {
  format: 'incidents-csv',
  description:
    'Incidents CSV into a case (--case): victim, time, asset, amount, theft txs, actor…; see the column docs',
  detect(extension, head) {
    if (extension !== '.csv') return false;
    const names = new Set((firstCsvRecord(head) ?? []).map(columnName));
    return REQUIRED.every((c) => names.has(c));
  },
  async run({ db, file, builder, source, progress, caseId, now }) {
    if (caseId === undefined) throw new ImportFileError(file, 0, 'incidents go into a case: give --case ID');
    if (db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId) === undefined) {
      throw new ImportFileError(file, 0, `no case ${caseId}`);
    }
    const values = new IncidentValues(db);
    const writer = incidentWriter(db);
    const stored = new Map<string, Known>();
    for (const i of listIncidents(db, caseId)) {
      const hashes = i.txs.map((t) => t.slice(t.indexOf(':') + 1));
      stored.set(dedupKey(i.chain, hashes, i.victim.id, i.time, i.asset.id, i.amount), known(i));
    }
    const created: string[] = [];
    const rows = importCsvRows(
      file,
      progress,
      (header) => layoutOf(file, header, builder),
      'empty file: an incidents CSV starts with a header',
    );
    for await (const { layout, record } of rows) {
      builder.read += 1;
      const row = parseRow(record.fields, layout, values, caseId);
      if (row instanceof Refused) {
        builder.reject(record.line, row.reason);
        continue;
      }
      const { draft } = row;
      // A victim still to be made has no id, and no incident of it can be in the case yet but by its txs.
      const victimId = 'create' in row.victim ? 0 : row.victim.id;
      const key = (id: number) => dedupKey(draft.asset.chain, draft.txs, id, draft.time, draft.asset.id, draft.amount);
      const candidate: Known = {
        id: 0,
        victimId,
        jurisdiction: draft.jurisdiction ?? (victimId === 0 ? null : values.defaultJurisdiction(victimId)),
        time: draft.time,
        assetId: draft.asset.id,
        amount: draft.amount,
        usd: draft.valuation.usd,
        title: draft.title,
        note: draft.note,
        source: draft.source,
        addresses: draft.addresses.map((a) => `${a.chain}:${a.address}`),
        actors: row.attribution
          ? [`${row.attribution.actor.id} ${row.attribution.confidence} ${row.attribution.source}`]
          : [],
      };
      const old = stored.get(key(victimId));
      if (old) {
        const unsaid = [
          ...(draft.jurisdiction === null ? (['jurisdiction'] as const) : []),
          ...(draft.valuation.basis === 'typed' ? [] : (['usd'] as const)),
        ];
        const differs = differences(old, candidate, unsaid);
        if (differs.length === 0) builder.duplicates += 1;
        else {
          const same = draft.txs.length > 0 ? 'theft txs' : 'victim, time, asset and amount';
          builder.reject(
            record.line,
            `conflicts with incident ${old.id} already in case ${caseId} with the same ${same} (differs in ${differs.join(', ')})`,
          );
        }
        continue;
      }
      let victim: EntityRef;
      if ('create' in row.victim) {
        victim = createVictim(db, row.victim.create, draft.jurisdiction, source.id, now);
        created.push(victim.label);
        const where = draft.jurisdiction ? ` in ${draft.jurisdiction}` : ' without a jurisdiction';
        builder.warn(
          record.line,
          `victim ${victim.label.slice(0, 80)} was not in the workspace: created as a victim entity${where}`,
        );
      } else victim = row.victim;
      const jurisdiction = draft.jurisdiction ?? values.defaultJurisdiction(victim.id);
      const id = writer.insert({ ...draft, victimId: victim.id, jurisdiction, sourceId: source.id }, now);
      if (row.attribution) {
        const { actor, source: said, confidence } = row.attribution;
        writer.attribute(id, actor.id, { source: said, confidence }, now);
      }
      builder.inserted += 1;
      stored.set(key(victim.id), { ...candidate, id, victimId: victim.id, jurisdiction });
    }
    if (builder.inserted > 0) {
      appendAudit(db, now, caseId, 'case.incidents_imported', {
        file: path.basename(file),
        added: builder.inserted,
        duplicates: builder.duplicates,
        rejected: builder.rejected,
        victimsCreated: created,
      });
    }
  },
};
