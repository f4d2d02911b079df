/**
 * The facts the demo workspace "DPRK thefts 2017–2022" is written from. Everything real is public and cited:
 * Lazarus Group's wallets as OFAC (2020, 2022) and the FBI (2023) listed them, and the Ronin bridge exploiter
 * addresses, which the FBI attributed to Lazarus Group in April 2022. Everything else is fictional: victims,
 * exchanges, the mixer and the bridge carry invented names, each victim modelled on a public incident (said in
 * its description) so that no invented figure is ever attached to a real company. The loss figures per
 * jurisdiction are those Elliptic published for DPRK thefts in 2017–2022.
 */

export type DemoChain = 'ETH' | 'BTC';

export interface LazarusAddress {
  chain: DemoChain;
  address: string;
  label: string;
  source: string;
  /** Which public listing it comes from, for the tag's context. */
  listing: string;
}

const OFAC_2020 = 'https://www.treasury.gov/resource-center/sanctions/OFAC-Enforcement/Pages/20200302.aspx';
const FBI_2023 = 'https://www.fbi.gov/news/press-releases/fbi-identifies-cryptocurrency-funds-stolen-by-dprk';
const FBI_2022 =
  'https://www.fbi.gov/news/press-releases/fbi-statement-on-attribution-of-malicious-cyber-activity-posed-by-the-democratic-peoples-republic-of-korea';

const OFAC_2022 = 'https://home.treasury.gov/policy-issues/financial-sanctions/recent-actions/20220414';

/** lazarus.yaml: OFAC's March 2020 designation, and the Ethereum address OFAC added in April 2022. */
const ofac = (address: string): LazarusAddress =>
  address.startsWith('0x')
    ? {
        chain: 'ETH',
        address,
        label: 'Lazarus Group',
        source: OFAC_2022,
        listing: "OFAC: Ethereum address added to Lazarus Group's SDN entry (April 2022)",
      }
    : {
        chain: 'BTC',
        address,
        label: 'Lazarus Group',
        source: OFAC_2020,
        listing: 'OFAC: designation of two individuals laundering stolen funds for Lazarus Group (March 2020)',
      };
const fbi = (address: string): LazarusAddress => ({
  chain: 'BTC',
  address,
  label: 'Lazarus Group',
  source: FBI_2023,
  listing: 'FBI: cryptocurrency funds stolen by the DPRK (August 2023)',
});
const ronin = (address: string, label: string): LazarusAddress => ({
  chain: 'ETH',
  address,
  label,
  source: FBI_2022,
  listing: 'FBI attribution of the Ronin bridge theft to Lazarus Group (April 2022)',
});

/** Lazarus Group's wallets: OFAC's listings, the FBI's 2023 listing and the Ronin bridge exploiter. */
export const LAZARUS_ADDRESSES: readonly LazarusAddress[] = [
  ...[
    '134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak',
    '15YK647qtoZQDzNrvY6HJL6QwXduLHfT28',
    '1PfwHNxUnkpfkK9MKjMqzR3Xq3KCtq9u17',
    '14kqryJUxM3a7aEi117KX9hoLUw592WsMR',
    '1F2Gdug9ib9NQMhKMGGJczzMk5SuENoqrp',
    '3F2sZ4jbhvDKQdGbHYPC6ZxFXEau2m5Lqj',
    '1AXUTu9y3H8w4wYx4BjyFWgRhZKDhmcMrn',
    '1Hn9ErTCPRP6j5UDBeuXPGuq5RtRjFJxJQ',
    '1EfMVkxQQuZfBdocpJu6RUsCJvenQWbQyE',
    '17UVSMegvrzfobKC82dHXpZLtLcqzW9stF',
    '39eboeqYNFe2VoLC3mUGx4dh6GNhLB3D2q',
    '39fhoB2DohisGBbHvvfmkdPdShT75CNHdX',
    '3E6rY4dSCDW6y2bzJNwrjvTtdmMQjB6yeh',
    '3EeR8FbcPbkcGj77D6ttneJxmsr3Nu7KGV',
    '3HQRveQzPifZorZLDXHernc5zjoZax8U9f',
    '3JXKQ81JzBqVbB8VHdV9Jtd7auWokkdPgY',
    '3KHfXU24Bt3YD5Ef4J7uNp2buCuhrxfGen',
    '3LbDu1rUXHNyiz4i8eb3KwkSSBMf7C583D',
    '3MN8nYo1tt5hLxMwMbxDkXWd7Xu522hb9P',
    '3N6WeZ6i34taX8Ditser6LKWBcXmt2XXL4',
    '0x098B716B8Aaf21512996dC57EB0615e2383E2f96',
  ].map(ofac),
  ...[
    '3LU8wRu4ZnXP4UM8Yo6kkTiGHM9BubgyiG',
    '39idqitN9tYNmq3wYanwg3MitFB5TZCjWu',
    '3AAUBbKJorvNhEUFhKnep9YTwmZECxE4Nk',
    '3PjNaSeP8GzLjGeu51JR19Q2Lu8W2Te9oc',
    '3NbdrezMzAVVfXv5MTQJn4hWqKhYCTCJoB',
    '34VXKa5upLWVYMXmgid6bFM4BaQXHxSUoL',
  ].map(fbi),
  ronin('0x098B716B8Aaf21512996dC57EB0615e2383E2f96', 'Ronin bridge exploiter (Lazarus Group)'),
  ronin('0x29fC9B71492ec63696Cf9cd56e9832A42B0dCED0', 'Ronin bridge exploiter 4 (Lazarus Group)'),
  ronin('0x7E3167771BF23AC10930803589d1424903b36584', 'Ronin bridge exploiter 5 (Lazarus Group)'),
  ronin('0x4Fe666ECC5263F5dBb34ADB8bc1c8cbB9bbCD1Cc', 'Ronin bridge exploiter 6 (Lazarus Group)'),
  ronin('0x5b5082214D62585D686850Ab8D9E3f6b6a5c58FF', 'Ronin bridge exploiter 7 (Lazarus Group)'),
  ronin('0xbc25d57412a04956CDD95AF07825C5C1F34d29eb', 'Ronin bridge exploiter 8 (Lazarus Group)'),
];

