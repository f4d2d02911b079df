import fs from 'node:fs';
import { breather } from './breathe';

export interface Line {
  /** 1-based, as editors count. */
  number: number;
  text: string;
  /** Bytes of the file consumed once this line is read, for progress. */
  bytesRead: number;
}

/**
 * Streams a file's lines (LF or CRLF) without holding the file in memory. A UTF-8 byte-order mark is dropped;
 * bytes that are not UTF-8 become U+FFFD, which validation then refuses where it matters.
 */
export async function* readLines(file: string, chunkSize = 1 << 20): AsyncGenerator<Line> {
  const stream = fs.createReadStream(file, { highWaterMark: chunkSize });
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let pending = '';
  let number = 0;
  let bytesRead = 0;
  // A chunk holds many lines: count each line's own bytes so progress (and its throttle) moves line by line.
  // A byte that is not UTF-8 comes back as U+FFFD, three bytes, hence the cap at what was really read.
  let consumed = 0;
  let first = true;
  const breathe = breather();
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    pending += decoder.decode(chunk, { stream: true });
    if (first) {
      // The decoder drops a byte-order mark on its own; its bytes were still read.
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) consumed = 3;
      if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
      first = false;
    }
    let start = 0;
    let end: number;
    while ((end = pending.indexOf('\n', start)) !== -1) {
      number += 1;
      const crlf = pending.charCodeAt(end - 1) === 13;
      const text = pending.slice(start, crlf ? end - 1 : end);
      consumed = Math.min(bytesRead, consumed + Buffer.byteLength(text) + (crlf ? 2 : 1));
      yield { number, text, bytesRead: consumed };
      const pause = breathe();
      if (pause) await pause;
      start = end + 1;
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  if (pending.length > 0) {
    number += 1;
    yield { number, text: pending.endsWith('\r') ? pending.slice(0, -1) : pending, bytesRead };
  }
}
