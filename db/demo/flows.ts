/**
 * The demo's chain data as records: Ethereum transfers and Bitcoin transactions, and the addresses that play a
 * part (tagged later). Two seeded sources: one for the incidents and their flows, which are the same at every
 * scale, and one for the background (ordinary users, exchanges, mixer and bridge traffic), sized by the scale.
 *
 * Each theft follows the pattern investigators see again and again: the victim's hot wallet (which also has
 * ordinary customer deposits and withdrawals) is drained to a fresh address; a peel chain sheds small amounts
 * to exchange deposit addresses; the rest is split between a mixer and a bridge; what comes back is
 * consolidated into Lazarus Group's listed wallets, and from there cashed out at exchanges in several
 * jurisdictions. Value is conserved exactly: on Ethereum each hop forwards what it received (a mixer keeps a
 * fee), on Bitcoin each transaction spends whole outputs and pays a fee.
 */
import { ethAddress, btcAddress, txHash } from './addresses';
import type { IncidentAmount } from './amounts';
import { DEMO_ENTITIES, DEMO_INCIDENTS, lazarusWallets, type DemoChain, type DemoEntity } from './facts';
import { Draw, random } from './random';

export interface EthTransfer {
  hash: string;
  time: number;
  from: string;
  to: string;
  amount: bigint;
}

export interface BtcOutput {
  txid: string;
  vout: number;
  address: string;
  value: bigint;
}

export interface BtcTx {
  txid: string;
  time: number;
  inputs: BtcOutput[];
  outputs: { address: string; value: bigint }[];
}

/** An address that gets a tag: which entity it belongs to and in what role. */
export interface TaggedAddress {
  chain: DemoChain;
  address: string;
  entity: DemoEntity;
  what: string;
}

export interface IncidentFlows {
  /** The theft transaction: CHAIN:TXHASH. */
  theftTx: string;
  /** The victim's hot wallet: CHAIN:ADDRESS. */
  hotWallet: string;
  amount: bigint;
}

export interface DemoFlows {
  eth: EthTransfer[];
  btc: BtcTx[];
  tagged: TaggedAddress[];
  incidents: IncidentFlows[];
}

const HOUR = 3600;
const DAY = 86_400;

const entity = (key: string): DemoEntity => {
  const found = DEMO_ENTITIES.find((e) => e.key === key);
  if (!found) throw new Error(`demo: no entity ${key}`);
  return found;
};
export const CASHOUT_EXCHANGES = DEMO_ENTITIES.filter((e) => e.role === 'exchange');
const MIXER = DEMO_ENTITIES.find((e) => e.role === 'mixer') as DemoEntity;
const BRIDGE = DEMO_ENTITIES.find((e) => e.role === 'bridge') as DemoEntity;

/** Shares in basis points of an exact amount; what is left over stays with the caller. */
const share = (amount: bigint, bps: number) => (amount * BigInt(bps)) / 10_000n;

/** Where the generated records go, and the addresses each entity uses on each chain. */
class Ledger {
  readonly eth: EthTransfer[] = [];
  readonly btc: BtcTx[] = [];
  readonly tagged: TaggedAddress[] = [];
  private readonly wallets = new Map<string, string>();

  constructor(readonly draw: Draw) {}

  fresh(chain: DemoChain): string {
    return chain === 'ETH' ? ethAddress(this.draw) : btcAddress(this.draw);
  }

  tag(chain: DemoChain, e: DemoEntity, what: string): string {
    const address = this.fresh(chain);
    this.tagged.push({ chain, address, entity: e, what });
    return address;
  }

  /** One long-lived wallet per entity, chain and purpose (a victim's or exchange's hot wallet). */
  wallet(chain: DemoChain, e: DemoEntity, what: string): string {
    const key = `${chain} ${e.key} ${what}`;
    let address = this.wallets.get(key);
    if (address === undefined) {
      address = this.tag(chain, e, what);
      this.wallets.set(key, address);
    }
    return address;
  }

