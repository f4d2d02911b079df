/**
 * Number formats shared by the UI and the printed report, so a figure reads the same on screen and on paper.
 * BigInt throughout: wei exceed what a JavaScript number holds exactly.
 */
const integer = new Intl.NumberFormat('en-GB');

/**
 * A base-unit amount (a decimal string, exact) in whole units of an asset with `decimals`, grouped, with at
 * most `maxFraction` fraction digits (truncated, and marked with a leading "≈" when digits were dropped).
 */
export function formatUnits(base: string, decimals: number, maxFraction = 6): string {
  if (!/^\d+$/.test(base)) return base;
  const value = BigInt(base);
  const scale = 10n ** BigInt(decimals);
  const whole = value / scale;
  const fraction = (value % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  const kept = fraction.slice(0, maxFraction);
  const text = integer.format(whole) + (kept ? `.${kept}` : '');
  return kept.length < fraction.length ? `≈${text}` : text;
}

/** USD with two decimals as the engine gives it ("1234567.89") → "1,234,567.89": figures people read. */
export function groupUsd(usd: string): string {
  const [whole = '0', cents = '00'] = usd.split('.');
  if (!/^\d+$/.test(whole)) return usd;
  return `${integer.format(BigInt(whole))}.${cents.padEnd(2, '0').slice(0, 2)}`;
}

/** "1234567.89" → "$1,234,567.89". */
export function formatUsd(usd: string): string {
  return `$${groupUsd(usd)}`;
}
