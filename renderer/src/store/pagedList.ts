import type { Page } from '../../../db/api/contract';
import { messageOf } from './result';

/** Rows per request: large enough that scrolling rarely waits, small enough that one answer is quick. */
export const PAGE_SIZE = 200;
/** Pages kept in memory; the farthest from view are dropped first, so a million-row list costs no more. */
const MAX_PAGES = 40;
/** Requests at once: fast scrolling skips the pages it passed instead of queueing them. */
const MAX_IN_FLIGHT = 2;
/**
 * A search waits this long after a keystroke: a substring search over 100,000 addresses takes the engine a few
 * hundred milliseconds, and every keystroke of a word would otherwise queue one.
 */
export const SEARCH_DELAY_MS = 150;

/** A long list as the views see it: the total and whichever pages have arrived. */
export interface PagedList<Row> {
  /** Rows matching the filter in all; null until the first answer. */
  total: number | null;
  /** Loaded pages by page number (offset / PAGE_SIZE). */
  pages: Readonly<Record<number, readonly Row[]>>;
  /** Why the last request failed; cleared by the next answer. */
  error: string | null;
}

export function emptyList<Row>(): PagedList<Row> {
  return { total: null, pages: {}, error: null };
}

export function rowAt<Row>(list: PagedList<Row>, index: number): Row | undefined {
  return list.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

export interface PageLoader {
  /** The rows on screen; missing pages among them are fetched, nearest first. */
  want(first: number, last: number): void;
  /**
   * Forgets every page, e.g. when the filter changed or an import added rows. The old pages stay on screen
   * until the first new one arrives, so typing in a search box does not flash empty rows.
   */
  reset(options?: { toTop?: boolean; delayMs?: number }): void;
}

interface LoaderOptions<Row> {
  fetch(offset: number, limit: number): Promise<Page<Row>>;
  read(): PagedList<Row>;
  write(list: PagedList<Row>): void;
}

export function createPageLoader<Row>({ fetch, read, write }: LoaderOptions<Row>): PageLoader {
  // Answers from before a reset belong to another filter; the generation tells them apart.
  let generation = 0;
  let replaceOnArrival = false;
  let wanted = { first: 0, last: PAGE_SIZE - 1 };
  let inFlight = new Set<number>();
  let pendingReset: ReturnType<typeof setTimeout> | undefined;

  function nextMissing(): number | undefined {
    const list = read();
    const firstPage = Math.floor(wanted.first / PAGE_SIZE);
    const lastPage = Math.floor(wanted.last / PAGE_SIZE);
    for (let page = firstPage; page <= lastPage; page++) {
      const known = !replaceOnArrival && page in list.pages;
      if (!known && !inFlight.has(page)) return page;
    }
    return undefined;
  }

  function pump() {
    while (inFlight.size < MAX_IN_FLIGHT) {
      const page = nextMissing();
      if (page === undefined) return;
      void load(page, generation, inFlight);
    }
  }

  async function load(page: number, gen: number, pending: Set<number>) {
    pending.add(page);
    try {
      const answer = await fetch(page * PAGE_SIZE, PAGE_SIZE);
      if (gen !== generation) return;
      const pages = replaceOnArrival ? {} : read().pages;
      replaceOnArrival = false;
      write({ total: answer.total, pages: trim({ ...pages, [page]: answer.rows }, page), error: null });
    } catch (error) {
      if (gen !== generation) return;
      // No retry here: a dead host would be asked again and again. The next scroll or a reset asks again.
      write({ ...read(), error: messageOf(error) });
      return;
    } finally {
      pending.delete(page);
    }
    pump();
  }

  return {
    want(first, last) {
      wanted = { first, last: Math.max(first, last) };
      pump();
    },
    reset({ toTop = false, delayMs = 0 } = {}) {
      clearTimeout(pendingReset);
      const run = () => {
        generation += 1;
        replaceOnArrival = true;
        inFlight = new Set();
        if (toTop) wanted = { first: 0, last: Math.min(wanted.last - wanted.first, PAGE_SIZE - 1) };
        pump();
      };
      if (delayMs > 0) pendingReset = setTimeout(run, delayMs);
      else run();
    },
  };
}

function trim<Row>(pages: Record<number, readonly Row[]>, around: number): Record<number, readonly Row[]> {
  const numbers = Object.keys(pages).map(Number);
  if (numbers.length <= MAX_PAGES) return pages;
  const keep = numbers.sort((a, b) => Math.abs(a - around) - Math.abs(b - around)).slice(0, MAX_PAGES);
  return Object.fromEntries(keep.map((n) => [n, pages[n] ?? []]));
}