  send(from: string, to: string, amount: bigint, time: number): EthTransfer {
    const t = { hash: txHash('ETH', this.draw), time, from, to, amount };
    this.eth.push(t);
    return t;
  }

  /** A Bitcoin transaction spending `inputs` whole; returns its outputs in order. */
  pay(inputs: BtcOutput[], outputs: { address: string; value: bigint }[], time: number): BtcOutput[] {
    const txid = txHash('BTC', this.draw);
    const spent = inputs.reduce((s, i) => s + i.value, 0n);
    const paid = outputs.reduce((s, o) => s + o.value, 0n);
    if (paid > spent || outputs.some((o) => o.value <= 0n)) throw new Error('demo: a generated transaction overspends');
    this.btc.push({ txid, time, inputs, outputs });
    return outputs.map((o, vout) => ({ txid, vout, address: o.address, value: o.value }));
  }

  /** An output from outside the demo's data (its transaction is not in the workspace). */
  external(address: string, value: bigint): BtcOutput {
    return { txid: txHash('BTC', this.draw), vout: this.draw.below(4), address, value };
  }
}

const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** The cash-out of `amount` from a Lazarus wallet: 2–4 deposits at different exchanges over the following weeks. */
function cashoutPlan(draw: Draw, amount: bigint): { exchange: DemoEntity; amount: bigint; delay: number }[] {
  const count = draw.between(2, 4);
  const start = draw.below(CASHOUT_EXCHANGES.length);
  const parts: { exchange: DemoEntity; amount: bigint; delay: number }[] = [];
  let left = amount;
  for (let k = 0; k < count; k++) {
    const part = k === count - 1 ? left : share(amount, draw.between(1500, Math.floor(10_000 / count)));
    left -= part;
    const exchange = CASHOUT_EXCHANGES[(start + k * 3) % CASHOUT_EXCHANGES.length] as DemoEntity;
    parts.push({ exchange, amount: part, delay: (k + 1) * draw.between(2, 7) * DAY });
  }
  return parts;
}

