/**
 * Reads, from a PDF that Chromium printed, the page each named destination points at: the sections the report's
 * contents link to (`<a href="#incidents">`) become named destinations, and their page numbers go into the
 * contents on a second print. Chromium (Skia) writes plain objects, no object streams, so the catalog's /Dests
 * dictionary and the page tree can be read with a few patterns; anything else gives an empty map, and the
 * contents then show section numbers only.
 */

function objects(text: string): Map<number, string> {
  const found = new Map<number, string>();
  const pattern = /(\d+) 0 obj\b([\s\S]*?)endobj/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) found.set(Number(m[1]), m[2] as string);
  return found;
}

const ref = (body: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(body);
  return m ? Number(m[1]) : null;
};

/** Page object numbers in reading order, through nested /Pages nodes. */
function pageOrder(all: Map<number, string>, root: number): number[] {
  const order: number[] = [];
  const walk = (id: number, depth: number) => {
    const body = all.get(id);
    if (body === undefined || depth > 50) return;
    if (/\/Type\s*\/Pages\b/.test(body)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(Number(k[1]), depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(body)) order.push(id);
  };
  walk(root, 0);
  return order;
}

/** Named destination → page number (1-based). */
export function namedDestinationPages(pdf: Uint8Array): Map<string, number> {
  const text = Buffer.from(pdf).toString('latin1');
  const all = objects(text);
  const catalog = [...all.values()].find((body) => /\/Type\s*\/Catalog\b/.test(body));
  if (catalog === undefined) return new Map();
  const pagesRoot = ref(catalog, 'Pages');
  const destsId = ref(catalog, 'Dests');
  if (pagesRoot === null || destsId === null) return new Map();
  const index = new Map(pageOrder(all, pagesRoot).map((id, i) => [id, i + 1]));
  const dests = all.get(destsId) ?? '';
  const pages = new Map<string, number>();
  for (const m of dests.matchAll(/\/([A-Za-z0-9_-]+)\s*\[\s*(\d+)\s+0\s+R/g)) {
    const page = index.get(Number(m[2]));
    if (page !== undefined) pages.set(m[1] as string, page);
  }
  return pages;
}
