/**
 * The values an incident is made of, checked and put in their stored form. The API (incident.create/update)
 * and the incidents CSV importer share these, so a value is refused with the same words wherever it is typed.
 * Each returns the value or a `Refused` with the reason; callers add the field or the file and line.
 */
import { parseChainAddress } from '../chains';
import { assetResolver, parseUsd } from '../import/prices';
import { type Asset, AssetLookup } from '../import/asset-lookup';
import { parseAmount, parseTime, parseTxHash, Refused } from '../import/values';
import type { Db } from '../open';
import { exactUsd } from '../usd';

export { parseUsd, Refused };

export interface ResolvedAsset extends Asset {
  /** Whether the chain writes tx hashes with 0x (EVM). */
  evm: boolean;
}

export interface Valuation {
  usd: string | null;
  basis: 'price' | 'typed' | 'none';
}

/** The fraction of a second written after the seconds: `.5`, `.250`. */
const FRACTION = /^(.*?[T ]\d{2}:\d{2}:\d{2})\.(\d+)(.*)$/i;

/**
 * An ISO-8601 time with a zone (or unix seconds) as stored: UTC, `YYYY-MM-DDTHH:MM:SSZ`, with `.sss` when it
 * has milliseconds. Finer fractions are refused rather than cut, since cutting would change the time.
 */
export function parseIncidentTime(text: string): string | Refused {
  const t = text.trim();
  const m = FRACTION.exec(t);
  let ms = 0;
  let rest = t;
  if (m) {
    const digits = m[2] as string;
    if (/[1-9]/.test(digits.slice(3))) return new Refused(`time ${t.slice(0, 40)} is finer than a millisecond`);
    ms = Number(digits.slice(0, 3).padEnd(3, '0'));
    rest = `${m[1] as string}${m[3] as string}`;
  }
  const seconds = parseTime(rest);
  if (seconds instanceof Refused) {
    return new Refused(seconds.reason.replace(rest.slice(0, 40), t.slice(0, 40)));
  }
  const iso = new Date(seconds * 1000 + ms).toISOString();
  return ms === 0 ? iso.replace('.000Z', 'Z') : iso;
}

/** The prices table's day for a stored time. */
export const utcDayOf = (time: string) => time.slice(0, 10);

/**
 * Lookups over the workspace's reference tables, prepared once: an import asks them for every row.
 */
export class IncidentValues {
  private readonly lookup: AssetLookup;
  private readonly coin: (text: string) => Asset | Refused;
  /** Token symbols (upper-case) and the chains that have a token of that symbol. */
  private readonly tokenChains = new Map<string, string[]>();
  private readonly priceOf;
  private readonly country;
  private readonly confidenceLevel;
  private readonly entityById;
  private readonly jurisdictionsOf;
  private readonly entityByKey;
  private readonly entitiesByLabel;

  constructor(private readonly db: Db) {
    this.lookup = new AssetLookup(db);
    this.coin = assetResolver(db);
    const tokens = db
      .prepare("SELECT DISTINCT chain, upper(symbol) AS symbol FROM assets WHERE contract != '' ORDER BY chain")
      .all() as {
      chain: string;
      symbol: string;
    }[];
    for (const { chain, symbol } of tokens)
      this.tokenChains.set(symbol, [...(this.tokenChains.get(symbol) ?? []), chain]);
    this.priceOf = db.prepare('SELECT usd FROM prices WHERE asset_id = ? AND day = ?').pluck();
    this.country = db.prepare('SELECT 1 FROM countries WHERE code = ?').pluck();
    this.confidenceLevel = db.prepare('SELECT level FROM confidence_levels WHERE id = ?').pluck();
    this.jurisdictionsOf = db.prepare('SELECT country FROM entity_jurisdictions WHERE entity_id = ?').pluck();
    this.entityById = db.prepare('SELECT id, key, label, kind FROM entities WHERE id = ?');
    this.entityByKey = db.prepare('SELECT id, key, label, kind FROM entities WHERE key = ?');
    this.entitiesByLabel = db.prepare(
      'SELECT id, key, label, kind FROM entities WHERE label = ? COLLATE NOCASE ORDER BY id LIMIT 5',
    );
  }

  /**
   * An asset written `ETH` (a chain's coin), `USDT` (a token whose symbol only one chain has), `ETH:USDT` or
   * `ETH:0xcontract`. A symbol several chains have is refused with the candidates to choose from.
   */
  asset(text: string): ResolvedAsset | Refused {
    const t = text.trim();
    if (t === '') return new Refused('missing asset');
    let found = this.coin(t);
    if (found instanceof Refused && !t.includes(':')) {
      const chains = this.tokenChains.get(t.toUpperCase()) ?? [];
      if (chains.length > 1) {
        const candidates = chains.map((c) => `${c}:${t.toUpperCase()}`).join(', ');
        return new Refused(`asset ${t.slice(0, 40)} is ambiguous: write one of ${candidates}`);
      }
      if (chains.length === 1) {
        const chain = this.lookup.chain(chains[0] as string);
        if (!(chain instanceof Refused)) found = this.lookup.find(chain, t);
      }
    }
    if (found instanceof Refused) return found;
    const chain = this.lookup.chain(found.chain);
    return { ...found, evm: chain instanceof Refused ? false : chain.evm };
  }

  /** A stored asset, by id. */
  assetById(id: number): ResolvedAsset {
    const asset = this.db
      .prepare('SELECT id, chain, symbol, contract, decimals FROM assets WHERE id = ?')
      .get(id) as Asset;
    const chain = this.lookup.chain(asset.chain);
    return { ...asset, evm: chain instanceof Refused ? false : chain.evm };
  }

