/**
 * The demo's daily USD prices of ETH and BTC, 2017-01-01 to 2022-12-31: interpolated (geometrically) between
 * anchor days that follow the shape of the real market, with a small deterministic daily wobble, as whole
 * cents. These are generated demo facts; each becomes exact decimal text at once, and every USD figure of the
 * workspace is computed from that text exactly, never from the floating-point curve.
 */
import type { DemoChain } from './facts';
import { Draw, random } from './random';

const ANCHORS: Record<DemoChain, [string, number][]> = {
  BTC: [
    ['2017-01-01', 1000],
    ['2017-03-01', 1200],
    ['2017-05-01', 1400],
    ['2017-06-15', 2500],
    ['2017-09-01', 4700],
    ['2017-11-01', 6500],
    ['2017-12-17', 19000],
    ['2018-01-01', 13500],
    ['2018-02-06', 7000],
    ['2018-03-01', 10500],
    ['2018-06-01', 7500],
    ['2018-09-01', 7000],
    ['2018-11-01', 6400],
    ['2018-12-15', 3300],
    ['2019-02-01', 3500],
    ['2019-04-01', 4100],
    ['2019-06-26', 12900],
    ['2019-09-01', 9600],
    ['2019-12-31', 7200],
    ['2020-02-14', 10300],
    ['2020-03-13', 4900],
    ['2020-05-01', 8800],
    ['2020-08-01', 11300],
    ['2020-10-01', 10600],
    ['2020-12-31', 29000],
    ['2021-02-21', 57000],
    ['2021-04-14', 63500],
    ['2021-06-22', 32000],
    ['2021-08-15', 47000],
    ['2021-11-10', 68000],
    ['2021-12-31', 46300],
    ['2022-01-24', 34000],
    ['2022-03-29', 47400],
    ['2022-06-18', 19000],
    ['2022-08-15', 24000],
    ['2022-11-09', 16000],
    ['2022-12-31', 16500],
  ],
  ETH: [
    ['2017-01-01', 8.2],
    ['2017-03-01', 16],
    ['2017-05-01', 78],
    ['2017-06-12', 400],
    ['2017-07-16', 155],
    ['2017-09-01', 390],
    ['2017-11-01', 290],
    ['2017-12-31', 750],
    ['2018-01-13', 1400],
    ['2018-02-06', 700],
    ['2018-04-06', 380],
    ['2018-05-01', 680],
    ['2018-06-30', 450],
    ['2018-09-12', 185],
    ['2018-12-15', 85],
    ['2019-02-01', 107],
    ['2019-04-01', 140],
    ['2019-06-26', 330],
    ['2019-09-01', 170],
    ['2019-12-31', 130],
    ['2020-02-14', 285],
    ['2020-03-13', 110],
    ['2020-05-01', 215],
    ['2020-08-15', 435],
    ['2020-09-25', 350],
    ['2020-12-31', 735],
    ['2021-02-20', 1950],
    ['2021-05-12', 4200],
    ['2021-06-22', 1880],
    ['2021-08-19', 3050],
    ['2021-11-10', 4800],
    ['2021-12-31', 3700],
    ['2022-01-24', 2300],
    ['2022-03-23', 3050],
    ['2022-06-18', 1000],
    ['2022-08-14', 1980],
    ['2022-11-09', 1100],
    ['2022-12-31', 1200],
  ],
};

export const PRICE_FIRST_DAY = '2017-01-01';
export const PRICE_LAST_DAY = '2022-12-31';
const DAY_MS = 86_400_000;

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Every day's price in cents, keyed YYYY-MM-DD, in day order. */
export function demoPrices(chain: DemoChain): Map<string, bigint> {
  const anchors = ANCHORS[chain];
  const draw = new Draw(random(chain === 'ETH' ? 0x5eed_e7 : 0x5eed_b7));
  const out = new Map<string, bigint>();
  let a = 0;
  for (let t = dayMs(PRICE_FIRST_DAY); t <= dayMs(PRICE_LAST_DAY); t += DAY_MS) {
    while (a < anchors.length - 2 && dayMs((anchors[a + 1] as [string, number])[0]) <= t) a += 1;
    const [d0, p0] = anchors[a] as [string, number];
    const [d1, p1] = anchors[a + 1] as [string, number];
    const f = (t - dayMs(d0)) / (dayMs(d1) - dayMs(d0));
    const wobble = 1 + (draw.fraction() - 0.5) * 0.04;
    const cents = Math.max(1, Math.round(p0 * Math.pow(p1 / p0, f) * wobble * 100));
    out.set(new Date(t).toISOString().slice(0, 10), BigInt(cents));
  }
  return out;
}

/** Cents as the price CSV writes them: 3050.07. */
export function centsText(cents: bigint): string {
  const text = cents.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}
