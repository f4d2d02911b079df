/**
 * The demo's background: ordinary users paying each other, depositing at exchanges and withdrawing, exchanges
 * sweeping deposits, customers of the victims' hot wallets, and other people's mixer and bridge traffic. It
 * comes from its own seeded source and is sized by the scale (1 ≈ 100k transfers in all, 10 ≈ 1M), so the
 * incidents and their flows are the same at every scale. Records are produced in chunks for the writer, oldest
 * first, so a scale-10 build never holds a million records in memory.
 */
import { btcAddress, ethAddress, txHash } from './addresses';
import type { DemoChain, DemoEntity } from './facts';
import { CASHOUT_EXCHANGES, type BtcOutput, type BtcTx, type EthTransfer, type TaggedAddress } from './flows';
import { Draw, random } from './random';

/** Ethereum transfers and Bitcoin transactions per unit of scale: together about 100k transfers. */
export const ETH_PER_SCALE = 70_000;
export const BTC_PER_SCALE = 30_000;

const FIRST = Date.parse('2017-01-01T00:00:00Z') / 1000;
const LAST = Date.parse('2022-12-31T00:00:00Z') / 1000;

export interface BackgroundPlan {
  ethTransfers: number;
  btcTxs: number;
  tagged: TaggedAddress[];
}

interface Pools {
  users: string[];
  deposits: { address: string; exchange: DemoEntity }[];
  exchangeHot: Map<string, string>;
  victimHot: string[];
  services: string[];
}

/** The background's own addresses, and which of them are tagged (exchange deposits, mixer and bridge). */
function pools(
  draw: Draw,
  chain: DemoChain,
  scale: number,
  known: TaggedAddress[],
  services: DemoEntity[],
): Pools & { tagged: TaggedAddress[] } {
  const fresh = () => (chain === 'ETH' ? ethAddress(draw) : btcAddress(draw));
  const tagged: TaggedAddress[] = [];
  const users = Array.from({ length: Math.max(100, Math.round(5000 * scale)) }, fresh);
  const deposits = CASHOUT_EXCHANGES.flatMap((exchange) =>
    Array.from({ length: Math.max(3, Math.round(50 * scale)) }, () => {
      const address = fresh();
      tagged.push({ chain, address, entity: exchange, what: 'deposit address' });
      return { address, exchange };
    }),
  );
  const serviceAddresses = services.flatMap((entity) =>
    Array.from({ length: Math.max(2, Math.round(10 * scale)) }, () => {
      const address = fresh();
      tagged.push({ chain, address, entity, what: 'deposit address' });
      return address;
    }),
  );
  const ofChain = known.filter((k) => k.chain === chain && k.what === 'hot wallet');
  return {
    users,
    deposits,
    exchangeHot: new Map(ofChain.filter((k) => k.entity.role === 'exchange').map((k) => [k.entity.key, k.address])),
    victimHot: ofChain.filter((k) => k.entity.role === 'victim').map((k) => k.address),
    services: serviceAddresses,
    tagged,
  };
}

const randomWei = (draw: Draw) =>
  BigInt(draw.between(1, 4000)) * 10n ** 16n + BigInt(draw.below(1_000_000)) * 10n ** 9n;
const randomSat = (draw: Draw) => BigInt(draw.between(10_000, 200_000_000));

/** Times spread over 2017–2022, oldest first, a few minutes of jitter each. */
const timeOf = (i: number, n: number, draw: Draw) => FIRST + Math.floor(((LAST - FIRST) * i) / n) + draw.below(600);

export class Background {
  private readonly ethDraw: Draw;
  private readonly btcDraw: Draw;
  private readonly eth: Pools;
  private readonly btc: Pools;
  readonly plan: BackgroundPlan;
  private ethDone = 0;
  private btcDone = 0;
  /** Unspent background outputs, which later background transactions spend. */
  private readonly unspent: BtcOutput[] = [];

