/**
 * The chains and assets a new workspace knows. Codes follow GraphSense's currency/network codes. Amounts of
 * an asset are integers in its base unit; `decimals` turns them into whole units.
 */
export interface ChainFact {
  code: string;
  name: string;
  model: 'account' | 'utxo';
  /** The native coin. */
  symbol: string;
  decimals: number;
}

export const CHAINS: readonly ChainFact[] = [
  { code: 'BTC', name: 'Bitcoin', model: 'utxo', symbol: 'BTC', decimals: 8 },
  { code: 'LTC', name: 'Litecoin', model: 'utxo', symbol: 'LTC', decimals: 8 },
  { code: 'BCH', name: 'Bitcoin Cash', model: 'utxo', symbol: 'BCH', decimals: 8 },
  { code: 'BSV', name: 'Bitcoin SV', model: 'utxo', symbol: 'BSV', decimals: 8 },
  { code: 'BTG', name: 'Bitcoin Gold', model: 'utxo', symbol: 'BTG', decimals: 8 },
  { code: 'DASH', name: 'Dash', model: 'utxo', symbol: 'DASH', decimals: 8 },
  { code: 'ZEC', name: 'Zcash', model: 'utxo', symbol: 'ZEC', decimals: 8 },
  { code: 'XVG', name: 'Verge', model: 'utxo', symbol: 'XVG', decimals: 6 },
  { code: 'XMR', name: 'Monero', model: 'utxo', symbol: 'XMR', decimals: 12 },
  { code: 'XRP', name: 'XRP Ledger', model: 'account', symbol: 'XRP', decimals: 6 },
  { code: 'ETH', name: 'Ethereum', model: 'account', symbol: 'ETH', decimals: 18 },
  { code: 'ETC', name: 'Ethereum Classic', model: 'account', symbol: 'ETC', decimals: 18 },
  { code: 'TRX', name: 'TRON', model: 'account', symbol: 'TRX', decimals: 6 },
  { code: 'BSC', name: 'BNB Smart Chain', model: 'account', symbol: 'BNB', decimals: 18 },
  { code: 'POLYGON', name: 'Polygon PoS', model: 'account', symbol: 'POL', decimals: 18 },
  { code: 'ARB', name: 'Arbitrum One', model: 'account', symbol: 'ETH', decimals: 18 },
  { code: 'OP', name: 'OP Mainnet', model: 'account', symbol: 'ETH', decimals: 18 },
  { code: 'BASE', name: 'Base', model: 'account', symbol: 'ETH', decimals: 18 },
  { code: 'AVAX', name: 'Avalanche C-Chain', model: 'account', symbol: 'AVAX', decimals: 18 },
  { code: 'FTM', name: 'Fantom Opera', model: 'account', symbol: 'FTM', decimals: 18 },
];

export interface TokenFact {
  chain: string;
  symbol: string;
  /** The contract in the chain's normal address form (EIP-55 for EVM, base58 for TRON); Omni names its property. */
  contract: string;
  decimals: number;
  name: string;
}

export const TOKENS: readonly TokenFact[] = [
  {
    chain: 'ETH',
    symbol: 'USDT',
    contract: '0xdAC17F958D2ee523a2206206994597C13D831ec7',
    decimals: 6,
    name: 'Tether USD',
  },
  {
    chain: 'ETH',
    symbol: 'USDC',
    contract: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
    decimals: 6,
    name: 'USD Coin',
  },
  { chain: 'ETH', symbol: 'DAI', contract: '0x6B175474E89094C44Da98b954EedeAC495271d0F', decimals: 18, name: 'Dai' },
  {
    chain: 'ETH',
    symbol: 'WETH',
    contract: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2',
    decimals: 18,
    name: 'Wrapped Ether',
  },
  {
    chain: 'TRX',
    symbol: 'USDT',
    contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
    decimals: 6,
    name: 'Tether USD (TRC-20)',
  },
  { chain: 'BTC', symbol: 'USDT', contract: 'omni:31', decimals: 8, name: 'Tether USD (Omni)' },
];
