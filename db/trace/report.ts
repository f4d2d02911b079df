/** A trace's result as the API, the CLI and reports give it: workspace terms, exact decimal text. */
export interface TraceReport {
  method: string;
  direction: string;
  seeds: string[];
  parameters: { hops: number; minAmount: string; stopAt: string[]; from: string | null; to: string | null };
  /** Transfers replayed and addresses reached: the size of the traced subgraph. */
  loaded: { transfers: number; addresses: number };
  addresses: { address: string; asset: string; tainted: string; share: string | null; hops: number }[];
  endpoints: { entity: string; jurisdiction: string | null; asset: string; tainted: string; addresses: string[] }[];
  unaccounted: { asset: string; remaining: string; beyondHops: string; belowMinimum: string; excluded: string }[];
  totals: { asset: string; seeded: string; endpoints: string; roundedOutflows: number }[];
}
