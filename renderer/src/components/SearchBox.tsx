import type { KeyboardEvent, Ref } from 'react';
import { FIELD_LIMITS } from '../lib/limits';
import { useApp } from '../store/context';
import { Icon } from './Icon';

export function SearchBox({ ref }: { ref: Ref<HTMLInputElement> }) {
  const query = useApp((s) => s.query);
  const setQuery = useApp((s) => s.setQuery);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      void setQuery('');
    }
  }

  return (
    <div className="search" role="search">
      <Icon name="search" />
      <input
        ref={ref}
        type="search"
        className="search-input"
        aria-label="Search cases"
        aria-keyshortcuts="/"
        placeholder="Search title, reference, investigator"
        maxLength={FIELD_LIMITS.query}
        value={query}
        spellCheck={false}
        onChange={(e) => void setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {query === '' ? (
        <kbd className="search-kbd" aria-hidden="true">
          /
        </kbd>
      ) : (
        <button
          type="button"
          className="icon-button search-clear"
          aria-label="Clear search"
          onClick={() => void setQuery('')}
        >
          <Icon name="close" size={14} />
        </button>
      )}
    </div>
  );
}
