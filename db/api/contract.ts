/**
 * The one API contract. Every method that crosses a process boundary is listed here with a zod schema for
 * its input and a type for its output; Electron IPC, the headless host, the CLI and the renderer's client are
 * all derived from it. This file must stay free of Node imports: the renderer type-checks against it.
 */
import { z } from 'zod';
import type { EntityDetails, Incident, LossSummary, ReferenceData } from './attribution';
import { ENTITY_KINDS } from './attribution';
import type { ImportProgress, ImportReport } from '../import/report';
import type { ReportExportResult, ReportProgress } from '../report/export';
import type { DemoProgress, DemoResult } from '../demo/types';
import type { TraceReport } from '../trace/report';
import type { StoredTrace, StoredTraceSummary, TraceRerun } from '../trace/store';

export type { ImportProblem, ImportProgress, ImportReport } from '../import/report';
export type { DemoProgress, DemoResult } from '../demo/types';
export type { TraceReport } from '../trace/report';
export * from './attribution';
export type { StoredTrace, StoredTraceSummary, TraceRerun } from '../trace/store';
export type { ReportExportResult, ReportProgress } from '../report/export';

export const CASE_STATUSES = ['open', 'closed', 'archived'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export interface Case {
  id: number;
  title: string;
  reference: string | null;
  investigator: string | null;
  description: string;
  status: CaseStatus;
  /** ISO-8601 UTC with milliseconds. */
  createdAt: string;
  updatedAt: string;
}

/** One address as the investigator wrote it (`CHAIN:ADDRESS`), judged by the chain's rules. */
export interface AddressCheckResult {
  input: string;
  valid: boolean;
  chain: string;
  /** `CHAIN:ADDRESS` in the normal form; null when invalid. */
  normalized: string | null;
  kind: string | null;
  reason: string | null;
}

export interface TagView {
  label: string;
  source: string;
  confidence: string;
  confidenceLevel: number;
  category: string | null;
  abuse: string | null;
  actor: string | null;
  /** The TagPack or file it came from; null for tags made in the app. */
  origin: { title: string | null; file: string; sha256: string; importedAt: string } | null;
}

export interface EntityView {
  key: string | null;
  label: string;
  kind: string;
  jurisdictions: string[];
}

export interface AddressDetails {
  /** `CHAIN:ADDRESS` in the normal form. */
  address: string;
  chain: string;
  normalized: string;
  kind: string;
  /** Whether the workspace holds anything about it. */
  known: boolean;
  tags: TagView[];
  /** The actors and services its tags name. */
  entities: EntityView[];
  transfers: { in: number; out: number };
  utxo: { inputs: number; outputs: number };
}

/** One page of a long list, with the number of rows that match in all. */
export interface Page<T> {
  total: number;
  offset: number;
  rows: T[];
}

export interface AddressRow {
  /** `CHAIN:ADDRESS` in the normal form. */
  address: string;
  chain: string;
  /** The label of its most confident tag. */
  label: string | null;
  confidence: string | null;
  confidenceLevel: number | null;
  tags: number;
  /** The actor or service its most confident tag names. */
  entity: string | null;
}

export interface EntityRow {
  id: number;
  key: string | null;
  label: string;
  kind: string;
  jurisdictions: string[];
  categories: string[];
  /** Tags naming it as their actor. */
  tags: number;
}

export interface ImportFormat {
  format: string;
  description: string;
}

/** Totals over several files, with each file's own report. */
export interface ImportBatchReport {
  read: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  errors: ImportReport['errors'];
  warnings: ImportReport['warnings'];
  files: ImportReport[];
  /** Files refused as a whole (unreadable, unknown format); nothing of them was written. */
  failed: { file: string; line: number; reason: string }[];
}

/** How a node looks at a glance: the kind of entity its tags (or its group) name. */
export const NODE_KINDS = ['victim', 'actor', 'exchange', 'mixer', 'bridge', 'service', 'unknown'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
/** Flags an investigator sets on nodes and edges; custom flags are free text besides these. */
export const STANDARD_FLAGS = ['suspect', 'cash-out', 'victim'] as const;

/** A node of a case's fund-flow graph with what the workspace knows of it and what the investigator set. */
export interface GraphNode {
  /** Address nodes: `CHAIN:ADDRESS` in the normal form. Groups: `group:NAME`. */
  id: string;
  type: 'address' | 'group';
  /** `CHAIN:ADDRESS`, null for groups. */
  address: string | null;
  chain: string | null;
  /** The best tag's label for an address; the investigator's name for a group. */
  label: string | null;
  kind: NodeKind;
  /** The entity its most confident tag names (address nodes). */
  entity: { label: string; kind: string; jurisdictions: string[] } | null;
  /** Confidence level (0–100) of its most confident tag; null when untagged. */
  confidenceLevel: number | null;
  /** A tag says it is under sanctions (OFAC or a sanctions category). */
  sanctioned: boolean;
  /** The group it belongs to, if any. */
  parent: string | null;
  /** Null until laid out. */
  position: { x: number; y: number } | null;
  pinned: boolean;
  hidden: boolean;
  /** Groups only: members folded into the group node. */
  collapsed: boolean;
  /** Highlight colour `#rrggbb`, or null. */
  color: string | null;
  flags: string[];
  note: string;
}

/** Every transfer between two addresses for one asset, as one edge. */
export interface GraphEdge {
  /** `SOURCE>TARGET>ASSET_ID`, with the node ids of both ends. */
  id: string;
  source: string;
  target: string;
  asset: { id: number; chain: string; symbol: string; decimals: number };
  /** Base units, exact. UTXO flows: each output split over the input addresses by what they paid in (db/graph). */
  total: string;
  /** USD with two decimals over the transfers that have a price; null when none has. */
  usd: string | null;
  /** Whether every transfer had a price for its day (false when there is none). */
  usdComplete: boolean;
  count: number;
  /** ISO-8601 UTC of the first and last transfer; empty when the workspace holds none (count 0). */
  first: string;
  last: string;
  hidden: boolean;
  color: string | null;
  flags: string[];
  note: string;
}

export interface CaseNote {
  id: number;
  text: string;
  createdAt: string;
  updatedAt: string;
}

export interface CaseGraph {
  caseId: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  notes: CaseNote[];
}

/** What `graph.apply` changed, and the ops that undo it (apply them to undo; their own undo redoes). */
export interface GraphChange {
  /** Nodes and edges added or changed, in full. */
  nodes: GraphNode[];
  edges: GraphEdge[];
  notes: CaseNote[];
  removed: { nodes: string[]; edges: string[]; notes: number[] };
  undo: GraphOp[];
}

/** One counterparty flow of an address, for the expansion dialog. */
export interface NeighbourRow {
  /** The counterparty, `CHAIN:ADDRESS`. */
  address: string;
  label: string | null;
  kind: NodeKind;
  direction: 'out' | 'in';
  asset: { id: number; chain: string; symbol: string; decimals: number };
  total: string;
  usd: string | null;
  count: number;
  first: string;
  last: string;
  /** Already a node of the case's graph. */
  inGraph: boolean;
}

/** One transfer behind an edge or an address (a UTXO flow shows its transaction). */
export interface TransferRow {
  chain: string;
  txHash: string;
  /** Transfer index within the tx; for UTXO flows the output number. */
  idx: number;
  time: string;
  block: number | null;
  from: string;
  to: string;
  asset: { id: number; symbol: string; decimals: number };
  amount: string;
  usd: string | null;
}

/** Totals in and out of one address per asset, with its first and last activity. */
export interface AddressFlows {
  address: string;
  assets: {
    asset: { id: number; chain: string; symbol: string; decimals: number };
    in: string;
    out: string;
    inCount: number;
    outCount: number;
    usdIn: string | null;
    usdOut: string | null;
  }[];
  first: string | null;
  last: string | null;
}

export const LIMITS = { title: 200, reference: 100, investigator: 200, description: 20_000, query: 200 } as const;

const pageFields = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
};

const caseId = z.number({ error: 'must be a case id (a positive whole number)' }).int().positive();
const traceId = z.number({ error: 'must be a trace id (a positive whole number)' }).int().positive();
const title = z.string().trim().min(1, 'must not be empty').max(LIMITS.title);
/** Optional free text: empty or blank becomes null so "no reference" has one representation. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v === null || v === '' ? null : v));

const caseFields = {
  title,
  reference: optionalText(LIMITS.reference),
  investigator: optionalText(LIMITS.investigator),
  description: z.string().max(LIMITS.description),
  status: CaseStatus,
};

const graphNodeId = z
  .string()
  .min(3)
  .max(300)
  .regex(/^(group:[\w.-]{1,80}|[A-Z0-9]{2,12}:\S+)$/, 'must be CHAIN:ADDRESS or group:NAME');
const flagList = z.array(z.string().trim().min(1).max(40)).max(20);
const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour #rrggbb')
  .nullable();
const noteText = z.string().max(LIMITS.description);
const coordinate = z.number().finite().min(-1e7).max(1e7);
const isoTime = z.string().max(40);
const entityId = z.number({ error: 'must be an entity id (a positive whole number)' }).int().positive();
const incidentId = z.number({ error: 'must be an incident id (a positive whole number)' }).int().positive();
const countryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO-3166 alpha-2 code such as JP')
  .transform((c) => c.toUpperCase());
const shortText = z.string().trim().min(1, 'must not be empty').max(200);
const entityFields = {
  label: shortText,
  kind: z.enum(ENTITY_KINDS),
  jurisdictions: z.array(countryCode).max(50),
  aliases: z.array(shortText).max(100),
  categories: z.array(z.string().trim().min(1).max(80)).max(50),
  uri: z.string().trim().max(2000).nullable(),
  description: z.string().max(LIMITS.description),
};
/** A whole number of base units (`1500000000000000000`) or a decimal in whole units (`1.5`), as in transfers CSV. */
const amountText = z
  .string()
  .trim()
  .regex(/^\d{1,80}(\.\d{1,40})?$/, 'must be a whole number of base units or a decimal in whole units, no sign');
const usdText = z
  .string()
  .trim()
  .regex(/^\d{1,20}(\.\d{1,40})?$/, 'must be a decimal number of dollars, no sign or separators');
const incidentFields = {
  title: z.string().trim().max(LIMITS.title),
  victimId: entityId,
  /** Defaults to the victim's jurisdiction when it has exactly one. */
  jurisdiction: countryCode.nullable(),
  /** ISO-8601; stored in UTC. */
  time: isoTime,
  /** The asset as `ETH`, `USDT`, or `ETH:USDT` (chain and symbol) or `ETH:0xcontract`. */
  asset: z.string().trim().min(1).max(120),
  amount: amountText,
  /** Dollars at the time, accepted only where the price table has no price for the asset that day. */
  usd: usdText.nullable(),
  source: z.string().trim().max(2000),
  note: z.string().max(LIMITS.description),
  /** CHAIN:TXHASH, the theft transactions. */
  txs: z.array(z.string().trim().min(1).max(200)).max(1000),
  /** CHAIN:ADDRESS, the victim's addresses the funds left. */
  addresses: z.array(z.string().trim().min(1).max(400)).max(1000),
};

/** A node's stored state in full: `put` writes it, replacing what was there. */
export const NodeRecord = z
  .object({
    id: graphNodeId,
    /** Groups: the name shown; ignored for addresses (their label comes from tags). */
    label: z.string().trim().max(200).nullable().default(null),
    /** Groups: the kind of entity they stand for. */
    kind: z.enum(NODE_KINDS).nullable().default(null),
    parent: graphNodeId.nullable().default(null),
    position: z.object({ x: coordinate, y: coordinate }).nullable().default(null),
    pinned: z.boolean().default(false),
    hidden: z.boolean().default(false),
    collapsed: z.boolean().default(false),
    color: colour.default(null),
    flags: flagList.default([]),
    note: noteText.default(''),
  })
  .strict();
export type NodeRecord = z.input<typeof NodeRecord>;

/** An edge's stored state: the two ends and the asset name the transfers; the rest is annotation. */
export const EdgeRecord = z
  .object({
    source: graphNodeId,
    target: graphNodeId,
    assetId: z.number().int().positive(),
    hidden: z.boolean().default(false),
    color: colour.default(null),
    flags: flagList.default([]),
    note: noteText.default(''),
  })
  .strict();
export type EdgeRecord = z.input<typeof EdgeRecord>;

/** A time as the workspace stores it: ISO-8601 UTC with milliseconds. */
const storedTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'must be an ISO-8601 UTC time like 2026-01-02T03:04:05.000Z')
  .refine((t) => !Number.isNaN(Date.parse(t)) && new Date(t).toISOString() === t, 'is not a valid date and time');