/** The distinct wallets of one chain, in the order listed. */
export function lazarusWallets(chain: DemoChain): string[] {
  return [...new Set(LAZARUS_ADDRESSES.filter((a) => a.chain === chain).map((a) => a.address))];
}

export const LAZARUS = {
  key: 'lazarusgroup',
  label: 'Lazarus Group',
  jurisdictions: ['KP'],
  aliases: ['APT38', 'Hidden Cobra', 'BlueNoroff', 'Guardians of Peace', 'Zinc'],
  categories: ['sanction', 'service_hack'],
  uri: 'https://home.treasury.gov/news/press-releases/sm774',
  description:
    'State-sponsored hacking group of the DPRK (North Korea), designated by OFAC in 2019; the FBI attributed the ' +
    'Ronin bridge theft of March 2022 to it.',
};

export type DemoEntityRole = 'victim' | 'exchange' | 'mixer' | 'bridge';

export interface DemoEntity {
  key: string;
  label: string;
  role: DemoEntityRole;
  jurisdiction: string | null;
  categories: string[];
  description: string;
}

const victim = (key: string, label: string, jurisdiction: string, categories: string[], model: string) => ({
  key,
  label,
  role: 'victim' as const,
  jurisdiction,
  categories,
  description: `Demo victim (fictional name) modelled on ${model}. Figures are generated demo data.`,
});
const exchange = (key: string, label: string, jurisdiction: string) => ({
  key,
  label,
  role: 'exchange' as const,
  jurisdiction,
  categories: ['exchange'],
  description: `Fictional exchange of the demo workspace, where stolen funds are cashed out (${jurisdiction}).`,
});

