import type { Ref } from 'react';
import { useApp } from '../store/context';
import { CaseList } from './CaseList';
import { SearchBox } from './SearchBox';

export function CaseSidebar({ searchRef }: { searchRef: Ref<HTMLInputElement> }) {
  const query = useApp((s) => s.query);
  const setQuery = useApp((s) => s.setQuery);
  return (
    <aside className="sidebar" aria-label="Case list">
      <SearchBox
        ref={searchRef}
        label="Search cases"
        placeholder="Search title, reference, investigator"
        value={query}
        onChange={(value) => void setQuery(value)}
      />
      <CaseListBody />
      <CaseCount />
    </aside>
  );
}

function CaseListBody() {
  const loaded = useApp((s) => s.loaded);
  const error = useApp((s) => s.error);
  const count = useApp((s) => s.items.length);
  const query = useApp((s) => s.query.trim());
  const load = useApp((s) => s.load);
  const setQuery = useApp((s) => s.setQuery);

  if (error) {
    return (
      <div className="sidebar-message">
        <div className="alert alert-error" role="alert">
          <strong>Could not load the cases.</strong> {error}
        </div>
        <button type="button" className="button" onClick={() => void load()}>
          Try again
        </button>
      </div>
    );
  }
  if (!loaded) {
    return (
      <p className="sidebar-message muted" role="status">
        Loading cases…
      </p>
    );
  }
  if (count === 0 && query) {
    return (
      <div className="sidebar-message">
        <p>
          No cases match <q className="query">{query}</q>.
        </p>
        <p className="muted">The search looks at titles, references and investigators.</p>
        <button type="button" className="button" onClick={() => void setQuery('')}>
          Show all cases
        </button>
      </div>
    );
  }
  if (count === 0) return <p className="sidebar-message muted">No cases yet.</p>;
  return <CaseList />;
}

function CaseCount() {
  const loaded = useApp((s) => s.loaded);
  const count = useApp((s) => s.items.length);
  const searching = useApp((s) => s.query.trim() !== '');
  if (!loaded || count === 0) return null;
  const noun = count === 1 ? 'case' : 'cases';
  return (
    <footer className="sidebar-footer" aria-live="polite">
      {searching ? `${count} matching ${noun}` : `${count} ${noun}`}
    </footer>
  );
}
