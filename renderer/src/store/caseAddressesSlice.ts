import type { StateCreator } from 'zustand/vanilla';
import type { AddressRow, Client, ImportBatchReport, ImportProgress, JobClient } from '../../../db/api/contract';
import { ClientError } from '../api/typed-client';
import type { AppState } from './index';
import { createPageLoader, emptyList, type PagedList } from './pagedList';
import { messageOf } from './result';

/** What the engine's report calls the pasted text; the .txt extension matches what an address list file is. */
export const PASTE_NAME = 'pasted addresses.txt';

export type PastePhase = 'editing' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';

export interface PasteRun {
  phase: PastePhase;
  progress: ImportProgress | null;
  report: ImportBatchReport | null;
  error: string | null;
}

export interface CaseAddressesSlice {
  /** The case whose addresses `caseAddressList` holds; null until a case view asks. */
  caseAddressesCaseId: number | null;
  caseAddressList: PagedList<AddressRow>;
  /** The case the pasted text is meant for: reopening the dialog on another case starts from an empty box. */
  pasteCaseId: number | null;
  /** Kept in the store, not the dialog, so a refused line can be fixed after closing and reopening it. */
  pasteText: string;
  pasteRun: PasteRun;
  /** Shows this case's addresses, from the top, fetching the first page again. */
  showCaseAddresses(caseId: number): void;
  /** The rows on screen, so their pages are fetched. */
  showCaseAddressRows(first: number, last: number): void;
  refreshCaseAddresses(): void;
  /** Opens an address of the case in the Addresses section's details panel. */
  openCaseAddress(address: string): void;
  /** Opens the paste dialog for the selected case. */
  openAddAddresses(): void;
  setPasteText(text: string): void;
  startPaste(): Promise<void>;
  cancelPaste(): void;
  /** Refused while the engine is adding: stopping is a decision, made with Cancel. */
  closeAddAddresses(): void;
}

const EDITING: PasteRun = { phase: 'editing', progress: null, report: null, error: null };

export function isPasteBusy(phase: PastePhase): boolean {
  return phase === 'running' || phase === 'cancelling';
}

export function createCaseAddressesSlice(
  api: Client,
  jobs: JobClient,
): StateCreator<AppState, [], [], CaseAddressesSlice> {
  return (set, get) => {
    const loader = createPageLoader<AddressRow>({
      fetch: (offset, limit) => {
        const id = get().caseAddressesCaseId;
        // Nothing asked for a case yet; an empty answer keeps the loader's bookkeeping simple.
        if (id === null) return Promise.resolve({ total: 0, offset, rows: [] });
        return api['case.addresses']({ id, offset, limit });
      },
      read: () => get().caseAddressList,
      write: (caseAddressList) => set({ caseAddressList }),
    });
    let controller: AbortController | null = null;

    function patchRun(changes: Partial<PasteRun>) {
      set((state) => ({ pasteRun: { ...state.pasteRun, ...changes } }));
    }

    return {
      caseAddressesCaseId: null,
      caseAddressList: emptyList(),
      pasteCaseId: null,
      pasteText: '',
      pasteRun: EDITING,

      showCaseAddresses(caseId) {
        // Another case's rows must not show under this case's heading, even for the moment of a fetch.
        if (get().caseAddressesCaseId !== caseId) set({ caseAddressesCaseId: caseId, caseAddressList: emptyList() });
        loader.reset({ toTop: true });
      },
      showCaseAddressRows: (first, last) => loader.want(first, last),
      refreshCaseAddresses() {
        if (get().caseAddressesCaseId !== null) loader.reset();
      },

      openCaseAddress(address) {
        get().setSection('addresses');
        void get().openAddress(address);
      },

      openAddAddresses() {
        const { dialog, selected, pasteCaseId, pasteRun } = get();
        if (dialog !== null || !selected) return;
        if (!isPasteBusy(pasteRun.phase)) {
          set({
            pasteRun: EDITING,
            pasteCaseId: selected.id,
            ...(pasteCaseId !== selected.id ? { pasteText: '' } : {}),
          });
        }
        set({ dialog: 'add-addresses' });
      },

      setPasteText: (pasteText) => set({ pasteText }),

      async startPaste() {
        const { pasteText: text, pasteCaseId: caseId, pasteRun } = get();
        if (caseId === null || text.trim() === '' || isPasteBusy(pasteRun.phase)) return;
        const current = new AbortController();
        controller = current;
        const { signal } = current;
        set({ pasteRun: { ...EDITING, phase: 'running' } });
        try {
          const report = await jobs['import.text'](
            { text, name: PASTE_NAME, format: 'address-list', caseId },
            {
              signal,
              onProgress: (progress) => {
                if (!signal.aborted) patchRun({ progress });
              },
            },
          );
          patchRun({ phase: 'done', report });
        } catch (error) {
          const cancelled = signal.aborted || (error instanceof ClientError && error.code === 'cancelled');
          patchRun(cancelled ? { phase: 'cancelled' } : { phase: 'failed', error: messageOf(error) });
        } finally {
          if (controller === current) controller = null;
        }
        if (get().caseAddressesCaseId === caseId) get().refreshCaseAddresses();
        // New addresses join the workspace's list too, not only the case's.
        get().refreshAddresses();
      },

      cancelPaste() {
        if (!controller || !isPasteBusy(get().pasteRun.phase)) return;
        patchRun({ phase: 'cancelling' });
        controller.abort();
      },

      closeAddAddresses() {
        if (isPasteBusy(get().pasteRun.phase)) return;
        set({ dialog: null, pasteRun: EDITING });
      },
    };
  };
}
