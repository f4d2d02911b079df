/** How the CLI shows incidents to a person; --json gives them exactly as the API does. */
import type { Incident } from '../api/attribution';
import { roundCents } from '../usd';
import { printable, wholeUnits } from './format';

/** Dollars rounded half-up to cents for reading, with where the figure comes from. */
function usdText(i: Incident): string {
  if (i.usd === null) return 'unknown (no price that day, none typed)';
  const basis = i.usdBasis === 'price' ? 'from the price table' : 'typed: no price that day';
  const cents = roundCents(i.usd);
  // Cents always have two decimals; the exact figure has none trailing (3518.5 is 3518.50 exactly).
  const exact = cents.replace(/\.?0+$/, '') === i.usd ? '' : `, exactly ${i.usd}`;
  return `${cents} (${basis}${exact})`;
}

const amountText = (i: Incident) => `${wholeUnits(i.amount, i.asset.decimals)} ${i.asset.symbol}`;

export function formatIncident(i: Incident): string {
  const rows: [string, string][] = [
    ['ID', String(i.id)],
    ['Case', String(i.caseId)],
    ['Title', i.title || '—'],
    ['Victim', `${i.victim.label}${i.victim.key ? ` (${i.victim.key})` : ''}`],
    ['Jurisdiction', i.jurisdiction ?? 'unknown'],
    ['Time', i.time],
    ['Chain', i.chain],
    ['Amount', `${amountText(i)} (${i.amount} base units)`],
    ['USD', usdText(i)],
    ['Source', i.source || '—'],
    ['Trace', i.traceId === null ? '—' : `trace ${i.traceId}`],
    ['Created', i.createdAt],
    ['Updated', i.updatedAt],
  ];
  const lines = rows.map(([k, v]) => `${`${k}:`.padEnd(14)}${printable(v)}`);
  const list = (title: string, items: string[]) => {
    lines.push(`${title}:${items.length === 0 ? ' —' : ''}`);
    for (const item of items) lines.push(`  ${printable(item)}`);
  };
  list('Theft txs', i.txs);
  list('Victim addresses', i.addresses);
  list(
    'Attributed to',
    i.actors.map((a) => `${a.actor.label} (${a.confidence}, level ${a.confidenceLevel}), source: ${a.source}`),
  );
  if (i.note) lines.push(`Note:         ${printable(i.note)}`);
  return lines.join('\n');
}

export function formatIncidentTable(incidents: Incident[]): string {
  if (incidents.length === 0) return 'No incidents.';
  const header = ['ID', 'TIME', 'VICTIM', 'JUR', 'AMOUNT', 'USD', 'ACTORS'];
  const rows = incidents.map((i) => [
    String(i.id),
    i.time,
    printable(i.victim.label),
    i.jurisdiction ?? '—',
    printable(amountText(i)),
    i.usd === null ? '—' : `${roundCents(i.usd)}${i.usdBasis === 'typed' ? ' (typed)' : ''}`,
    printable(i.actors.map((a) => a.actor.label).join(', ') || '—'),
  ]);
  const widths = header.map((h, n) => Math.max(h.length, ...rows.map((r) => (r[n] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, n) => (n === cells.length - 1 ? cell : cell.padEnd(widths[n] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
