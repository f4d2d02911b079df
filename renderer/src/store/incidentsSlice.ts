import type { StateCreator } from 'zustand/vanilla';
import type { Client, Incident, Input, JobClient } from '../../../db/api/contract';
import { ClientError } from '../api/typed-client';
import type { AppState } from './index';
import { messageOf, type Result } from './result';

export type IncidentTraceMethod = 'poison' | 'haircut' | 'fifo';

export interface IncidentTraceOptions {
  method: IncidentTraceMethod;
  hops: number;
  /** Entity kinds or categories whose addresses stop the trace, e.g. exchange. */
  stopAt: string[];
}

export interface IncidentTraceRun {
  incidentId: number;
  phase: 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';
  error: string | null;
  /** The stored trace, once linked. */
  traceId: number | null;
}

export interface IncidentsSlice {
  /** The case whose incidents are loaded. */
  incidentCaseId: number | null;
  /** The case's incidents, oldest first; null until loaded. */
  incidents: readonly Incident[] | null;
  incidentsError: string | null;
  /** The selected incident's id; Edit, Attribute, Trace and Delete act on it. */
  incidentSelected: number | null;
  incidentTrace: IncidentTraceRun | null;
  loadIncidents(caseId: number): Promise<void>;
  selectIncident(id: number | null): void;
  createIncident(input: Input<'incident.create'>): Promise<Result<Incident>>;
  updateIncident(input: Input<'incident.update'>): Promise<Result<Incident>>;
  deleteIncident(id: number): Promise<Result<null>>;
  attributeIncident(input: Input<'incident.attribute'>): Promise<Result<Incident>>;
  unattributeIncident(id: number, actorId: number): Promise<Result<Incident>>;
  /** Runs a saved trace seeded by the incident's theft txs and links it to the incident. */
  traceIncident(id: number, options: IncidentTraceOptions): Promise<Result<Incident>>;
  cancelIncidentTrace(): void;
}

/** The selected incident of the loaded case, if it still exists. */
export function selectedIncident(state: AppState): Incident | null {
  return state.incidents?.find((i) => i.id === state.incidentSelected) ?? null;
}

export function isIncidentTraceBusy(run: IncidentTraceRun | null): boolean {
  return run?.phase === 'running' || run?.phase === 'cancelling';
}

export function createIncidentsSlice(api: Client, jobs: JobClient): StateCreator<AppState, [], [], IncidentsSlice> {
  return (set, get) => {
    // Only the answer for the newest load may land: a slow answer for another case must not replace this one's.
    let latestLoad = 0;
    let controller: AbortController | null = null;

    /** After a change the table shows the case as the engine now holds it, with the changed incident selected. */
    async function changed(incident: Incident): Promise<Result<Incident>> {
      await get().loadIncidents(incident.caseId);
      set({ incidentSelected: incident.id });
      return { ok: true, value: incident };
    }

    async function attempt(work: () => Promise<Incident>): Promise<Result<Incident>> {
      try {
        return await changed(await work());
      } catch (error) {
        return { ok: false, message: messageOf(error) };
      }
    }

    return {
      incidentCaseId: null,
      incidents: null,
      incidentsError: null,
      incidentSelected: null,
      incidentTrace: null,

      async loadIncidents(caseId) {
        const ticket = ++latestLoad;
        if (get().incidentCaseId !== caseId)
          set({ incidentCaseId: caseId, incidents: null, incidentsError: null, incidentSelected: null });
        try {
          const incidents = await api['incident.list']({ caseId });
          if (ticket === latestLoad) set({ incidents, incidentsError: null });
        } catch (error) {
          if (ticket === latestLoad) set({ incidentsError: messageOf(error) });
        }
      },
      selectIncident: (incidentSelected) => set({ incidentSelected }),
      createIncident: (input) => attempt(() => api['incident.create'](input)),
      updateIncident: (input) => attempt(() => api['incident.update'](input)),
      async deleteIncident(id) {
        try {
          await api['incident.delete']({ id });
        } catch (error) {
          return { ok: false, message: messageOf(error) };
        }
        set({ incidentSelected: null });
        const caseId = get().incidentCaseId;
        if (caseId !== null) await get().loadIncidents(caseId);
        return { ok: true, value: null };
      },
      attributeIncident: (input) => attempt(() => api['incident.attribute'](input)),
      unattributeIncident: (id, actorId) => attempt(() => api['incident.unattribute']({ id, actorId })),

      async traceIncident(id, { method, hops, stopAt }) {
        if (isIncidentTraceBusy(get().incidentTrace)) return { ok: false, message: 'A trace is already running.' };
        const caseId = get().incidentCaseId;
        if (caseId === null) return { ok: false, message: 'No case is open.' };
        const current = new AbortController();
        controller = current;
        set({ incidentTrace: { incidentId: id, phase: 'running', error: null, traceId: null } });
        try {
          const report = await jobs['trace.run'](
            { incidents: [id], caseId, save: true, direction: 'forward', method, hops, stopAt },
            { signal: current.signal },
          );
          if (report.id === undefined) throw new Error('the trace was not stored');
          const linked = await api['incident.setTrace']({ id, traceId: report.id });
          set({ incidentTrace: { incidentId: id, phase: 'done', error: null, traceId: report.id } });
          // The stored traces now include this one; the table names its method from that list.
          void get().loadTraces(caseId);
          return await changed(linked);
        } catch (error) {
          const cancelled = current.signal.aborted || (error instanceof ClientError && error.code === 'cancelled');
          const message = messageOf(error);
          set({
            incidentTrace: {
              incidentId: id,
              phase: cancelled ? 'cancelled' : 'failed',
              error: cancelled ? null : message,
              traceId: null,
            },
          });
          return {
            ok: false,
            message: cancelled ? 'The trace was cancelled; it was not linked to the incident.' : message,
          };
        } finally {
          if (controller === current) controller = null;
        }
      },
      cancelIncidentTrace() {
        const run = get().incidentTrace;
        if (!controller || run?.phase !== 'running') return;
        set({ incidentTrace: { ...run, phase: 'cancelling' } });
        controller.abort();
      },
    };
  };
}
