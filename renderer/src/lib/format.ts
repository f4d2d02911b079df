const integer = new Intl.NumberFormat('en-GB');

export function formatCount(n: number): string {
  return integer.format(n);
}

/** "1 address", "1,197 addresses". */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** The last part of a path, whichever separator the engine's platform uses. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) || path;
}

/**
 * Keeps both ends of a long identifier, where people compare addresses and hashes by eye, and drops the middle.
 * The full value belongs in a title and a copy button beside it.
 */
export function middleEllipsis(text: string, head = 10, tail = 8): string {
  return text.length <= head + tail + 3 ? text : `${text.slice(0, head)}…${text.slice(-tail)}`;
}

/** `BTC:1abc…` → `1abc…`: the views show the chain in a column of its own. */
export function addressPart(chainAddress: string): string {
  const colon = chainAddress.indexOf(':');
  return colon === -1 ? chainAddress : chainAddress.slice(colon + 1);
}
