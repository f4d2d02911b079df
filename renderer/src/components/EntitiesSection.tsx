import { useEffect, type KeyboardEvent, type Ref } from 'react';
import { useApp } from '../store/context';
import { ENTITY_KINDS, jurisdictionFilter, type EntityKind } from '../store/entitiesSlice';
import { EntityPanel } from './EntityPanel';
import { EntityTable } from './EntityTable';
import { Icon } from './Icon';
import { ListBody, ListCount } from './ListBody';
import { SearchBox } from './SearchBox';

export function EntitiesSection({ searchRef }: { searchRef: Ref<HTMLInputElement> }) {
  const panelOpen = useApp((s) => s.entityPanel !== null);
  const closePanel = useApp((s) => s.closeEntity);
  const loadReference = useApp((s) => s.loadReference);
  // Country names for the panel; a failure shows as codes, and the editor says why when it opens.
  useEffect(() => {
    void loadReference();
  }, [loadReference]);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    // A search box with text uses Escape to clear itself first, and says so by preventing the default.
    if (event.key === 'Escape' && panelOpen && !event.defaultPrevented) closePanel();
  }

  return (
    <main className="list-section" aria-label="Entities" onKeyDown={onKeyDown}>
      <EntityToolbar searchRef={searchRef} />
      <div className={panelOpen ? 'list-body list-body-with-panel' : 'list-body'}>
        <EntityListBody />
        {panelOpen && <EntityPanel />}
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
  const openDialog = useApp((s) => s.openDialog);
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
      <button type="button" className="button button-primary" onClick={() => openDialog('entity-create')}>
        <Icon name="plus" /> New entity
      </button>
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
