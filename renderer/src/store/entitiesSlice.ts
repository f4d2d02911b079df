import type { StateCreator } from 'zustand/vanilla';
import type { Client, EntityRow, Input } from '../../../db/api/contract';
import type { AppState } from './index';
import { createPageLoader, emptyList, SEARCH_DELAY_MS, type PagedList } from './pagedList';

export type EntityKind = NonNullable<Input<'entity.list'>['kind']>;

export const ENTITY_KINDS: readonly EntityKind[] = ['actor', 'victim', 'service', 'unknown'];

export interface EntitiesSlice {
  entityQuery: string;
  /** '' for all kinds. */
  entityKind: EntityKind | '';
  /** What the user typed; the list is filtered only once it is a two-letter code. */
  entityJurisdiction: string;
  entityList: PagedList<EntityRow>;
  entitySelected: number | null;
  setEntityQuery(query: string): void;
  setEntityKind(kind: EntityKind | ''): void;
  setEntityJurisdiction(code: string): void;
  showEntityRows(first: number, last: number): void;
  refreshEntities(): void;
  selectEntity(index: number): void;
}

/** The code to filter by, or null while the field holds anything but two letters. */
export function jurisdictionFilter(typed: string): string | null {
  const code = typed.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : null;
}

export function createEntitiesSlice(api: Client): StateCreator<AppState, [], [], EntitiesSlice> {
  return (set, get) => {
    const loader = createPageLoader<EntityRow>({
      fetch: (offset, limit) => {
        const { entityQuery, entityKind, entityJurisdiction } = get();
        const query = entityQuery.trim();
        const jurisdiction = jurisdictionFilter(entityJurisdiction);
        return api['entity.list']({
          offset,
          limit,
          ...(query ? { query } : {}),
          ...(entityKind ? { kind: entityKind } : {}),
          ...(jurisdiction ? { jurisdiction } : {}),
        });
      },
      read: () => get().entityList,
      write: (entityList) => set({ entityList }),
    });

    function filterChanged(delayMs = 0) {
      set({ entitySelected: null });
      loader.reset({ toTop: true, delayMs });
    }

    return {
      entityQuery: '',
      entityKind: '',
      entityJurisdiction: '',
      entityList: emptyList(),
      entitySelected: null,

      setEntityQuery(entityQuery) {
        set({ entityQuery });
        filterChanged(SEARCH_DELAY_MS);
      },
      setEntityKind(entityKind) {
        set({ entityKind });
        filterChanged();
      },
      setEntityJurisdiction(entityJurisdiction) {
        const before = jurisdictionFilter(get().entityJurisdiction);
        set({ entityJurisdiction });
        // Half a code filters nothing yet; asking the engine again would only repeat the last answer.
        if (jurisdictionFilter(entityJurisdiction) !== before) filterChanged();
      },
      showEntityRows: (first, last) => loader.want(first, last),
      refreshEntities: () => loader.reset(),
      selectEntity: (index) => set({ entitySelected: index }),
    };
  };
}
