/// <reference lib="webworker" />
/** Runs a layout off the main thread, so a 5,000-node graph does not freeze the window while it computes. */
import { computeLayout, type LayoutInput } from './layout';

self.onmessage = (event: MessageEvent<LayoutInput>) => {
  try {
    self.postMessage({ ok: true, positions: computeLayout(event.data) });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
