/**
 * A seeded pseudo-random source (xorshift32): the same numbers on every run and every machine, so generated
 * files (the demo workspace, the benchmarks' transfers) are byte-identical for the same seed.
 */
export function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

/** Two hex digits per byte value: hashes are drawn by the hundred thousand, and this is the hot path. */
const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Draws from a `random` source: integers, fractions, hex digits, picks. */
export class Draw {
  constructor(private readonly next: () => number) {}

  /** An integer in [0, n). */
  below(n: number): number {
    return this.next() % n;
  }

  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.below(hi - lo + 1);
  }

  /** A fraction in [0, 1) with 32 bits. */
  fraction(): number {
    return this.next() / 4294967296;
  }

  hex(digits: number): string {
    let out = '';
    while (out.length < digits) {
      const v = this.next();
      out += `${BYTE_HEX[v >>> 24]}${BYTE_HEX[(v >>> 16) & 255]}${BYTE_HEX[(v >>> 8) & 255]}${BYTE_HEX[v & 255]}`;
    }
    return out.slice(0, digits);
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.next() & 0xff;
    return out;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.below(items.length)] as T;
  }
}
