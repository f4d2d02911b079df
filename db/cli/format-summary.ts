import type { LossSummary } from '../api/contract';
import { groupUsd } from '../../common/format';
import { printable } from './format';

/** A share with four decimals ("0.8139") as a percentage with two ("81.39%"), by moving the point: exact. */
export function percent(share: string): string {
  const [whole = '0', part = ''] = share.split('.');
  const digits = BigInt(whole + part.padEnd(4, '0').slice(0, 4))
    .toString()
    .padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}%`;
}

/** Columns padded to their widest cell; the columns listed in `right` (numbers) aligned right. */
function table(header: string[], rows: string[][], right: ReadonlySet<number>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (right.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].map((l) => `  ${l}`);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function formatSummary(s: LossSummary): string {
  const who = `${printable(s.actor.label)}${s.actor.key === null ? '' : ` (${printable(s.actor.key)})`}`;
  const dates =
    s.from === null && s.to === null ? 'all dates' : `from ${s.from ?? 'the beginning'} to ${s.to ?? 'today'}`;
  const lines = [
    `Loss attributed to ${who}: attributions at confidence level ≥ ${s.minConfidence}, ${dates}, ` +
      `${s.caseId === null ? 'all cases' : `case ${s.caseId}`}.`,
    `Total: USD ${groupUsd(s.total_usd)} in ${plural(s.incidents, 'incident', 'incidents')}.`,
  ];
  if (s.unvalued > 0)
    lines.push(
      `${plural(s.unvalued, 'incident has', 'incidents have')} no USD value: counted, not in the USD figures.`,
    );
  if (s.typed > 0)
    lines.push(
      `${plural(s.typed, 'incident’s', 'incidents’')} USD was typed in by the investigator (no price that day).`,
    );
  if (s.incidents === 0) return lines.join('\n');

  lines.push('', 'By victim jurisdiction:');
  lines.push(
    ...table(
      ['CODE', 'COUNTRY', 'INCIDENTS', 'USD', 'SHARE'],
      s.jurisdictions.map((j) => [
        j.code ?? '—',
        j.name ?? 'unknown',
        String(j.incidents),
        groupUsd(j.usd),
        percent(j.share),
      ]),
      new Set([2, 3, 4]),
    ),
  );
  lines.push('', 'By year:');
  lines.push(
    ...table(
      ['YEAR', 'INCIDENTS', 'USD'],
      s.years.map((y) => [String(y.year), String(y.incidents), groupUsd(y.usd)]),
      new Set([1, 2]),
    ),
  );
  lines.push('', 'Cash-out exposure (traced USD at exchanges, services, mixers and bridges), by their jurisdiction:');
  if (s.cashout.length === 0) lines.push('  none: no linked trace reached an exchange or other service.');
  else {
    lines.push(
      ...table(
        ['CODE', 'COUNTRY', 'USD', 'ENTITIES (TRACES)'],
        s.cashout.map((c) => [
          c.code ?? '—',
          c.name ?? 'unknown',
          `${groupUsd(c.usd)}${c.incomplete ? '*' : ''}`,
          c.entities
            .map((e) => `${printable(e.entity)} ${groupUsd(e.usd)} (${e.traceIds.map((t) => `#${t}`).join(', ')})`)
            .join('; '),
        ]),
        new Set([2]),
      ),
    );
    if (s.cashout.some((c) => c.incomplete))
      lines.push('  * incomplete: some amounts had no price and are not in USD.');
  }
  return lines.join('\n');
}
