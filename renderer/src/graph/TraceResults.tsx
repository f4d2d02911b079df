import { Fragment, memo, useEffect, useRef, useState } from 'react';
import type { TraceReport } from '../../../db/api/contract';
import { CopyButton } from '../components/CopyButton';
import { HEADER_HEIGHT, VirtualTable } from '../components/VirtualTable';
import { formatCount, formatUsd, middleEllipsis, plural } from '../lib/format';
import { nodeTitle, shortAddress } from '../lib/graphModel';
import {
  compareFigures,
  decimalPercent,
  endpointFigures,
  formatDelta,
  formatTraced,
  jurisdictionFigures,
  sharePercent,
  TRACE_METHODS,
  unaccountedFigures,
  UNACCOUNTED_KINDS,
  type Figure,
  type TraceMethod,
} from '../lib/traceModel';
import { useApp } from '../store/context';
import { isTraceBusy, type ShownTrace } from '../store/traceSlice';

/** How a report names an endpoint or address: the graph's title, else its best tag's label, else the text given. */
function useNamer(): (name: string) => string {
  const nodes = useApp((s) => s.graph?.nodes);
  const labels = useApp((s) => s.traceLabels);
  return (name) => {
    const node = nodes?.[name];
    if (node) return nodeTitle(node);
    // Untagged endpoints are named by their address; entities by their label, whole.
    return labels[name] ?? (/^[A-Z0-9]{2,12}:\S+$/.test(name) ? shortAddress(name) : name);
  };
}

function useAmount(): (amount: string, asset: string) => string {
  const decimals = useApp((s) => s.traceDecimals);
  return (amount, asset) => formatTraced(amount, asset, decimals[asset]);
}

/** The trace shown: its parameters, endpoints with their paths, totals, what was not accounted for, every address. */
export function TraceResults({ onEdit }: { onEdit(): void }) {
  const shown = useApp((s) => s.traceShown);
  const compare = useApp((s) => s.traceCompare);
  const busy = useApp((s) => isTraceBusy(s.traceRun.phase));
  const rerun = useApp((s) => s.rerunTrace);
  const addSubgraph = useApp((s) => s.addTracedSubgraph);
  const close = useApp((s) => s.closeTrace);
  const missing = useApp((s) => {
    const nodes = s.graph?.nodes ?? {};
    return new Set(
      s.traceShown?.report.addresses.filter((a) => nodes[a.address]?.hidden !== false).map((a) => a.address),
    ).size;
  });
  const top = useRef<HTMLDivElement>(null);
  const report = shown?.report;

  // A new result starts at its heading, not wherever the parameters form was scrolled to.
  useEffect(() => {
    if (report) top.current?.scrollIntoView({ block: 'start' });
  }, [report]);

  if (!shown || !report) return null;
  return (
    <div className="trace-results" ref={top}>
      <header className="trace-head">
        <h3 className="details-title">
          {shown.id !== null ? `Trace #${shown.id}` : 'Trace'}: {report.method}, {report.direction}
        </h3>
        {shown.rerun && (
          <span className={shown.rerun === 'identical' ? 'badge trace-identical' : 'badge trace-differs'} role="status">
            Re-run: {shown.rerun}
          </span>
        )}
      </header>
      <div className="graph-actions">
        {shown.id !== null && (
          <button type="button" className="button" disabled={busy} onClick={() => void rerun(shown.id ?? 0)}>
            Re-run
          </button>
        )}
        <button
          type="button"
          className="button button-primary"
          disabled={missing === 0}
          title={missing === 0 ? 'Every traced address is on the graph' : undefined}
          onClick={() => void addSubgraph()}
        >
          Add traced subgraph{missing > 0 && ` (${formatCount(missing)})`}
        </button>
        <button type="button" className="button" onClick={onEdit}>
          New trace…
        </button>
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </div>
      <Parameters shown={shown} />
      <CompareBar key={report.method} report={report} />
      {compare ? (
        <Comparison a={report} b={compare.report} />
      ) : (
        <>
          <Endpoints report={report} />
          <Jurisdictions report={report} />
          <Unaccounted report={report} />
        </>
      )}
      <ReachedAddresses report={report} />
    </div>
  );
}

