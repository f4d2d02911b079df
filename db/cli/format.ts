import type { Case } from '../api/contract';

/**
 * Imported and typed text is untrusted: control characters (ANSI escapes among them) could rewrite the
 * investigator's terminal, so they are shown as visible escapes.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function formatCase(c: Case): string {
  const rows: [string, string][] = [
    ['ID', String(c.id)],
    ['Title', c.title],
    ['Reference', c.reference ?? '—'],
    ['Investigator', c.investigator ?? '—'],
    ['Status', c.status],
    ['Created', c.createdAt],
    ['Updated', c.updatedAt],
    ['Description', c.description || '—'],
  ];
  return rows.map(([k, v]) => `${`${k}:`.padEnd(14)}${printable(v)}`).join('\n');
}

export function formatCaseTable(cases: Case[]): string {
  if (cases.length === 0) return 'No cases.';
  const header = ['ID', 'STATUS', 'UPDATED', 'REFERENCE', 'TITLE'];
  const rows = cases.map((c) => [
    String(c.id),
    c.status,
    c.updatedAt,
    printable(c.reference ?? '—'),
    printable(c.title),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
