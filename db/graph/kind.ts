import type { NodeKind } from '../api/contract';

/** GraphSense concepts (taxonomy/concepts.yaml) that name a mixer: the service, CoinJoin, and mixing as a use. */
const MIXER = new Set(['mixing_service', 'coinjoin', 'mixing']);
const BRIDGE = new Set(['defi_bridge', 'bridge']);
/** The concepts under `service` in the taxonomy, other than exchanges, mixers and bridges. */
const SERVICE = new Set([
  'service',
  'wallet_service',
  'escrow_wallet',
  'ico_wallet',
  'filesharing',
  'index',
  'market',
  'messaging_service',
  'mining_service',
  'gambling',
  'search_engine',
  'shop',
  'faucet',
  'payment_processor',
  'atm',
  'hosting',
  'vpn',
  'nameservice',
  'defi',
  'defi_token',
  'defi_lending',
  'defi_dex',
  'defi_dex_pair',
  'defi_derivative',
  'defi_derivatives',
  'defi_dao',
  'defi_staking',
  'defi_custody',
]);

/**
 * How an address looks on the graph, from its most confident tag: `entityKind` is the kind of the entity that
 * tag names (null when it names none), `concepts` the tag's category and abuse with that entity's categories.
 * First match wins, in this order:
 * 1. the entity is a victim (or the concept `victim`) → victim; an actor (or `perpetrator`) → actor;
 * 2. the concept `exchange` → exchange;
 * 3. `mixing_service`, `coinjoin` or `mixing` → mixer;
 * 4. `defi_bridge` or `bridge` → bridge;
 * 5. any other service concept of the taxonomy, or an entity of kind service → service;
 * 6. otherwise unknown.
 * Roles come first: a victim exchange is drawn as a victim, since in a theft case that is what matters.
 */
export function nodeKind(entityKind: string | null, concepts: readonly string[]): NodeKind {
  if (entityKind === 'victim' || concepts.includes('victim')) return 'victim';
  if (entityKind === 'actor' || concepts.includes('perpetrator')) return 'actor';
  if (concepts.includes('exchange')) return 'exchange';
  if (concepts.some((c) => MIXER.has(c))) return 'mixer';
  if (concepts.some((c) => BRIDGE.has(c))) return 'bridge';
  if (entityKind === 'service' || concepts.some((c) => SERVICE.has(c))) return 'service';
  return 'unknown';
}