/** Victims, the exchanges where the loot is cashed out, one mixer and one bridge; all fictional. */
export const DEMO_ENTITIES: readonly DemoEntity[] = [
  victim('demo-sakura-exchange', 'Sakura Coin Exchange', 'JP', ['exchange'], 'the 2018 hack of a Tokyo exchange'),
  victim('demo-naniwa-bit', 'Naniwa Bit', 'JP', ['exchange'], 'the 2018 hot-wallet theft from an Osaka exchange'),
  victim('demo-hinode-crypto', 'Hinode Crypto', 'JP', ['exchange'], 'the 2019 hot-wallet theft from a Tokyo exchange'),
  victim('demo-kanto-digital', 'Kanto Digital Exchange', 'JP', ['exchange'], 'the 2021 hack of a Japanese exchange'),
  victim(
    'demo-lotus-realms-bridge',
    'Lotus Realms Bridge',
    'VN',
    ['defi_bridge'],
    'the 2022 hack of the sidechain bridge of a Vietnamese-developed blockchain game',
  ),
  victim(
    'demo-harborline-bridge',
    'Harborline Bridge',
    'US',
    ['defi_bridge'],
    'the 2022 hack of a US-developed cross-chain bridge',
  ),
  victim('demo-prairie-custody', 'Prairie Coin Custody', 'US', ['exchange'], 'thefts from US crypto firms, 2017–2021'),
  victim('demo-cascade-markets', 'Cascade Digital Markets', 'US', ['exchange'], 'thefts from US exchanges, 2018–2021'),
  victim('demo-victoria-harbour', 'Victoria Harbour Exchange', 'HK', ['exchange'], 'thefts from Hong Kong exchanges'),
  victim('demo-kowloon-digital', 'Kowloon Digital Assets', 'HK', ['exchange'], 'the 2020 hack of a Hong Kong platform'),
  victim('demo-hangang-exchange', 'Hangang Exchange', 'KR', ['exchange'], 'the 2017 hacks of a Seoul exchange'),
  victim('demo-namsan-bit', 'Namsan Bit', 'KR', ['exchange'], 'the 2018 and 2019 hacks of a Korean exchange'),
  victim('demo-gyeongbok-exchange', 'Gyeongbok Exchange', 'KR', ['exchange'], 'the 2019 hack of a Korean exchange'),
  victim('demo-merlion-exchange', 'Merlion Exchange', 'SG', ['exchange'], 'the 2020 hack of a Singapore exchange'),
  victim('demo-triglav-hash', 'Triglav Hash Market', 'SI', ['exchange'], 'the 2017 hack of a Slovenian mining market'),
  victim('demo-thames-ledger', 'Thames Ledger', 'GB', ['exchange'], 'the 2021 hack of a UK crypto platform'),
  exchange('demo-harbourfront-otc', 'Harbourfront OTC', 'HK'),
  exchange('demo-coral-bay-exchange', 'Coral Bay Exchange', 'SC'),
  exchange('demo-tortola-digital', 'Tortola Digital Exchange', 'VG'),
  exchange('demo-volga-coin', 'Volga Coin', 'RU'),
  exchange('demo-jade-gate-exchange', 'Jade Gate Exchange', 'CN'),
  exchange('demo-bayside-exchange', 'Bayside Exchange', 'US'),
  exchange('demo-kaiman-crest', 'Kaiman Crest Exchange', 'KY'),
  {
    key: 'demo-fogbank-mixer',
    label: 'Fogbank Mixer',
    role: 'mixer',
    jurisdiction: null,
    categories: ['mixing_service'],
    description: 'Fictional coin mixer of the demo workspace.',
  },
  {
    key: 'demo-arcway-bridge',
    label: 'Arcway Bridge',
    role: 'bridge',
    jurisdiction: null,
    categories: ['defi_bridge'],
    description: 'Fictional cross-chain bridge of the demo workspace.',
  },
];

export interface DemoIncident {
  title: string;
  victim: string;
  jurisdiction: string;
  /** ISO-8601 UTC, whole seconds. */
  time: string;
  chain: DemoChain;
  /**
   * USD at the time, as exact dollars and cents; 'rest' for the one incident per jurisdiction whose value
   * makes the jurisdiction's total exact.
   */
  usd: string;
  source: string;
}

const SOURCE = 'Ariadne demo data: fictional incident modelled on public reports';

/** Each victim jurisdiction's total, in dollars (Elliptic's figures for DPRK thefts 2017–2022). */
export const JURISDICTION_TOTALS: Readonly<Record<string, string>> = {
  JP: '721000000.00',
  VN: '540000000.00',
  US: '497000000.00',
  HK: '281000000.00',
  /** KR, SI, SG and GB together. */
  other: '261000000.00',
};
export const TOTAL_USD = '2300000000.00';
export const USD_2022 = '640000000.00';

const incident = (
  title: string,
  victim: string,
  jurisdiction: string,
  time: string,
  chain: DemoChain,
  usd: string,
): DemoIncident => ({ title, victim, jurisdiction, time, chain, usd, source: SOURCE });

