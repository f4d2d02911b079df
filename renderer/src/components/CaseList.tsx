import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useNow } from '../lib/useNow';
import { useApp } from '../store/context';
import { CaseListItem, caseOptionId } from './CaseListItem';

/**
 * A listbox with one tab stop: the arrow keys, Home and End move the selection, and the selected row is the
 * active descendant that screen readers announce.
 */
export function CaseList() {
  const items = useApp((s) => s.items);
  const selectedId = useApp((s) => s.selected?.id ?? null);
  const select = useApp((s) => s.select);
  const loading = useApp((s) => s.loading);
  const now = useNow(30_000);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (selectedId === null) return;
    listRef.current?.querySelector(`#${caseOptionId(selectedId)}`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const index = items.findIndex((c) => c.id === selectedId);
    const last = items.length - 1;
    const next: Record<string, number> = {
      ArrowDown: Math.min(index + 1, last),
      ArrowUp: index === -1 ? last : Math.max(index - 1, 0),
      Home: 0,
      End: last,
    };
    const target = items[next[event.key] ?? -1];
    if (!target) return;
    event.preventDefault();
    select(target.id);
  }

  return (
    <ul
      ref={listRef}
      className="case-list"
      role="listbox"
      aria-label="Cases"
      tabIndex={0}
      aria-busy={loading}
      aria-activedescendant={selectedId === null ? undefined : caseOptionId(selectedId)}
      onKeyDown={onKeyDown}
    >
      {items.map((c) => (
        <CaseListItem key={c.id} item={c} selected={c.id === selectedId} now={now} onSelect={select} />
      ))}
    </ul>
  );
}
