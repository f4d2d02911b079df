/**
 * The engine's utilityProcess (bundled to dist/electron/engine.cjs): opens the workspace, then answers
 * calls and runs jobs for main on its parent port. Database work runs here so a long query never freezes
 * the window. Started with the flags described in engine-protocol.ts.
 */
import { createEngine } from '../db/api/engine';
import { toErrorShape } from '../db/api/errors';
import { openDb, type OpenedDb } from '../db/open';
import { createCallQueue } from '../db/api/call-queue';
import { createJobRunner } from '../db/api/job-runner';
import { printSettled, type PdfPrinter, type PrintOptions } from '../db/report/print';
import { EngineRequest, parseEngineArgs, type EngineArgs, type EngineMessage } from './engine-protocol';

declare const __ARIADNE_VERSION__: string | undefined;
/** Stored with saved traces; the bundle defines it (vite.node.config.ts), tests running the source do not. */
const appVersion = typeof __ARIADNE_VERSION__ === 'string' ? __ARIADNE_VERSION__ : 'unknown';

/** The parts of Electron's ParentPort the engine uses; process.parentPort is one. */
export interface EnginePort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: EngineMessage): void;
}

export function serveEngine(port: EnginePort, argv: readonly string[], exit: (code: number) => void): void {
  let args: EngineArgs;
  let opened: OpenedDb;
  try {
    args = parseEngineArgs(argv);
    opened = openDb(args.workspace, { nativeBinding: args.nativeBinding });
  } catch (error) {
    // No listener is registered, so nothing can run against a workspace we refused; main shows the message
    // and ends this process. Exiting here instead could lose the message before it reaches main.
    port.postMessage({ type: 'startup-error', message: toErrorShape(error).message });
    return;
  }

  const { workspace, nativeBinding } = args;
  const { db, migration } = opened;
  // Reports are printed by main with Electron's Chromium (electron/print.ts): one request per print pass.
  const prints = new Map<number, { resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void }>();
  let nextPrint = 1;
  const printOnce = (html: string, options: PrintOptions) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const id = nextPrint++;
      prints.set(id, { resolve, reject });
      port.postMessage({ type: 'print', id, html, options });
    });
  const printPdf: PdfPrinter = (document, options) => printSettled(document, (html) => printOnce(html, options));
  // Each job gets a connection of its own: calls answered while a job's transaction is open must not join
  // it (and vanish with it when the job is cancelled).
  const engine = createEngine(db, {
    jobConnection: () => openDb(workspace, { nativeBinding }).db,
    appVersion,
    printPdf,
  });
  const calls = createCallQueue(engine, db, (id, envelope) => port.postMessage({ type: 'reply', id, envelope }));
  const jobs = createJobRunner(engine, {
    emit: (id, event) => port.postMessage({ type: 'job-event', id, event }),
    running: (running) => calls.jobsRunning(running),
  });

  let stopping = false;
  port.on('message', ({ data }) => {
    if (stopping) return;
    const parsed = EngineRequest.safeParse(data);
    if (!parsed.success) {
      console.error('Ariadne engine: ignored a message that is not an engine request');
      return;
    }
    const request = parsed.data;
    switch (request.type) {
      case 'call':
        calls.call(request);
        break;
      case 'job':
        jobs.start(request.id, request.name, request.input);
        break;
      case 'cancel':
        jobs.cancel(request.id);
        break;
      case 'printed': {
        const waiting = prints.get(request.id);
        prints.delete(request.id);
        if (request.outcome.ok) waiting?.resolve(request.outcome.pdf);
        else waiting?.reject(new Error(`printing failed: ${request.outcome.error}`));
        break;
      }
      case 'stop':
        stopping = true;
        // Cancelled jobs roll back and close their connections before the workspace is closed; calls parked
        // behind them are answered on the way.
        void jobs.cancelAll().finally(() => {
          try {
            db.close();
          } finally {
            exit(0);
          }
        });
        break;
    }
  });

  port.postMessage({ type: 'ready', migration });
}

// Only a utilityProcess has a parent port; under plain Node (the tests) importing this module just defines
// serveEngine.
if (process.parentPort) serveEngine(process.parentPort, process.argv, (code) => process.exit(code));
