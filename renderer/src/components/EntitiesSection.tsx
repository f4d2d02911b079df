import type { Ref } from 'react';
import { plural } from '../lib/format';
import { useApp } from '../store/context';
import { ENTITY_KINDS, jurisdictionFilter, type EntityKind } from '../store/entitiesSlice';
import { EmptyState } from './EmptyState';
import { EntityTable } from './EntityTable';
import { Icon } from './Icon';
import { ListError } from './ListError';
import { SearchBox } from './SearchBox';

export function EntitiesSection({ searchRef }: { searchRef: Ref<HTMLInputElement> }) {
  return (
    <main className="list-section" aria-label="Entities">
      <EntityToolbar searchRef={searchRef} />
      <div className="list-body">
        <EntityListBody />
      </div>
    </main>
  );
}

function EntityToolbar({ searchRef }: { searchRef: Ref<HTMLInputElement> }) {
  const query = useApp((s) => s.entityQuery);
  const kind = useApp((s) => s.entityKind);
  const jurisdiction = useApp((s) => s.entityJurisdiction);
  const setQuery = useApp((s) => s.setEntityQuery);
  const setKind = useApp((s) => s.setEntityKind);
  const setJurisdiction = useApp((s) => s.setEntityJurisdiction);
  const incomplete = jurisdiction.trim() !== '' && jurisdictionFilter(jurisdiction) === null;
  return (
    <div className="list-toolbar">
      <SearchBox
        ref={searchRef}
        label="Search entities"
        placeholder="Search label, key or alias"
        value={query}
        onChange={setQuery}
      />
      <label className="filter">
        <span className="filter-label">Kind</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as EntityKind | '')}>
          <option value="">All kinds</option>
          {ENTITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">Jurisdiction</span>
        <input
          className={incomplete ? 'jurisdiction-input jurisdiction-incomplete' : 'jurisdiction-input'}
          value={jurisdiction}
          maxLength={2}
          placeholder="JP"
          autoComplete="off"
          spellCheck={false}
          title="A two-letter country code (ISO 3166), e.g. JP, US, KR"
          aria-invalid={incomplete}
          onChange={(e) => setJurisdiction(e.target.value.toUpperCase())}
        />
      </label>
      <EntityCount />
    </div>
  );
}

function EntityCount() {
  const total = useApp((s) => s.entityList.total);
  const filtered = useApp(
    (s) => s.entityQuery.trim() !== '' || s.entityKind !== '' || jurisdictionFilter(s.entityJurisdiction) !== null,
  );
  return (
    <p className="list-count" aria-live="polite">
      {total === null ? 'Loading…' : filtered ? plural(total, 'match', 'matches') : plural(total, 'entity', 'entities')}
    </p>
  );
}

function EntityListBody() {
  const total = useApp((s) => s.entityList.total);
  const error = useApp((s) => s.entityList.error);
  const filtered = useApp(
    (s) => s.entityQuery.trim() !== '' || s.entityKind !== '' || jurisdictionFilter(s.entityJurisdiction) !== null,
  );
  const refresh = useApp((s) => s.refreshEntities);
  const setQuery = useApp((s) => s.setEntityQuery);
  const setKind = useApp((s) => s.setEntityKind);
  const setJurisdiction = useApp((s) => s.setEntityJurisdiction);
  const openImport = useApp((s) => s.openImport);

  if (error && total === null) return <ListError what="entities" message={error} onRetry={refresh} />;
  if (total === 0 && filtered) {
    return (
      <EmptyState icon="search" title="No entities match">
        <p>The search looks at labels, keys and aliases; the filters narrow it by kind and jurisdiction.</p>
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setQuery('');
              setKind('');
              setJurisdiction('');
            }}
          >
            Show all entities
          </button>
        </p>
      </EmptyState>
    );
  }
  if (total === 0) {
    return (
      <EmptyState
        icon="users"
        title="No entities yet"
        action={
          <button type="button" className="button button-primary" onClick={() => openImport()}>
            <Icon name="upload" />
            Import files
          </button>
        }
      >
        <p>
          Entities are the actors, victims and services that tags point to. Import a GraphSense ActorPack to know who is
          behind an address and where they are based.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="list-table">
      {error && <ListError what="entities" message={error} onRetry={refresh} compact />}
      <EntityTable />
    </div>
  );
}
