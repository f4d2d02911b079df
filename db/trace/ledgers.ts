/**
 * What one method remembers about one address's holdings of one asset (`S`), and what a transfer carries from
 * it (`P`, the parcel). The engine owns the order of events and the cut-offs; a ledger only answers "how much
 * of this outflow is tainted" and "what does this inflow add". UTXO tracing can reuse the ledgers by treating
 * a transaction's inputs as one sender state and splitting its parcel over the outputs in order.
 *
 * Partial data: an outflow larger than the balance the traced transfers explain is covered by clean coins of
 * unknown origin, exactly the shortfall, added at the moment of the outflow (the smallest earlier balance the
 * data allows). The shortfall is reported as the `deficit`; balances never go negative.
 */
export interface TaintLedger<S, P> {
  open(): S;
  send(state: S, amount: bigint): Outflow<P>;
  receive(state: S, amount: bigint, parcel: P): void;
  clean(amount: bigint): P;
  tainted(parcel: P): bigint;
  /** Marks up to `limit` clean coins of a parcel of `amount` coins as tainted, the first coins first. */
  mark(parcel: P, amount: bigint, limit: bigint): P;
  /** Taint still at the address. */
  held(state: S): bigint;
}

export interface Outflow<P> {
  readonly parcel: P;
  readonly tainted: bigint;
  readonly deficit: bigint;
  /** The exact tainted share was not a whole number of base units (haircut only). */
  readonly rounded: boolean;
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);

/** Parcels of poison and haircut: the tainted amount of the transfer. */
const markAmount = (tainted: bigint, amount: bigint, limit: bigint) => tainted + min(amount - tainted, limit);

interface PoisonState {
  balance: bigint;
  tainted: boolean;
}

/**
 * Poison: once any taint has arrived, every later outflow is tainted in full, and everything the address holds
 * counts as held taint. It marks reachability rather than measuring value: an address that received 1 tainted
 * unit and 99 clean ones sends 100 tainted. DESIGN.md says every method conserves value; poison cannot in
 * amount terms, so conservation is claimed (and tested) for haircut and FIFO only.
 */
export const poisonLedger: TaintLedger<PoisonState, bigint> = {
  open: () => ({ balance: 0n, tainted: false }),
  send(state, amount) {
    const deficit = amount > state.balance ? amount - state.balance : 0n;
    state.balance += deficit - amount;
    return { parcel: state.tainted ? amount : 0n, tainted: state.tainted ? amount : 0n, deficit, rounded: false };
  },
  receive(state, amount, parcel) {
    state.balance += amount;
    if (parcel > 0n) state.tainted = true;
  },
  clean: () => 0n,
  tainted: (parcel) => parcel,
  mark: markAmount,
  held: (state) => (state.tainted ? state.balance : 0n),
};

interface HaircutState {
  balance: bigint;
  taint: bigint;
}

/**
 * Haircut: an outflow of `a` from a balance `B` holding taint `T` carries floor(a·T/B). Flooring keeps the
 * fractional remainder (less than one base unit) at the sender as taint, so no taint is created and none is
 * lost; the engine counts the outflows where this happened.
 */
export const haircutLedger: TaintLedger<HaircutState, bigint> = {
  open: () => ({ balance: 0n, taint: 0n }),
  send(state, amount) {
    const deficit = amount > state.balance ? amount - state.balance : 0n;
    state.balance += deficit;
    if (state.balance === 0n) return { parcel: 0n, tainted: 0n, deficit, rounded: false };
    const product = amount * state.taint;
    const tainted = product / state.balance;
    const rounded = product % state.balance !== 0n;
    state.balance -= amount;
    state.taint -= tainted;
    return { parcel: tainted, tainted, deficit, rounded };
  },
  receive(state, amount, parcel) {
    state.balance += amount;
    state.taint += parcel;
  },
  clean: () => 0n,
  tainted: (parcel) => parcel,
  mark: markAmount,
  held: (state) => state.taint,
};

/** A run of coins that arrived together and are all tainted or all clean. */
export interface Lot {
  readonly amount: bigint;
  readonly tainted: boolean;
}

interface FifoState {
  /** Oldest first; lots before `head` are spent. */
  lots: Lot[];
  head: number;
  taint: bigint;
}

/** Appends a run, merging it with the last one when both are tainted or both clean, to keep queues short. */
function pushLot(lots: Lot[], from: number, amount: bigint, tainted: boolean): void {
  if (amount === 0n) return;
  const last = lots.length > from ? lots[lots.length - 1] : undefined;
  if (last !== undefined && last.tainted === tainted) lots[lots.length - 1] = { amount: last.amount + amount, tainted };
  else lots.push({ amount, tainted });
}

const taintOfLots = (lots: readonly Lot[]) => lots.reduce((sum, lot) => (lot.tainted ? sum + lot.amount : sum), 0n);

/**
 * FIFO: coins leave in the order they arrived. A transfer carries its coins as an ordered list of runs, so the
 * recipient queues them in the order the sender spent them: a transfer of 30 clean then 50 tainted coins puts
 * the clean 30 ahead of the tainted 50 in the recipient's queue.
 */
export const fifoLedger: TaintLedger<FifoState, readonly Lot[]> = {
  open: () => ({ lots: [], head: 0, taint: 0n }),
  send(state, amount) {
    const parcel: Lot[] = [];
    let left = amount;
    while (left > 0n && state.head < state.lots.length) {
      const lot = state.lots[state.head] as Lot;
      const take = min(lot.amount, left);
      pushLot(parcel, 0, take, lot.tainted);
      left -= take;
      if (take === lot.amount) state.head += 1;
      else state.lots[state.head] = { amount: lot.amount - take, tainted: lot.tainted };
    }
    // Dropping spent lots in bulk keeps sends O(1) amortised instead of shifting the array on every lot.
    if (state.head > 64 && state.head * 2 > state.lots.length) {
      state.lots.splice(0, state.head);
      state.head = 0;
    }
    pushLot(parcel, 0, left, false);
    const tainted = taintOfLots(parcel);
    state.taint -= tainted;
    return { parcel, tainted, deficit: left, rounded: false };
  },
  receive(state, _amount, parcel) {
    for (const lot of parcel) pushLot(state.lots, state.head, lot.amount, lot.tainted);
    state.taint += taintOfLots(parcel);
  },
  clean: (amount) => (amount === 0n ? [] : [{ amount, tainted: false }]),
  tainted: taintOfLots,
  mark(parcel, _amount, limit) {
    const marked: Lot[] = [];
    let left = limit;
    for (const lot of parcel) {
      if (lot.tainted || left === 0n) {
        pushLot(marked, 0, lot.amount, lot.tainted);
        continue;
      }
      const take = min(lot.amount, left);
      pushLot(marked, 0, take, true);
      pushLot(marked, 0, lot.amount - take, false);
      left -= take;
    }
    return marked;
  },
  held: (state) => state.taint,
};
