import fc from 'fast-check';
import type { Transfer, UtxoTransaction } from '../../db/trace/types';

export const ADDRESSES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
export const ASSETS = ['ETH', 'USDT'];

/**
 * Transfers as a walk: most senders are one of the last four recipients, and time moves on by 0–2 seconds per transfer
 * (0 makes same-second ties), so taint actually travels; uniformly random senders rarely hold any. Amounts
 * are up to 1000 units of a per-case scale of 1, 2^40 or 2^60 plus noise below the scale: comparable sizes let
 * balances mix, and the large scales reach 2^70, well past 2^53 and 2^64.
 */
export const transfers = fc
  .tuple(
    fc.constantFrom(0n, 40n, 60n),
    fc.array(
      fc.record({
        step: fc.integer({ min: 0, max: 2 }),
        from: fc.constantFrom(...ADDRESSES),
        earlierRecipient: fc.option(fc.nat(), { freq: 4 }),
        to: fc.constantFrom(...ADDRESSES),
        asset: fc.constantFrom('ETH', 'ETH', 'ETH', ...ASSETS),
        amount: fc.bigInt({ min: 0n, max: 1000n }),
        noise: fc.bigInt({ min: 0n, max: 2n ** 60n - 1n }),
      }),
      { minLength: 1, maxLength: 40, size: 'max' },
    ),
  )
  .map(([scale, rows]) => {
    let time = 0;
    return rows.map((r, i): Transfer => {
      time += r.step;
      const previous =
        r.earlierRecipient === null || i === 0 ? undefined : rows[i - 1 - (r.earlierRecipient % Math.min(i, 4))];
      // Ids are not in time order, so the replay order really is the engine's sort.
      return {
        id: (i * 7919) % 10007,
        time,
        from: previous?.to ?? r.from,
        to: r.to,
        asset: r.asset,
        amount: (r.amount << scale) + (r.noise % (1n << scale)),
      };
    });
  });

export const UTXO_ADDRESSES = ['A', 'B', 'C', 'D', 'E', 'F'];

/**
 * Transactions built in chain order: each spends up to three of the six most recent unspent outputs (sometimes
 * also an input from outside the data), or is a coinbase when it spends nothing, and pays one to three outputs
 * (some without an address) by weights, the rounding and a random fee going to the fee.
 */
export const utxoTxs = fc
  .array(
    fc.record({
      step: fc.integer({ min: 0, max: 2 }),
      picks: fc.array(fc.nat(), { maxLength: 3 }),
      outside: fc.option(fc.bigInt({ min: 1n, max: 1000n }), { freq: 5 }),
      outputs: fc.array(
        fc.record({ address: fc.option(fc.constantFrom(...UTXO_ADDRESSES), { freq: 8 }), weight: fc.nat(1000) }),
        { minLength: 1, maxLength: 3 },
      ),
      fee: fc.nat(50),
      minted: fc.bigInt({ min: 1n, max: 5000n }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) => {
    let time = 0;
    const unspent: { txid: string; index: number; address: string | null; value: bigint }[] = [];
    return rows.map((r, i): UtxoTransaction => {
      time += r.step;
      const inputs: typeof unspent = [];
      for (const pick of r.picks) {
        if (unspent.length === 0) break;
        const at = unspent.length - 1 - (pick % Math.min(unspent.length, 6));
        inputs.push(...unspent.splice(at, 1));
      }
      if (r.outside !== null)
        inputs.push({ txid: `x${i}`, index: 0, address: UTXO_ADDRESSES[i % 6] ?? null, value: r.outside });
      const total = inputs.length === 0 ? r.minted : inputs.reduce((s, x) => s + x.value, 0n);
      const weights = r.outputs.reduce((s, o) => s + o.weight, 0) + r.fee + 1;
      const outputs = r.outputs.map((o, index) => ({
        index,
        address: o.address,
        value: (total * BigInt(o.weight)) / BigInt(weights),
      }));
      const txid = `t${i}`;
      unspent.push(...outputs.map((o) => ({ txid, ...o })));
      return { id: i, txid, time, asset: 'BTC', inputs, outputs };
    });
  });
