import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { checkAddress } from '../../db/chains';
import { DECIMALS, incidentAmounts } from '../../db/demo/amounts';
import {
  DEMO_ENTITIES,
  DEMO_INCIDENTS,
  JURISDICTION_TOTALS,
  LAZARUS_ADDRESSES,
  TOTAL_USD,
  USD_2022,
  totalGroup,
} from '../../db/demo/facts';
import { incidentFlows } from '../../db/demo/flows';
import { centsText } from '../../db/demo/prices';
import { UsdSum } from '../../db/usd';
import { graphsense } from '../helpers/shared-data';

const packAddresses = (file: string) =>
  (YAML.parse(fs.readFileSync(graphsense('packs', file), 'utf8')) as { tags: { address: string }[] }).tags.map(
    (t) => t.address,
  );

describe('the demo facts', () => {
  test('Lazarus Group wallets include every address of lazarus.yaml, lazarus2.yaml and ronin_bridge.yaml', () => {
    const ours = new Set(LAZARUS_ADDRESSES.map((a) => a.address));
    for (const file of ['lazarus.yaml', 'lazarus2.yaml', 'ronin_bridge.yaml']) {
      const theirs = packAddresses(file);
      expect(theirs.length).toBeGreaterThan(0);
      expect(
        theirs.filter((a) => !ours.has(a)),
        file,
      ).toEqual([]);
    }
    // Each carries its public source: OFAC (2020, 2022), the FBI's 2023 list, or its April 2022 Ronin attribution.
    for (const a of LAZARUS_ADDRESSES)
      expect(a.source).toMatch(/^https:\/\/(www\.treasury|home\.treasury|www\.fbi)\.gov\//);
  });

  test('victims are fictional, modelled on public incidents, in JP, VN, US, HK and elsewhere', () => {
    const victims = DEMO_ENTITIES.filter((e) => e.role === 'victim');
    for (const v of victims) expect(v.description).toMatch(/^Demo victim \(fictional name\) modelled on /);
    const places = new Set(victims.map((v) => v.jurisdiction));
    for (const code of ['JP', 'VN', 'US', 'HK', 'KR', 'SG', 'SI', 'GB']) expect(places).toContain(code);
    const exchanges = DEMO_ENTITIES.filter((e) => e.role === 'exchange');
    expect(new Set(exchanges.map((e) => e.jurisdiction)).size).toBeGreaterThanOrEqual(5);
    expect(DEMO_INCIDENTS.length).toBeGreaterThanOrEqual(25);
    expect(DEMO_INCIDENTS.length).toBeLessThanOrEqual(40);
  });

  test("the incidents' exact USD sums round to Elliptic's figures per jurisdiction, in all and for 2022", () => {
    const amounts = incidentAmounts();
    const sums = new Map<string, UsdSum>();
    const add = (key: string, n: number) => {
      const sum = sums.get(key) ?? new UsdSum();
      const incident = DEMO_INCIDENTS[n]!;
      sum.add(amounts[n]!.amount, DECIMALS[incident.chain], centsText(amounts[n]!.priceCents));
      sums.set(key, sum);
    };
    DEMO_INCIDENTS.forEach((incident, n) => {
      add(totalGroup(incident.jurisdiction), n);
      add('total', n);
      if (incident.time.startsWith('2022')) add('2022', n);
    });
    expect(Object.fromEntries([...sums].map(([k, s]) => [k, s.usd()]))).toEqual({
      JP: '721000000.00',
      VN: '540000000.00',
      US: '497000000.00',
      HK: '281000000.00',
      other: JURISDICTION_TOTALS.other,
      total: TOTAL_USD,
      '2022': USD_2022,
    });
    expect(TOTAL_USD).toBe('2300000000.00');
    expect(USD_2022).toBe('640000000.00');
  });

  test('every generated address is valid on its chain, and value is conserved', () => {
    const flows = incidentFlows(incidentAmounts());
    const addresses = [
      ...flows.eth.flatMap((t) => [`ETH ${t.from}`, `ETH ${t.to}`]),
      ...flows.btc.flatMap((t) => [...t.inputs, ...t.outputs].map((c) => `BTC ${c.address}`)),
    ];
    for (const entry of new Set(addresses)) {
      const [chain, address] = entry.split(' ') as [string, string];
      const check = checkAddress(chain, address);
      expect(check.valid, entry).toBe(true);
      if (check.valid) expect(check.normalized).toBe(address);
    }
    // Bitcoin: every transaction pays out no more than it spends, and every output is spent at most once.
    const spent = new Set<string>();
    for (const tx of flows.btc) {
      const sumIn = tx.inputs.reduce((s, i) => s + i.value, 0n);
      const sumOut = tx.outputs.reduce((s, o) => s + o.value, 0n);
      expect(sumOut <= sumIn).toBe(true);
      for (const i of tx.inputs) {
        expect(spent.has(`${i.txid}:${i.vout}`)).toBe(false);
        spent.add(`${i.txid}:${i.vout}`);
      }
    }
    // Ethereum: no address created by the flows sends more than it received (the victims' hot wallets are funded).
    const balance = new Map<string, bigint>();
    for (const t of [...flows.eth].sort((a, b) => a.time - b.time)) {
      balance.set(t.to, (balance.get(t.to) ?? 0n) + t.amount);
      const left = (balance.get(t.from) ?? 0n) - t.amount;
      balance.set(t.from, left);
    }
    const overdrawn = [...balance].filter(([, v]) => v < 0n).map(([a]) => a);
    // Customers who deposit into a hot wallet, and exchange hot wallets paying out, come from outside the data.
    const outside = new Set(flows.eth.filter((t) => !flows.eth.some((u) => u.to === t.from)).map((t) => t.from));
    expect(overdrawn.filter((a) => !outside.has(a))).toEqual([]);
  });
});
