/**
 * Writes the demo workspace's input files, in the formats users import themselves: an ActorPack, two TagPacks
 * (Lazarus Group's listed wallets with their public sources; the fictional services' addresses), a price CSV,
 * a transfers CSV (Ethereum), Esplora JSON Lines (Bitcoin) and an incidents CSV. Same scale, same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { incidentAmounts } from './amounts';
import { Background } from './background';
import { DEMO_ENTITIES, DEMO_INCIDENTS, LAZARUS, LAZARUS_ADDRESSES, type DemoChain, type DemoEntity } from './facts';
import { incidentFlows, type BtcTx, type EthTransfer, type TaggedAddress } from './flows';
import { centsText, demoPrices } from './prices';

/** The demo's files, in the order they are imported. */
export const DEMO_FILES = {
  actors: 'demo-actors.yaml',
  lazarusTags: 'demo-lazarus-tags.yaml',
  serviceTags: 'demo-service-tags.yaml',
  prices: 'demo-prices.csv',
  eth: 'demo-eth-transfers.csv',
  btc: 'demo-btc-transactions.jsonl',
  incidents: 'demo-incidents.csv',
} as const;

export interface DemoFileSummary {
  dir: string;
  files: { name: string; path: string; format: string }[];
  counts: { ethTransfers: number; btcTransactions: number; incidents: number; tags: number; entities: number };
  incidents: DemoIncidentRow[];
  /** Records of the incidents' flows, which open each chain's file (after any header). */
  flowRecords: { eth: number; btc: number };
}

const LASTMOD = '2023-08-28';
const DEMO_SOURCE = 'Ariadne demo data (fictional)';

/** Chunks of records between macrotask turns, so a cancel is heard while a large scale is written. */
const CHUNK = 20_000;

async function writeLines(file: string, chunks: () => string[] | null, signal: AbortSignal | undefined): Promise<void> {
  const fd = fs.openSync(file, 'w');
  try {
    for (let lines = chunks(); lines !== null; lines = chunks()) {
      if (signal?.aborted) throw new DemoCancelled();
      if (lines.length > 0) fs.writeSync(fd, `${lines.join('\n')}\n`);
      await new Promise((resume) => setImmediate(resume));
    }
  } finally {
    fs.closeSync(fd);
  }
}

export class DemoCancelled extends Error {
  constructor() {
    super('the demo build was cancelled');
  }
}

function actorPack(): string {
  const entity = (e: DemoEntity) => ({
    id: e.key,
    label: e.label,
    uri: 'https://example.org/ariadne-demo',
    lastmod: LASTMOD,
    categories: e.categories,
    jurisdictions: e.jurisdiction === null ? [] : [e.jurisdiction],
    context: { notes: [e.description] },
  });
  return YAML.stringify({
    title: 'Ariadne demo: actors of DPRK thefts 2017–2022',
    creator: 'Ariadne',
    description: 'Lazarus Group, and the fictional victims and services of the demo workspace.',
    lastmod: LASTMOD,
    actors: [
      {
        id: LAZARUS.key,
        label: LAZARUS.label,
        uri: LAZARUS.uri,
        lastmod: LASTMOD,
        categories: LAZARUS.categories,
        jurisdictions: LAZARUS.jurisdictions,
        aliases: LAZARUS.aliases,
        context: { notes: [LAZARUS.description] },
      },
      ...DEMO_ENTITIES.map(entity),
    ],
  });
}

function lazarusTagPack(): string {
  return YAML.stringify({
    title: 'Lazarus Group wallets (OFAC, FBI)',
    creator: 'Ariadne',
    description: "Lazarus Group's wallets as OFAC and the FBI listed them, and the Ronin bridge exploiter addresses.",
    lastmod: LASTMOD,
    confidence: 'authority_data',
    category: 'perpetrator',
    abuse: 'sanction',
    actor: LAZARUS.key,
    tags: LAZARUS_ADDRESSES.map((a) => ({
      address: a.address,
      currency: a.chain,
      label: a.label,
      source: a.source,
      context: JSON.stringify({ listing: a.listing }),
    })),
  });
}

