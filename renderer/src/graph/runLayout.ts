import { computeLayout, type LayoutInput, type LayoutOutput } from './layout';

/** Above this many nodes a layout runs in a Web Worker; below it, a worker's start-up costs more than it saves. */
export const WORKER_THRESHOLD = 300;

type WorkerAnswer = { ok: true; positions: LayoutOutput } | { ok: false; message: string };

export class LayoutCancelled extends Error {
  constructor() {
    super('layout cancelled');
    this.name = 'LayoutCancelled';
  }
}

/**
 * Computes a layout, in a worker for large graphs. Aborting terminates the worker at once. Where workers
 * cannot start (a file:// page in some browsers), the layout runs on the main thread instead.
 */
export function runLayout(input: LayoutInput, signal: AbortSignal): Promise<LayoutOutput> {
  if (input.nodes.length <= WORKER_THRESHOLD) return onMainThread(input, signal);
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(onMainThread(input, signal));
      return;
    }
    const stop = () => {
      worker.terminate();
      reject(new LayoutCancelled());
    };
    signal.addEventListener('abort', stop, { once: true });
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
      if (event.data.ok) resolve(event.data.positions);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      signal.removeEventListener('abort', stop);
      worker.terminate();
      resolve(onMainThread(input, signal));
    };
    worker.postMessage(input);
  });
}

async function onMainThread(input: LayoutInput, signal: AbortSignal): Promise<LayoutOutput> {
  // One frame first, so the "Laying out…" state paints before the work blocks.
  await new Promise((resolve) => setTimeout(resolve, 16));
  if (signal.aborted) throw new LayoutCancelled();
  return computeLayout(input);
}
