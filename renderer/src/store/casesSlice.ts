import type { StateCreator } from 'zustand/vanilla';
import type { Case, CaseStatus, Client, Input } from '../../../db/api/contract';
import type { AppState } from './index';
import { messageOf, type Result } from './result';

export type CaseDraft = Input<'case.create'>;
export type CaseChanges = Omit<Input<'case.update'>, 'id'>;

export interface CasesSlice {
  /** The cases matching `query`, most recently updated first, as the engine ordered them. */
  items: Case[];
  loading: boolean;
  /** False until the first list arrives, so "no cases yet" is not claimed before we know. */
  loaded: boolean;
  /** Why the last list request failed; cleared by the next attempt. */
  error: string | null;
  query: string;
  /**
   * The open case, kept apart from `items` so it stays on screen when a search hides it from the list.
   * Every action that changes a case refreshes it from the engine's answer.
   */
  selected: Case | null;
  load(): Promise<void>;
  setQuery(query: string): Promise<void>;
  select(id: number): void;
  create(draft: CaseDraft): Promise<Result<Case>>;
  update(id: number, changes: CaseChanges): Promise<Result<Case>>;
  setStatus(id: number, status: CaseStatus): Promise<void>;
  remove(id: number): Promise<Result<null>>;
}

const STATUS_DONE: Record<CaseStatus, string> = { open: 'reopened', closed: 'closed', archived: 'archived' };

export function createCasesSlice(api: Client): StateCreator<AppState, [], [], CasesSlice> {
  return (set, get) => {
    // Searches fire on every keystroke; only the newest answer may land, whatever order they arrive in.
    let latestLoad = 0;

    function replaceSelected(updated: Case) {
      if (get().selected?.id === updated.id) set({ selected: updated });
    }

    return {
      items: [],
      loading: false,
      loaded: false,
      error: null,
      query: '',
      selected: null,

      async load() {
        const ticket = ++latestLoad;
        set({ loading: true, error: null });
        const query = get().query.trim();
        try {
          const items = await api['case.list'](query ? { query } : {});
          if (ticket !== latestLoad) return;
          const selectedId = get().selected?.id;
          const fresh = items.find((c) => c.id === selectedId);
          set({ items, loading: false, loaded: true, ...(fresh ? { selected: fresh } : {}) });
        } catch (error) {
          if (ticket !== latestLoad) return;
          set({ loading: false, error: messageOf(error) });
        }
      },

      setQuery(query) {
        set({ query });
        return get().load();
      },

      select(id) {
        set({ selected: get().items.find((c) => c.id === id) ?? null });
      },

      async create(draft) {
        try {
          const created = await api['case.create'](draft);
          // Ctrl+N works from every section; the new case is shown where cases live.
          set({ selected: created, section: 'cases' });
          get().notify('success', `Case “${created.title}” created`);
          await get().load();
          return { ok: true, value: created };
        } catch (error) {
          return { ok: false, message: messageOf(error) };
        }
      },

      async update(id, changes) {
        try {
          const updated = await api['case.update']({ id, ...changes });
          replaceSelected(updated);
          await get().load();
          return { ok: true, value: updated };
        } catch (error) {
          return { ok: false, message: messageOf(error) };
        }
      },

      async setStatus(id, status) {
        try {
          const updated = await api['case.update']({ id, status });
          replaceSelected(updated);
          get().notify('success', `Case ${STATUS_DONE[status]}`);
          await get().load();
        } catch (error) {
          get().notify('error', `Could not change the status: ${messageOf(error)}`);
        }
      },

      async remove(id) {
        const { selected, items } = get();
        const known = selected?.id === id ? selected : items.find((c) => c.id === id);
        try {
          await api['case.delete']({ id });
          if (get().selected?.id === id) set({ selected: null });
          get().notify('success', known ? `Case “${known.title}” deleted` : 'Case deleted');
          await get().load();
          return { ok: true, value: null };
        } catch (error) {
          return { ok: false, message: messageOf(error) };
        }
      },
    };
  };
}