  constructor(scale: number, known: TaggedAddress[], services: DemoEntity[]) {
    this.ethDraw = new Draw(random(0xbac_e7 + Math.round(scale * 1000)));
    this.btcDraw = new Draw(random(0xbac_b7 + Math.round(scale * 1000)));
    const eth = pools(this.ethDraw, 'ETH', scale, known, services);
    const btc = pools(this.btcDraw, 'BTC', scale, known, services);
    this.eth = eth;
    this.btc = btc;
    this.plan = {
      ethTransfers: Math.round(ETH_PER_SCALE * scale),
      btcTxs: Math.round(BTC_PER_SCALE * scale),
      tagged: [...eth.tagged, ...btc.tagged],
    };
  }

  /** The next `max` Ethereum transfers; empty when all are made. */
  nextEth(max: number): EthTransfer[] {
    const draw = this.ethDraw;
    const p = this.eth;
    const n = this.plan.ethTransfers;
    const out: EthTransfer[] = [];
    for (; this.ethDone < n && out.length < max; this.ethDone++) {
      const time = timeOf(this.ethDone, n, draw);
      const user = draw.pick(p.users);
      const r = draw.below(100);
      let from = user;
      let to: string;
      if (r < 40) to = draw.pick(p.users);
      else if (r < 60) to = draw.pick(p.deposits).address;
      else if (r < 70) {
        const deposit = draw.pick(p.deposits);
        from = deposit.address;
        to = p.exchangeHot.get(deposit.exchange.key) ?? user;
      } else if (r < 80) {
        from = p.exchangeHot.get(draw.pick(CASHOUT_EXCHANGES).key) ?? user;
        to = user;
      } else if (r < 90 && p.victimHot.length > 0) {
        const hot = draw.pick(p.victimHot);
        [from, to] = draw.below(2) === 0 ? [user, hot] : [hot, user];
      } else {
        const service = draw.pick(p.services);
        [from, to] = draw.below(2) === 0 ? [user, service] : [service, user];
      }
      if (from === to) to = draw.pick(p.users);
      out.push({ hash: txHash('ETH', draw), time, from, to, amount: randomWei(draw) });
    }
    return out;
  }

  /** The next `max` Bitcoin transactions; empty when all are made. */
  nextBtc(max: number): BtcTx[] {
    const draw = this.btcDraw;
    const p = this.btc;
    const n = this.plan.btcTxs;
    const out: BtcTx[] = [];
    for (; this.btcDone < n && out.length < max; this.btcDone++) {
      const time = timeOf(this.btcDone, n, draw);
      const inputs: BtcOutput[] = [];
      const count = draw.between(1, 2);
      for (let k = 0; k < count; k++) {
        if (this.unspent.length > 100 && draw.below(10) < 8) {
          const at = draw.below(this.unspent.length);
          inputs.push(this.unspent[at] as BtcOutput);
          this.unspent[at] = this.unspent[this.unspent.length - 1] as BtcOutput;
          this.unspent.pop();
        } else {
          inputs.push({
            txid: txHash('BTC', draw),
            vout: draw.below(4),
            address: draw.pick(p.users),
            value: randomSat(draw),
          });
        }
      }
      const spent = inputs.reduce((s, i) => s + i.value, 0n);
      const fee = BigInt(draw.between(1_000, 5_000));
      const r = draw.below(100);
      const payee =
        r < 50
          ? draw.pick(p.users)
          : r < 75
            ? draw.pick(p.deposits).address
            : r < 90 && p.victimHot.length > 0
              ? draw.pick(p.victimHot)
              : draw.pick(p.services);
      const payment = (spent * BigInt(draw.between(30, 90))) / 100n;
      const outputs = [{ address: payee, value: payment }];
      const change = spent - payment - fee;
      if (change > 0n) outputs.push({ address: (inputs[0] as BtcOutput).address, value: change });
      const txid = txHash('BTC', draw);
      out.push({ txid, time, inputs, outputs });
      outputs.forEach((o, vout) => this.unspent.push({ txid, vout, address: o.address, value: o.value }));
    }
    return out;
  }
}
