import type { Db } from '../open';

/** SQLite's page cache for the length of a bulk import (KiB; SQLite's default is 2 MiB). */
const IMPORT_CACHE_KIB = 131072;

/**
 * Transfers land at random places in the (chain, tx_hash, idx) index: with SQLite's default 2 MiB cache nearly
 * every row reads and writes back a page through the kernel, which made a 1M-row import spend as long in
 * system calls as in SQLite. A larger cache for the import's duration keeps those pages in memory; memory
 * stays bounded by the cache size, and the caller's setting comes back afterwards.
 */
export function enlargeCache(db: Db): () => void {
  const previous = db.pragma('cache_size', { simple: true }) as number;
  if (previous < 0 && -previous >= IMPORT_CACHE_KIB) return () => undefined;
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  return () => db.pragma(`cache_size = ${previous}`);
}
