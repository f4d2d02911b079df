import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Client } from '../../../db/api/contract';
import { createCasesSlice, type CasesSlice } from './casesSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

export type AppState = CasesSlice & UiSlice;
export type AppStore = StoreApi<AppState>;

/** The API client is passed in, so tests can give the store a fake engine and no window. */
export function createAppStore(api: Client): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createCasesSlice(api)(...args),
    ...createUiSlice(...args),
  }));
}
