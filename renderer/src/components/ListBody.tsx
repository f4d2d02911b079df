import type { ReactNode } from 'react';
import { plural } from '../lib/format';
import { EmptyState } from './EmptyState';
import { Icon, type IconName } from './Icon';
import { ListError } from './ListError';

/** How many rows a list holds, or matches when it is filtered; announced as it changes. */
export function ListCount({
  total,
  filtered,
  one,
  many,
}: {
  total: number | null;
  filtered: boolean;
  /** The noun for one row and for several: "entity", "entities". */
  one: string;
  many: string;
}) {
  return (
    <p className="list-count" aria-live="polite">
      {total === null ? 'Loading…' : filtered ? plural(total, 'match', 'matches') : plural(total, one, many)}
    </p>
  );
}

interface ListBodyProps {
  /** The rows' noun: "addresses", "entities". */
  what: string;
  total: number | null;
  error: string | null;
  filtered: boolean;
  onRetry(): void;
  onImport(): void;
  /** Clears the search and every filter. */
  onShowAll(): void;
  /** What the search and filters look at, for when nothing matches them. */
  noMatch: ReactNode;
  /** The empty list's icon and text, which says what would fill it. */
  emptyIcon: IconName;
  empty: ReactNode;
  /** The table. */
  children: ReactNode;
}

/**
 * The body of a paged list in its states: the first page failed, nothing matches the filters, nothing there
 * yet (with a way to import), or the table, with a bar above it when a later page failed.
 */
export function ListBody(props: ListBodyProps) {
  const { what, total, error, filtered, onRetry } = props;
  if (error && total === null) return <ListError what={what} message={error} onRetry={onRetry} />;
  if (total === 0 && filtered) {
    return (
      <EmptyState icon="search" title={`No ${what} match`}>
        <p>{props.noMatch}</p>
        <p>
          <button type="button" className="button" onClick={() => props.onShowAll()}>
            Show all {what}
          </button>
        </p>
      </EmptyState>
    );
  }
  if (total === 0) {
    return (
      <EmptyState
        icon={props.emptyIcon}
        title={`No ${what} yet`}
        action={
          <button type="button" className="button button-primary" onClick={() => props.onImport()}>
            <Icon name="upload" />
            Import files
          </button>
        }
      >
        <p>{props.empty}</p>
      </EmptyState>
    );
  }
  return (
    <div className="list-table">
      {error && <ListError what={what} message={error} onRetry={onRetry} compact />}
      {props.children}
    </div>
  );
}