  /** Base units, from an integer in base units or a decimal in whole units (never more digits than decimals). */
  amount(text: string, asset: ResolvedAsset): string | Refused {
    return parseAmount(text.trim(), asset);
  }

  /**
   * The USD value: amount × the asset's price on the theft's UTC day, exactly, when the table has one (a typed
   * figure is then refused unless it is that same value); else the typed figure, or none. `typed` is canonical
   * (see parseUsd).
   */
  value(asset: ResolvedAsset, amount: string, time: string, typed: string | null): Valuation | Refused {
    const price = this.priceOf.get(asset.id, utcDayOf(time)) as string | undefined;
    if (price !== undefined) {
      const usd = exactUsd(BigInt(amount), asset.decimals, price);
      if (typed !== null && typed !== usd) {
        return new Refused(
          `the price table values it at ${usd} USD (${price} USD per ${asset.symbol} on ${utcDayOf(time)}); ` +
            'a typed USD is only taken where there is no price: leave it empty',
        );
      }
      return { usd, basis: 'price' };
    }
    return typed === null ? { usd: null, basis: 'none' } : { usd: typed, basis: 'typed' };
  }

  /** Theft transactions, CHAIN:TXHASH on the incident's chain, as that chain writes them (EVM: 0x, lower-case). */
  txs(asset: ResolvedAsset, texts: readonly string[]): string[] | Refused {
    const out = new Set<string>();
    for (const text of texts) {
      const t = text.trim();
      const colon = t.indexOf(':');
      if (colon < 0) return new Refused(`${t.slice(0, 80) || '(empty)'}: write CHAIN:TXHASH`);
      const chain = this.lookup.chain(t.slice(0, colon));
      if (chain instanceof Refused) return new Refused(`${t.slice(0, 80)}: ${chain.reason}`);
      if (chain.code !== asset.chain) {
        return new Refused(`${t.slice(0, 80)} is not on the incident's chain ${asset.chain}`);
      }
      const hash = parseTxHash(t.slice(colon + 1).trim(), chain.evm);
      if (hash instanceof Refused) return hash;
      out.add(hash);
    }
    return [...out].sort();
  }

  /** Victim addresses, CHAIN:ADDRESS on the incident's chain, in their normal form. */
  addresses(asset: ResolvedAsset, texts: readonly string[]): { chain: string; address: string }[] | Refused {
    const out = new Map<string, { chain: string; address: string }>();
    for (const text of texts) {
      const check = parseChainAddress(text);
      if (!check.valid) return new Refused(`${text.trim().slice(0, 100) || '(empty)'}: ${check.reason}`);
      if (check.chain !== asset.chain) {
        return new Refused(`${check.chain}:${check.normalized} is not on the incident's chain ${asset.chain}`);
      }
      out.set(check.normalized, { chain: check.chain, address: check.normalized });
    }
    return [...out.values()].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  }

  /** An ISO-3166 alpha-2 code the countries table holds, upper-case. */
  jurisdiction(code: string): string | Refused {
    const c = code.trim().toUpperCase();
    if (this.country.get(c) === undefined) {
      return new Refused(`${code.trim().slice(0, 20) || '(empty)'} is not a country code the workspace knows`);
    }
    return c;
  }

  /** The level of a confidence id of the taxonomy (authority_data, …). */
  confidence(id: string): number | Refused {
    const level = this.confidenceLevel.get(id.trim()) as number | undefined;
    if (level !== undefined) return level;
    const known = this.db.prepare('SELECT id FROM confidence_levels ORDER BY level DESC, id').pluck().all() as string[];
    return new Refused(`unknown confidence ${id.trim().slice(0, 60)} (one of ${known.join(', ')})`);
  }

  /** The victim's jurisdiction when it has exactly one; else unknown. */
  defaultJurisdiction(victimId: number): string | null {
    const codes = this.jurisdictionsOf.all(victimId) as string[];
    return codes.length === 1 ? (codes[0] as string) : null;
  }

  entity(id: number): EntityRef | undefined {
    return this.entityById.get(id) as EntityRef | undefined;
  }

  /** An entity named by its key or its label, ignoring case; the key wins, and a label two entities share is refused. */
  entityNamed(name: string): EntityRef | Refused | undefined {
    const n = name.trim();
    // Keys are written in lower case (ActorPack ids such as lazarusgroup); both lookups use the key's index.
    const byKey = (this.entityByKey.get(n) ?? this.entityByKey.get(n.toLowerCase())) as EntityRef | undefined;
    if (byKey) return byKey;
    const byLabel = this.entitiesByLabel.all(n) as EntityRef[];
    if (byLabel.length > 1) {
      const ids = byLabel.map((e) => `${e.id}${e.key ? ` (${e.key})` : ''}`).join(', ');
      return new Refused(`${n.slice(0, 80)} names several entities (${ids}): write its key`);
    }
    return byLabel[0];
  }
}

export interface EntityRef {
  id: number;
  key: string | null;
  label: string;
  kind: string;
}

/** Victims are victims, services or unknown entities: an actor is who stole, never who lost. */
export function victimRefusal(entity: EntityRef): Refused | null {
  return entity.kind === 'actor'
    ? new Refused(`${entity.label} is an actor: the victim must be a victim, service or unknown entity`)
    : null;
}

/** An actor entity for a direct attribution, or why not. */
export function actorRefusal(entity: EntityRef): Refused | null {
  return entity.kind === 'actor'
    ? null
    : new Refused(`${entity.label} is a ${entity.kind} entity, not an actor: only actors are attributed thefts`);
}