const CATEGORY: Record<DemoEntity['role'], string> = {
  victim: 'exchange',
  exchange: 'exchange',
  mixer: 'mixing_service',
  bridge: 'defi_bridge',
};

function serviceTagPack(tagged: TaggedAddress[]): string {
  return YAML.stringify({
    title: 'Ariadne demo: addresses of the fictional services',
    creator: 'Ariadne',
    description: 'Hot wallets, deposit addresses and contracts of the demo workspace’s fictional entities.',
    lastmod: LASTMOD,
    source: DEMO_SOURCE,
    confidence: 'service_data',
    tags: tagged.map((t) => ({
      address: t.address,
      currency: t.chain,
      label: `${t.entity.label} ${t.what}`,
      actor: t.entity.key,
      category: t.entity.categories[0] ?? CATEGORY[t.entity.role],
    })),
  });
}

function priceCsv(): string {
  const lines = ['asset,date,usd'];
  for (const chain of ['BTC', 'ETH'] as const) {
    for (const [day, cents] of demoPrices(chain)) lines.push(`${chain},${day},${centsText(cents)}`);
  }
  return `${lines.join('\n')}\n`;
}

const ETH_FIRST_BLOCK = 2_912_407;
const BTC_FIRST_BLOCK = 446_033;
const FIRST = Date.parse('2017-01-01T00:00:00Z') / 1000;

const ethLine = (t: EthTransfer) =>
  `ETH,${t.hash},0,${t.time},${ETH_FIRST_BLOCK + Math.floor((t.time - FIRST) / 14)},${t.from},${t.to},ETH,${t.amount}`;

/** Esplora's shape; values are satoshi numbers, as Esplora writes them (far below 2^53). */
function btcLine(t: BtcTx): string {
  const spent = t.inputs.reduce((s, i) => s + i.value, 0n);
  const paid = t.outputs.reduce((s, o) => s + o.value, 0n);
  return JSON.stringify({
    txid: t.txid,
    version: 2,
    locktime: 0,
    vin: t.inputs.map((i) => ({
      txid: i.txid,
      vout: i.vout,
      prevout: { scriptpubkey_address: i.address, value: Number(i.value) },
      is_coinbase: false,
    })),
    vout: t.outputs.map((o) => ({ scriptpubkey_address: o.address, value: Number(o.value) })),
    fee: Number(spent - paid),
    status: {
      confirmed: true,
      block_height: BTC_FIRST_BLOCK + Math.floor((t.time - FIRST) / 600),
      block_time: t.time,
    },
  });
}

/** CSV field: quoted when it holds a comma, quote or line break. */
const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export const INCIDENT_COLUMNS = [
  'title',
  'victim',
  'victim_jurisdiction',
  'time',
  'chain',
  'asset',
  'amount',
  'usd',
  'theft_txs',
  'victim_addresses',
  'source',
  'note',
] as const;

/** One incident as the incidents CSV states it: amounts in base units, so no decimal point can mislead. */
export interface DemoIncidentRow {
  title: string;
  victimKey: string;
  jurisdiction: string;
  time: string;
  chain: DemoChain;
  amount: bigint;
  theftTx: string;
  hotWallet: string;
  source: string;
  note: string;
}

function incidentRows(flows: { theftTx: string; hotWallet: string; amount: bigint }[]): DemoIncidentRow[] {
  return DEMO_INCIDENTS.map((incident, n) => {
    const flow = flows[n];
    const victim = DEMO_ENTITIES.find((e) => e.key === incident.victim);
    if (flow === undefined || victim === undefined) throw new Error('demo: flows out of step with incidents');
    return {
      title: incident.title,
      victimKey: victim.key,
      jurisdiction: incident.jurisdiction,
      time: incident.time,
      chain: incident.chain,
      amount: flow.amount,
      theftTx: flow.theftTx,
      hotWallet: flow.hotWallet,
      source: incident.source,
      note: 'Generated demo data; attributed by tracing, not by hand.',
    };
  });
}

