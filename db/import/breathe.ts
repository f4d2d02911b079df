/**
 * Streams parse a whole chunk (a megabyte, tens of thousands of records) in microtasks, which never let the
 * event loop run: a cancel, a progress message or a call would wait for the chunk's end, and for a small file
 * for the import's end. Readers call this between records; every `intervalMs` it waits one macrotask turn.
 */
export function breather(intervalMs = 20): () => Promise<void> | null {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < intervalMs) return null;
    last = now;
    return new Promise((resume) => setImmediate(resume));
  };
}
