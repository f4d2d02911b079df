import type { Engine } from '../../db/api/engine';
import type { Db } from '../../db/open';
import { graphsense } from '../helpers/shared-data';
import {
  assetId,
  BINANCE,
  BTC,
  esploraTx,
  EXPLOITER,
  graphWorkspace,
  importText,
  RONIN,
  TORNADO,
  transfersCsv,
} from './helpers';

export const E = `ETH:${EXPLOITER}`;
export const T = `ETH:${TORNADO}`;
export const B = `ETH:${BINANCE}`;
export const R = `ETH:${RONIN}`;

/** 10^22 wei and 2^63 + 1 wei: amounts beyond 64 bits. */
export const A1 = 10n ** 22n;
export const A2 = 2n ** 63n + 1n;

/**
 * The Ronin exploiter's flows, hand-computed in the tests: three ETH transfers to Tornado Cash (two priced on
 * 2022-03-29 at 3401.99, one on an unpriced day), 4975 USDC to Binance (0.9998: exactly 4974.005 USD), one
 * transfer back, a self-send, and Ronin's drain; BTC transactions for the UTXO split; tags from a TagPack and
 * the real GraphSense ActorPack.
 */
export async function roninWorkspace(): Promise<{
  db: Db;
  api: Engine;
  caseId: number;
  eth: number;
  usdc: number;
  btc: number;
}> {
  const w = graphWorkspace();
  const { api, db } = w;
  await importText(
    api,
    'transfers-csv',
    'transfers.csv',
    transfersCsv([
      [EXPLOITER, TORNADO, 'ETH', A1.toString(), '2022-03-29T10:00:00Z'],
      [EXPLOITER, TORNADO, 'ETH', A2.toString(), '2022-03-29T12:00:00Z'],
      [EXPLOITER, TORNADO, 'ETH', '1', '2022-03-30T00:00:00Z'],
      [EXPLOITER, BINANCE, 'USDC', '4975000000', '2022-03-29T13:00:00Z'],
      [TORNADO, EXPLOITER, 'ETH', '5', '2022-03-31T00:00:00Z'],
      [EXPLOITER, EXPLOITER, 'ETH', '7', '2022-03-31T01:00:00Z'],
      [RONIN, EXPLOITER, 'ETH', '173600000000000000000000', '2022-03-23T14:28:03Z'],
    ]),
  );
  await importText(
    api,
    'prices',
    'prices.csv',
    'asset,date,usd\nETH,2022-03-29,3401.99\nETH:USDC,2022-03-29,0.9998\nBTC,2022-03-29,47465.73',
  );
  const day = Date.parse('2022-03-29T06:00:00Z') / 1000;
  const txs = [
    // Two payers, 1.5 and 25 BTC; outputs 26 BTC, an OP_RETURN, 0.4998 BTC; fee 0.0002 BTC.
    esploraTx(
      1,
      day,
      [
        [BTC.a, 150_000_000],
        [BTC.b, 2_500_000_000],
      ],
      [
        [BTC.c, 2_600_000_000],
        [null, 0],
        [BTC.d, 49_980_000],
      ],
    ),
    // a pays c and takes change: the change is no flow.
    esploraTx(
      2,
      day + 60,
      [[BTC.a, 100_000]],
      [
        [BTC.c, 30_000],
        [BTC.a, 69_000],
      ],
    ),
    // An unaddressed input beside a: c's output is split over a alone.
    esploraTx(
      3,
      day + 120,
      [
        [null, 500],
        [BTC.a, 1_000],
      ],
      [[BTC.c, 1_400]],
    ),
  ];
  await importText(api, 'esplora-json', 'txs.json', JSON.stringify(txs));
  await importText(
    api,
    'tagpack',
    'tags.yaml',
    [
      'title: Case tags',
      'creator: analyst',
      'source: https://example.org/ronin',
      'currency: ETH',
      'confidence: service_data',
      'tags:',
      `- address: '${TORNADO}'`,
      '  label: Tornado Cash Router',
      '  category: mixing_service',
      `- address: '${BINANCE}'`,
      '  label: Binance 14',
      '  category: exchange',
      '  actor: binance',
      `- address: '${EXPLOITER}'`,
      '  label: Ronin bridge exploiter',
      '  abuse: service_hack',
      '  actor: lazarusgroup',
      '  confidence: authority_data',
      `- address: '${EXPLOITER}'`,
      '  label: a weaker claim',
      '  confidence: web_crawl',
      `- address: '${RONIN}'`,
      '  label: Ronin bridge',
      '  category: defi_bridge',
    ].join('\n'),
  );
  const report = await api.runJob('import.files', { files: [graphsense('actors', 'graphsense.actorpack.yaml')] });
  if (report.failed.length > 0) throw new Error('actor pack refused');
  return { ...w, eth: assetId(db, 'ETH', 'ETH'), usdc: assetId(db, 'ETH', 'USDC'), btc: assetId(db, 'BTC', 'BTC') };
}

export const btc = (address: string) => `BTC:${address}`;
