/**
 * The one escaping helper for every document Ariadne writes as markup (the SVG graph, the report's HTML).
 * What it escapes is untrusted: tag labels and analysts' notes from imported TagPacks, case fields, file names.
 */

/** Drops what XML 1.0 cannot hold and what a label should not carry: C0 and C1 controls, surrogates, U+FFFE/F. */
export function cleanText(text: string): string {
  let out = '';
  for (const char of String(text)) {
    const code = char.codePointAt(0) as number;
    if (code === 0x09 || code === 0x0a || code === 0x0d) out += ' ';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) continue;
    else if ((code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) continue;
    else out += char;
  }
  return out;
}

/** Safe both as element text and inside a double- or single-quoted attribute, in HTML and in XML. */
export function escapeMarkup(text: string): string {
  return cleanText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
