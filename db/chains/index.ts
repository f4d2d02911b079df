/** Address validation and normalisation: each chain's checksum rules, and one normal form per address. */
export { checkAddress, detectChains, MAX_ADDRESS_LENGTH, parseChainAddress } from './check';
export { CHAINS, findChain, isSupportedChain, SUPPORTED_CHAINS, type Chain } from './registry';
export type { AddressCheck, AddressKind, ChainId } from './types';