/** The thefts, oldest first. 2022 holds exactly the VN and US bridge hacks ($540M + $100M). */
export const DEMO_INCIDENTS: readonly DemoIncident[] = [
  incident('Hangang Exchange hot wallet', 'demo-hangang-exchange', 'KR', '2017-04-22T03:18:40Z', 'BTC', '4819220.35'),
  incident(
    'Prairie Coin Custody hot wallet',
    'demo-prairie-custody',
    'US',
    '2017-09-03T14:02:11Z',
    'BTC',
    '12640008.91',
  ),
  incident('Victoria Harbour Exchange', 'demo-victoria-harbour', 'HK', '2017-11-17T09:45:27Z', 'BTC', '8415330.62'),
  incident('Triglav Hash Market', 'demo-triglav-hash', 'SI', '2017-12-06T11:26:05Z', 'BTC', '63920118.44'),
  incident(
    'Hangang Exchange, second theft',
    'demo-hangang-exchange',
    'KR',
    '2017-12-19T04:07:52Z',
    'BTC',
    '7390411.02',
  ),
  incident('Sakura Coin Exchange', 'demo-sakura-exchange', 'JP', '2018-01-25T17:57:33Z', 'ETH', '534208117.40'),
  incident(
    'Victoria Harbour Exchange, ETH',
    'demo-victoria-harbour',
    'HK',
    '2018-06-04T21:13:09Z',
    'ETH',
    '112840221.50',
  ),
  incident('Namsan Bit hot wallet', 'demo-namsan-bit', 'KR', '2018-06-19T16:30:44Z', 'ETH', '30612907.88'),
  incident('Naniwa Bit hot wallet', 'demo-naniwa-bit', 'JP', '2018-09-14T08:12:36Z', 'BTC', '59712480.55'),
  incident('Cascade Digital Markets', 'demo-cascade-markets', 'US', '2018-10-09T02:51:18Z', 'ETH', '76402118.33'),
  incident('Namsan Bit, second theft', 'demo-namsan-bit', 'KR', '2019-03-29T13:38:02Z', 'ETH', '18744310.16'),
  incident('Prairie Coin Custody, BTC', 'demo-prairie-custody', 'US', '2019-05-07T19:24:57Z', 'BTC', '38917440.20'),
  incident('Hinode Crypto hot wallet', 'demo-hinode-crypto', 'JP', '2019-07-11T01:40:13Z', 'BTC', '28143902.18'),
  incident(
    'Victoria Harbour Exchange, BTC',
    'demo-victoria-harbour',
    'HK',
    '2019-10-21T06:55:30Z',
    'BTC',
    '47220118.73',
  ),
  incident('Gyeongbok Exchange', 'demo-gyeongbok-exchange', 'KR', '2019-11-27T04:06:21Z', 'ETH', '48501226.09'),
  incident('Hinode Crypto, ETH', 'demo-hinode-crypto', 'JP', '2020-02-14T10:17:48Z', 'ETH', '9480212.66'),
  incident('Cascade Digital Markets, ETH', 'demo-cascade-markets', 'US', '2020-08-12T15:33:06Z', 'ETH', '91334875.06'),
  incident('Kowloon Digital Assets', 'demo-kowloon-digital', 'HK', '2020-09-02T12:44:15Z', 'ETH', '55312004.11'),
  incident('Merlion Exchange', 'demo-merlion-exchange', 'SG', '2020-09-25T19:05:39Z', 'ETH', 'rest'),
  incident('Cascade Digital Markets, BTC', 'demo-cascade-markets', 'US', '2020-11-18T08:21:54Z', 'BTC', 'rest'),
  incident('Prairie Coin Custody, 2021', 'demo-prairie-custody', 'US', '2021-02-16T22:09:31Z', 'BTC', '62118903.77'),
  incident('Thames Ledger', 'demo-thames-ledger', 'GB', '2021-04-08T07:52:20Z', 'ETH', '22310447.25'),
  incident('Victoria Harbour Exchange, 2021', 'demo-victoria-harbour', 'HK', '2021-06-23T17:36:11Z', 'BTC', 'rest'),
  incident('Kanto Digital Exchange, ETH', 'demo-kanto-digital', 'JP', '2021-08-19T03:12:27Z', 'ETH', '52480334.91'),
  incident('Kanto Digital Exchange, BTC', 'demo-kanto-digital', 'JP', '2021-08-19T03:40:02Z', 'BTC', 'rest'),
  incident('Cascade Digital Markets, 2021', 'demo-cascade-markets', 'US', '2021-12-02T11:48:36Z', 'ETH', '28770512.40'),
  incident('Lotus Realms Bridge', 'demo-lotus-realms-bridge', 'VN', '2022-03-23T07:19:45Z', 'ETH', 'rest'),
  incident('Harborline Bridge', 'demo-harborline-bridge', 'US', '2022-06-23T10:42:08Z', 'ETH', '100000000.00'),
];

/** Which group of JURISDICTION_TOTALS an incident counts in. */
export const totalGroup = (jurisdiction: string): string =>
  jurisdiction in JURISDICTION_TOTALS ? jurisdiction : 'other';

export const DEMO_CASE = {
  title: 'DPRK thefts 2017–2022',
  reference: 'DEMO-DPRK-2017-2022',
  investigator: 'Ariadne demo',
  description:
    'Generated demo data. Models the thefts attributed to the DPRK (Lazarus Group) in 2017–2022: victims in ' +
    'Japan, Vietnam, the US, Hong Kong and elsewhere (fictional names, modelled on public incidents), hot-wallet ' +
    'drains, peel chains, a mixer, a bridge, consolidation into the real Lazarus Group wallets listed by OFAC and ' +
    'the FBI, and cash-out at exchanges in several jurisdictions. Each incident is attributed by a stored forward ' +
    'trace, not by hand.',
};
