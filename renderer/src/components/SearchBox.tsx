import type { KeyboardEvent, Ref } from 'react';
import { FIELD_LIMITS } from '../lib/limits';
import { Icon } from './Icon';

interface SearchBoxProps {
  ref: Ref<HTMLInputElement>;
  /** The accessible name, e.g. "Search cases". */
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
}

/** A search field whose Escape and clear button empty it; `/` focuses it (see useShortcuts). */
export function SearchBox({ ref, label, placeholder, value, onChange }: SearchBoxProps) {
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape' && value !== '') {
      event.preventDefault();
      onChange('');
    }
  }

  return (
    <div className="search" role="search">
      <Icon name="search" />
      <input
        ref={ref}
        type="search"
        className="search-input"
        aria-label={label}
        aria-keyshortcuts="/"
        placeholder={placeholder}
        maxLength={FIELD_LIMITS.query}
        value={value}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {value === '' ? (
        <kbd className="search-kbd" aria-hidden="true">
          /
        </kbd>
      ) : (
        <button
          type="button"
          className="icon-button search-clear"
          aria-label="Clear search"
          onClick={() => onChange('')}
        >
          <Icon name="close" size={14} />
        </button>
      )}
    </div>
  );
}
