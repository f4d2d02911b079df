import type {
  AddressCheckResult,
  AddressDetails,
  Case,
  CaseGraph,
  DemoResult,
  GraphEdge,
  GraphNode,
  ImportBatchReport,
  ImportProblem,
  StoredTrace,
  StoredTraceSummary,
  TraceReport,
  TraceRerun,
} from '../api/contract';
import { formatFraction } from '../trace/fraction';

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

const LISTED = 20;

function problems(title: string, list: ImportProblem[], total: number): string[] {
  if (total === 0) return [];
  const lines = [`${title}:`, ...list.slice(0, LISTED).map((p) => `  ${formatProblem(p)}`)];
  if (total > LISTED) lines.push(`  … and ${total - LISTED} more (--json lists up to ${list.length})`);
  return lines;
}

/** `file:line: reason`, or `file: reason` for what concerns the whole file. */
export function formatProblem(p: ImportProblem): string {
  return `${printable(p.file)}${p.line > 0 ? `:${p.line}` : ''}: ${printable(p.reason)}`;
}

export function formatImport(report: ImportBatchReport): string {
  const lines = report.files.map(
    (f) =>
      `${printable(f.file)} (${f.format}): read ${f.read}, inserted ${f.inserted}, duplicates ${f.duplicates}, rejected ${f.rejected}`,
  );
  if (report.files.length > 1) {
    lines.push(
      `total: read ${report.read}, inserted ${report.inserted}, duplicates ${report.duplicates}, rejected ${report.rejected}`,
    );
  }
  lines.push(...problems('Rejected', report.errors, report.rejected));
  lines.push(...problems('Warnings', report.warnings, report.warnings.length));
  return lines.join('\n');
}

export function formatAddressChecks(checks: AddressCheckResult[]): string {
  return checks
    .map((c) =>
      c.valid
        ? `valid    ${c.normalized ?? ''} (${c.kind ?? ''})`
        : `invalid  ${printable(c.input)}: ${printable(c.reason ?? '')}`,
    )
    .join('\n');
}

export function formatAddressDetails(d: AddressDetails): string {
  const lines = [`${d.address} (${d.kind})`];
  if (!d.known) return `${lines[0]}\nNot in this workspace.`;
  lines.push(
    `Transfers: ${d.transfers.in} in, ${d.transfers.out} out; UTXO: ${d.utxo.outputs} outputs, ${d.utxo.inputs} inputs`,
  );
  for (const e of d.entities) {
    const where = e.jurisdictions.length > 0 ? ` [${e.jurisdictions.join(', ')}]` : '';
    lines.push(`Entity: ${printable(e.label)} (${e.kind})${where}`);
  }
  if (d.tags.length === 0) lines.push('No tags.');
  for (const t of d.tags) {
    const origin = t.origin ? `, from ${printable(t.origin.title ?? t.origin.file)}` : '';
    lines.push(
      `Tag: ${printable(t.label)} — ${t.confidence} (${t.confidenceLevel})${origin}; source ${printable(t.source)}`,
    );
  }
  return lines.join('\n');
}

export function formatTrace(r: TraceReport): string {
  const forward = r.direction === 'forward';
  const lines = [
    `${r.id === undefined ? '' : `Trace ${r.id}: `}${r.method} trace, ${r.direction}, ${r.parameters.hops} hops, ` +
      `from ${r.seeds.map(printable).join(', ')}`,
    `Replayed ${r.loaded.transfers} ${r.model === 'utxo' ? 'transactions' : 'transfers'} over ${r.loaded.addresses} reached addresses.`,
  ];
  for (const t of r.totals) {
    const u = r.unaccounted.find((x) => x.asset === t.asset);
    lines.push(
      `${t.asset}: seeded ${t.seeded}, at endpoints ${t.endpoints}` +
        (u
          ? `, ${forward ? 'still in wallets' : 'of unknown origin'} ${u.remaining}, beyond the hop limit ${u.beyondHops}, ` +
            `below the minimum ${u.belowMinimum}, excluded ${u.excluded}` +
            (r.model === 'utxo' ? `, fees ${u.fees}, unaddressed ${u.unaddressed}` : '')
          : '') +
        ' (base units)',
    );
  }
  if (r.endpoints.length > 0) lines.push(forward ? 'Endpoints:' : 'Sources:');
  for (const e of r.endpoints) {
    const usd = e.usd === null ? '' : ` (USD ${e.usd})`;
    lines.push(
      `  ${printable(e.entity)}${e.jurisdiction ? ` [${e.jurisdiction}]` : ''}: ${e.tainted} ${e.asset}${usd}`,
    );
    for (const p of e.paths) {
      const route = [p.hops[0]?.from ?? '', ...p.hops.map((h) => h.to)].map(printable).join(' → ');
      lines.push(`    path carrying ≤ ${p.taint}: ${route}`);
    }
  }
  for (const j of r.totalsByJurisdiction) {
    const amounts = j.amounts.map((a) => `${a.tainted} ${a.asset}`).join(', ');
    lines.push(`Jurisdiction ${j.jurisdiction ?? 'unknown'}: ${amounts}${j.usd === null ? '' : ` (USD ${j.usd})`}`);
  }
  lines.push(`Tainted addresses: ${r.addresses.length}`);
  for (const a of r.addresses.slice(0, LISTED)) {
    lines.push(`  ${a.address} hop ${a.hops}: ${a.tainted} ${a.asset}${a.share === null ? '' : ` (share ${a.share})`}`);
  }
  if (r.addresses.length > LISTED) lines.push(`  … and ${r.addresses.length - LISTED} more (--json lists all)`);
  return lines.join('\n');
}