function ethIncident(ledger: Ledger, n: number, amount: bigint, lazarus: [string, string]): IncidentFlows {
  const { draw } = ledger;
  const incident = DEMO_INCIDENTS[n] as (typeof DEMO_INCIDENTS)[number];
  const victim = entity(incident.victim);
  const t0 = unix(incident.time);
  const hot = ledger.wallet('ETH', victim, 'hot wallet');
  // Customer deposits and withdrawals in the weeks before: the hot wallet holds more than was stolen.
  let funded = 0n;
  for (let k = 0; k < 6; k++) {
    const part = k === 5 ? share(amount, 11_000) - funded : share(amount, draw.between(1200, 2000));
    funded += part;
    ledger.send(ledger.fresh('ETH'), hot, part, t0 - (40 - k * 6) * DAY - draw.below(DAY));
  }
  for (let k = 0; k < 3; k++) ledger.send(hot, ledger.fresh('ETH'), share(amount, 300), t0 - (20 - k * 6) * DAY);

  // The Ronin-like bridge hack went straight to the exploiter's own address, as the real one did.
  const first = incident.jurisdiction === 'VN' ? (lazarusWallets('ETH')[0] as string) : ledger.fresh('ETH');
  const theft = ledger.send(hot, first, amount, t0);
  let at = first;
  let left = amount;
  let t = t0;
  for (let k = 0; k < 3; k++) {
    t += draw.between(2, 12) * HOUR;
    const peel = share(left, draw.between(100, 300));
    const exchange = draw.pick(CASHOUT_EXCHANGES);
    const deposit = ledger.tag('ETH', exchange, 'deposit address');
    ledger.send(at, deposit, peel, t);
    ledger.send(deposit, ledger.wallet('ETH', exchange, 'hot wallet'), peel, t + HOUR);
    const next = ledger.fresh('ETH');
    ledger.send(at, next, left - peel, t + 60);
    left -= peel;
    at = next;
  }
  t += draw.between(6, 24) * HOUR;
  const mixed = share(left, draw.between(4000, 6000));
  const mixer = ledger.tag('ETH', MIXER, 'deposit address');
  const bridge = ledger.tag('ETH', BRIDGE, 'bridge contract');
  ledger.send(at, mixer, mixed, t);
  ledger.send(at, bridge, left - mixed, t + 120);
  const fromMixer = ledger.fresh('ETH');
  const fromBridge = ledger.fresh('ETH');
  const mixedOut = mixed - share(mixed, 100);
  t += draw.between(1, 3) * DAY;
  ledger.send(mixer, fromMixer, mixedOut, t);
  ledger.send(bridge, fromBridge, left - mixed, t + HOUR);
  t += draw.between(1, 4) * DAY;
  const consolidated: [string, bigint][] = [
    [lazarus[0], mixedOut],
    [lazarus[1], left - mixed],
  ];
  ledger.send(fromMixer, lazarus[0], mixedOut, t);
  ledger.send(fromBridge, lazarus[1], left - mixed, t + HOUR);
  for (const [wallet, held] of consolidated) {
    for (const part of cashoutPlan(draw, held)) {
      const deposit = ledger.tag('ETH', part.exchange, 'deposit address');
      ledger.send(wallet, deposit, part.amount, t + part.delay);
      ledger.send(deposit, ledger.wallet('ETH', part.exchange, 'hot wallet'), part.amount, t + part.delay + HOUR);
    }
  }
  return { theftTx: `ETH:${theft.hash}`, hotWallet: `ETH:${hot}`, amount };
}

