/**
 * Types of entities, incidents and the loss summary as the contract gives them. Like contract.ts, this file
 * must stay free of Node imports: the renderer type-checks against it.
 */

export const ENTITY_KINDS = ['actor', 'victim', 'service', 'unknown'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** An entity with everything the details panel and the editor show. */
export interface EntityDetails {
  id: number;
  /** The ActorPack id (e.g. `lazarusgroup`) or one made in the app; tags name their actor by it. */
  key: string | null;
  label: string;
  kind: EntityKind;
  /** ISO-3166 alpha-2 codes, sorted. */
  jurisdictions: string[];
  aliases: string[];
  categories: string[];
  uri: string | null;
  description: string;
  /** The ActorPack it came from; null for entities made in the app. */
  origin: { file: string; sha256: string; importedAt: string } | null;
  /** Tags naming it as their actor. */
  tags: number;
  incidents: { asVictim: number; asActor: number };
  /** Set when it was made or edited in the app; null for entities only ever imported. */
  createdAt: string | null;
  updatedAt: string | null;
}

/** The reference tables pickers need: countries and the confidence taxonomy. */
export interface ReferenceData {
  countries: { code: string; name: string }[];
  confidence: { id: string; label: string; level: number; description: string }[];
}

/** Where an incident's USD value comes from. */
export type UsdBasis = 'price' | 'typed' | 'none';

/** A direct attribution of an incident to an actor. */
export interface IncidentAttribution {
  actor: { id: number; key: string | null; label: string };
  source: string;
  confidence: string;
  confidenceLevel: number;
  createdAt: string;
}

export interface Incident {
  id: number;
  caseId: number;
  title: string;
  victim: { id: number; key: string | null; label: string; jurisdictions: string[] };
  /** The victim's jurisdiction this incident counts under (alpha-2); null when unknown. */
  jurisdiction: string | null;
  /** ISO-8601 UTC. */
  time: string;
  chain: string;
  asset: { id: number; chain: string; symbol: string; decimals: number };
  /** Base units, exact. */
  amount: string;
  /** Exact decimal dollars (not rounded); null when `usdBasis` is 'none'. */
  usd: string | null;
  usdBasis: UsdBasis;
  source: string;
  note: string;
  /** Theft transactions, CHAIN:TXHASH. */
  txs: string[];
  /** Victim addresses, CHAIN:ADDRESS in the normal form. */
  addresses: string[];
  actors: IncidentAttribution[];
  /** The stored trace (same case) that attributes it by tracing; null when none is linked. */
  traceId: number | null;
  createdAt: string;
  updatedAt: string;
}

/** Why an incident counts for the summary's actor: each basis that reaches the confidence threshold. */
export type AttributionBasis =
  | { basis: 'direct'; source: string; confidence: string; level: number }
  | {
      basis: 'trace';
      traceId: number;
      method: string;
      direction: string;
      /** SHA-256 of the stored report, so the figure can be checked against it. */
      sha256: string;
      /** The most confident tag among the addresses reached. */
      level: number;
      /** The addresses tagged with the actor (at or above the threshold) that the trace's taint reached. */
      addresses: {
        address: string;
        asset: string;
        /** The asset's decimals, to show `tainted` (base units) in whole units; null when the name is ambiguous. */
        decimals: number | null;
        tainted: string;
        tag: { label: string; source: string; confidence: string; level: number };
      }[];
    };

export interface SummaryIncident {
  id: number;
  caseId: number;
  title: string;
  victim: string;
  jurisdiction: string | null;
  time: string;
  year: number;
  chain: string;
  asset: string;
  amount: string;
  /** The asset's decimals, to show `amount` (base units) in whole units. */
  decimals: number;
  /** Exact decimal dollars; null when unknown. */
  usdExact: string | null;
  /** Rounded half-up to cents; null when unknown. */
  usd: string | null;
  usdBasis: UsdBasis;
  attribution: AttributionBasis[];
}

/** Loss summary for one actor. USD sums are exact; each figure is rounded half-up to cents once, for display. */
export interface LossSummary {
  actor: { id: number; key: string | null; label: string; jurisdictions: string[] };
  /** The parameters it was computed with (dates as given, inclusive). */
  from: string | null;
  to: string | null;
  minConfidence: number;
  caseId: number | null;
  total_usd: string;
  incidents: number;
  /** Counted incidents without a USD value (no price and none typed): in the counts, not in the sums. */
  unvalued: number;
  /** Counted incidents whose USD was typed in because no price existed. */
  typed: number;
  /** Per victim jurisdiction, largest USD first; `share` of total_usd as a fraction with four decimals. */
  jurisdictions: { code: string | null; name: string | null; incidents: number; usd: string; share: string }[];
  years: { year: number; incidents: number; usd: string }[];
  /**
   * Traced USD that reached exchanges and other services, per service jurisdiction, from the traces linked
   * to the counted incidents (each trace once). `incomplete`: some amounts had no price and are not in `usd`.
   */
  cashout: {
    code: string | null;
    name: string | null;
    usd: string;
    incomplete: boolean;
    entities: { entity: string; usd: string; traceIds: number[] }[];
  }[];
  /** Every incident counted, with the basis of its attribution: the drill-down behind each figure. */
  basis: SummaryIncident[];
}
