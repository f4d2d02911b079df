import type { NodeKind } from '../api/contract';

/** One hop of a path: addresses as CHAIN:ADDRESS, the transaction's hash, the taint on that hop (base units). */
export interface TraceReportHop {
  from: string;
  to: string;
  tx: string;
  amount: string;
}

/** A path and its taint: the bottleneck, the smallest taint on any of its hops (see paths.ts). */
export interface TraceReportPath {
  taint: string;
  hops: TraceReportHop[];
}

export interface TraceReportAmount {
  asset: string;
  tainted: string;
}

/** A trace's result as the API, the CLI and reports give it: workspace terms, exact decimal text. */
export interface TraceReport {
  /** The stored trace's id, when it was saved. */
  id?: number;
  method: string;
  direction: string;
  seeds: string[];
  parameters: {
    hops: number;
    minAmount: string;
    stopAt: string[];
    from: string | null;
    to: string | null;
    /** CHAIN:ADDRESS, as given: taint (forward) or demand (backward) reaching them leaves the trace. */
    exclude: string[];
    /** The assets traced, when restricted; empty: every asset the seeds hold. */
    assets: string[];
    /** Addresses tagged with an actor (entity kind `actor`) are endpoints. */
    actorEndpoints: boolean;
  };
  /** The chain model traced: account transfers or UTXO transactions. */
  model: 'account' | 'utxo';
  /** Transfers (or UTXO transactions) replayed and addresses reached: the size of the traced subgraph. */
  loaded: { transfers: number; addresses: number };
  addresses: { address: string; asset: string; tainted: string; share: string | null; hops: number }[];
  /**
   * Every pair of addresses that taint moved between, per asset: the taint summed over the transfers (UTXO:
   * outputs) that carried it, and how many there were. Hops cut off (excluded, beyond the hop limit, below the
   * minimum) are included, since the taint did make that hop. UTXO: an output's taint is split over the input
   * addresses it came from (see UtxoFlow.parts). Sorted by asset, then from, then to.
   */
  edges: { from: string; to: string; asset: string; tainted: string; transfers: number }[];
  /**
   * Per endpoint entity and asset (forward: where the taint ended; backward: the sources). `usd` values each
   * arrival (forward) or departure (backward) at its UTC day's price, truncated to the cent; null when a day
   * has no price. `paths`: the three paths that carried the most taint to (or from) its addresses.
   */
  endpoints: {
    entity: string;
    jurisdiction: string | null;
    /**
     * How the endpoint looks on the graph (db/graph/kind.ts) from the most confident tag of its first address:
     * exchange, mixer, bridge, service, actor, victim or unknown (no tag). Cash-out exposure counts exchanges,
     * mixers, bridges and other services. Absent from reports stored before it existed.
     */
    kind?: NodeKind;
    asset: string;
    tainted: string;
    usd: string | null;
    addresses: string[];
    paths: TraceReportPath[];
  }[];
  /** Endpoint totals per entity over its assets; usd null unless every amount has a price. */
  totalsByEntity: { entity: string; jurisdiction: string | null; amounts: TraceReportAmount[]; usd: string | null }[];
  /**
   * Endpoint totals per jurisdiction (an entity's jurisdictions joined, e.g. "JP" or "JP,US"; null when unknown),
   * so no amount is counted twice.
   */
  totalsByJurisdiction: { jurisdiction: string | null; amounts: TraceReportAmount[]; usd: string | null }[];
  /**
   * Taint the trace could not follow to an endpoint, per asset. Forward: `remaining` is still in wallets.
   * Backward: `remaining` is of unknown origin (it entered the data at an address that is not an endpoint).
   * `fees` (forward UTXO: paid to miners) and `unaddressed` (UTXO: on outputs without an address, or backward
   * minted coins) are 0 for account chains.
   */
  unaccounted: {
    asset: string;
    remaining: string;
    beyondHops: string;
    belowMinimum: string;
    excluded: string;
    fees: string;
    unaddressed: string;
  }[];
  /** `rounded`: haircut shares that were not whole base units (account forward: each kept back < 1 unit). */
  totals: { asset: string; seeded: string; endpoints: string; roundedOutflows: number }[];
}