function btcIncident(ledger: Ledger, n: number, amount: bigint, lazarus: [string, string]): IncidentFlows {
  const { draw } = ledger;
  const incident = DEMO_INCIDENTS[n] as (typeof DEMO_INCIDENTS)[number];
  const victim = entity(incident.victim);
  const t0 = unix(incident.time);
  const hot = ledger.wallet('BTC', victim, 'hot wallet');
  const fee = () => BigInt(draw.between(2_000, 40_000));
  // Customer deposits that the theft spends whole (so nothing of the victim's is left in the theft's outputs),
  // and others that customers withdraw as usual.
  const theftFee = fee();
  const deposits: BtcOutput[] = [];
  let funded = 0n;
  for (let k = 0; k < 5; k++) {
    const part = k === 4 ? amount + theftFee - funded : share(amount, draw.between(1500, 2200));
    funded += part;
    const customer = ledger.fresh('BTC');
    const input = ledger.external(customer, part + fee() + BigInt(draw.between(10_000, 1_000_000)));
    const [out] = ledger.pay(
      [input],
      [
        { address: hot, value: part },
        { address: customer, value: input.value - part - 10_000n },
      ],
      t0 - (30 - k * 5) * DAY,
    );
    deposits.push(out as BtcOutput);
  }
  for (let k = 0; k < 2; k++) {
    const value = share(amount, 400);
    const [own] = ledger.pay(
      [ledger.external(ledger.fresh('BTC'), value + 20_000n)],
      [{ address: hot, value }],
      t0 - 12 * DAY,
    );
    ledger.pay([own as BtcOutput], [{ address: ledger.fresh('BTC'), value: value - fee() }], t0 - (8 - k * 3) * DAY);
  }

  const theftId = ledger.btc.length;
  let [coin] = ledger.pay(deposits, [{ address: ledger.fresh('BTC'), value: amount }], t0);
  const theft = ledger.btc[theftId] as BtcTx;
  let t = t0;
  for (let k = 0; k < 3; k++) {
    t += draw.between(2, 12) * HOUR;
    const held = (coin as BtcOutput).value;
    const peel = share(held, draw.between(100, 300));
    const exchange = draw.pick(CASHOUT_EXCHANGES);
    const outs = ledger.pay(
      [coin as BtcOutput],
      [
        { address: ledger.fresh('BTC'), value: held - peel - fee() },
        { address: ledger.tag('BTC', exchange, 'deposit address'), value: peel },
      ],
      t,
    );
    coin = outs[0];
  }
  t += draw.between(6, 24) * HOUR;
  const held = (coin as BtcOutput).value;
  const mixed = share(held, draw.between(4000, 6000));
  const [toMixer, toBridge] = ledger.pay(
    [coin as BtcOutput],
    [
      { address: ledger.tag('BTC', MIXER, 'deposit address'), value: mixed },
      { address: ledger.tag('BTC', BRIDGE, 'custody address'), value: held - mixed - fee() },
    ],
    t,
  );
  t += draw.between(1, 3) * DAY;
  const [mixedOut] = ledger.pay(
    [toMixer as BtcOutput],
    [{ address: ledger.fresh('BTC'), value: mixed - share(mixed, 100) }],
    t,
  );
  const [bridgedOut] = ledger.pay(
    [toBridge as BtcOutput],
    [{ address: ledger.fresh('BTC'), value: (toBridge as BtcOutput).value - fee() }],
    t + HOUR,
  );
  t += draw.between(1, 4) * DAY;
  const consolidated = [
    ledger.pay([mixedOut as BtcOutput], [{ address: lazarus[0], value: (mixedOut as BtcOutput).value - fee() }], t),
    ledger.pay(
      [bridgedOut as BtcOutput],
      [{ address: lazarus[1], value: (bridgedOut as BtcOutput).value - fee() }],
      t + HOUR,
    ),
  ].map((outs) => outs[0] as BtcOutput);
  for (const wallet of consolidated) {
    const cashFee = fee();
    const plan = cashoutPlan(draw, wallet.value - cashFee);
    ledger.pay(
      [wallet],
      plan.map((p) => ({ address: ledger.tag('BTC', p.exchange, 'deposit address'), value: p.amount })),
      t + (plan[0]?.delay ?? DAY),
    );
  }
  return { theftTx: `BTC:${theft.txid}`, hotWallet: `BTC:${hot}`, amount };
}

/** The incidents' flows: the same at every scale. */
export function incidentFlows(amounts: IncidentAmount[]): DemoFlows {
  const ledger = new Ledger(new Draw(random(0xd9_2017)));
  const wallets = { ETH: lazarusWallets('ETH'), BTC: lazarusWallets('BTC') };
  const next = { ETH: 0, BTC: 0 };
  const twoWallets = (chain: DemoChain): [string, string] => {
    const list = wallets[chain];
    const a = list[next[chain]++ % list.length] as string;
    const b = list[next[chain]++ % list.length] as string;
    return [a, b];
  };
  // Every exchange has its hot wallets before any flow, so their tags come first and in a fixed order.
  for (const e of CASHOUT_EXCHANGES) for (const chain of ['ETH', 'BTC'] as const) ledger.wallet(chain, e, 'hot wallet');
  const incidents = DEMO_INCIDENTS.map((incident, n) => {
    const amount = (amounts[n] as IncidentAmount).amount;
    if (incident.jurisdiction === 'VN') {
      // Exploiter addresses 4 to 8 received the Ronin loot from the original exploiter address.
      const exploiters = wallets.ETH.slice(1);
      return ethIncident(ledger, n, amount, [exploiters[0] as string, exploiters[1] as string]);
    }
    return incident.chain === 'ETH'
      ? ethIncident(ledger, n, amount, twoWallets('ETH'))
      : btcIncident(ledger, n, amount, twoWallets('BTC'));
  });
  return { eth: ledger.eth, btc: ledger.btc, tagged: ledger.tagged, incidents };
}
