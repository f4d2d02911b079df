import { detectChains } from '../chains';
import type { Db } from '../open';

/** Where a token named only by its ticker most likely lives, most likely first. */
const TOKEN_NETWORKS = ['ETH', 'TRX', 'BTC'];

/**
 * The chain of an address given with a token ticker (USDT, USDC) instead of a chain, from the address format;
 * undefined when the format leaves it open. An EVM address fits every EVM chain and a legacy base58 one several
 * Bitcoin forks: tokens named by ticker live mostly on Ethereum, TRON and (Omni) Bitcoin, so those win.
 */
export function tokenChainOf(address: string, chains: ReadonlySet<string>): string | undefined {
  const fits = detectChains(address).filter((c) => chains.has(c));
  return TOKEN_NETWORKS.find((c) => fits.includes(c)) ?? (fits.length === 1 ? fits[0] : undefined);
}

/** Symbols of the tokens the workspace knows (USDT, USDC…): tickers that name a token rather than a chain. */
export function tokenSymbols(db: Db): Set<string> {
  const symbols = db.prepare("SELECT DISTINCT upper(symbol) FROM assets WHERE contract <> ''").pluck().all();
  return new Set(symbols as string[]);
}
