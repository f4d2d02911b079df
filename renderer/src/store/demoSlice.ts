import type { StateCreator } from 'zustand/vanilla';
import type { Client, DemoProgress, DemoResult, JobClient } from '../../../db/api/contract';
import { ClientError } from '../api/typed-client';
import type { AppState } from './index';
import { messageOf } from './result';

export type DemoPhase = 'idle' | 'running' | 'cancelling' | 'cancelled' | 'failed';

export interface DemoRun {
  phase: DemoPhase;
  progress: DemoProgress | null;
  error: string | null;
}

export interface DemoSlice {
  demoRun: DemoRun;
  /** Builds the demo workspace (an empty workspace only), then opens its case. */
  buildDemo(): Promise<void>;
  cancelDemo(): void;
}

const IDLE: DemoRun = { phase: 'idle', progress: null, error: null };

export function isDemoBusy(phase: DemoPhase): boolean {
  return phase === 'running' || phase === 'cancelling';
}

export function createDemoSlice(api: Client, jobs: JobClient): StateCreator<AppState, [], [], DemoSlice> {
  return (set, get) => {
    let controller: AbortController | null = null;
    const patch = (changes: Partial<DemoRun>) => set((s) => ({ demoRun: { ...s.demoRun, ...changes } }));

    async function open(result: DemoResult) {
      await get().load();
      const demoCase = await api['case.get']({ id: result.caseId });
      set({ selected: demoCase, section: 'cases' });
      get().notify(
        'success',
        `Demo workspace built: ${result.counts.incidents} incidents, each attributed to Lazarus Group by a stored trace`,
      );
    }

    return {
      demoRun: IDLE,

      async buildDemo() {
        if (isDemoBusy(get().demoRun.phase)) return;
        const current = new AbortController();
        controller = current;
        set({ demoRun: { phase: 'running', progress: null, error: null } });
        try {
          const result = await jobs['demo.build'](
            {},
            {
              signal: current.signal,
              onProgress: (progress) => {
                if (!current.signal.aborted) patch({ progress });
              },
            },
          );
          set({ demoRun: IDLE });
          await open(result);
        } catch (error) {
          const cancelled = current.signal.aborted || (error instanceof ClientError && error.code === 'cancelled');
          patch(cancelled ? { phase: 'cancelled' } : { phase: 'failed', error: messageOf(error) });
        } finally {
          if (controller === current) controller = null;
          get().refreshAddresses();
          get().refreshEntities();
        }
      },

      cancelDemo() {
        if (!controller || get().demoRun.phase !== 'running') return;
        patch({ phase: 'cancelling' });
        controller.abort();
      },
    };
  };
}
