/**
 * The case report as ONE self-contained HTML document for Chromium to print: print CSS (A4, margins), inline SVG
 * figures and nothing else. No script at all, no external reference, and a CSP that allows only inline styles and
 * data: images, so nothing in the document can run or fetch even if escaping failed somewhere.
 *
 * Every interpolated text goes through `t()` (common/markup.ts escapeMarkup): labels, notes, file names and case
 * fields are untrusted and print literally. Addresses go through `addr()`, which also applies redaction.
 * Page numbers and the running header come from Chromium's header and footer templates (print.ts); the contents
 * list gives each section's page, found by a first print pass (print.ts printSettled), blank on that first pass.
 */
import { barChartSvg } from '../../common/chart';
import { formatUnits, formatUsd } from '../../common/format';
import { escapeMarkup as t } from '../../common/markup';
import { KIND_STYLE, KINDS, SANCTIONED_COLOUR } from '../../common/palette';
import { graphToSvg } from '../../common/svg';
import type { Incident, LossSummary } from '../api/contract';
import { UsdSum } from '../usd';
import { figureAddress, flowScene, graphNumbers, graphScene, redactAddress } from './figures';
import type { ReportModel, ReportSection } from './model';
import { TRANSFERS_PER_EDGE } from './model';

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface ManifestView {
  workspaceSha256: string;
  workspaceBytes: number;
  contentSha256: string;
}

/** A section of the document: its anchor, title, and body. */
interface Section {
  id: string;
  title: string;
  body: string;
}

const METHOD_DEFINITIONS: Record<string, string> = {
  poison:
    'Poison: any tainted input taints everything that leaves the address. It over-states what is stolen and is used to show every place the funds could have reached.',
  haircut:
    'Haircut: each outflow carries taint in proportion to the tainted share of the balance it leaves from, in exact integer arithmetic (rounded down, the remainder staying with the sender).',
  fifo: 'FIFO: coins leave in the order they arrived (per address on account chains; on UTXO chains a transaction pours its inputs, in order, into its outputs, in order).',
};

/** Dollars of an exact decimal, rounded half-up to cents for display (db/usd.ts does the rounding). */
export function cents(exact: string): string {
  const [whole = '0', fraction = ''] = exact.split('.');
  const sum = new UsdSum();
  sum.add(BigInt(whole + fraction), fraction.length, '1');
  return sum.usd() ?? '0.00';
}

const usd = (value: string | null) => (value === null ? '—' : formatUsd(value));

/** A share given as a fraction with four decimals ("0.3012") as a percentage ("30.12%"), digits untouched. */
function percent(share: string): string {
  const [whole = '0', fraction = ''] = share.split('.');
  const digits = (whole + fraction.padEnd(4, '0')).replace(/^0+(?=\d{3})/, '');
  return `${digits.slice(0, -2).replace(/^$/, '0')}.${digits.slice(-2)}%`;
}

