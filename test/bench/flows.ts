/**
 * bench:trace's transfers file: a deterministic, time-ordered economy shaped like the traces investigators run,
 * as a transfers CSV the real importer reads. One transfer every 3 seconds (no two in the same second), ETH and
 * some USDT, every amount at least one base unit. Funds move on soon after they arrive, in episodes:
 * - spends: a recently funded address (or any of the long-lived wallets) pays another
 *   wallet, now and then a new address, or an exchange deposit;
 * - peel chains: an address pays a small amount away and the rest to a fresh address, which does the same;
 * - fan-outs: one address pays 5–25 fresh addresses in a row (payouts, splitting stolen funds);
 * - consolidations: several recently funded addresses pay one address;
 * - exchanges: deposit addresses are swept to the exchange's hot wallet, and hot wallets pay withdrawals.
 * So a forward trace of 6 time-ordered hops reaches hundreds to thousands of addresses, as real ones do.
 */
import fs from 'node:fs';
import { toChecksumAddress } from '../../db/chains/evm';
import { random } from './generate';

/** Part of the cached workspace's name: change it when the generator changes. */
export const flowsVersion = 7;

const EXCHANGES = 20;
const DEPOSITS_PER_EXCHANGE = 250;
/** How many recently funded addresses can be picked to spend next. */
const RECENT = 2000;

/**
 * Writes the transfers CSV to `file`, and to `tagsFile` a TagPack that tags every exchange address (hot wallets
 * and deposit addresses) with the category `exchange`, as an investigator's attribution data would.
 */
export async function generateFlows(file: string, tagsFile: string, rows: number): Promise<{ addresses: number }> {
  const next = random(20261125);
  const unit = () => next() / 2 ** 32;
  const hex = (digits: number) => {
    let out = '';
    while (out.length < digits) out += next().toString(16).padStart(8, '0');
    return out.slice(0, digits);
  };
  const all: string[] = [];
  const fresh = () => {
    const digits = hex(40);
    const address = all.length % 10 === 0 ? toChecksumAddress(digits) : `0x${digits}`;
    all.push(address);
    return address;
  };
  const hot = Array.from({ length: EXCHANGES }, fresh);
  const deposits = Array.from({ length: EXCHANGES * DEPOSITS_PER_EXCHANGE }, fresh);
  const sinks = new Set([...hot, ...deposits]);
  // Long-lived wallets, one per sixteen transfers: each pays and is paid several times over the period.
  const users = Array.from({ length: Math.max(100, Math.round(rows / 16)) }, fresh);
  const anyUser = () => users[next() % users.length] as string;
  const recent: string[] = Array.from({ length: RECENT }, anyUser);
  let ring = 0;
  const funded = (address: string) => {
    recent[ring] = address;
    ring = (ring + 1) % RECENT;
  };
  const anyRecent = () => recent[next() % RECENT] as string;
  /** Funds mostly move on soon after they arrive; wallets also spend what they have held for a while. */
  const spender = () => (next() % 2 === 0 ? anyRecent() : anyUser());
  const deposit = () => deposits[next() % deposits.length] as string;

  const out = fs.createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve));
  await write('chain,tx_hash,index,time,block,from,to,asset,amount\n');
  let chunk = '';
  let row = 0;
  const start = 1_600_000_000;
  const emit = (from: string, to: string, scale: number) => {
    if (row >= rows || from === to) return;
    const usdt = next() % 8 === 0;
    // Wei beyond 64 bits; USDT in whole units with 6 decimals; never zero.
    const amount = usdt
      ? `${1 + Math.floor(scale * (next() % 100000))}.${String(next() % 1000000).padStart(6, '0')}`
      : `${1 + Math.floor(scale * (next() % 1000000))}${String(next()).padStart(10, '0')}${String(next()).padStart(4, '0')}`;
    chunk += `ETH,0x${hex(64)},${next() % 4},${start + row * 3},${10_000_000 + Math.floor(row / 50)},${from},${to},${usdt ? 'USDT' : 'ETH'},${amount}\n`;
    row += 1;
    if (!sinks.has(to)) funded(to);
  };

  while (row < rows) {
    const kind = unit();
    if (kind < 0.55) {
      const to = unit();
      emit(spender(), to < 0.05 ? fresh() : to < 0.85 ? anyUser() : deposit(), 1);
    } else if (kind < 0.58) {
      let holder = spender();
      for (let i = 3 + (next() % 6); i > 0; i--) {
        emit(holder, next() % 3 === 0 ? deposit() : anyUser(), 0.05);
        const rest = fresh();
        emit(holder, rest, 0.9);
        holder = rest;
      }
    } else if (kind < 0.63) {
      const from = spender();
      for (let i = 5 + (next() % 21); i > 0; i--) emit(from, next() % 2 === 0 ? fresh() : anyUser(), 0.2);
    } else if (kind < 0.68) {
      const to = next() % 2 === 0 ? fresh() : anyUser();
      for (let i = 3 + (next() % 8); i > 0; i--) emit(spender(), to, 0.5);
    } else if (kind < 0.84) {
      const exchange = next() % EXCHANGES;
      emit(
        deposits[exchange * DEPOSITS_PER_EXCHANGE + (next() % DEPOSITS_PER_EXCHANGE)] as string,
        hot[exchange] as string,
        2,
      );
    } else {
      emit(hot[next() % EXCHANGES] as string, next() % 4 === 0 ? fresh() : anyUser(), 1);
    }
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  const tags = [...hot, ...deposits].map(
    (address, i) =>
      `- address: '${address}'\n  label: Exchange ${1 + (i < EXCHANGES ? i : Math.floor((i - EXCHANGES) / DEPOSITS_PER_EXCHANGE))}\n  category: exchange`,
  );
  const header =
    'title: Bench exchanges\ncreator: bench\ncurrency: ETH\nconfidence: service_data\nsource: bench\ntags:\n';
  fs.writeFileSync(tagsFile, `${header}${tags.join('\n')}\n`);
  return { addresses: all.length };
}