function incidentsCsv(rows: DemoIncidentRow[]): string {
  const lines = [INCIDENT_COLUMNS.join(',')];
  for (const r of rows) {
    const row: Record<(typeof INCIDENT_COLUMNS)[number], string> = {
      title: r.title,
      victim: r.victimKey,
      victim_jurisdiction: r.jurisdiction,
      time: r.time,
      chain: r.chain,
      asset: r.chain,
      amount: r.amount.toString(),
      usd: '',
      theft_txs: r.theftTx,
      victim_addresses: r.hotWallet,
      source: r.source,
      note: r.note,
    };
    lines.push(INCIDENT_COLUMNS.map((c) => field(row[c])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export interface WriteOptions {
  signal?: AbortSignal;
  /** Called after each chunk with the records written so far and in all. */
  onProgress?: (done: number, total: number) => void;
}

/** Writes the demo's files into `dir` (which must exist). */
export async function writeDemoFiles(dir: string, scale: number, options: WriteOptions = {}): Promise<DemoFileSummary> {
  const amounts = incidentAmounts();
  const flows = incidentFlows(amounts);
  const background = new Background(
    scale,
    flows.tagged,
    DEMO_ENTITIES.filter((e) => e.role === 'mixer' || e.role === 'bridge'),
  );
  const tagged = [...flows.tagged, ...background.plan.tagged];
  const file = (name: string) => path.join(dir, name);
  fs.writeFileSync(file(DEMO_FILES.actors), actorPack());
  fs.writeFileSync(file(DEMO_FILES.lazarusTags), lazarusTagPack());
  fs.writeFileSync(file(DEMO_FILES.serviceTags), serviceTagPack(tagged));
  fs.writeFileSync(file(DEMO_FILES.prices), priceCsv());
  const incidents = incidentRows(flows.incidents);
  fs.writeFileSync(file(DEMO_FILES.incidents), incidentsCsv(incidents));

  const total = flows.eth.length + flows.btc.length + background.plan.ethTransfers + background.plan.btcTxs;
  let done = 0;
  const report = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  let ethHead = true;
  await writeLines(
    file(DEMO_FILES.eth),
    () => {
      if (ethHead) {
        ethHead = false;
        report(flows.eth.length);
        return ['chain,tx_hash,index,time,block,from,to,asset,amount', ...flows.eth.map(ethLine)];
      }
      const rows = background.nextEth(CHUNK);
      report(rows.length);
      return rows.length === 0 ? null : rows.map(ethLine);
    },
    options.signal,
  );
  let btcHead = true;
  await writeLines(
    file(DEMO_FILES.btc),
    () => {
      if (btcHead) {
        btcHead = false;
        report(flows.btc.length);
        return flows.btc.map(btcLine);
      }
      const txs = background.nextBtc(CHUNK);
      report(txs.length);
      return txs.length === 0 ? null : txs.map(btcLine);
    },
    options.signal,
  );
  return {
    dir,
    files: [
      { name: DEMO_FILES.actors, format: 'actorpack' },
      { name: DEMO_FILES.lazarusTags, format: 'tagpack' },
      { name: DEMO_FILES.serviceTags, format: 'tagpack' },
      { name: DEMO_FILES.prices, format: 'prices' },
      { name: DEMO_FILES.eth, format: 'transfers-csv' },
      { name: DEMO_FILES.btc, format: 'esplora-json' },
      { name: DEMO_FILES.incidents, format: 'incidents-csv' },
    ].map((f) => ({ ...f, path: file(f.name) })),
    counts: {
      ethTransfers: flows.eth.length + background.plan.ethTransfers,
      btcTransactions: flows.btc.length + background.plan.btcTxs,
      incidents: DEMO_INCIDENTS.length,
      tags: LAZARUS_ADDRESSES.length + tagged.length,
      entities: DEMO_ENTITIES.length + 1,
    },
    incidents,
    flowRecords: { eth: flows.eth.length, btc: flows.btc.length },
  };
}