/**
 * A case note. Without an id a new note is made; with one, that note is written (made again under that id when
 * it was deleted). The times are for undo, which puts a note back as it was; left out, a new note gets the
 * current time and an edited one keeps its creation time and, when its text changes, gets the current time.
 */
export const NoteRecord = z
  .object({
    id: z.number().int().positive().optional(),
    text: z.string().trim().min(1).max(LIMITS.description),
    createdAt: storedTime.optional(),
    updatedAt: storedTime.optional(),
  })
  .strict();
export type NoteRecord = z.input<typeof NoteRecord>;

/**
 * Every graph edit is a list of these, applied in order in one transaction. `put` writes records in full
 * (creating or replacing), `delete` removes by id (a node takes its edges and un-parents its members).
 */
export const GraphOp = z.discriminatedUnion('op', [
  z
    .object({
      op: z.literal('put'),
      nodes: z.array(NodeRecord).max(20_000).default([]),
      edges: z.array(EdgeRecord).max(50_000).default([]),
      notes: z.array(NoteRecord).max(1000).default([]),
    })
    .strict(),
  z
    .object({
      op: z.literal('delete'),
      nodes: z.array(graphNodeId).max(20_000).default([]),
      edges: z.array(z.string().min(1).max(700)).max(50_000).default([]),
      notes: z.array(z.number().int().positive()).max(1000).default([]),
    })
    .strict(),
]);
export type GraphOp = z.input<typeof GraphOp>;

