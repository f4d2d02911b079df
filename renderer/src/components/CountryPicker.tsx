import { useId, useState } from 'react';
import type { ReferenceData } from '../../../db/api/contract';
import { Icon } from './Icon';

/** How many matches the list shows at once: a few lines to pick from, not all 249 countries. */
const SHOWN = 8;

interface CountryPickerProps {
  id: string;
  label: string;
  countries: ReferenceData['countries'];
  value: string[];
  onChange(codes: string[]): void;
}

/** A multi-select of countries, searched by name or code; the chosen ones stand above as removable chips. */
export function CountryPicker({ id, label, countries, value, onChange }: CountryPickerProps) {
  const [query, setQuery] = useState('');
  // The match the arrow keys are on; Enter picks it.
  const [active, setActive] = useState(0);
  const listId = useId();
  const q = query.trim().toLowerCase();
  const matches =
    q === ''
      ? []
      : countries
          .filter((c) => !value.includes(c.code))
          .filter((c) => c.code.toLowerCase() === q || c.name.toLowerCase().includes(q))
          // An exact code first, so typing "JP" and Enter picks Japan.
          .sort((a, b) => Number(b.code.toLowerCase() === q) - Number(a.code.toLowerCase() === q))
          .slice(0, SHOWN);
  const nameOf = (code: string) => countries.find((c) => c.code === code)?.name ?? code;

  const current = matches[Math.min(active, matches.length - 1)];

  function add(code: string) {
    onChange([...value, code].sort());
    setQuery('');
    setActive(0);
  }

  return (
    <div className="country-picker">
      {value.length > 0 && (
        <ul className="chips" aria-label={`${label} chosen`}>
          {value.map((code) => (
            <li key={code} className="chip">
              <span>
                {nameOf(code)} <span className="muted">{code}</span>
              </span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${nameOf(code)}`}
                onClick={() => onChange(value.filter((c) => c !== code))}
              >
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        type="search"
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? `${listId}-${current.code}` : undefined}
        value={query}
        placeholder="Search countries by name or code"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && current) {
            e.preventDefault();
            add(current.code);
          } else if (e.key === 'ArrowDown' && matches.length > 0) {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, matches.length - 1));
          } else if (e.key === 'ArrowUp' && matches.length > 0) {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          }
        }}
      />
      {matches.length > 0 && (
        <ul id={listId} role="listbox" aria-label={`${label} matches`} className="country-options">
          {matches.map((c) => (
            <li
              key={c.code}
              id={`${listId}-${c.code}`}
              role="option"
              aria-selected={c === current}
              className={c === current ? 'active' : undefined}
              onClick={() => add(c.code)}
            >
              {c.name} <span className="muted">{c.code}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