function Parameters({ shown }: { shown: ShownTrace }) {
  const name = useNamer();
  const { report } = shown;
  const p = report.parameters;
  return (
    <details className="trace-parameters">
      <summary>
        Method and parameters: {report.method}, {report.direction}, {plural(p.hops, 'hop', 'hops')}, stop at{' '}
        {p.stopAt.join(', ') || 'nothing'}
      </summary>
      <dl className="details-facts">
        <dt>Method</dt>
        <dd>
          {report.method}, {report.direction}, {report.model === 'utxo' ? 'UTXO transactions' : 'account transfers'}
        </dd>
        <dt>Seeds</dt>
        <dd>{report.seeds.map(name).join(', ')}</dd>
        <dt>Hops</dt>
        <dd>{p.hops}</dd>
        <dt>Minimum</dt>
        <dd>{p.minAmount} base units</dd>
        <dt>Stop at</dt>
        <dd>{[...p.stopAt, ...(p.actorEndpoints ? ['actor-tagged addresses'] : [])].join(', ') || 'nothing'}</dd>
        <dt>Excluded</dt>
        <dd>{p.exclude.map(name).join(', ') || 'none'}</dd>
        <dt>Window</dt>
        <dd>
          {p.from ?? 'open'} → {p.to ?? 'open'}
        </dd>
        <dt>Assets</dt>
        <dd>{p.assets.join(', ') || 'all the seeds hold'}</dd>
        <dt>Replayed</dt>
        <dd>
          {plural(report.loaded.transfers, 'transfer', 'transfers')},{' '}
          {plural(report.loaded.addresses, 'address', 'addresses')}
        </dd>
        {shown.sha256 && (
          <>
            <dt>SHA-256</dt>
            <dd className="mono">
              <span title={shown.sha256}>{middleEllipsis(shown.sha256, 12, 12)}</span>
              <CopyButton value={shown.sha256} what="report digest" />
            </dd>
          </>
        )}
      </dl>
    </details>
  );
}