/** Phantom marker for a method's output type; nothing is validated at runtime on the way out. */
function returns<T>(): T {
  return undefined as T;
}

function method<I extends z.ZodType, O>(input: I, output: () => O, summary: string) {
  return { input, output, summary };
}

export const contract = {
  'case.list': method(
    z
      .object({
        query: z.string().max(LIMITS.query).optional(),
        status: CaseStatus.optional(),
      })
      .strict(),
    returns<Case[]>,
    'Cases, most recently updated first; query matches title, reference or investigator.',
  ),
  'case.get': method(z.object({ id: caseId }).strict(), returns<Case>, 'One case by id.'),
  'case.create': method(
    z
      .object({
        title,
        reference: caseFields.reference.optional(),
        investigator: caseFields.investigator.optional(),
        description: caseFields.description.optional(),
      })
      .strict(),
    returns<Case>,
    'Create an open case.',
  ),
  'case.update': method(
    z
      .object({
        id: caseId,
        title: caseFields.title.optional(),
        reference: caseFields.reference.optional(),
        investigator: caseFields.investigator.optional(),
        description: caseFields.description.optional(),
        status: caseFields.status.optional(),
      })
      .strict()
      .refine((v) => Object.keys(v).length > 1, { message: 'nothing to change: give at least one field besides id' }),
    returns<Case>,
    'Change some fields of a case.',
  ),
  'case.delete': method(z.object({ id: caseId }).strict(), returns<{ id: number }>, 'Delete a case.'),
  'address.check': method(
    z.object({ addresses: z.array(z.string().max(400)).min(1).max(100_000) }).strict(),
    returns<AddressCheckResult[]>,
    'Validate and normalise CHAIN:ADDRESS strings; never touches the workspace.',
  ),
  'address.show': method(
    z.object({ address: z.string().min(1).max(400) }).strict(),
    returns<AddressDetails>,
    'What the workspace knows of one CHAIN:ADDRESS: tags with source and confidence, entities, transfer counts.',
  ),
  'address.list': method(
    z
      .object({
        query: z.string().max(LIMITS.query).optional(),
        chain: z.string().max(12).optional(),
        ...pageFields,
      })
      .strict(),
    returns<Page<AddressRow>>,
    'Addresses of the workspace, tagged ones first; query matches the address, a tag label or an actor.',
  ),
  'entity.list': method(
    z
      .object({
        query: z.string().max(LIMITS.query).optional(),
        kind: z.enum(['actor', 'victim', 'service', 'unknown']).optional(),
        jurisdiction: z.string().length(2).optional(),
        ...pageFields,
      })
      .strict(),
    returns<Page<EntityRow>>,
    'Actors, victims and services; query matches the label, key or an alias.',
  ),
  'import.formats': method(z.object({}).strict(), returns<ImportFormat[]>, 'The formats the importer reads.'),
  'case.addresses': method(
    z.object({ id: caseId, ...pageFields }).strict(),
    returns<Page<AddressRow>>,
    'The addresses in a case, in the order they were added, with their best tag.',
  ),
  'graph.get': method(
    z.object({ caseId }).strict(),
    returns<CaseGraph>,
    "A case's fund-flow graph: nodes, edges with their totals, annotations and case notes.",
  ),
  'graph.apply': method(
    z.object({ caseId, ops: z.array(GraphOp).min(1).max(100) }).strict(),
    returns<GraphChange>,
    'Apply graph edits in one transaction; answers with what changed and the ops that undo it.',
  ),
  'graph.neighbours': method(
    z
      .object({
        caseId,
        address: z.string().min(1).max(400),
        direction: z.enum(['out', 'in', 'both']),
        /** Keep the largest N flows by value (USD where priced, then amount). */
        top: z.number().int().min(1).max(5000).default(50),
        /** Base units of the chosen asset; needs assetId. */
        minAmount: z
          .string()
          .regex(/^\d{1,80}$/, 'must be a whole number of base units')
          .optional(),
        assetId: z.number().int().positive().optional(),
        from: isoTime.optional(),
        to: isoTime.optional(),
      })
      .strict(),
    returns<{ total: number; rows: NeighbourRow[] }>,
    "An address's counterparties from the workspace transfers (UTXO inputs to outputs), largest first.",
  ),
  'graph.edgeTransfers': method(
    z
      .object({
        source: z.string().min(1).max(400),
        target: z.string().min(1).max(400),
        assetId: z.number().int().positive(),
        ...pageFields,
      })
      .strict(),
    returns<Page<TransferRow>>,
    'The transfers behind one edge, oldest first.',
  ),
  'address.flows': method(
    z.object({ address: z.string().min(1).max(400) }).strict(),
    returns<AddressFlows>,
    'Totals in and out of an address per asset.',
  ),
  'address.transfers': method(
    z
      .object({
        address: z.string().min(1).max(400),
        direction: z.enum(['out', 'in', 'both']).default('both'),
        ...pageFields,
      })
      .strict(),
    returns<Page<TransferRow>>,
    'The transfers of an address, oldest first.',
  ),
  'trace.list': method(
    z.object({ caseId: caseId.optional() }).strict(),
    returns<StoredTraceSummary[]>,
    'Stored traces, newest first: all of them, or those of one case.',
  ),
  'trace.get': method(
    z.object({ id: traceId }).strict(),
    returns<StoredTrace>,
    'A stored trace: its parameters, the app version that ran it, and its report with the report’s SHA-256.',
  ),
  'reference.get': method(
    z.object({}).strict(),
    returns<ReferenceData>,
    'The countries (ISO-3166 alpha-2) and confidence levels the workspace knows.',
  ),
  'entity.get': method(z.object({ id: entityId }).strict(), returns<EntityDetails>, 'One entity with all it holds.'),
  'entity.create': method(
    z
      .object({
        label: entityFields.label,
        kind: entityFields.kind,
        jurisdictions: entityFields.jurisdictions.default([]),
        aliases: entityFields.aliases.default([]),
        categories: entityFields.categories.default([]),
        uri: entityFields.uri.optional(),
        description: entityFields.description.default(''),
      })
      .strict(),
    returns<EntityDetails>,
    'Create an actor, victim or service; jurisdictions are checked against the country table.',
  ),
  'entity.update': method(
    z
      .object({
        id: entityId,
        label: entityFields.label.optional(),
        kind: entityFields.kind.optional(),
        jurisdictions: entityFields.jurisdictions.optional(),
        aliases: entityFields.aliases.optional(),
        categories: entityFields.categories.optional(),
        uri: entityFields.uri.optional(),
        description: entityFields.description.optional(),
      })
      .strict()
      .refine((v) => Object.keys(v).length > 1, { message: 'nothing to change: give at least one field besides id' }),
    returns<EntityDetails>,
    'Change some fields of an entity (lists are replaced whole).',
  ),
  'entity.merge': method(
    z.object({ into: entityId, from: z.array(entityId).min(1).max(100) }).strict(),
    returns<EntityDetails>,
    'Merge duplicates into one entity: their tags, incidents, jurisdictions, aliases and categories move to it.',
  ),
  'incident.list': method(
    z.object({ caseId }).strict(),
    returns<Incident[]>,
    "A case's incidents, oldest first, with their attributions.",
  ),
  'incident.get': method(z.object({ id: incidentId }).strict(), returns<Incident>, 'One incident.'),
  'incident.create': method(
    z
      .object({
        caseId,
        title: incidentFields.title.default(''),
        victimId: incidentFields.victimId,
        jurisdiction: incidentFields.jurisdiction.optional(),
        time: incidentFields.time,
        asset: incidentFields.asset,
        amount: incidentFields.amount,
        usd: incidentFields.usd.optional(),
        source: incidentFields.source.default(''),
        note: incidentFields.note.default(''),
        txs: incidentFields.txs.default([]),
        addresses: incidentFields.addresses.default([]),
      })
      .strict(),
    returns<Incident>,
    'Record a theft in a case; its USD comes from the price table, or is typed in where no price exists.',
  ),
  'incident.update': method(
    z
      .object({
        id: incidentId,
        title: incidentFields.title.optional(),
        victimId: incidentFields.victimId.optional(),
        jurisdiction: incidentFields.jurisdiction.optional(),
        time: incidentFields.time.optional(),
        asset: incidentFields.asset.optional(),
        amount: incidentFields.amount.optional(),
        usd: incidentFields.usd.optional(),
        source: incidentFields.source.optional(),
        note: incidentFields.note.optional(),
        txs: incidentFields.txs.optional(),
        addresses: incidentFields.addresses.optional(),
      })
      .strict()
      .refine((v) => Object.keys(v).length > 1, { message: 'nothing to change: give at least one field besides id' }),
    returns<Incident>,
    'Change some fields of an incident; its USD is valued again when time, asset or amount change.',
  ),
  'incident.delete': method(z.object({ id: incidentId }).strict(), returns<{ id: number }>, 'Delete an incident.'),
  'incident.attribute': method(
    z
      .object({
        id: incidentId,
        actorId: entityId,
        source: z.string().trim().min(1, 'must not be empty: say where the attribution comes from').max(2000),
        confidence: z.string().trim().min(1).max(60),
      })
      .strict(),
    returns<Incident>,
    'Attribute an incident to an actor directly, with a source and a confidence (replaces an earlier one).',
  ),
  'incident.unattribute': method(
    z.object({ id: incidentId, actorId: entityId }).strict(),
    returns<Incident>,
    "Remove an incident's direct attribution to an actor.",
  ),
  'incident.setTrace': method(
    z.object({ id: incidentId, traceId: traceId.nullable() }).strict(),
    returns<Incident>,
    'Link the stored trace (of the same case) that attributes the incident by tracing, or unlink it (null).',
  ),
  'summary.get': method(
    z
      .object({
        /** The actor's entity id, or its key (e.g. lazarusgroup). */
        actor: z.union([entityId, z.string().trim().min(1).max(200)]),
        /** Inclusive dates, YYYY-MM-DD, on the incident's UTC time. */
        from: z.string().max(40).optional(),
        to: z.string().max(40).optional(),
        /** Confidence level 0–100 an attribution must reach. */
        minConfidence: z.number().int().min(0).max(100).default(50),
        /** Only this case's incidents; every case when absent. */
        caseId: caseId.optional(),
      })
      .strict(),
    returns<LossSummary>,
    "An actor's attributed losses per victim jurisdiction and per year, and cash-out exposure per service jurisdiction.",
  ),
} as const;

