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

/** Forward: where did the seed's coins go. Backward: where did the seed's coins come from. */
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

// ---------------------------------------------------------------------------------------------------------
// UTXO chains (BTC-like). Taint lives on outputs (coins), not on addresses: an address's figures are sums over
// the outputs paid to it. See utxo.ts for the rules of each method.

/** The output an input spends, with the address and value the loader read from that output. */
export interface UtxoInput {
  readonly txid: string;
  readonly index: number;
  /** Null for a script without an address. */
  readonly address: Address | null;
  readonly value: bigint;
}

export interface UtxoOutput {
  /** The output's position (vout); coins are poured into outputs in ascending `index`. */
  readonly index: number;
  /** Null for OP_RETURN and other scripts without an address. */
  readonly address: Address | null;
  readonly value: bigint;
}

export interface UtxoTransaction {
  /**
   * Unique; it breaks ties between transactions with the same `time`, so a loader should assign ids in chain
   * order (block height, position in block): a transaction must come after the transactions it spends from.
   */
  readonly id: number;
  readonly txid: string;
  /** Unix seconds (the block time). */
  readonly time: number;
  /** The chain's coin, e.g. `BTC`; outputs are keyed by asset and txid, so forks that share txids stay apart. */
  readonly asset: Asset;
  /** In the transaction's own order. A coinbase has none (the loader drops the coinbase input). */
  readonly inputs: readonly UtxoInput[];
  readonly outputs: readonly UtxoOutput[];
}

/**
 * Where taint enters a UTXO trace; like `Seed`, seeds mark coins of outputs the data shows, first coins first:
 * - `output`: the output `txid:index` is tainted on creation, up to `amount` (all of it when absent).
 * - `address`: every output of `asset` paid to `address` by a transaction with `time >= time`, in replay order,
 *   until `amount` units have been marked (no limit when absent).
 * Seeded outputs are at hop 0.
 */
export type UtxoSeed =
  | {
      readonly kind: 'address';
      readonly address: Address;
      readonly asset: Asset;
      readonly time: number;
      readonly amount?: bigint;
    }
  | {
      readonly kind: 'output';
      readonly asset: Asset;
      readonly txid: string;
      readonly index: number;
      readonly amount?: bigint;
    };

/** As `TraceParams`; `maxHops` counts transactions: taint leaves only transactions whose hop is < maxHops. */
export type UtxoTraceParams = Omit<TraceParams, 'seeds'> & { readonly seeds: readonly UtxoSeed[] };

/** An output that carried taint: the edges of the traced subgraph (transaction → output). */
export interface UtxoFlow {
  readonly txid: string;
  readonly time: number;
  readonly asset: Asset;
  /** Addresses of the tainted inputs that fed the transaction, sorted (null for scripts without one). */
  readonly from: readonly (Address | null)[];
  readonly index: number;
  readonly to: Address | null;
  readonly value: bigint;
  /** Taint the method put on the output, before cut-offs (seeded taint is not included). */
  readonly tainted: bigint;
  readonly cut?: CutReason;
  /**
   * Which input addresses the output's taint came from. Forward: `tainted` split over the tainted input
   * addresses in proportion to the taint each spent in the transaction (largest remainder, so the parts add up
   * exactly; inputs without an address get no part). Backward: what of the demand on the output each input
   * address gave and the walk followed.
   */
  readonly parts?: readonly { readonly address: Address; readonly tainted: bigint }[];
}

/** A transaction that spent tainted coins: taintIn = taintOut + fee for haircut and FIFO. */
export interface UtxoTaintedTransaction {
  readonly txid: string;
  readonly time: number;
  readonly asset: Asset;
  /** The smallest hop of its tainted inputs. */
  readonly hops: number;
  readonly taintIn: bigint;
  /** Put on its outputs, before cut-offs. */
  readonly taintOut: bigint;
  /** Taint paid as the fee; it leaves the trace (see `UtxoAssetTotals`). */
  readonly fee: bigint;
}

/**
 * The balance sheet of one asset. For haircut and FIFO it is exact:
 * seeded = endpoints + remaining + beyondHops + belowMinimum + excluded + fees + unaddressed.
 */
export interface UtxoAssetTotals {
  readonly asset: Asset;
  readonly seeded: bigint;
  readonly endpoints: bigint;
  readonly unaccounted: AssetTotals['unaccounted'] & {
    /** Paid to miners as fees; not followed into coinbase outputs. */
    readonly fees: bigint;
    /** On unspent outputs without an address (OP_RETURN burns, non-standard scripts). */
    readonly unaddressed: bigint;
  };
  /**
   * Haircut outputs (the fee counted as one) whose exact share was not a whole number of base units. Each got
   * the share rounded down or up by the largest-remainder rule, so no taint is lost: the figures are exact.
   */
  readonly roundedOutputs: number;
}

export interface UtxoTraceResult {
  readonly method: TraceMethod;
  readonly direction: TraceDirection;
  /**
   * Seed addresses and every address taint reached, sorted by asset then address. `sent` is the taint of its
   * outputs that were spent, `held` that of its unspent ones, `inflow` the value of all outputs paid to it, and
   * `deficit` the value of inputs it spent whose outputs are not in the traced transactions (clean coins of
   * unknown origin).
   */
  readonly addresses: readonly AddressTaint[];
  readonly endpoints: readonly Endpoint[];
  /** In replay order (time, id), then by output index. */
  readonly flows: readonly UtxoFlow[];
  /** In replay order. */
  readonly transactions: readonly UtxoTaintedTransaction[];
  /** Sorted by asset. */
  readonly totals: readonly UtxoAssetTotals[];
}

// ---------------------------------------------------------------------------------------------------------
// Backward tracing: where did the coins come from? See backward.ts (account) and utxo-backward.ts (UTXO) for
// the rules; the results reuse `TraceResult` and `UtxoTraceResult` with the figures read backward.

/**
 * The coins whose origin is asked for (account chains):
 * - `holding`: the coins `address` held at the end of second `time`: all of them, or `amount` of them (FIFO: the
 *   `amount` last arrived, those that would leave last; haircut and poison: a proportional part). When `amount`
 *   exceeds the balance the traced transfers explain, the excess is coins of unknown origin at `address`.
 * - `transfer`: the coins a transfer carried (the first `amount` of them; all when absent). Its recipient is at
 *   hop 0, like a holding seed.
 * Seeds are separate questions: when two seeds ask about the same coins, haircut adds their attributions.
 */
export type BackwardSeed =
  | {
      readonly kind: 'holding';
      readonly address: Address;
      readonly asset: Asset;
      /** End of this second, unix seconds. */
      readonly time: number;
      readonly amount?: bigint;
    }
  | { readonly kind: 'transfer'; readonly transferId: number; readonly amount?: bigint };

export type BackwardTraceParams = Omit<TraceParams, 'seeds'> & { readonly seeds: readonly BackwardSeed[] };

/**
 * The coins whose origin is asked for (UTXO chains): `holding` as for accounts (the outputs paid to `address` and
 * not spent by the end of second `time`), or `output`: an output's coins (the first `amount` of them).
 */
export type UtxoBackwardSeed = Extract<BackwardSeed, { kind: 'holding' }> | Extract<UtxoSeed, { kind: 'output' }>;

export type UtxoBackwardTraceParams = Omit<TraceParams, 'seeds'> & { readonly seeds: readonly UtxoBackwardSeed[] };
