/**
 * USD values of amounts, exactly. A price is USD per whole unit of an asset on a UTC day, stored as decimal
 * text; an amount in base units is worth amount × price / 10^decimals. Sums are kept as exact decimals
 * (an integer over a power of ten) and rounded once, at the end, to cents, half-up (a half cent rounds away
 * from zero, as an accountant rounds by hand); no float ever touches a value.
 */
import type { Db } from './open';

/** 43250.12 as 4325012 over 10^2. */
function parseDecimal(text: string): { digits: bigint; scale: number } {
  const point = text.indexOf('.');
  if (point < 0) return { digits: BigInt(text), scale: 0 };
  return { digits: BigInt(text.slice(0, point) + text.slice(point + 1)), scale: text.length - point - 1 };
}

const TEN = 10n;

/** A non-negative num / 10^exp in dollars as text with two decimals, rounded half-up. */
function toCents(num: bigint, exp: number): string {
  let cents: bigint;
  if (exp <= 2) cents = num * TEN ** BigInt(2 - exp);
  else {
    const unit = TEN ** BigInt(exp - 2);
    cents = num / unit + ((num % unit) * 2n >= unit ? 1n : 0n);
  }
  const text = cents.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

/** An exact running total of USD values, and how many of the amounts added had a price. */
export class UsdSum {
  private num = 0n;
  private exp = 0;
  priced = 0;
  unpriced = 0;

  /** Adds amount (base units of an asset with `decimals`) at `price` USD per whole unit; null: no price. */
  add(amount: bigint, decimals: number, price: string | null): void {
    if (price === null) {
      this.unpriced += 1;
      return;
    }
    this.priced += 1;
    const { digits, scale } = parseDecimal(price);
    const exp = decimals + scale;
    if (exp > this.exp) {
      this.num *= TEN ** BigInt(exp - this.exp);
      this.exp = exp;
    }
    this.num += amount * digits * TEN ** BigInt(this.exp - exp);
  }

  /** Adds a USD figure given as exact decimal text (an incident's value); null: the value is unknown. */
  addUsd(usd: string | null): void {
    this.add(1n, 0, usd);
  }

  /** Orders two sums by their exact values: negative when this one is smaller. */
  compare(other: UsdSum): number {
    const [a, b] = this.aligned(other);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /**
   * This sum as a fraction of `total`, with `places` decimals, rounded half-up from the exact values (so a
   * share is never computed from rounded cents); "0.0000" when the total is zero.
   */
  shareOf(total: UsdSum, places: number): string {
    const [part, whole] = this.aligned(total);
    const unit = TEN ** BigInt(places);
    const scaled = whole === 0n ? 0n : (part * unit * 2n + whole) / (whole * 2n);
    const text = scaled.toString().padStart(places + 1, '0');
    return places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
  }

  /** Both numerators over the same power of ten. */
  private aligned(other: UsdSum): [bigint, bigint] {
    const exp = Math.max(this.exp, other.exp);
    return [this.num * TEN ** BigInt(exp - this.exp), other.num * TEN ** BigInt(exp - other.exp)];
  }

  /** Dollars with two decimals; null when no amount had a price. */
  usd(): string | null {
    return this.priced === 0 ? null : toCents(this.num, this.exp);
  }

  /** Every amount added had a price (and there was at least one). */
  complete(): boolean {
    return this.priced > 0 && this.unpriced === 0;
  }
}

/** The USD value of one amount, with two decimals, or null without a price. */
export function usdOf(amount: bigint, decimals: number, price: string | null): string | null {
  const sum = new UsdSum();
  sum.add(amount, decimals, price);
  return sum.usd();
}

/**
 * amount (base units of an asset with `decimals`) × `price` USD per whole unit, exactly, as canonical decimal
 * text: no trailing zeros after the point and no point when whole (1.5 ETH at 2345.67 is 3518.505). For figures
 * that are stored and summed later; rounding is the display's business.
 */
export function exactUsd(amount: bigint, decimals: number, price: string): string {
  const { digits, scale } = parseDecimal(price);
  const exp = decimals + scale;
  const text = (amount * digits).toString();
  if (exp === 0) return text;
  const padded = text.padStart(exp + 1, '0');
  const fraction = padded.slice(-exp).replace(/0+$/, '');
  const whole = padded.slice(0, -exp);
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/** Exact decimal dollars (3518.505) rounded half-up to cents for display (3518.51). */
export function roundCents(exact: string): string {
  const { digits, scale } = parseDecimal(exact);
  return toCents(digits, scale);
}

/** The UTC day (YYYY-MM-DD) of unix seconds, as prices are keyed. */
function utcDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** Prices of some assets, looked up by asset and UTC day. */
export type PriceBook = (assetId: number, seconds: number) => string | null;

/** Loads every price of the given assets at once: a price table holds one row per asset and day. */
export function priceBook(db: Db, assetIds: Iterable<number>): PriceBook {
  const rows = db
    .prepare('SELECT asset_id, day, usd FROM prices WHERE asset_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...new Set(assetIds)])) as { asset_id: number; day: string; usd: string }[];
  const prices = new Map(rows.map((r) => [`${r.asset_id} ${r.day}`, r.usd]));
  return (assetId, seconds) => prices.get(`${assetId} ${utcDay(seconds)}`) ?? null;
}
