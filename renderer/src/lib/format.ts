const integer = new Intl.NumberFormat('en-GB');

export function formatCount(n: number): string {
  return integer.format(n);
}

/** "1 address", "1,197 addresses". */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** The last part of a path, whichever separator the engine's platform uses. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) || path;
}

/**
 * Keeps both ends of a long identifier, where people compare addresses and hashes by eye, and drops the middle.
 * The full value belongs in a title and a copy button beside it.
 */
export function middleEllipsis(text: string, head = 10, tail = 8): string {
  return text.length <= head + tail + 3 ? text : `${text.slice(0, head)}…${text.slice(-tail)}`;
}

/** `BTC:1abc…` → `1abc…`: the views show the chain in a column of its own. */
export function addressPart(chainAddress: string): string {
  const colon = chainAddress.indexOf(':');
  return colon === -1 ? chainAddress : chainAddress.slice(colon + 1);
}

// Shared with the printed report (common/format.ts), so a figure reads the same on screen and on paper.
import { formatUnits, formatUsd } from '../../../common/format';
export { formatUnits, formatUsd };

const COMPACT_STEPS: [bigint, string][] = [
  [10n ** 12n, 'T'],
  [10n ** 9n, 'B'],
  [10n ** 6n, 'M'],
  [10n ** 3n, 'K'],
];

/** Short form for labels on a canvas (the details panel shows the exact amount): 173K, 25.5M, 0.0012; at most three significant digits, cut, not rounded. */
export function formatUnitsShort(base: string, decimals: number): string {
  if (!/^\d+$/.test(base)) return base;
  const value = BigInt(base);
  const scale = 10n ** BigInt(decimals);
  const whole = value / scale;
  for (const [step, suffix] of COMPACT_STEPS) {
    if (whole >= step) {
      // One decimal of the step: (value * 10 / (scale * step)) rounds down, exact in BigInt.
      const tenths = (value * 10n) / (scale * step);
      const text = tenths >= 1000n ? (tenths / 10n).toString() : `${tenths / 10n}.${tenths % 10n}`;
      return `${text.replace(/\.0$/, '')}${suffix}`;
    }
  }
  if (whole >= 1n) {
    const hundredths = (value * 100n) / scale;
    return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`.replace(/\.?0+$/, '');
  }
  if (value === 0n) return '0';
  const fraction = (value % scale).toString().padStart(decimals, '0');
  const firstDigit = fraction.search(/[1-9]/);
  return `0.${fraction.slice(0, firstDigit + 2)}`.replace(/0+$/, '');
}

/**
 * "$721M", "$1.03B", "$12.5K": three significant digits, cut, not rounded (a bar never overstates), short enough
 * to sit beside a bar; the table and the bar's label have the exact figure. Below $1,000 the exact figure.
 */
export function shortUsd(usd: string): string {
  const match = /^(\d+)\.\d{2}$/.exec(usd);
  if (!match) return `$${usd}`;
  const whole = BigInt(match[1] ?? '0');
  for (const [step, suffix] of COMPACT_STEPS) {
    if (whole < step) continue;
    const units = whole / step;
    const decimals = Math.max(0, 3 - units.toString().length);
    const scaled = (whole * 10n ** BigInt(decimals)) / step;
    const text =
      decimals === 0 ? scaled.toString() : `${units}.${scaled.toString().slice(-decimals)}`.replace(/\.?0+$/, '');
    return `$${text}${suffix}`;
  }
  return formatUsd(usd);
}

/** Whole units typed by the investigator → base units, exact; null when not a plain decimal. */
export function toBaseUnits(text: string, decimals: number): string | null {
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return null;
  const fraction = (match[2] ?? '').slice(0, decimals).padEnd(decimals, '0');
  return (BigInt(match[1] || '0') * 10n ** BigInt(decimals) + BigInt(fraction || '0')).toString();
}

/**
 * Exact decimal dollars ("1234.565") rounded half-up to cents for display ("$1,234.57"); the engine keeps the
 * exact figure, and this is the only rounding a shown value gets. BigInt, so no binary fraction creeps in.
 */
export function formatUsdRounded(exact: string): string {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(exact);
  if (!match) return `$${exact}`;
  const digits = match[2] ?? '';
  const cents = BigInt(match[1] ?? '0') * 100n + BigInt(digits.slice(0, 2).padEnd(2, '0'));
  const rounded = (digits[2] ?? '0') >= '5' ? cents + 1n : cents;
  return formatUsd(`${rounded / 100n}.${(rounded % 100n).toString().padStart(2, '0')}`);
}
