import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Client, JobClient } from '../../../db/api/contract';
import { createAddressesSlice, type AddressesSlice } from './addressesSlice';
import { createCaseAddressesSlice, type CaseAddressesSlice } from './caseAddressesSlice';
import { createCasesSlice, type CasesSlice } from './casesSlice';
import { createDemoSlice, type DemoSlice } from './demoSlice';
import { createEntitiesSlice, type EntitiesSlice } from './entitiesSlice';
import { createGraphSlice, type GraphSlice } from './graphSlice';
import { createImportSlice, type ImportSlice } from './importSlice';
import { createIncidentsSlice, type IncidentsSlice } from './incidentsSlice';
import { createReportSlice, type ReportSlice } from './reportSlice';
import { createSummarySlice, type SummarySlice } from './summarySlice';
import { createTraceSlice, type TraceSlice } from './traceSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

export type AppState = CasesSlice &
  UiSlice &
  ImportSlice &
  AddressesSlice &
  EntitiesSlice &
  CaseAddressesSlice &
  GraphSlice &
  TraceSlice &
  ReportSlice &
  DemoSlice &
  SummarySlice &
  IncidentsSlice;
export type AppStore = StoreApi<AppState>;

/** The API clients are passed in, so tests can give the store a fake or in-process engine and no window. */
export function createAppStore(api: Client, jobs: JobClient): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createCasesSlice(api)(...args),
    ...createUiSlice(...args),
    ...createImportSlice(api, jobs)(...args),
    ...createAddressesSlice(api)(...args),
    ...createEntitiesSlice(api)(...args),
    ...createCaseAddressesSlice(api, jobs)(...args),
    ...createGraphSlice(api)(...args),
    ...createTraceSlice(api, jobs)(...args),
    ...createReportSlice(jobs)(...args),
    ...createDemoSlice(api, jobs)(...args),
    ...createSummarySlice(api)(...args),
    ...createIncidentsSlice(api, jobs)(...args),
  }));
}
