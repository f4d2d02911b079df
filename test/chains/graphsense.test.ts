import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkAddress, detectChains, isSupportedChain, type AddressCheck } from '../../db/chains';

// DESIGN.md: tests read GraphSense's files from ../shared/data, never from a copy in the project.
const PACKS = fileURLToPath(new URL('../../../shared/data/graphsense/packs', import.meta.url));

interface Tag {
  pack: string;
  address: string;
  /** GraphSense puts the chain in `network` when `currency` is a token (USDT on ETH or TRX). */
  chain: string;
}

function readTags(): Tag[] {
  const tags: Tag[] = [];
  for (const file of fs.readdirSync(PACKS).filter((f) => f.endsWith('.yaml'))) {
    const pack = parse(fs.readFileSync(path.join(PACKS, file), 'utf8')) as Record<string, unknown>;
    for (const tag of pack.tags as Record<string, unknown>[]) {
      if (tag.address === undefined) continue;
      const chain = tag.network ?? pack.network ?? tag.currency ?? pack.currency;
      tags.push({ pack: file, address: String(tag.address), chain: String(chain) });
    }
  }
  return tags;
}

/** Refusals that are errors in the data, each checked by hand. */
const KNOWN_BAD: Record<string, string> = {
  // Listed as BTC in OFAC's SDN list; it is a valid TRON address (base58check, version 0x41).
  TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq: 'belongs to TRX, not BTC',
  // Listed as XMR: 64 hex digits, the shape of a transaction id or key, not an address.
  '5be5543ff73456ab9f2d207887e2af87322c651ea1a873c5b25b7ffae456c320':
    'wrong length (64 characters, expected 95 or 106)',
  // Listed as XMR: 67 characters cannot be Monero's block base58 at all (a last block of 1 character); cut short.
  '884Bz8UH63aYsjVdkfWfScRYWZGGNbjFL7pztqvWNSrtYT4reFSwyvkCj9KEGUtheHh':
    'wrong length (67 characters, expected 95 or 106)',
  '49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZ':
    'wrong length (67 characters, expected 95 or 106)',
};

describe('addresses in the GraphSense TagPacks', () => {
  const tags = readTags();
  const checked = tags
    .filter((t) => isSupportedChain(t.chain))
    .map((t) => ({ ...t, result: checkAddress(t.chain, t.address) }));

  it('reads every tagged address', () => {
    expect(tags).toHaveLength(1213);
  });

  it('validates every address with its pack chain, except the known errors in the data', () => {
    const refused = checked.filter((t) => !t.result.valid);
    expect(Object.fromEntries(refused.map((t) => [t.address, (t.result as { reason: string }).reason]))).toEqual(
      KNOWN_BAD,
    );
  });

  it('validates this many per chain', () => {
    const counts: Record<string, number> = {};
    for (const t of checked) if (t.result.valid) counts[t.chain] = (counts[t.chain] ?? 0) + 1;
    expect(counts).toEqual({
      BTC: 1018,
      ETH: 154,
      LTC: 8,
      TRX: 3,
      BCH: 7,
      BSV: 1,
      BTG: 1,
      DASH: 3,
      XRP: 1,
      XVG: 1,
      ZEC: 3,
    });
  });

  it('keeps base58 as written, and rewrites only EVM (to EIP-55) and BCH (to prefixed cashaddr, legacy too)', () => {
    const rewritten = checked.filter(
      (t): t is typeof t & { result: Extract<AddressCheck, { valid: true }> } =>
        t.result.valid && t.result.normalized !== t.address,
    );
    for (const t of rewritten) {
      if (t.chain === 'ETH') expect(t.result.normalized.toLowerCase()).toBe(t.address.toLowerCase());
      else expect(t.result.normalized).toMatch(/^bitcoincash:[qp][02-9ac-hj-np-z]{41}$/);
    }
    expect(rewritten.filter((t) => t.chain === 'ETH')).toHaveLength(36);
    expect(rewritten.filter((t) => t.chain === 'BCH')).toHaveLength(7);
  });

  it('finds the chain of each USDT address (tagged without a network) among ETH, TRX and Omni on BTC', () => {
    const usdt = tags.filter((t) => t.chain === 'USDT');
    expect(usdt).toHaveLength(9);
    const homes = usdt.map((t) => detectChains(t.address)[0]);
    expect(homes.sort()).toEqual(['BTC', 'BTC', 'BTC', 'ETH', 'ETH', 'ETH', 'TRX', 'TRX', 'TRX']);
  });

  it('has rules for every chain the packs use, the token USDT aside', () => {
    expect([...new Set(tags.map((t) => t.chain))].filter((c) => !isSupportedChain(c))).toEqual(['USDT']);
  });
});