function CompareBar({ report }: { report: TraceReport }) {
  const list = useApp((s) => s.traceList);
  const compare = useApp((s) => s.traceCompare);
  const busy = useApp((s) => isTraceBusy(s.traceRun.phase));
  const run = useApp((s) => s.compareTrace);
  const pick = useApp((s) => s.compareStored);
  const closeCompare = useApp((s) => s.closeCompare);
  const others = TRACE_METHODS.filter((m) => m !== report.method);
  const [method, setMethod] = useState<TraceMethod>(others[0] ?? 'poison');
  const sameSeeds = (list ?? []).filter(
    (t) => t.id !== report.id && t.direction === report.direction && t.seeds.join() === report.seeds.join(),
  );
  return (
    <div className="trace-compare-bar" role="group" aria-label="Compare methods">
      <span className="field-label">Side by side</span>
      <select
        className="input"
        aria-label="Method to compare with"
        value={method}
        onChange={(event) => setMethod(event.target.value as TraceMethod)}
      >
        {others.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
      <button type="button" className="button" disabled={busy} onClick={() => void run(method)}>
        Run beside
      </button>
      {sameSeeds.length > 0 && (
        <select
          className="input"
          aria-label="Stored trace to compare with"
          value=""
          onChange={(event) => void pick(Number(event.target.value))}
        >
          <option value="">Or pick a stored trace…</option>
          {sameSeeds.map((t) => (
            <option key={t.id} value={t.id}>
              #{t.id} {t.method}
            </option>
          ))}
        </select>
      )}
      {compare && (
        <button type="button" className="button" onClick={closeCompare}>
          Close comparison
        </button>
      )}
    </div>
  );
}

function Endpoints({ report }: { report: TraceReport }) {
  const name = useNamer();
  const amount = useAmount();
  const active = useApp((s) => s.tracePath);
  const showPath = useApp((s) => s.showTracePath);
  const seeded = new Map(report.totals.map((t) => [t.asset, t.seeded]));
  const title = report.direction === 'backward' ? 'Sources' : 'Endpoints';
  if (report.endpoints.length === 0) return <p className="muted">No endpoint was reached.</p>;
  return (
    <section aria-label={title}>
      <h4 className="field-label">{title}</h4>
      <table className="flows-table trace-table" aria-label={`${title} of the trace`}>
        <thead>
          <tr>
            <th>Entity</th>
            <th>Juris.</th>
            <th className="num">Tainted</th>
            <th className="num">USD</th>
            <th className="num" title="Share of the amount seeded in this asset">
              Of seeded
            </th>
          </tr>
        </thead>
        <tbody>
          {report.endpoints.map((e, i) => (
            <Fragment key={`${e.entity}|${e.asset}`}>
              <tr>
                <td title={e.entity}>{name(e.entity)}</td>
                <td>{e.jurisdiction ?? '—'}</td>
                <td className="num">{amount(e.tainted, e.asset)}</td>
                <td className="num">{e.usd ? formatUsd(e.usd) : '—'}</td>
                <td className="num" title="Of the amount seeded in this asset">
                  {sharePercent(e.tainted, seeded.get(e.asset))}
                </td>
              </tr>
              <tr className="trace-paths-row">
                <td colSpan={5}>
                  {e.paths.map((p, j) => {
                    const on = active?.endpoint === i && active.path === j;
                    return (
                      <button
                        key={j}
                        type="button"
                        className={on ? 'button button-primary trace-path' : 'button trace-path'}
                        aria-pressed={on}
                        onClick={() => showPath(i, j)}
                      >
                        Path {j + 1} · {plural(p.hops.length, 'hop', 'hops')} · {amount(p.taint, e.asset)}
                      </button>
                    );
                  })}
                  {active?.endpoint === i && e.paths[active.path] && (
                    <ol className="path-hops" aria-label="Hops of the traced path shown">
                      {e.paths[active.path]?.hops.map((h) => (
                        <li key={`${h.tx}|${h.from}|${h.to}`} title={h.tx}>
                          {name(h.from)} → {name(h.to)} <span className="muted">· {amount(h.amount, e.asset)}</span>
                        </li>
                      ))}
                    </ol>
                  )}
                </td>
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Jurisdictions({ report }: { report: TraceReport }) {
  const amount = useAmount();
  if (report.totalsByJurisdiction.length === 0) return null;
  return (
    <section aria-label="Totals by jurisdiction">
      <h4 className="field-label">Totals by jurisdiction</h4>
      <table className="flows-table trace-table" aria-label="Totals by jurisdiction">
        <thead>
          <tr>
            <th>Jurisdiction</th>
            <th className="num">Tainted</th>
            <th className="num">USD</th>
          </tr>
        </thead>
        <tbody>
          {report.totalsByJurisdiction.map((t) => (
            <tr key={t.jurisdiction ?? ''}>
              <td>{t.jurisdiction ?? 'unknown'}</td>
              <td className="num">
                {t.amounts.map((a) => (
                  <div key={a.asset}>{amount(a.tainted, a.asset)}</div>
                ))}
              </td>
              <td className="num">{t.usd ? formatUsd(t.usd) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Unaccounted({ report }: { report: TraceReport }) {
  const amount = useAmount();
  return (
    <section aria-label="Unaccounted">
      <h4 className="field-label">Unaccounted</h4>
      <table className="flows-table trace-table" aria-label="Unaccounted taint">
        <tbody>
          {report.unaccounted.flatMap((u) =>
            UNACCOUNTED_KINDS.map(([kind, label]) => (
              <tr key={`${u.asset}|${kind}`}>
                <td>{label}</td>
                <td className="num">{amount(u[kind], u.asset)}</td>
              </tr>
            )),
          )}
          {report.totals.map((t) => (
            <tr key={`seeded|${t.asset}`} className="trace-total">
              <td>Seeded · reached endpoints</td>
              <td className="num">
                {amount(t.seeded, t.asset)} · {amount(t.endpoints, t.asset)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Two results side by side: each figure under each method, with the difference where they disagree. */
function Comparison({ a, b }: { a: TraceReport; b: TraceReport }) {
  const name = useNamer();
  const decimals = useApp((s) => s.traceDecimals);
  const amount = useAmount();
  const sections: [string, (r: TraceReport) => Figure[], boolean][] = [
    [a.direction === 'backward' ? 'Sources' : 'Endpoints', endpointFigures, true],
    ['Totals by jurisdiction', jurisdictionFigures, false],
    ['Unaccounted', unaccountedFigures, false],
  ];
  return (
    <section aria-label="Comparison">
      {sections.map(([title, figures, named]) => (
        <div key={title}>
          <h4 className="field-label">{title}</h4>
          <table className="flows-table trace-table trace-compare" aria-label={`${title} by method`}>
            <thead>
              <tr>
                <th />
                <th className="num">{methodHeading(a)}</th>
                <th className="num">{methodHeading(b)}</th>
                <th className="num">Difference</th>
              </tr>
            </thead>
            <tbody>
              {compareFigures(figures(a), figures(b)).map((row) => (
                <tr key={`${row.key}|${row.asset}`} className={row.delta === '0' ? '' : 'trace-differs-row'}>
                  <td title={row.key}>{named ? name(row.key) : row.key}</td>
                  <td className="num">{row.a === null ? '—' : amount(row.a, row.asset)}</td>
                  <td className="num">{row.b === null ? '—' : amount(row.b, row.asset)}</td>
                  <td className="num">{formatDelta(row.delta, row.asset, decimals[row.asset])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

function methodHeading(report: TraceReport): string {
  return report.id !== undefined ? `${report.method} #${report.id}` : report.method;
}

const ADDRESS_COLUMNS = [
  { id: 'address', title: 'Address' },
  { id: 'tainted', title: 'Tainted', numeric: true },
  { id: 'share', title: 'Tainted share', numeric: true },
  { id: 'hops', title: 'Hops', numeric: true },
] as const;
const ROW_HEIGHT = 30;
const VISIBLE_ROWS = 8;

function ReachedAddresses({ report }: { report: TraceReport }) {
  const focus = useApp((s) => s.focusGraph);
  const rows = report.addresses;
  const height = HEADER_HEIGHT + Math.min(rows.length, VISIBLE_ROWS) * ROW_HEIGHT + 2;
  return (
    <section aria-label="Reached addresses">
      <h4 className="field-label">Reached addresses ({formatCount(rows.length)})</h4>
      <div className="transfers-frame" style={{ height }}>
        <VirtualTable
          label="Reached addresses"
          className="trace-address-table"
          idPrefix="trace-address"
          columns={ADDRESS_COLUMNS}
          rowCount={rows.length}
          rowHeight={ROW_HEIGHT}
          resetKey={String(report.id ?? report.seeds.join())}
          onActivate={(i) => {
            const row = rows[i];
            if (row) focus([row.address]);
          }}
          renderCells={(i) => <AddressCells report={report} index={i} />}
        />
      </div>
    </section>
  );
}

const AddressCells = memo(function AddressCells({ report, index }: { report: TraceReport; index: number }) {
  const name = useNamer();
  const amount = useAmount();
  const row = report.addresses[index];
  if (!row) return null;
  return (
    <>
      <div role="gridcell" title={row.address}>
        {name(row.address)}
      </div>
      <div role="gridcell" className="vtable-num">
        {amount(row.tainted, row.asset)}
      </div>
      <div role="gridcell" className="vtable-num">
        {row.share === null ? '—' : decimalPercent(row.share)}
      </div>
      <div role="gridcell" className="vtable-num">
        {row.hops}
      </div>
    </>
  );
});
