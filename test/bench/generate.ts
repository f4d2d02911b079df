/**
 * The benchmarks' transfers file: deterministic EVM transfers (ETH and USDT) between random addresses, one
 * every 3 seconds, as a transfers CSV the real importer reads. Shared by bench:import and bench:trace.
 */
import fs from 'node:fs';
import { toChecksumAddress } from '../../db/chains/evm';
import { random } from '../../db/demo/random';

export { random };

function hex(next: () => number, digits: number): string {
  let out = '';
  while (out.length < digits) out += next().toString(16).padStart(8, '0');
  return out.slice(0, digits);
}

export async function generate(file: string, rows: number, addressCount: number): Promise<void> {
  const next = random(20260202);
  // Exports mix spellings: most lower-case, some EIP-55 checksummed, as explorers print them.
  const addresses = Array.from({ length: addressCount }, (_, i) => {
    const digits = hex(next, 40);
    return i % 10 === 0 ? toChecksumAddress(digits) : `0x${digits}`;
  });
  const pick = () => addresses[next() % addressCount] as string;
  const out = fs.createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve));
  await write('chain,tx_hash,index,time,block,from,to,asset,amount\n');
  let chunk = '';
  const start = 1_600_000_000;
  for (let i = 0; i < rows; i++) {
    const usdt = next() % 4 === 0;
    // Wei amounts beyond 64 bits, and some decimals in whole units.
    const amount = usdt
      ? `${next() % 100000}.${String(next() % 1000000).padStart(6, '0')}`
      : `${next()}${String(next()).padStart(10, '0')}${String(next()).padStart(10, '0')}`;
    const time = start + i * 3;
    chunk += `ETH,0x${hex(next, 64)},${next() % 4},${time},${10_000_000 + Math.floor(i / 50)},${pick()},${pick()},${usdt ? 'USDT' : 'ETH'},${amount}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
