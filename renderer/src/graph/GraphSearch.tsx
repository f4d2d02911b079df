import { useState } from 'react';
import { Icon } from '../components/Icon';
import { useApp } from '../store/context';

/** Finds nodes by address, label, note or flag and edges by note or flag; selects and centres the matches. */
export function GraphSearch() {
  const query = useApp((s) => s.graphSearch);
  const setQuery = useApp((s) => s.setGraphSearch);
  const run = useApp((s) => s.runGraphSearch);
  const [found, setFound] = useState<number | null>(null);
  return (
    <form
      className="graph-search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        setFound(run());
      }}
    >
      <Icon name="search" />
      <input
        id="graph-search"
        type="search"
        aria-label="Search the graph"
        placeholder="Find address, label, note, flag…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setFound(null);
        }}
      />
      {found !== null && (
        <span className="graph-search-count" role="status">
          {found === 0 ? 'No match' : `${found} found`}
        </span>
      )}
    </form>
  );
}
