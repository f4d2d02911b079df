/**
 * The engine's utilityProcess (bundled to dist/electron/engine.cjs): opens the workspace, then answers
 * calls from main on its parent port. Database work runs here so a long query never freezes the window.
 * Started with the flags described in engine-protocol.ts.
 */
import { createEngine } from '../db/api/engine';
import { toErrorShape } from '../db/api/errors';
import { openDb, type OpenedDb } from '../db/open';
import { parseEngineArgs, respond, type EngineMessage } from './engine-protocol';

/** The parts of Electron's ParentPort the engine uses; process.parentPort is one. */
export interface EnginePort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: EngineMessage): void;
}

export function serveEngine(port: EnginePort, argv: readonly string[], exit: (code: number) => void): void {
  let opened: OpenedDb;
  try {
    const args = parseEngineArgs(argv);
    opened = openDb(args.workspace, { nativeBinding: args.nativeBinding });
  } catch (error) {
    // No listener is registered, so nothing can run against a workspace we refused; main shows the message
    // and ends this process. Exiting here instead could lose the message before it reaches main.
    port.postMessage({ type: 'startup-error', message: toErrorShape(error).message });
    return;
  }

  const { db, migration } = opened;
  const engine = createEngine(db);

  port.on('message', ({ data }) => {
    const answer = respond(engine, data);
    if (answer === 'stop') {
      try {
        db.close();
      } finally {
        exit(0);
      }
    } else if (answer === null) {
      console.error('Ariadne engine: ignored a message that is not an engine request');
    } else {
      port.postMessage(answer);
    }
  });

  port.postMessage({ type: 'ready', migration });
}

// Only a utilityProcess has a parent port; under plain Node (the tests) importing this module just defines
// serveEngine.
if (process.parentPort) serveEngine(process.parentPort, process.argv, (code) => process.exit(code));
