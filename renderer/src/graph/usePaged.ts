import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../../db/api/contract';
import { createPageLoader, emptyList, type PageLoader, type PagedList } from '../store/pagedList';

/**
 * A paged list owned by one panel (an address's or an edge's transfers): the same loader the store's lists
 * use, over component state, starting again whenever `key` or `fetch` changes.
 */
export function usePaged<Row>(
  key: string,
  fetch: (offset: number, limit: number) => Promise<Page<Row>>,
): [PagedList<Row>, (first: number, last: number) => void] {
  const [state, setState] = useState<{ key: string; list: PagedList<Row> }>({ key, list: emptyList() });
  const loader = useRef<PageLoader | null>(null);

  useEffect(() => {
    let current = emptyList<Row>();
    let live = true;
    const next = createPageLoader<Row>({
      fetch,
      read: () => current,
      write: (list) => {
        if (!live) return;
        current = list;
        setState({ key, list });
      },
    });
    loader.current = next;
    next.want(0, 50);
    return () => {
      live = false;
    };
  }, [key, fetch]);

  const want = useCallback((first: number, last: number) => loader.current?.want(first, last), []);
  return [state.key === key ? state.list : emptyList<Row>(), want];
}
