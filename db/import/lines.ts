import fs from 'node:fs';

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
  let first = true;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    pending += decoder.decode(chunk, { stream: true });
    if (first) {
      if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
      first = false;
    }
    let start = 0;
    let end: number;
    while ((end = pending.indexOf('\n', start)) !== -1) {
      number += 1;
      const text = pending.charCodeAt(end - 1) === 13 ? pending.slice(start, end - 1) : pending.slice(start, end);
      yield { number, text, bytesRead };
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
