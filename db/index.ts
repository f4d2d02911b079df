export { openDb, WorkspaceError, type Db, type OpenOptions } from './open';
export { createEngine, parseInput, assertMethod, type Engine } from './api/engine';
export { ApiError } from './api/errors';
export * from './api/contract';
