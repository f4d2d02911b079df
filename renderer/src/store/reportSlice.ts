import type { StateCreator } from 'zustand/vanilla';
import type { JobClient, JobInput, ReportExportResult, ReportProgress } from '../../../db/api/contract';
import type { AppState } from './index';
import { messageOf } from './result';

export type ReportPhase = 'editing' | 'running' | 'done' | 'failed' | 'cancelled';

export interface ReportRun {
  phase: ReportPhase;
  stage: ReportProgress['stage'] | null;
  result: ReportExportResult | null;
  error: string | null;
}

export interface ReportSlice {
  reportRun: ReportRun;
  /** Exports a case's PDF report (and its manifest) to a path on the engine's machine. */
  exportReport(input: JobInput<'report.export'>): Promise<void>;
  cancelReport(): void;
  /** Back to the options, for another export. */
  resetReport(): void;
}

const IDLE: ReportRun = { phase: 'editing', stage: null, result: null, error: null };

export function createReportSlice(jobs: JobClient): StateCreator<AppState, [], [], ReportSlice> {
  return (set, get) => {
    let controller: AbortController | null = null;
    const patch = (run: Partial<ReportRun>) => set({ reportRun: { ...get().reportRun, ...run } });
    return {
      reportRun: IDLE,
      exportReport: async (input) => {
        if (get().reportRun.phase === 'running') return;
        const current = new AbortController();
        controller = current;
        set({ reportRun: { ...IDLE, phase: 'running' } });
        try {
          const result = await jobs['report.export'](input, {
            signal: current.signal,
            onProgress: (p) => {
              if (controller === current) patch({ stage: p.stage });
            },
          });
          if (controller === current) patch({ phase: 'done', result });
        } catch (error) {
          if (controller === current)
            patch(current.signal.aborted ? { phase: 'cancelled' } : { phase: 'failed', error: messageOf(error) });
        } finally {
          if (controller === current) controller = null;
        }
      },
      cancelReport: () => controller?.abort(),
      resetReport: () => set({ reportRun: IDLE }),
    };
  };
}
