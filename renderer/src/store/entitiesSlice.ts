import type { StateCreator } from 'zustand/vanilla';
import type { Client, EntityDetails, EntityRow, Input, ReferenceData } from '../../../db/api/contract';
import type { AppState } from './index';
import { createPageLoader, emptyList, SEARCH_DELAY_MS, type PagedList } from './pagedList';
import { messageOf, type Result } from './result';

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
  /** The open details panel: the entity asked for, then its details or why they could not be had. */
  entityPanel: { id: number; details: EntityDetails | null; error: string | null } | null;
  /** For entity and incident dialogs that read workspace data of their own (candidates, pickers). */
  entityApi: Client;
  /** Countries and confidence levels, fetched once for the pickers. */
  reference: ReferenceData | null;
  setEntityQuery(query: string): void;
  setEntityKind(kind: EntityKind | ''): void;
  setEntityJurisdiction(code: string): void;
  showEntityRows(first: number, last: number): void;
  refreshEntities(): void;
  selectEntity(index: number): void;
  openEntity(id: number): Promise<void>;
  closeEntity(): void;
  loadReference(): Promise<Result<ReferenceData>>;
  createEntity(input: Input<'entity.create'>): Promise<Result<EntityDetails>>;
  updateEntity(input: Input<'entity.update'>): Promise<Result<EntityDetails>>;
  mergeEntities(into: number, from: number[]): Promise<Result<EntityDetails>>;
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

    // Details are fetched as the selection moves; only the answer for the newest request may land.
    let latestPanel = 0;

    /** After a change the list and the panel show the entity as the engine now holds it. */
    function changed(details: EntityDetails): Result<EntityDetails> {
      latestPanel += 1;
      set({ entityPanel: { id: details.id, details, error: null } });
      loader.reset();
      return { ok: true, value: details };
    }

    async function attempt(work: () => Promise<EntityDetails>): Promise<Result<EntityDetails>> {
      try {
        return changed(await work());
      } catch (error) {
        return { ok: false, message: messageOf(error) };
      }
    }

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
      entityPanel: null,
      entityApi: api,
      reference: null,

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
      async openEntity(id) {
        const ticket = ++latestPanel;
        set({ entityPanel: { id, details: null, error: null } });
        try {
          const details = await api['entity.get']({ id });
          if (ticket === latestPanel) set({ entityPanel: { id, details, error: null } });
        } catch (error) {
          if (ticket === latestPanel) set({ entityPanel: { id, details: null, error: messageOf(error) } });
        }
      },
      closeEntity() {
        latestPanel += 1;
        set({ entityPanel: null });
      },
      async loadReference() {
        const known = get().reference;
        if (known) return { ok: true, value: known };
        try {
          const reference = await api['reference.get']({});
          set({ reference });
          return { ok: true, value: reference };
        } catch (error) {
          return { ok: false, message: messageOf(error) };
        }
      },
      createEntity: (input) => attempt(() => api['entity.create'](input)),
      updateEntity: (input) => attempt(() => api['entity.update'](input)),
      mergeEntities: (into, from) => attempt(() => api['entity.merge']({ into, from })),
    };
  };
}
