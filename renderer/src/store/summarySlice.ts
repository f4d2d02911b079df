import type { StateCreator } from 'zustand/vanilla';
import type { Case, Client, EntityRow, LossSummary, ReferenceData } from '../../../db/api/contract';
import type { AppState } from './index';
import { messageOf } from './result';

/** The parameters of the summary on screen, as the form holds them ('' for an open date). */
export interface SummaryForm {
  actor: { id: number; label: string; key: string | null } | null;
  from: string;
  to: string;
  minConfidence: number;
  caseId: number | null;
}

/** The figure whose incidents (or, for cash-out, entities) the details list. */
export type SummaryPick =
  | { kind: 'jurisdiction'; code: string | null }
  | { kind: 'year'; year: number }
  | { kind: 'cashout'; code: string | null };

export type SummaryStatus = 'idle' | 'loading' | 'done' | 'failed';

/** The confidence levels a threshold can be set to: the taxonomy's distinct levels, highest first. */
export interface ConfidenceChoice {
  level: number;
  labels: string[];
}

export interface SummarySlice {
  summaryForm: SummaryForm;
  summaryActorQuery: string;
  /** Actors matching the query; null before the first search. */
  summaryActors: EntityRow[] | null;
  summaryActorsError: string | null;
  summaryLevels: ConfidenceChoice[];
  summaryCases: Pick<Case, 'id' | 'title'>[];
  summaryOptionsError: string | null;
  summary: LossSummary | null;
  summaryStatus: SummaryStatus;
  summaryError: string | null;
  summaryPick: SummaryPick | null;
  /** Confidence levels and cases for the pickers; asked once per visit to the section. */
  loadSummaryOptions(): Promise<void>;
  searchSummaryActors(query: string): Promise<void>;
  setSummaryForm(changes: Partial<SummaryForm>): void;
  pickSummary(pick: SummaryPick | null): void;
}

export const DEFAULT_MIN_CONFIDENCE = 50;
/** Actors listed in the picker at once; the search narrows them. */
const ACTOR_LIMIT = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The distinct levels of the taxonomy, highest first, each with the names that carry it. */
export function confidenceChoices(levels: ReferenceData['confidence']): ConfidenceChoice[] {
  const byLevel = new Map<number, string[]>();
  for (const c of levels) byLevel.set(c.level, [...(byLevel.get(c.level) ?? []), c.label]);
  return [...byLevel].sort((a, b) => b[0] - a[0]).map(([level, labels]) => ({ level, labels }));
}

/** Why the form cannot be asked yet, or null when it can. */
export function summaryFormProblem(form: SummaryForm): string | null {
  if (form.actor === null) return 'Choose an actor to see the losses attributed to it.';
  if (form.from !== '' && !DATE.test(form.from)) return 'From must be a date.';
  if (form.to !== '' && !DATE.test(form.to)) return 'To must be a date.';
  if (form.from !== '' && form.to !== '' && form.from > form.to) return 'From is after To.';
  return null;
}

export function createSummarySlice(api: Client): StateCreator<AppState, [], [], SummarySlice> {
  return (set, get) => {
    // Answers can arrive out of order while the form changes; only the newest request may write its answer.
    let summaryRequest = 0;
    let actorRequest = 0;

    async function runSummary() {
      const form = get().summaryForm;
      const request = ++summaryRequest;
      if (form.actor === null || summaryFormProblem(form) !== null) {
        set({ summary: null, summaryStatus: 'idle', summaryError: null, summaryPick: null });
        return;
      }
      set({ summaryStatus: 'loading', summaryError: null });
      try {
        const summary = await api['summary.get']({
          actor: form.actor.id,
          minConfidence: form.minConfidence,
          ...(form.from ? { from: form.from } : {}),
          ...(form.to ? { to: form.to } : {}),
          ...(form.caseId === null ? {} : { caseId: form.caseId }),
        });
        if (request !== summaryRequest) return;
        set({ summary, summaryStatus: 'done', summaryPick: null });
      } catch (error) {
        if (request !== summaryRequest) return;
        set({ summary: null, summaryStatus: 'failed', summaryError: messageOf(error), summaryPick: null });
      }
    }

    return {
      summaryForm: { actor: null, from: '', to: '', minConfidence: DEFAULT_MIN_CONFIDENCE, caseId: null },
      summaryActorQuery: '',
      summaryActors: null,
      summaryActorsError: null,
      summaryLevels: [],
      summaryCases: [],
      summaryOptionsError: null,
      summary: null,
      summaryStatus: 'idle',
      summaryError: null,
      summaryPick: null,

      async loadSummaryOptions() {
        try {
          const [reference, cases] = await Promise.all([api['reference.get']({}), api['case.list']({})]);
          set({
            summaryLevels: confidenceChoices(reference.confidence),
            summaryCases: cases.map(({ id, title }) => ({ id, title })),
            summaryOptionsError: null,
          });
        } catch (error) {
          set({ summaryOptionsError: messageOf(error) });
        }
        // A case deleted since the last visit cannot filter the summary any more.
        const { summaryForm, summaryCases } = get();
        if (summaryForm.caseId !== null && !summaryCases.some((c) => c.id === summaryForm.caseId))
          get().setSummaryForm({ caseId: null });
        else if (summaryForm.actor !== null) void runSummary();
      },

      async searchSummaryActors(query) {
        const request = ++actorRequest;
        set({ summaryActorQuery: query });
        try {
          const page = await api['entity.list']({
            kind: 'actor',
            limit: ACTOR_LIMIT,
            offset: 0,
            ...(query.trim() ? { query: query.trim() } : {}),
          });
          if (request === actorRequest) set({ summaryActors: page.rows, summaryActorsError: null });
        } catch (error) {
          if (request === actorRequest) set({ summaryActors: null, summaryActorsError: messageOf(error) });
        }
      },

      setSummaryForm(changes) {
        set((state) => ({ summaryForm: { ...state.summaryForm, ...changes } }));
        void runSummary();
      },

      pickSummary: (summaryPick) => set({ summaryPick }),
    };
  };
}
