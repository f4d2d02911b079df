import type { StateCreator } from 'zustand/vanilla';
import type {
  Case,
  Client,
  ImportBatchReport,
  ImportFormat,
  ImportProgress,
  JobClient,
} from '../../../db/api/contract';
import { ClientError } from '../api/typed-client';
import { baseName } from '../lib/format';
import type { AppState } from './index';
import { messageOf } from './result';

/**
 * A file chosen for import. Getting the path the engine reads may take an upload (in a browser), so it is
 * asked for only when the import starts; the store needs no File or DOM for it.
 */
export interface ImportSource {
  name: string;
  size: number;
  path(): Promise<string>;
}

export interface ChosenFile extends ImportSource {
  /** Stable for list keys and removal: two files may share a name. */
  id: number;
}

export type ImportPhase = 'choosing' | 'preparing' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';

export interface ImportRun {
  phase: ImportPhase;
  progress: ImportProgress | null;
  /** Names as the user knows them, by the path given to the engine (an upload's path means nothing to them). */
  names: Readonly<Record<string, string>>;
  /** The paths in the order they are imported, to tell which file is under way. */
  paths: readonly string[];
  report: ImportBatchReport | null;
  error: string | null;
}

export interface ImportOptions {
  /** null lets the engine detect the format of each file. */
  format: string | null;
  caseId: number | null;
}

export interface ImportSlice {
  importFiles: readonly ChosenFile[];
  importRun: ImportRun;
  /** What the dialog offers; null until the engine has answered. */
  importFormats: readonly ImportFormat[] | null;
  importCases: readonly Case[] | null;
  importOptionsError: string | null;
  /** The format and case the dialog starts with (an incidents CSV into the open case); null: detect, no case. */
  importPreset: ImportOptions | null;
  /** Opens the import dialog, adding these files to any already chosen. */
  openImport(files?: readonly ImportSource[], preset?: ImportOptions): void;
  addImportFiles(files: readonly ImportSource[]): void;
  removeImportFile(id: number): void;
  startImport(options: ImportOptions): Promise<void>;
  cancelImport(): void;
  /** Back to choosing files, after a finished or cancelled run. */
  resetImport(): void;
  /** Closes the dialog and forgets the files and the last report; refused while an import runs. */
  closeImport(): void;
}

const CHOOSING: ImportRun = { phase: 'choosing', progress: null, names: {}, paths: [], report: null, error: null };

/** The name the user knows a file by: the one they picked, not the path of its upload. */
export function displayName(run: ImportRun, path: string): string {
  return run.names[path] ?? baseName(path);
}

export function isImportBusy(phase: ImportPhase): boolean {
  return phase === 'preparing' || phase === 'running' || phase === 'cancelling';
}

export function createImportSlice(api: Client, jobs: JobClient): StateCreator<AppState, [], [], ImportSlice> {
  return (set, get) => {
    let nextFileId = 1;
    let controller: AbortController | null = null;

    function patchRun(changes: Partial<ImportRun>) {
      set((state) => ({ importRun: { ...state.importRun, ...changes } }));
    }

    async function loadOptions() {
      try {
        const [importFormats, importCases] = await Promise.all([api['import.formats']({}), api['case.list']({})]);
        set({ importFormats, importCases, importOptionsError: null });
      } catch (error) {
        set({ importOptionsError: messageOf(error) });
      }
    }

    return {
      importFiles: [],
      importRun: CHOOSING,
      importFormats: null,
      importCases: null,
      importOptionsError: null,
      importPreset: null,

      openImport(files = [], preset) {
        const { dialog, importRun } = get();
        if (dialog !== null && dialog !== 'import') return;
        if (dialog === null) set({ importPreset: preset ?? null });
        if (!isImportBusy(importRun.phase)) {
          if (importRun.phase !== 'choosing') set({ importRun: CHOOSING, importFiles: [] });
          get().addImportFiles(files);
        }
        set({ dialog: 'import' });
        void loadOptions();
      },

      addImportFiles(files) {
        const added = files.map((f) => ({ id: nextFileId++, name: f.name, size: f.size, path: f.path }));
        set((state) => ({ importFiles: [...state.importFiles, ...added] }));
      },

      removeImportFile(id) {
        set((state) => ({ importFiles: state.importFiles.filter((f) => f.id !== id) }));
      },

      async startImport({ format, caseId }) {
        const files = get().importFiles;
        if (files.length === 0 || isImportBusy(get().importRun.phase)) return;
        const current = new AbortController();
        controller = current;
        const { signal } = current;
        set({ importRun: { ...CHOOSING, phase: 'preparing' } });
        try {
          const names: Record<string, string> = {};
          const paths: string[] = [];
          for (const file of files) {
            const path = await file.path();
            if (signal.aborted) throw new ClientError({ code: 'cancelled', message: 'Cancelled' });
            names[path] = file.name;
            paths.push(path);
          }
          patchRun({ phase: 'running', names, paths });
          const report = await jobs['import.files'](
            { files: paths, ...(format ? { format } : {}), ...(caseId !== null ? { caseId } : {}) },
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
        // Even a cancelled batch may have committed the files before the one it stopped in.
        get().refreshAddresses();
        get().refreshEntities();
        if (caseId !== null) get().refreshCaseAddresses();
        // An incidents CSV lands in the case whose Incidents tab may be open.
        if (caseId !== null && caseId === get().incidentCaseId) void get().loadIncidents(caseId);
      },

      cancelImport() {
        if (!controller || !isImportBusy(get().importRun.phase)) return;
        patchRun({ phase: 'cancelling' });
        controller.abort();
      },

      resetImport() {
        if (isImportBusy(get().importRun.phase)) return;
        set({ importRun: CHOOSING, importFiles: [] });
      },

      closeImport() {
        if (isImportBusy(get().importRun.phase)) return;
        set({ dialog: null, importRun: CHOOSING, importFiles: [] });
      },
    };
  };
}
