/**
 * Parsers for the values that chain-data records carry: amounts, times, tx hashes, indexes. Each returns the
 * value in its normal form or a `Refused` with the reason an investigator will read in the report. They run
 * once per record on files of millions of rows, so the accepted path allocates nothing beyond its result.
 */

export class Refused {
  constructor(readonly reason: string) {}
}

/** 2^256 − 1, the largest amount an EVM token can hold: anything larger is a typo or a misread column. */
const MAX_AMOUNT = (1n << 256n) - 1n;
const MAX_AMOUNT_DIGITS = MAX_AMOUNT.toString().length;

const DIGITS = /^[0-9]+$/;
const DECIMAL = /^([0-9]+)\.([0-9]+)$/;
/** Whole units as explorers print them, with thousands grouped by commas: 1,234.5 */
const GROUPED = /^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$/;

function canonical(digits: string): string | Refused {
  let start = 0;
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) start += 1;
  const value = start === 0 ? digits : digits.slice(start);
  if (value.length > MAX_AMOUNT_DIGITS || (value.length === MAX_AMOUNT_DIGITS && BigInt(value) > MAX_AMOUNT)) {
    return new Refused(`amount ${value.slice(0, 40)}… is larger than any on-chain amount (2^256 − 1)`);
  }
  return value;
}

function notAnAmount(text: string): Refused {
  if (text === '') return new Refused('missing amount');
  if (text.startsWith('-')) return new Refused(`negative amount ${text.slice(0, 80)}`);
  return new Refused(`amount is not a non-negative number: ${text.slice(0, 80)}`);
}

/**
 * An amount in base units as canonical decimal text (digits, no leading zeros). `text` is either an integer in
 * base units or, when `asset` is given, a decimal in whole units that is shifted exactly: 1.5 ETH is
 * 1500000000000000000 wei. With `whole`, an integer is in whole units too (explorers print 100 for 100 ETH), and
 * with `grouped` thousands may be separated by commas. A decimal with more fractional digits than the asset has
 * is refused rather than rounded, since rounding would change the amount.
 */
export function parseAmount(
  text: string,
  asset: { symbol: string; decimals: number } | null,
  options: { grouped?: boolean; whole?: boolean } = {},
): string | Refused {
  if (DIGITS.test(text) && !options.whole) return canonical(text);
  const t = options.grouped && GROUPED.test(text) ? text.replace(/,/g, '') : text;
  let whole = t;
  let fraction = '';
  if (!DIGITS.test(t)) {
    const m = DECIMAL.exec(t);
    if (!m) return notAnAmount(text);
    whole = m[1] as string;
    fraction = m[2] as string;
  } else if (!options.whole) return canonical(t);
  if (!asset) return new Refused(`amount ${text.slice(0, 80)} is in whole units, and the asset's decimals are unknown`);
  if (fraction.length > asset.decimals) {
    return new Refused(`amount ${text.slice(0, 80)} has more decimals than ${asset.symbol} has (${asset.decimals})`);
  }
  return canonical(whole + fraction.padEnd(asset.decimals, '0'));
}

/** Unix seconds of 2100-01-01T00:00:00Z: later times are typos or milliseconds. */
export const MAX_TIME = 4102444800;

const ISO_TIME =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)? ?(?:(Z)|([+-])([0-9]{2})(?::?([0-9]{2}))?)$/i;

function timeInRange(seconds: number, text: string): number | Refused {
  if (seconds >= 0 && seconds < MAX_TIME) return seconds;
  const hint = seconds >= MAX_TIME && seconds / 1000 < MAX_TIME ? ' (milliseconds? give seconds)' : '';
  return new Refused(`time ${text.slice(0, 40)} is not between 1970 and 2100${hint}`);
}

/** Unix seconds, from unix seconds or an ISO-8601 time with a zone (Z, +hh:mm, -hhmm, +hh). */
export function parseTime(text: string): number | Refused {
  if (text === '') return new Refused('missing time');
  if (DIGITS.test(text)) return text.length > 15 ? timeInRange(Infinity, text) : timeInRange(Number(text), text);
  const m = ISO_TIME.exec(text);
  if (!m) {
    if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+$/.test(text)) {
      return new Refused(`time ${text.slice(0, 40)} has no zone: add Z for UTC, or ±hh:mm`);
    }
    return new Refused(`time is neither unix seconds nor ISO-8601: ${text.slice(0, 40)}`);
  }
  const [, y, mo, d, h, mi, s = '0', fraction = '', z, sign, oh = '0', om = '0'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  // Date.UTC reads years 0–99 as 1900–1999, and the range check below would then pass a year like 0070.
  if (year < 1970 || year > 2100) return timeInRange(year < 1970 ? -1 : Infinity, text);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return new Refused(`time ${text.slice(0, 40)} is not a valid date and time`);
  }
  if (z === undefined && (Number(oh) > 23 || Number(om) > 59)) {
    return new Refused(`time ${text.slice(0, 40)} has an invalid zone offset`);
  }
  // Block times are whole seconds; a fraction would be silently dropped, so it must be zero.
  if (/[1-9]/.test(fraction)) return new Refused(`time ${text.slice(0, 40)} has a fraction of a second`);
  const offset = z !== undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60);
  const seconds = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s)) / 1000 - offset;
  return timeInRange(seconds, text);
}

const TX_HASH = /^(?:0x)?[0-9a-fA-F]{64}$/;

/**
 * A transaction hash in its normal form: lower-case hex, with '0x' on EVM chains (as their explorers write it)
 * and without elsewhere (Bitcoin, TRON, XRP write bare hex). Either spelling is accepted on input.
 */
export function parseTxHash(text: string, evm: boolean): string | Refused {
  if (!TX_HASH.test(text)) {
    return new Refused(
      `tx hash must be 64 hexadecimal digits${evm ? ' after 0x' : ''}: ${text.slice(0, 80) || '(empty)'}`,
    );
  }
  const hex = (text.length === 66 ? text.slice(2) : text).toLowerCase();
  return evm ? `0x${hex}` : hex;
}

/** A non-negative integer that SQLite and JavaScript both hold exactly. */
export function parseCount(text: string, what: string): number | Refused {
  if (DIGITS.test(text) && text.length <= 15) return Number(text);
  return new Refused(`${what} must be a non-negative integer: ${text.slice(0, 40) || '(empty)'}`);
}

/**
 * A copy that shares no memory with `text`. V8 keeps a substring as a view into its parent, so a cache key
 * sliced out of a megabyte chunk of a file would keep the whole chunk alive.
 */
export function flatCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
