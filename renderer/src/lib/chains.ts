/**
 * The chains the engine knows (db/chains/registry.ts), for the chain filter. The renderer may not import the
 * registry itself; a chain missing here can still be found by searching for its addresses.
 */
export const CHAIN_OPTIONS: readonly { code: string; name: string }[] = [
  { code: 'BTC', name: 'Bitcoin' },
  { code: 'ETH', name: 'Ethereum' },
  { code: 'TRX', name: 'TRON' },
  { code: 'BCH', name: 'Bitcoin Cash' },
  { code: 'BSV', name: 'Bitcoin SV' },
  { code: 'BTG', name: 'Bitcoin Gold' },
  { code: 'LTC', name: 'Litecoin' },
  { code: 'DASH', name: 'Dash' },
  { code: 'ZEC', name: 'Zcash' },
  { code: 'XVG', name: 'Verge' },
  { code: 'XMR', name: 'Monero' },
  { code: 'XRP', name: 'XRP Ledger' },
  { code: 'ETC', name: 'Ethereum Classic' },
  { code: 'BSC', name: 'BNB Smart Chain' },
  { code: 'POLYGON', name: 'Polygon PoS' },
  { code: 'ARB', name: 'Arbitrum One' },
  { code: 'OP', name: 'OP Mainnet' },
  { code: 'AVAX', name: 'Avalanche C-Chain' },
  { code: 'BASE', name: 'Base' },
  { code: 'FTM', name: 'Fantom Opera' },
];
