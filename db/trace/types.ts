/**
 * The tracing core's vocabulary. It knows nothing of SQLite: a loader turns stored rows into `Transfer`s
 * (amounts parsed from their decimal text with BigInt) and the caller maps result addresses to entities and
 * jurisdictions. Every amount is an exact integer in base units.
 *
 * Addresses are opaque strings; callers use the normal form `CHAIN:ADDRESS` (e.g. `ETH:0x…`) so that the same
 * string never names two addresses on different chains. Assets are opaque strings too (e.g. `ETH`,
 * `ETH:0xdac1…` for a token); taint never moves between assets, each asset is traced on its own.
 */

export type Address = string;
export type Asset = string;

/** One value movement on an account chain. */
export interface Transfer {
  /**
   * Unique; it breaks ties between transfers with the same `time`, so a loader should assign ids in chain
   * order (block, position in block, log index) for same-second transfers to be replayed as they happened.
   */
  readonly id: number;
  /** Unix seconds. */
  readonly time: number;
  readonly from: Address;
  readonly to: Address;
  readonly asset: Asset;
  readonly amount: bigint;
}

export type TraceMethod = 'poison' | 'haircut' | 'fifo';

/** Only 'forward' is implemented; 'backward' is part of the contract so stored traces need no migration. */
export type TraceDirection = 'forward' | 'backward';

/**
 * Where taint enters the trace. Seeds mark coins that arrive in the traced transfers, so seeded taint is
 * always backed by an inflow the data shows (taint is never conjured from a balance the data cannot see):
 * - `address`: every inflow of `asset` to `address` with `time >= time` is tainted, first coins first, until
 *   `amount` units have been marked (no limit when `amount` is absent). Coins the address held before `time`
 *   stay clean; to taint a held balance, seed the transfer that brought it.
 * - `transfer`: the transfer's coins are tainted on arrival at its recipient, first coins first, up to
 *   `amount` (the whole transfer when absent). Theft transactions and incidents become seeds of this kind.
 * Only coins that are not already tainted are marked, so taint that cycles back to a seed is not counted
 * twice. A seed's recipient is at hop 0.
 */
export type Seed =
  | {
      readonly kind: 'address';
      readonly address: Address;
      readonly asset: Asset;
      readonly time: number;
      readonly amount?: bigint;
    }
  | { readonly kind: 'transfer'; readonly transferId: number; readonly amount?: bigint };

export interface TraceParams {
  readonly method: TraceMethod;
  readonly direction: TraceDirection;
  readonly seeds: readonly Seed[];
  /** Taint leaves addresses at hop < maxHops only; `Infinity` for no limit. Seeds are at hop 0. */
  readonly maxHops: number;
  /** A transfer whose tainted amount is below this is not followed; 0n follows everything. */
  readonly minAmount: bigint;
  /** Inclusive bounds in unix seconds; transfers outside are not seen at all, as if they were not loaded. */
  readonly timeWindow: { readonly from?: number; readonly to?: number };
  /** Cash-out points: taint that arrives here stops and is reported as an endpoint. */
  readonly stopAt: ReadonlySet<Address>;
  /** Taint sent to these addresses leaves the trace and is reported as unaccounted ('excluded'). */
  readonly excluded: ReadonlySet<Address>;
}

/** An exact, reduced fraction with `den > 0`. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

export interface AddressTaint {
  readonly address: Address;
  readonly asset: Asset;
  /** Fewest tainted transfers from a seed over any path that carried taint here, in time order. */
  readonly hops: number;
  /** Tainted part of the inflows, including taint marked here by a seed. */
  readonly received: bigint;
  /** Tainted part of the outflows, whether or not it was followed further. */
  readonly sent: bigint;
  /** Taint still here at the end of the traced transfers (see `TaintLedger.held` for each method). */
  readonly held: bigint;
  /** Taint that seeds marked here (part of `received`). */
  readonly seeded: bigint;
  /** Every inflow in the traced transfers, tainted or not. */
  readonly inflow: bigint;
  /** received / inflow; null when the address had no inflow. */
  readonly share: Fraction | null;
  /** Coins spent beyond the balance the traced transfers explain; they are treated as clean. */
  readonly deficit: bigint;
  readonly endpoint: boolean;
}

export type CutReason = 'excluded' | 'beyondHops' | 'belowMinimum';

/** A transfer that carried taint: the edges of the traced subgraph and the evidence for every figure. */
export interface TaintedFlow {
  readonly transferId: number;
  readonly time: number;
  readonly from: Address;
  readonly to: Address;
  readonly asset: Asset;
  readonly amount: bigint;
  readonly tainted: bigint;
  /** Why the taint was not followed to `to`; absent when it was. */
  readonly cut?: CutReason;
}

export interface Endpoint {
  readonly address: Address;
  readonly asset: Asset;
  readonly tainted: bigint;
  readonly hops: number;
}

/**
 * The balance sheet of one asset. For haircut and FIFO it is exact:
 * seeded = endpoints + remaining + beyondHops + belowMinimum + excluded.
 * Poison marks rather than measures, so its figures are flows of marked coins and the equation does not hold.
 */
export interface AssetTotals {
  readonly asset: Asset;
  readonly seeded: bigint;
  readonly endpoints: bigint;
  readonly unaccounted: {
    /** Still held by addresses that are not endpoints when the traced transfers end. */
    readonly remaining: bigint;
    /** Sent by addresses at the hop limit. */
    readonly beyondHops: bigint;
    /** Sent in transfers whose tainted amount was below `minAmount`. */
    readonly belowMinimum: bigint;
    /** Sent to excluded addresses. */
    readonly excluded: bigint;
  };
  /**
   * Haircut outflows whose exact share was not a whole number of base units. Each kept back less than one
   * unit at its sender (flooring), so the taint kept back by rounding is below this many base units.
   */
  readonly roundedOutflows: number;
}

export interface TraceResult {
  readonly method: TraceMethod;
  readonly direction: TraceDirection;
  /** Seed addresses and every address taint reached, sorted by asset then address. */
  readonly addresses: readonly AddressTaint[];
  /** Stop addresses that received taint, sorted by asset then address. */
  readonly endpoints: readonly Endpoint[];
  /** In replay order (time, then id). */
  readonly flows: readonly TaintedFlow[];
  /** Sorted by asset. */
  readonly totals: readonly AssetTotals[];
}