function table(head: string[], rows: string[][], className = ''): string {
  if (rows.length === 0) return '<p class="empty">None.</p>';
  return `<table class="${className}"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** The first page: what the document is, for whom, and how to treat it. */
function cover(model: ReportModel): string {
  const c = model.case;
  const rows: [string, string][] = [
    ['Case', t(c.title)],
    ['Reference', t(c.reference ?? '—')],
    ['Investigator', t(c.investigator ?? '—')],
    ['Status', t(c.status)],
    ['Report date', t(`${model.generatedAt.slice(0, 10)} (${model.generatedAt.slice(11, 19)} UTC)`)],
    ['Prepared with', t(`Ariadne ${model.appVersion}`)],
  ];
  return `<section class="cover">
<p class="classification">${t(model.options.classification)}</p>
<p class="kicker">Crypto-asset theft investigation</p>
<h1 class="cover-title">Case report</h1>
<p class="cover-case">${t(c.title)}</p>
<dl class="cover-facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
${
  model.options.redact
    ? '<p class="redaction"><strong>Redacted edition.</strong> Addresses are shortened to their first 6 and last 4 characters throughout this document.</p>'
    : ''
}
<p class="cover-note">Every figure in this report is computed from the workspace identified in the integrity manifest (last page), with the method and parameters stated in the methodology section. Amounts are exact; US dollar values are rounded half-up to the cent for display only.</p>
</section>`;
}

function actorHeading(s: LossSummary): string {
  return `${t(s.actor.label)}${s.actor.key ? ` <span class="muted">(${t(s.actor.key)})</span>` : ''}`;
}

function executiveSummary(model: ReportModel): string {
  const c = model.case;
  const parts: string[] = [];
  if (c.description.trim() !== '') parts.push(`<p class="description">${t(c.description)}</p>`);
  const valued = model.incidents.filter((i) => i.usd !== null);
  const total = new UsdSum();
  for (const i of valued) {
    const [w = '0', f = ''] = (i.usd as string).split('.');
    total.add(BigInt(w + f), f.length, '1');
  }
  parts.push(
    `<p>The case records <strong>${model.incidents.length}</strong> incident${model.incidents.length === 1 ? '' : 's'} with a total recorded loss of <strong>${usd(total.usd() ?? '0.00')}</strong>${
      valued.length < model.incidents.length
        ? ` (${model.incidents.length - valued.length} without a US dollar value)`
        : ''
    }, ${model.traces.length} stored trace${model.traces.length === 1 ? '' : 's'} and a fund-flow graph of ${model.graph.nodes.length} nodes and ${model.graph.edges.length} edges.</p>`,
  );
  if (model.summaries.length === 0) {
    parts.push(
      `<p>No incident of the case is attributed to an actor at confidence ${model.options.minConfidence} or above.</p>`,
    );
  }
  for (const s of model.summaries) {
    const top = s.jurisdictions[0];
    parts.push(
      `<p>At confidence ${s.minConfidence} or above, <strong>${s.incidents}</strong> incident${s.incidents === 1 ? ' is' : 's are'} attributed to <strong>${actorHeading(s)}</strong>, a loss of <strong>${usd(s.total_usd)}</strong>${
        top
          ? `; the largest share fell on victims in <strong>${t(jurisdictionName(top.code, top.name))}</strong> (${usd(top.usd)}, ${percent(top.share)})`
          : ''
      }.${s.unvalued > 0 ? ` ${s.unvalued} counted incident${s.unvalued === 1 ? ' has' : 's have'} no US dollar value and ${s.unvalued === 1 ? 'is' : 'are'} in the counts only.` : ''}${
        s.typed > 0
          ? ` ${s.typed} value${s.typed === 1 ? ' was' : 's were'} entered by the investigator where no price existed.`
          : ''
      }</p>`,
    );
  }
  return parts.join('');
}

function jurisdictionName(code: string | null, name: string | null): string {
  if (code === null) return 'Unknown jurisdiction';
  return name ? `${name} (${code})` : code;
}

/** A bar's length from an exact dollar figure: geometry only, the printed figure is the exact text. */
const barValue = (usdText: string) => Number(usdText);

function losses(model: ReportModel): string {
  if (model.summaries.length === 0)
    return `<p class="empty">No attributed losses at confidence ${model.options.minConfidence} or above.</p>`;
  return model.summaries
    .map((s, i) => {
      const rows = s.jurisdictions.map((j) => [
        t(jurisdictionName(j.code, j.name)),
        `<span class="num">${j.incidents}</span>`,
        `<span class="num">${usd(j.usd)}</span>`,
        `<span class="num">${percent(j.share)}</span>`,
      ]);
      rows.push([
        '<strong>Total</strong>',
        `<span class="num"><strong>${s.incidents}</strong></span>`,
        `<span class="num"><strong>${usd(s.total_usd)}</strong></span>`,
        `<span class="num"><strong>100.00%</strong></span>`,
      ]);
      const years = s.years.map((y) => [
        t(String(y.year)),
        `<span class="num">${y.incidents}</span>`,
        `<span class="num">${usd(y.usd)}</span>`,
      ]);
      return `<h3>${actorHeading(s)}</h3>
<p class="muted">Incidents attributed at confidence ≥ ${s.minConfidence}${s.from || s.to ? `, ${t(s.from ?? '…')} to ${t(s.to ?? '…')}` : ''}; US dollars at the time of each theft.</p>
<h4>Per victim jurisdiction</h4>
${table(['Jurisdiction', 'Incidents', 'US dollars', 'Share'], rows, 'figures jurisdictions')}
<figure class="chart">${barChartSvg(
        s.jurisdictions.map((j) => ({
          label: jurisdictionName(j.code, j.name),
          value: barValue(j.usd),
          valueText: `${usd(j.usd)} (${percent(j.share)})`,
        })),
        { title: 'Attributed loss per victim jurisdiction (USD)', ariaLabel: `chart-jurisdictions-${i}` },
      )}</figure>
<h4>Per year</h4>
${table(['Year', 'Incidents', 'US dollars'], years, 'figures years')}
<figure class="chart">${barChartSvg(
        s.years.map((y) => ({ label: String(y.year), value: barValue(y.usd), valueText: usd(y.usd) })),
        { title: 'Attributed loss per year (USD)', color: '#8f2720' },
      )}</figure>`;
    })
    .join('');
}

function cashout(model: ReportModel): string {
  const blocks = model.summaries.filter((s) => s.cashout.length > 0);
  if (blocks.length === 0)
    return '<p class="empty">No traced funds linked to attributed incidents reached an exchange or other service.</p>';
  return blocks
    .map((s) => {
      const rows = s.cashout.map((c) => [
        t(jurisdictionName(c.code, c.name)),
        `<span class="num">${usd(c.usd)}${c.incomplete ? ' *' : ''}</span>`,
        c.entities
          .map((e) => `${t(e.entity)}: ${usd(e.usd)} (trace ${e.traceIds.map(String).join(', ')})`)
          .join('<br>'),
      ]);
      return `<h3>${actorHeading(s)}</h3>
${table(['Service jurisdiction', 'Traced US dollars', 'Services (stored traces)'], rows, 'cashout')}
${s.cashout.some((c) => c.incomplete) ? '<p class="muted">* Some traced amounts had no price on their day and are not in the dollar figure.</p>' : ''}`;
    })
    .join('');
}

function attributionText(i: Incident): string {
  const parts = i.actors.map((a) => `${t(a.actor.label)}: ${t(a.source)} (${t(a.confidence)}, ${a.confidenceLevel})`);
  if (i.traceId !== null) parts.push(`stored trace ${i.traceId}`);
  return parts.length > 0 ? parts.join('<br>') : 'none';
}

function incidents(model: ReportModel, addr: (a: string) => string): string {
  if (model.incidents.length === 0) return '<p class="empty">The case records no incidents.</p>';
  const overview = table(
    ['#', 'Date (UTC)', 'Victim', 'Jurisdiction', 'Amount', 'US dollars', 'Attribution'],
    model.incidents.map((i) => [
      String(i.id),
      t(i.time.slice(0, 10)),
      `${t(i.victim.label)}${i.title ? `<br><span class="muted">${t(i.title)}</span>` : ''}`,
      t(i.jurisdiction ?? '—'),
      `<span class="num">${t(formatUnits(i.amount, i.asset.decimals, i.asset.decimals))} ${t(i.asset.symbol)}</span>`,
      `<span class="num">${i.usd === null ? '—' : usd(cents(i.usd))}${i.usdBasis === 'typed' ? ' †' : ''}</span>`,
      attributionText(i),
    ]),
    'small incidents',
  );
  const details = table(
    ['#', 'Time (UTC)', 'Theft transactions', 'Victim addresses', 'Source and note'],
    model.incidents.map((i) => [
      String(i.id),
      t(i.time),
      i.txs.map((x) => `<code>${t(x)}</code>`).join('<br>') || '—',
      i.addresses.map((a) => `<code>${addr(a)}</code>`).join('<br>') || '—',
      `${t(i.source || '—')}${i.note.trim() ? `<br><span class="muted">${t(i.note)}</span>` : ''}`,
    ]),
    'small details',
  );
  return `${overview}
<p class="muted">US dollars at the price of the theft’s UTC day (exact value rounded half-up to the cent)${model.incidents.some((i) => i.usdBasis === 'typed') ? '; † entered by the investigator where no price existed' : ''}; — no value.</p>
<h3>Transactions, addresses and sources</h3>
${details}`;
}

/** A kind's mark as the figures draw it: the same shape, fill and border (common/palette.ts). */
function swatch(shape: string, fill: string, stroke: string, width = 1.5, double = false): string {
  const paint = `fill="${fill}" stroke="${stroke}" stroke-width="${width}"`;
  const body =
    shape === 'diamond'
      ? `<polygon points="7,1 13,7 7,13 1,7" ${paint}/>`
      : shape === 'hexagon'
        ? `<polygon points="4,2 10,2 13,7 10,12 4,12 1,7" ${paint}/>`
        : shape === 'rectangle'
          ? `<rect x="1.5" y="2.5" width="11" height="9" ${paint}/>`
          : shape === 'round-rectangle'
            ? `<rect x="1.5" y="2.5" width="11" height="9" rx="2.5" ${paint}/>`
            : `<circle cx="7" cy="7" r="5" ${paint}/>${double ? `<circle cx="7" cy="7" r="2.6" fill="none" stroke="${stroke}" stroke-width="1"/>` : ''}`;
  return `<svg class="swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">${body}</svg>`;
}

function legend(numbered = false): string {
  const items = KINDS.map((kind) => {
    const s = KIND_STYLE[kind];
    return `<li>${swatch(s.shape, s.fill, s.border)}${t(s.label)}</li>`;
  });
  items.push(
    `<li>${swatch('ellipse', '#ffffff', SANCTIONED_COLOUR, 2, true)}Red border: sanctioned</li>`,
    `<li>${swatch('ellipse', KIND_STYLE.unknown.fill, KIND_STYLE.unknown.border, 3)}Thicker border: more confident attribution</li>`,
    numbered
      ? '<li>Arrow: direction of the transfers (the edges table gives their totals)</li>'
      : '<li>Arrow: direction of the transfers; label: their total, cut to 2 decimals (≈ when cut; the tables give it exactly)</li>',
    numbered ? '<li>1, 2, 3…: the nodes, named in the table below</li>' : '<li>⚑: the investigator’s flags</li>',
  );
  return `<ul class="legend">${items.join('')}</ul>`;
}

function graph(model: ReportModel, addr: (a: string) => string): string {
  if (model.graph.nodes.length === 0)
    return '<p class="empty">The case graph is empty: nothing was placed on it. The traced flows are drawn with each trace.</p>';
  const numbers = graphNumbers(model.graph);
  return `<figure class="graph">${graphToSvg(
    graphScene(model.graph, (a) => addrText(model, a)),
    {
      inline: true,
      idPrefix: 'graph-',
    },
  )}<figcaption>Figure 1. The case’s fund-flow graph as laid out by the investigator (${model.graph.nodes.length} nodes, ${model.graph.edges.length} edges; hidden elements left out), its nodes numbered left to right.</figcaption></figure>
${legend(true)}
<h3>Nodes</h3>
${table(
  ['No.', 'Label', 'Kind', 'Address', 'Flags'],
  model.graph.nodes
    .map((n) => ({ n, no: numbers.get(n.id) ?? 0 }))
    .sort((a, b) => a.no - b.no)
    .map(({ n, no }) => [
      `<span class="num">${no}</span>`,
      t(n.label ?? (n.type === 'group' ? n.id.slice('group:'.length) : '—')),
      t(n.type === 'group' ? 'Group' : (KIND_STYLE[n.kind] ?? KIND_STYLE.unknown).label),
      n.type === 'group' ? '—' : `<code>${addr(n.id)}</code>`,
      t(n.flags.join(', ') || '—'),
    ]),
  'small',
)}
<h3>Edges</h3>
${table(
  ['From', 'To', 'Total', 'US dollars', 'Transfers', 'Period (UTC)'],
  model.graph.edges.map((e) => [
    `${numbers.get(e.source) ?? '?'}. <code>${addr(e.source)}</code>`,
    `${numbers.get(e.target) ?? '?'}. <code>${addr(e.target)}</code>`,
    `<span class="num">${t(formatUnits(e.total, e.asset.decimals, e.asset.decimals))} ${t(e.asset.symbol)}</span>`,
    `<span class="num">${usd(e.usd)}${e.usd !== null && !e.usdComplete ? ' *' : ''}</span>`,
    `<span class="num">${e.count}</span>`,
    t(e.first ? `${e.first.slice(0, 10)} – ${e.last.slice(0, 10)}` : '—'),
  ]),
  'small',
)}`;
}

/** How an address prints: in full, or shortened when the report is redacted. */
function addrText(model: ReportModel, address: string): string {
  return model.options.redact ? redactAddress(address) : address;
}

function traces(model: ReportModel, addr: (a: string) => string): string {
  if (model.traces.length === 0) return '<p class="empty">No stored traces.</p>';
  const decimals = (asset: string) => model.assetDecimals[asset] ?? 0;
  const amount = (value: string, asset: string) =>
    `${t(formatUnits(value, decimals(asset), decimals(asset)))} ${t(asset)}`;
  // Seeds shortened here (a theft transaction's hash is 64 characters); each trace below gives them in full.
  const overview = table(
    ['Trace', 'Incidents', 'Method', 'Seeds', 'Seeded', 'Reached endpoints'],
    model.traces.map((x) => [
      String(x.id),
      x.incidents.length > 0 ? x.incidents.map(String).join(', ') : '—',
      t(`${x.report.method}, ${x.report.direction}, ${x.report.parameters.hops} hops`),
      x.report.seeds
        .map((seed) => `<code>${t(seed.slice(0, seed.indexOf(':') + 1) + figureAddress(seed))}</code>`)
        .join('<br>'),
      x.report.totals.map((a) => `<span class="num">${amount(a.seeded, a.asset)}</span>`).join('<br>'),
      x.report.totals.map((a) => `<span class="num">${amount(a.endpoints, a.asset)}</span>`).join('<br>'),
    ]),
    'small traces',
  );
  const blocks = model.traces.map((trace, index) => {
    const r = trace.report;
    const params = r.parameters;
    const endpoints = r.endpoints.map((e) => [
      t(e.entity),
      t(e.jurisdiction ?? '—'),
      `<span class="num">${amount(e.tainted, e.asset)}</span>`,
      `<span class="num">${usd(e.usd)}</span>`,
      e.addresses.map((a) => `<code>${addr(a)}</code>`).join('<br>'),
    ]);
    const figure =
      trace.flow.nodes.length === 0
        ? '<p class="empty">No path reached an endpoint.</p>'
        : `<figure class="flow">${graphToSvg(
            flowScene(trace.flow.nodes, trace.flow.edges, (a) => addrText(model, a), `Trace ${trace.id}`),
            {
              inline: true,
              idPrefix: `trace-${trace.id}-`,
            },
          )}<figcaption>Figure ${index + 2}. Trace ${trace.id}: the paths that carried the most taint to each endpoint (at most three per endpoint), seed on the left; each arrow is labelled with the taint the transactions below moved along it.</figcaption></figure>`;
    const hops = table(
      ['From', 'To', 'Transaction', 'Taint'],
      trace.flow.hops.map((h) => [
        `<code>${addr(h.from)}</code>`,
        `<code>${addr(h.to)}</code>`,
        `<code>${t(h.tx)}</code>`,
        `<span class="num">${amount(h.amount, h.asset)}</span>`,
      ]),
      'small hops',
    );
    return `<div class="trace"><h3>Trace ${trace.id}: ${t(r.method)}, ${t(r.direction)}${trace.incidents.length > 0 ? ` · incident ${trace.incidents.map(String).join(', ')}` : ''}</h3>
<p class="params">Seeds: ${r.seeds.map((seed) => `<code>${addr(seed)}</code>`).join(', ') || 'none'}. ${t(`Hops ${params.hops}; minimum ${params.minAmount} base units; stops at ${params.stopAt.join(', ') || 'nothing'}; ${params.from ?? 'from the start'} to ${params.to ?? 'the end'}; assets: ${params.assets.join(', ') || 'all the seeds hold'}; actor addresses are endpoints: ${params.actorEndpoints ? 'yes' : 'no'}; ${params.exclude.length} excluded. Stored ${trace.createdAt} by Ariadne ${trace.appVersion}; ${r.model} model, ${r.loaded.transfers} transfers replayed, ${r.loaded.addresses} addresses reached.`)}</p>
${table(['Endpoint', 'Jurisdiction', 'Taint', 'US dollars', 'Addresses'], endpoints, 'small')}
${figure}
<h4>Hops drawn (${trace.flow.hops.length})</h4>
${hops}</div>`;
  });
  return `${overview}<p class="muted">In the figures below, marks are as in this legend:</p>${legend()}${blocks.join('')}`;
}

function addresses(model: ReportModel, addr: (a: string) => string): string {
  if (model.addresses.length === 0) return '<p class="empty">No addresses on the case graph.</p>';
  return table(
    ['Address', 'Label', 'Source', 'Confidence', 'TagPack (file, imported)'],
    model.addresses.flatMap((a) =>
      a.tags.length === 0
        ? [[`<code>${addr(a.address)}</code>`, '<span class="muted">untagged</span>', '', '', '']]
        : a.tags.map((tag, i) => [
            i === 0 ? `<code>${addr(a.address)}</code>` : '',
            t(tag.label),
            t(tag.source),
            t(`${tag.confidence} (${tag.confidenceLevel})`),
            tag.origin
              ? `${t(tag.origin.title ?? tag.origin.file)}<br><span class="muted">${t(tag.origin.file)}, ${t(tag.origin.importedAt)}</span>`
              : '<span class="muted">made in the app</span>',
          ]),
    ),
    'small',
  );
}

function notes(model: ReportModel, addr: (a: string) => string): string {
  const annotated = [
    ...model.graph.nodes
      .filter((n) => n.note.trim() !== '' || n.flags.length > 0)
      .map((n) => [
        n.type === 'group' ? t(n.label ?? n.id) : `<code>${addr(n.id)}</code>`,
        t(n.flags.join(', ')),
        t(n.note),
      ]),
    ...model.graph.edges
      .filter((e) => e.note.trim() !== '' || e.flags.length > 0)
      .map((e) => [
        `<code>${addr(e.source)}</code> → <code>${addr(e.target)}</code>`,
        t(e.flags.join(', ')),
        t(e.note),
      ]),
  ];
  const caseNotes = model.graph.notes.map(
    (n) =>
      `<div class="note"><p class="muted">${t(n.createdAt)}${n.updatedAt !== n.createdAt ? `, edited ${t(n.updatedAt)}` : ''}</p><p class="note-text">${t(n.text)}</p></div>`,
  );
  return `<h3>Annotations on the graph</h3>
${table(['Element', 'Flags', 'Note'], annotated, 'small')}
<h3>Case notes</h3>
${caseNotes.length > 0 ? caseNotes.join('') : '<p class="empty">None.</p>'}`;
}

function methodology(model: ReportModel): string {
  const methods = [...new Set(model.traces.map((x) => x.report.method))];
  const shown = methods.length > 0 ? methods : model.options.method ? [model.options.method] : [];
  return `<h3>Tracing method</h3>
${shown.length > 0 ? shown.map((m) => `<p class="method">${t(METHOD_DEFINITIONS[m] ?? m)}</p>`).join('') : '<p class="empty">No trace is part of this report.</p>'}
<p>Every method conserves value: no address sends on more taint than it received. Amounts are integers in the chain’s base units (satoshi, wei) throughout; a path’s taint is its bottleneck, the smallest taint on any of its hops. Each stored trace keeps its parameters and its report, and re-running it on the same workspace gives a byte-identical report (its SHA-256 is printed with it).</p>
<h3>Attribution and losses</h3>
<p>An incident counts for an actor when it is attributed to that actor directly (with a source and a confidence of the GraphSense taxonomy) or by a stored trace whose taint reaches addresses tagged with that actor, at confidence ${model.options.minConfidence} or above. Losses are valued in US dollars at the price of the theft’s UTC day and grouped by the victim’s jurisdiction for the incident. Cash-out exposure is the traced US dollar value that reached exchanges and other services, grouped by the service’s jurisdiction.</p>
<h3>Report parameters</h3>
${table(
  ['Parameter', 'Value'],
  [
    ['Minimum confidence', String(model.options.minConfidence)],
    ['Trace method', t(model.options.method ?? 'every stored trace')],
    ['Sections', t(model.options.sections.join(', '))],
    ['Addresses redacted', model.options.redact ? 'yes' : 'no'],
  ],
  'small',
)}
<h3>Data sources</h3>
${table(
  ['#', 'File', 'Format', 'Imported (UTC)', 'SHA-256'],
  model.sources.map((s) => [
    String(s.id),
    `${t(s.file)}${s.title ? `<br><span class="muted">${t(s.title)}</span>` : ''}`,
    t(s.format),
    t(s.importedAt),
    `<code class="hash">${t(s.sha256)}</code>`,
  ]),
  'small',
)}`;
}

function transfers(model: ReportModel, addr: (a: string) => string): string {
  if (model.transfers.length === 0) return '<p class="empty">No graph edges, so no transfers.</p>';
  return model.transfers
    .map((e) => {
      const more = e.total - e.rows.length;
      return `<h4><code>${addr(e.source)}</code> → <code>${addr(e.target)}</code> · ${t(e.asset)} · ${e.total} transfer${e.total === 1 ? '' : 's'}</h4>
${table(
  ['Time (UTC)', 'Transaction', 'Amount', 'US dollars'],
  e.rows.map((r) => [
    t(r.time),
    `<code>${t(r.txHash)}${r.idx ? `#${r.idx}` : ''}</code>`,
    `<span class="num">${t(formatUnits(r.amount, r.asset.decimals, r.asset.decimals))} ${t(r.asset.symbol)}</span>`,
    `<span class="num">${usd(r.usd)}</span>`,
  ]),
  'small transfers',
)}${more > 0 ? `<p class="muted">… and ${more} more (the first ${TRANSFERS_PER_EDGE} are listed; <code>ariadne graph show</code> and the graph's edge details give every one).</p>` : ''}`;
    })
    .join('');
}

function manifestPage(model: ReportModel, manifest: ManifestView): string {
  const rows: [string, string][] = [
    ['Application', t(`Ariadne ${model.appVersion}`)],
    ['Generated (UTC)', t(model.generatedAt)],
    ['Workspace snapshot SHA-256', `<code class="hash">${t(manifest.workspaceSha256)}</code>`],
    ['Workspace snapshot size', t(`${manifest.workspaceBytes} bytes`)],
    ['Report content SHA-256', `<code class="hash">${t(manifest.contentSha256)}</code>`],
    [
      'Parameters',
      t(
        `case ${model.case.id}; minimum confidence ${model.options.minConfidence}; method ${model.options.method ?? 'all'}; redacted ${model.options.redact ? 'yes' : 'no'}; sections ${model.options.sections.join(', ')}`,
      ),
    ],
  ];
  return `<table class="facts manifest">${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>
<h3>Source files</h3>
${table(
  ['File', 'Imported (UTC)', 'SHA-256'],
  model.sources.map((s) => [t(s.file), t(s.importedAt), `<code class="hash">${t(s.sha256)}</code>`]),
  'small',
)}
<h3>Stored traces</h3>
${table(
  ['Trace', 'Report SHA-256'],
  model.traces.map((x) => [String(x.id), `<code class="hash">${t(x.sha256)}</code>`]),
  'small',
)}
<p class="muted">The workspace snapshot is a copy of the workspace made with SQLite's VACUUM INTO at the time of export, before the export itself was written to the audit log. The report content hash is the SHA-256 of the canonical JSON (keys sorted, no spaces) of the data this document prints. The PDF's own SHA-256 cannot be inside it: it is in the manifest file written beside the PDF (<code>*.manifest.json</code>), with all of the above.</p>`;
}

const STYLE = `
@page { size: A4; margin: 20mm 16mm 18mm 16mm; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Serif", "Liberation Serif", Georgia, serif; font-size: 10pt; color: #1a1a1a; line-height: 1.4; }
body { margin: 0; }
h1, h2, h3, h4, th, .kicker, .classification, figcaption, .legend, .toc { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
h2 { font-size: 15pt; margin: 0 0 10pt; padding-bottom: 4pt; border-bottom: 1.5pt solid #1d4a94; color: #1d4a94; }
h3 { font-size: 11.5pt; margin: 14pt 0 6pt; break-after: avoid; }
h4 { font-size: 10pt; margin: 10pt 0 4pt; break-after: avoid; color: #333; }
section.part { margin-top: 18pt; }
section.part.page { break-before: page; margin-top: 0; }
p { margin: 0 0 6pt; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 7.5pt; overflow-wrap: anywhere; }
.hash { font-size: 7pt; }
.muted { color: #5a5a5a; }
.empty { color: #5a5a5a; font-style: italic; }
.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 9pt; }
th { text-align: left; font-size: 8pt; font-weight: bold; color: #333; border-bottom: 1pt solid #333; padding: 3pt 5pt; vertical-align: bottom; }
td { padding: 3pt 5pt; border-bottom: 0.5pt solid #c8c8c8; vertical-align: top; overflow-wrap: anywhere; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
table.small { font-size: 8pt; }
table.figures td:nth-child(n+2), table.figures th:nth-child(n+2) { text-align: right; }
table.cashout td:nth-child(2), table.cashout th:nth-child(2) { text-align: right; }
table.facts th { width: 28%; border-bottom: 0.5pt solid #c8c8c8; vertical-align: top; font-size: 8.5pt; }
table.facts { font-size: 9pt; }
figure { margin: 8pt 0 12pt; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
figure.graph svg { width: 100%; max-height: 205mm; }
figcaption { font-size: 8pt; color: #444; margin-top: 4pt; }
figure.flow svg { width: 100%; max-height: 150mm; }
.params { font-size: 8pt; color: #333; }
table.hops code, table.details code { font-size: 6.5pt; }
table.traces code, table.traces td:nth-child(3) { white-space: nowrap; }
table.incidents td:nth-child(-n + 2), table.details td:nth-child(-n + 2) { white-space: nowrap; }
.legend { list-style: none; padding: 0; margin: 0 0 10pt; font-size: 8pt; columns: 2; }
.legend li { margin: 2pt 0; }
.swatch { display: inline-block; width: 10pt; height: 10pt; margin-right: 5pt; vertical-align: -2pt; }
.incident, .trace { break-inside: auto; margin-bottom: 10pt; }
.note { border-left: 2pt solid #c98a12; padding-left: 8pt; margin-bottom: 8pt; break-inside: avoid; }
.note-text { white-space: pre-wrap; }
.cover { height: 250mm; display: flex; flex-direction: column; }
.classification { text-align: center; font-weight: bold; letter-spacing: 0.08em; text-transform: uppercase; border: 1.5pt solid #8f2720; color: #8f2720; padding: 4pt; margin-bottom: 40mm; }
.kicker { text-transform: uppercase; letter-spacing: 0.12em; color: #1d4a94; font-size: 10pt; margin: 0; }
.cover-title { font-size: 30pt; margin: 4pt 0 2pt; color: #1a1a1a; }
.cover-case { font-size: 16pt; margin: 0 0 18mm; }
.cover-facts { display: grid; grid-template-columns: 38mm 1fr; gap: 4pt 10pt; margin: 0 0 12mm; font-size: 11pt; }
.cover-facts dt { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9pt; color: #555; text-transform: uppercase; letter-spacing: 0.05em; padding-top: 2pt; }
.cover-facts dd { margin: 0; }
.redaction { border: 1pt solid #1d4a94; padding: 6pt; background: #eef3fb; }
.cover-note { margin-top: auto; font-size: 8.5pt; color: #444; }
.toc { list-style: none; padding: 0; font-size: 10.5pt; }
.toc li { display: flex; gap: 6pt; padding: 3pt 0; border-bottom: 0.5pt dotted #999; }
.toc .no { width: 16pt; color: #1d4a94; }
.toc .title { flex: 1; }
.toc .page { width: 28pt; text-align: right; font-variant-numeric: tabular-nums; }
.toc a { color: inherit; text-decoration: none; }
`;

/** Sections that start on a new page; the others follow on, so a short section does not leave a blank page. */
const PAGE_BREAK = new Set(['summary', 'incidents', 'graph', 'traces', 'methodology', 'transfers', 'manifest']);

/** The sections in print order, each present only when chosen. */
function sections(model: ReportModel, manifest: ManifestView): Section[] {
  const addr = (a: string) => t(addrText(model, a));
  const chosen = new Set<ReportSection>(model.options.sections);
  const all: [ReportSection | null, string, string, () => string][] = [
    ['summary', 'summary', 'Executive summary', () => executiveSummary(model)],
    ['summary', 'losses', 'Attributed losses per jurisdiction and year', () => losses(model)],
    ['incidents', 'incidents', 'Incidents', () => incidents(model, addr)],
    ['cashout', 'cashout', 'Cash-out exposure per jurisdiction', () => cashout(model)],
    ['graph', 'graph', 'Fund-flow graph', () => graph(model, addr)],
    ['traces', 'traces', 'Traces and paths', () => traces(model, addr)],
    ['addresses', 'addresses', 'Addresses and their attribution', () => addresses(model, addr)],
    ['notes', 'notes', 'Annotations and notes', () => notes(model, addr)],
    ['methodology', 'methodology', 'Methodology and data sources', () => methodology(model)],
    ['transfers', 'transfers', 'Appendix: the transfers behind the figures', () => transfers(model, addr)],
    [null, 'manifest', 'Integrity manifest', () => manifestPage(model, manifest)],
  ];
  return all
    .filter(([key]) => key === null || chosen.has(key))
    .map(([, id, title, body]) => ({ id, title, body: body() }));
}

/**
 * The whole document. `pages`: each section's first page (from a first print pass), printed in the contents;
 * without it the contents list section numbers only.
 */
export function renderReportHtml(
  model: ReportModel,
  manifest: ManifestView,
  pages?: ReadonlyMap<string, number>,
): string {
  const parts = sections(model, manifest);
  const toc = parts
    .map(
      (s, i) =>
        `<li><span class="no">${i + 1}</span><span class="title"><a href="#${s.id}">${t(s.title)}</a></span><span class="page">${
          pages?.get(s.id) ?? ''
        }</span></li>`,
    )
    .join('');
  const body = parts
    .map(
      (s, i) =>
        `<section class="part${PAGE_BREAK.has(s.id) ? ' page' : ''}" id="${s.id}"><h2>${i + 1}. ${t(s.title)}</h2>${s.body}</section>`,
    )
    .join('\n');
  const c = model.case;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${t(CSP)}">
<title>${t(`Case report ${c.reference ?? `#${c.id}`}: ${c.title}`)}</title>
<style>${STYLE}</style></head>
<body>
${cover(model)}
<section class="part page" id="contents"><h2>Contents</h2><ol class="toc">${toc}</ol></section>
${body}
</body></html>
`;
}
