/**
 * The stolen amounts, in base units, chosen so that the incidents' USD at the time (amount × the demo price of
 * the theft's UTC day / 10^decimals, exactly as the engine values them) sums per victim jurisdiction to the
 * published figures once rounded to cents. Each incident's amount is its dollar figure at that day's price,
 * rounded to a base unit; the one incident per jurisdiction marked 'rest' takes what its jurisdiction still
 * needs. The sums are checked here, with the engine's own exact arithmetic (UsdSum), so a change of prices or
 * facts that breaks a figure fails loudly instead of shipping a wrong demo.
 */
import { UsdSum } from '../usd';
import { DEMO_INCIDENTS, JURISDICTION_TOTALS, TOTAL_USD, USD_2022, totalGroup, type DemoChain } from './facts';
import { centsText, demoPrices } from './prices';

export const DECIMALS: Record<DemoChain, number> = { ETH: 18, BTC: 8 };

/** Exact dollars in units of 10^-20 (wei are 10^-18 of a coin, prices carry cents). */
const SCALE = 20;
const pow10 = (n: number) => 10n ** BigInt(n);

function dollarsE20(text: string): bigint {
  const [whole = '0', frac = ''] = text.split('.');
  return BigInt(whole) * pow10(SCALE) + BigInt(frac.padEnd(SCALE, '0').slice(0, SCALE) || '0');
}

export interface IncidentAmount {
  amount: bigint;
  /** The price of the theft's day, in cents. */
  priceCents: bigint;
}

/** What one base unit is worth at `priceCents`, in 10^-20 dollars. */
const unitValue = (chain: DemoChain, priceCents: bigint) => priceCents * pow10(SCALE - 2 - DECIMALS[chain]);

const roundDiv = (a: bigint, b: bigint) => (a * 2n + b) / (2n * b);

export function incidentAmounts(): IncidentAmount[] {
  const prices = { ETH: demoPrices('ETH'), BTC: demoPrices('BTC') };
  const priceOf = (chain: DemoChain, time: string) => {
    const cents = prices[chain].get(time.slice(0, 10));
    if (cents === undefined) throw new Error(`demo: no ${chain} price on ${time.slice(0, 10)}`);
    return cents;
  };
  const out: IncidentAmount[] = DEMO_INCIDENTS.map((i) => {
    const priceCents = priceOf(i.chain, i.time);
    const amount = i.usd === 'rest' ? 0n : roundDiv(dollarsE20(i.usd), unitValue(i.chain, priceCents));
    return { amount, priceCents };
  });
  for (const [group, total] of Object.entries(JURISDICTION_TOTALS)) {
    const members = DEMO_INCIDENTS.flatMap((i, n) => (totalGroup(i.jurisdiction) === group ? [n] : []));
    const rest = members.filter((n) => DEMO_INCIDENTS[n]?.usd === 'rest');
    if (rest.length !== 1) throw new Error(`demo: ${group} needs exactly one 'rest' incident`);
    const restIndex = rest[0] as number;
    const restIncident = DEMO_INCIDENTS[restIndex];
    const restAmount = out[restIndex];
    if (restIncident === undefined || restAmount === undefined) throw new Error('demo: facts out of step');
    let have = 0n;
    for (const n of members) {
      const a = out[n] as IncidentAmount;
      have += a.amount * unitValue((DEMO_INCIDENTS[n] as { chain: DemoChain }).chain, a.priceCents);
    }
    const need = dollarsE20(total) - have;
    if (need <= 0n) throw new Error(`demo: ${group}'s incidents already exceed ${total}`);
    restAmount.amount = roundDiv(need, unitValue(restIncident.chain, restAmount.priceCents));
  }
  checkTotals(out);
  return out;
}

/** Sums as the summary does (exact, rounded once), and refuses amounts that miss a published figure. */
function checkTotals(amounts: IncidentAmount[]): void {
  const sums = new Map<string, UsdSum>();
  const add = (key: string, n: number) => {
    const sum = sums.get(key) ?? new UsdSum();
    const i = DEMO_INCIDENTS[n] as { chain: DemoChain };
    const a = amounts[n] as IncidentAmount;
    sum.add(a.amount, DECIMALS[i.chain], centsText(a.priceCents));
    sums.set(key, sum);
  };
  DEMO_INCIDENTS.forEach((i, n) => {
    add(totalGroup(i.jurisdiction), n);
    add('total', n);
    if (i.time.startsWith('2022')) add('2022', n);
  });
  const expected: [string, string][] = [
    ...Object.entries(JURISDICTION_TOTALS),
    ['total', TOTAL_USD],
    ['2022', USD_2022],
  ];
  for (const [key, usd] of expected) {
    const got = sums.get(key)?.usd();
    if (got !== usd) throw new Error(`demo: ${key} sums to ${String(got)}, not ${usd}`);
  }
}
