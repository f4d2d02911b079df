import { checkAddress, findChain } from '../chains';
import type { Db } from '../open';
import { flatCopy, Refused } from './values';

export interface Asset {
  id: number;
  chain: string;
  symbol: string;
  /** '' for the chain's own coin. */
  contract: string;
  decimals: number;
}

export interface ChainInfo {
  code: string;
  model: 'account' | 'utxo';
  /** EVM chains write tx hashes with 0x. */
  evm: boolean;
  native: Asset;
}

/**
 * The workspace's chains and assets, read once per import: the tables are small, and a lookup per record
 * must not cost a query.
 */
export class AssetLookup {
  private readonly chains = new Map<string, ChainInfo>();
  private readonly byContract = new Map<string, Asset>();
  private readonly bySymbol = new Map<string, Asset[]>();
  /** Answers by the text found in the file, so the millionth row naming ETH costs one map lookup. */
  private readonly chainMemo = new Map<string, ChainInfo | Refused>();
  private readonly assetMemo = new Map<ChainInfo, Map<string, Asset | Refused>>();

  constructor(db: Db) {
    const assets = db.prepare('SELECT id, chain, symbol, contract, decimals FROM assets').all() as Asset[];
    const models = db.prepare('SELECT code, model FROM chains').all() as { code: string; model: 'account' | 'utxo' }[];
    for (const asset of assets) {
      this.byContract.set(`${asset.chain}\0${asset.contract}`, asset);
      const key = `${asset.chain}\0${asset.symbol.toUpperCase()}`;
      this.bySymbol.set(key, [...(this.bySymbol.get(key) ?? []), asset]);
    }
    for (const { code, model } of models) {
      const native = this.byContract.get(`${code}\0`);
      if (native) this.chains.set(code, { code, model, evm: findChain(code)?.evm ?? false, native });
    }
  }

  /** A chain by its code or an alias (MATIC for POLYGON), in any case. */
  chain(text: string): ChainInfo | Refused {
    const hit = this.chainMemo.get(text);
    if (hit !== undefined) return hit;
    return remember(this.chainMemo, text, this.findChain(text));
  }

  private findChain(text: string): ChainInfo | Refused {
    const code = findChain(text)?.id ?? text.trim().toUpperCase();
    const chain = this.chains.get(code);
    if (chain) return chain;
    return new Refused(text.trim() === '' ? 'missing chain' : `unknown chain ${text.trim().slice(0, 20)}`);
  }

  /** A token by its contract address, in any spelling the chain accepts. */
  byContractAddress(chain: ChainInfo, contract: string): Asset | undefined {
    const check = checkAddress(chain.code, contract);
    return check.valid ? this.byContract.get(`${chain.code}\0${check.normalized}`) : undefined;
  }

  /**
   * An asset named by symbol (the exact spelling first, then ignoring case) or by token contract. A symbol that
   * two contracts on the chain share names neither: the contract must say which.
   */
  find(chain: ChainInfo, text: string): Asset | Refused {
    let memo = this.assetMemo.get(chain);
    if (memo === undefined) {
      memo = new Map();
      this.assetMemo.set(chain, memo);
    }
    const hit = memo.get(text);
    if (hit !== undefined) return hit;
    return remember(memo, text, this.findAsset(chain, text));
  }

  private findAsset(chain: ChainInfo, text: string): Asset | Refused {
    const name = text.trim();
    if (name === '') return new Refused('missing asset');
    const matches = this.bySymbol.get(`${chain.code}\0${name.toUpperCase()}`) ?? [];
    const exact = matches.filter((a) => a.symbol === name);
    const candidates = exact.length > 0 ? exact : matches;
    if (candidates.length === 1) return candidates[0] as Asset;
    if (candidates.length > 1) {
      const contracts = candidates.map((a) => a.contract || '(native)').join(', ');
      return new Refused(`asset ${name} is ambiguous on ${chain.code} (${contracts}): give the token contract`);
    }
    const token = this.byContractAddress(chain, name);
    if (token) return token;
    return checkAddress(chain.code, name).valid
      ? new Refused(
          `unknown token contract ${name.slice(0, 100)} on ${chain.code}: its decimals are not in the workspace`,
        )
      : new Refused(`unknown asset ${name.slice(0, 40)} on ${chain.code}`);
  }
}

/** Memos stay small whatever a file holds: garbage in a column is not worth remembering. */
function remember<T>(memo: Map<string, T>, key: string, value: T): T {
  if (memo.size < 10_000) memo.set(flatCopy(key), value);
  return value;
}