/** The case report's optional sections, in print order (the cover, contents and manifest are always printed). */
export const REPORT_SECTIONS = [
  'summary',
  'incidents',
  'cashout',
  'graph',
  'traces',
  'addresses',
  'notes',
  'methodology',
  'transfers',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/**
 * Long work: runs in the engine, reports progress, can be cancelled, and ends with a result. A job's input is
 * validated like a call's.
 */
function job<I extends z.ZodType, P, O>(input: I, progress: () => P, output: () => O, summary: string) {
  return { input, progress, output, summary };
}

export const jobs = {
  'import.files': job(
    z
      .object({
        files: z.array(z.string().min(1).max(4096)).min(1).max(1000),
        format: z.string().max(40).optional(),
        /** The case that imported addresses go into (address lists). */
        caseId: caseId.optional(),
      })
      .strict(),
    returns<ImportProgress>,
    returns<ImportBatchReport>,
    'Import files, each in one transaction; the report lists every refused record with its file and line.',
  ),
  'import.text': job(
    z
      .object({
        /** Pasted text: an address list, a TagPack, a CSV… */
        text: z
          .string()
          .min(1)
          .max(10 * 1024 * 1024),
        /** What the report calls it, e.g. "pasted addresses.txt"; its extension helps detection. */
        name: z.string().min(1).max(200),
        format: z.string().max(40).optional(),
        caseId: caseId.optional(),
      })
      .strict(),
    returns<ImportProgress>,
    returns<ImportBatchReport>,
    'Import pasted text exactly as a file of that name would be imported.',
  ),
  'export.caseData': job(
    z
      .object({
        caseId,
        /** summary (per actor: jurisdictions, years, cash-out), incidents, graph (edges), transfers (behind the edges). */
        what: z.enum(['summary', 'incidents', 'graph', 'transfers']),
        format: z.enum(['csv', 'json']).default('csv'),
        /** The file to write; it appears only once complete. */
        out: z.string().min(1).max(4096),
        /** For the summary: the confidence level an attribution must reach. */
        minConfidence: z.number().int().min(0).max(100).default(50),
      })
      .strict(),
    returns<null>,
    returns<{ file: string; rows: number; sha256: string }>,
    "Write a case's loss summary, incidents, graph or transfers as CSV or JSON, amounts exact.",
  ),
  'export.tagpack': job(
    z
      .object({
        /** The file to write; it appears only once complete. */
        out: z.string().min(1).max(4096),
        /** Only the tags on this case's addresses; all tags when absent. */
        caseId: caseId.optional(),
        title: z.string().trim().min(1).max(200).default('Ariadne tags'),
        creator: z.string().trim().min(1).max(200).default('Ariadne'),
        description: z.string().max(2000).optional(),
      })
      .strict(),
    returns<null>,
    returns<{ file: string; tags: number; sha256: string }>,
    'Write tags as a GraphSense TagPack that imports back with nothing lost.',
  ),
  'trace.run': job(
    z
      .object({
        /** CHAIN:ADDRESS, optionally @ISO-TIME: the coins that reach it from then on are tainted. */
        seeds: z.array(z.string().min(1).max(300)).max(1000).optional(),
        /** CHAIN:TXHASH: the theft transaction's transfers are tainted. */
        txs: z.array(z.string().min(1).max(200)).max(1000).optional(),
        /** Incident ids: their theft transactions are seeds, as --tx would give them. */
        incidents: z.array(incidentId).max(1000).optional(),
        direction: z.enum(['forward', 'backward']),
        method: z.enum(['poison', 'haircut', 'fifo']),
        hops: z.number().int().min(0).max(100),
        /** Base units: taint below it is not followed. */
        minAmount: z
          .string()
          .regex(/^\d{1,80}$/, 'must be a whole number of base units')
          .optional(),
        /** Entity kinds or categories that stop the trace, e.g. exchange, service. */
        stopAt: z.array(z.string().min(1).max(60)).max(50).optional(),
        from: z.string().max(40).optional(),
        to: z.string().max(40).optional(),
        /** CHAIN:ADDRESS: taint sent there (forward) or coming from there (backward) leaves the trace. */
        exclude: z.array(z.string().min(1).max(300)).max(1000).optional(),
        /** Trace only these assets (ETH, USDT or ETH:USDT…); all the seeds hold when absent. */
        assets: z.array(z.string().trim().min(1).max(80)).max(50).optional(),
        /** Addresses tagged with an actor (entity kind actor) are endpoints. */
        actorEndpoints: z.boolean().optional(),
        /** The case the trace belongs to, when saved. */
        caseId: caseId.optional(),
        /** Store the trace (parameters and report); the report then carries its id. */
        save: z.boolean().optional(),
      })
      .strict(),
    returns<null>,
    returns<TraceReport>,
    'Trace taint forward (where it went) or backward (where it came from) through the workspace transfers or UTXO transactions, with the method and parameters given.',
  ),
  'trace.rerun': job(
    z.object({ id: traceId }).strict(),
    returns<null>,
    returns<TraceRerun>,
    'Run a stored trace again with its stored parameters and say whether the report is identical, byte for byte.',
  ),
  'report.export': job(
    z
      .object({
        caseId,
        /** The PDF to write; FILE.manifest.json goes beside it. Both appear only once complete. */
        out: z.string().min(1).max(4096),
        /** The sections to print (the cover, contents and manifest always are); all when absent. */
        sections: z.array(z.enum(REPORT_SECTIONS)).min(1).max(REPORT_SECTIONS.length).optional(),
        /** Confidence level an attribution must reach to count in the loss summary. */
        minConfidence: z.number().int().min(0).max(100).default(50),
        /** Only stored traces of this method; all of the case's when absent. */
        method: z.enum(['poison', 'haircut', 'fifo']).optional(),
        /** Shorten addresses (first 6 … last 4) everywhere in the PDF. */
        redact: z.boolean().default(false),
        /** The classification line on the cover and every page. */
        classification: z
          .string()
          .trim()
          .min(1)
          .max(120)
          .default('Restricted — prepared for investigation and court use'),
      })
      .strict(),
    returns<ReportProgress>,
    returns<ReportExportResult>,
    "Export a case's court-ready PDF report, with its integrity manifest as JSON beside it; recorded in the audit log.",
  ),
  'demo.build': job(
    z
      .object({
        /** Multiplies the background chain data (1 ≈ 100k transfers, 10 ≈ 1M); the incidents stay the same. */
        scale: z.number().positive().max(100).default(1),
      })
      .strict(),
    returns<DemoProgress>,
    returns<DemoResult>,
    'Build the demo workspace "DPRK thefts 2017–2022" into an empty workspace: Lazarus Group, victims, chain data, and a case whose incidents are attributed by stored traces.',
  ),
} as const;

export type Jobs = typeof jobs;
export type JobName = keyof Jobs;
export type JobInput<J extends JobName> = z.input<Jobs[J]['input']>;
export type ParsedJobInput<J extends JobName> = z.output<Jobs[J]['input']>;
export type JobProgress<J extends JobName> = ReturnType<Jobs[J]['progress']>;
export type JobOutput<J extends JobName> = ReturnType<Jobs[J]['output']>;

/** What a running job tells its caller, in order: progress any number of times, then done or failed. */
export type JobEvent<J extends JobName = JobName> =
  | { type: 'progress'; progress: JobProgress<J> }
  | { type: 'done'; result: JobOutput<J> }
  | { type: 'failed'; error: ApiErrorShape };

export function isJob(name: unknown): name is JobName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(jobs, name);
}

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller may send (before defaults and trimming). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = ReturnType<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'forbidden',
  'workspace',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
}

/** The envelope every transport carries, so errors survive IPC and HTTP with their code intact. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ApiErrorShape };

/** A client with one async function per method, typed by the contract. */
export type Client = { [M in Method]: (input: Input<M>) => Promise<Output<M>> };

export interface JobRunOptions<J extends JobName> {
  onProgress?: (progress: JobProgress<J>) => void;
  /** Aborting cancels the job; the workspace is left as it was before it. */
  signal?: AbortSignal;
}

/** Long work, typed by the contract: resolves with the job's result, rejects with its error. */
export type JobClient = {
  [J in JobName]: (input: JobInput<J>, options?: JobRunOptions<J>) => Promise<JobOutput<J>>;
};

/** Commands of Electron's application menu, sent to the renderer (which owns what they mean). */
export const MENU_COMMANDS = [
  'new-case',
  'import',
  'add-addresses',
  'show-cases',
  'show-addresses',
  'show-entities',
  'export-report',
  'show-summary',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
