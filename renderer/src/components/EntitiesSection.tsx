import type { Ref } from 'react';
import { useApp } from '../store/context';
import { ENTITY_KINDS, jurisdictionFilter, type EntityKind } from '../store/entitiesSlice';
import { EntityTable } from './EntityTable';
import { ListBody, ListCount } from './ListBody';
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

function useEntitiesFiltered() {
  return useApp(
    (s) => s.entityQuery.trim() !== '' || s.entityKind !== '' || jurisdictionFilter(s.entityJurisdiction) !== null,
  );
}

function EntityCount() {
  const total = useApp((s) => s.entityList.total);
  const filtered = useEntitiesFiltered();
  return <ListCount total={total} filtered={filtered} one="entity" many="entities" />;
}

function EntityListBody() {
  const total = useApp((s) => s.entityList.total);
  const error = useApp((s) => s.entityList.error);
  const filtered = useEntitiesFiltered();
  const refresh = useApp((s) => s.refreshEntities);
  const setQuery = useApp((s) => s.setEntityQuery);
  const setKind = useApp((s) => s.setEntityKind);
  const setJurisdiction = useApp((s) => s.setEntityJurisdiction);
  const openImport = useApp((s) => s.openImport);
  return (
    <ListBody
      what="entities"
      total={total}
      error={error}
      filtered={filtered}
      onRetry={refresh}
      onImport={() => openImport()}
      onShowAll={() => {
        setQuery('');
        setKind('');
        setJurisdiction('');
      }}
      noMatch="The search looks at labels, keys and aliases; the filters narrow it by kind and jurisdiction."
      emptyIcon="users"
      empty={
        <>
          Entities are the actors, victims and services that tags point to. Import a GraphSense ActorPack to know who is
          behind an address and where they are based.
        </>
      }
    >
      <EntityTable />
    </ListBody>
  );
}
