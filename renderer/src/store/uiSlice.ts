import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './index';

/** Edit and delete always act on the selected case, so the dialog needs no id of its own. */
export type DialogKind =
  | 'create'
  | 'edit'
  | 'delete'
  | 'import'
  | 'add-addresses'
  | 'graph-add'
  | 'graph-expand'
  | 'graph-group'
  | 'entity-create'
  | 'entity-edit'
  | 'entity-merge'
  | 'incident-create'
  | 'incident-edit'
  | 'incident-delete'
  | 'incident-attribute'
  | 'incident-trace'
  | 'report';

export type Section = 'cases' | 'addresses' | 'entities' | 'summary';

export const SECTIONS: readonly Section[] = ['cases', 'addresses', 'entities', 'summary'];

export interface Toast {
  id: number;
  kind: 'success' | 'error';
  message: string;
}

export interface UiSlice {
  section: Section;
  dialog: DialogKind | null;
  toasts: Toast[];
  setSection(section: Section): void;
  openDialog(kind: DialogKind): void;
  closeDialog(): void;
  notify(kind: Toast['kind'], message: string): void;
  dismissToast(id: number): void;
}

/** Beyond this many, the oldest toasts are dropped so a burst of failures cannot cover the window. */
const MAX_TOASTS = 4;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => {
  let nextToastId = 1;
  return {
    section: 'cases',
    dialog: null,
    toasts: [],
    setSection: (section) => set({ section }),
    openDialog: (kind) => set({ dialog: kind }),
    closeDialog: () => set({ dialog: null }),
    notify: (kind, message) =>
      set((state) => ({ toasts: [...state.toasts, { id: nextToastId++, kind, message }].slice(-MAX_TOASTS) })),
    dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
  };
};