/** Base units in whole units, exactly, without trailing zeros: 1500000000000000000 wei is 1.5. */
export function wholeUnits(baseUnits: string, decimals: number): string {
  const text = formatFraction({ num: BigInt(baseUnits), den: 10n ** BigInt(decimals) }, decimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function formatNode(n: GraphNode): string {
  const about =
    n.type === 'group'
      ? [`group of ${n.kind}`]
      : [
          n.kind,
          ...(n.entity
            ? [
                `${printable(n.entity.label)}${n.entity.jurisdictions.length ? ` [${n.entity.jurisdictions.join(', ')}]` : ''}`,
              ]
            : []),
          ...(n.confidenceLevel === null ? [] : [`confidence ${n.confidenceLevel}`]),
          ...(n.sanctioned ? ['SANCTIONED'] : []),
        ];
  const state = [
    ...(n.parent ? [`in ${n.parent}`] : []),
    ...(n.flags.length ? [`flags ${n.flags.map(printable).join(', ')}`] : []),
    ...(n.hidden ? ['hidden'] : []),
    ...(n.note ? [`note: ${printable(n.note)}`] : []),
  ];
  const label = n.label === null ? '' : ` "${printable(n.label)}"`;
  return `  ${n.id}${label} (${about.join(', ')})${state.length ? `; ${state.join('; ')}` : ''}`;
}

function formatEdge(e: GraphEdge): string {
  const usd = e.usd === null ? 'no USD price' : `$${e.usd}${e.usdComplete ? '' : ' (priced in part)'}`;
  const when =
    e.count === 0 ? 'no transfers in the workspace' : `${plural(e.count, 'transfer')}, ${e.first} to ${e.last}`;
  const flags = e.flags.length ? `; flags ${e.flags.map(printable).join(', ')}` : '';
  return `  ${e.source} -> ${e.target}: ${wholeUnits(e.total, e.asset.decimals)} ${e.asset.symbol}, ${usd}, ${when}${flags}`;
}

export function formatGraph(g: CaseGraph): string {
  const groups = g.nodes.filter((n) => n.type === 'group').length;
  const lines = [
    `Case ${g.caseId}: ${plural(g.nodes.length, 'node')} (${plural(groups, 'group')}), ${plural(g.edges.length, 'edge')}, ${plural(g.notes.length, 'note')}`,
  ];
  const section = <T>(title: string, items: T[], line: (item: T) => string) => {
    if (items.length === 0) return;
    lines.push(`${title}:`, ...items.slice(0, LISTED).map(line));
    if (items.length > LISTED) lines.push(`  … and ${items.length - LISTED} more (--json lists all)`);
  };
  section('Nodes', g.nodes, formatNode);
  section('Edges', g.edges, formatEdge);
  section('Notes', g.notes, (n) => `  #${n.id} ${n.updatedAt}: ${printable(n.text)}`);
  return lines.join('\n');
}

export function formatTraceList(traces: StoredTraceSummary[]): string {
  if (traces.length === 0) return 'No stored traces.';
  return traces
    .map(
      (t) =>
        `${t.id}  ${t.createdAt}  ${t.method} ${t.direction}  ${t.seeds.map(printable).join(', ')}` +
        `${t.caseId === null ? '' : `  case ${t.caseId}`}  sha256 ${t.sha256}`,
    )
    .join('\n');
}

export function formatStoredTrace(t: StoredTrace): string {
  return [
    `Stored ${t.createdAt} by Ariadne ${printable(t.appVersion)}${t.caseId === null ? '' : ` in case ${t.caseId}`}`,
    `Report SHA-256 ${t.sha256}`,
    formatTrace(t.report),
  ].join('\n');
}

export function formatRerun(r: TraceRerun): string {
  return r.identical
    ? `Trace ${r.id}: the new report is identical to the stored one (SHA-256 ${r.sha256}).`
    : `Trace ${r.id}: the new report DIFFERS from the stored one (stored SHA-256 ${r.sha256}, new ${r.rerunSha256}).`;
}

export function formatDemo(r: DemoResult): string {
  const c = r.counts;
  return [
    `Built the demo workspace "DPRK thefts 2017–2022" (scale ${r.scale}) in ${r.seconds} s`,
    `Case ${r.caseId}; Lazarus Group is entity ${r.lazarusId}`,
    `${c.incidents} incidents, each attributed by a stored trace (${c.traces} traces)`,
    `${c.ethTransfers} Ethereum transfers, ${c.btcTransactions} Bitcoin transactions, ${c.prices} prices`,
    `${c.entities} entities, ${c.tags} tags`,
    `Try: ariadne summary --actor lazarusgroup`,
  ].join('\n');
}
