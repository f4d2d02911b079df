import { BSV_RULES, BTC_RULES, BTG_RULES, checkUtxoAddress, DASH_RULES, LTC_RULES, XVG_RULES } from './bitcoin';
import { checkBitcoinCash } from './cashaddr';
import { checkEvmAddress } from './evm';
import { checkMoneroAddress } from './monero';
import { checkRippleAddress } from './ripple';
import { checkTronAddress } from './tron';
import { type ChainId, type Verdict } from './types';
import { checkZcashAddress } from './zcash';

export interface Chain {
  id: ChainId;
  name: string;
  /** Other codes that sources use for this chain: OFAC's SDN list writes XBT for bitcoin, older lists MATIC. */
  aliases: readonly string[];
  /** EVM chains share one address space: an address valid on one is valid on all. */
  evm: boolean;
  /** Applies the chain's rules to a trimmed, non-empty address without whitespace. */
  check(address: string): Verdict;
}

function utxo(id: ChainId, name: string, check: (address: string) => Verdict, aliases: string[] = []): Chain {
  return { id, name, aliases, evm: false, check };
}

function evm(id: ChainId, name: string, aliases: string[] = []): Chain {
  return { id, name, aliases, evm: true, check: checkEvmAddress };
}

/**
 * Codes follow GraphSense TagPacks (`currency`, and `network` for tokens): tickers for chains with their own
 * coin, and network names where the coin's ticker would be ambiguous or belongs to another chain (POLYGON, ARB,
 * OP and BASE all pay fees in ETH or a coin that also lives elsewhere).
 */
export const CHAINS: readonly Chain[] = [
  utxo('BTC', 'Bitcoin', (a) => checkUtxoAddress(BTC_RULES, a), ['XBT']),
  utxo('BCH', 'Bitcoin Cash', checkBitcoinCash),
  utxo('BSV', 'Bitcoin SV', (a) => checkUtxoAddress(BSV_RULES, a)),
  utxo('BTG', 'Bitcoin Gold', (a) => checkUtxoAddress(BTG_RULES, a)),
  utxo('LTC', 'Litecoin', (a) => checkUtxoAddress(LTC_RULES, a)),
  utxo('DASH', 'Dash', (a) => checkUtxoAddress(DASH_RULES, a)),
  utxo('ZEC', 'Zcash', checkZcashAddress),
  utxo('XVG', 'Verge', (a) => checkUtxoAddress(XVG_RULES, a)),
  utxo('XMR', 'Monero', checkMoneroAddress),
  utxo('XRP', 'XRP Ledger', checkRippleAddress),
  { id: 'TRX', name: 'TRON', aliases: ['TRON'], evm: false, check: checkTronAddress },
  evm('ETH', 'Ethereum'),
  evm('ETC', 'Ethereum Classic'),
  evm('BSC', 'BNB Smart Chain'),
  evm('POLYGON', 'Polygon PoS', ['MATIC', 'POL']),
  evm('ARB', 'Arbitrum One', ['ARBITRUM']),
  evm('OP', 'OP Mainnet (Optimism)', ['OPTIMISM']),
  evm('AVAX', 'Avalanche C-Chain'),
  evm('BASE', 'Base'),
  evm('FTM', 'Fantom Opera'),
];

export const SUPPORTED_CHAINS: readonly ChainId[] = CHAINS.map((c) => c.id);

const byCode = new Map<string, Chain>();
for (const c of CHAINS) for (const code of [c.id, ...c.aliases]) byCode.set(code, c);

/** Looks a chain up by code or alias, ignoring case and surrounding whitespace. */
export function findChain(code: string): Chain | undefined {
  return byCode.get(code.trim().toUpperCase());
}

export function isSupportedChain(code: string): boolean {
  return findChain(code) !== undefined;
}
