import type { AttributionBasis, LossSummary, SummaryIncident } from '../../../db/api/contract';
import { formatUnits, formatUsd, plural } from '../lib/format';
import { decimalPercent, formatTraced } from '../lib/traceModel';
import { useApp } from '../store/context';
import type { SummaryPick } from '../store/summarySlice';
import { Icon } from './Icon';

/** Incidents behind a figure, or for cash-out the entities and the traces that reached them. */
export function SummaryDetails({ summary, pick }: { summary: LossSummary; pick: SummaryPick }) {
  const close = useApp((s) => s.pickSummary);
  const { heading, body } = content(summary, pick);
  return (
    <aside className="summary-details" aria-label={heading}>
      <div className="summary-details-head">
        <h3>{heading}</h3>
        <button type="button" className="icon-button" aria-label="Close details" onClick={() => close(null)}>
          <Icon name="close" />
        </button>
      </div>
      {body}
    </aside>
  );
}

const place = (code: string | null, name: string | null) =>
  code === null ? 'Unknown jurisdiction' : `${name ?? code} (${code})`;

function content(summary: LossSummary, pick: SummaryPick) {
  if (pick.kind === 'cashout') {
    const row = summary.cashout.find((c) => c.code === pick.code);
    return {
      heading: `Cash-out: ${place(pick.code, row?.name ?? null)}`,
      body:
        row === undefined ? (
          <p className="summary-muted">Nothing reached this jurisdiction.</p>
        ) : (
          <>
            <p className="summary-details-figure">
              {formatUsd(row.usd)}
              {row.incomplete && <span className="summary-flag">incomplete: some amounts had no price</span>}
            </p>
            <ul className="summary-list">
              {row.entities.map((e) => (
                <li key={e.entity} className="summary-item">
                  <div className="summary-item-head">
                    <span className="summary-item-title">{e.entity}</span>
                    <span className="summary-amount">{formatUsd(e.usd)}</span>
                  </div>
                  <div className="summary-muted">
                    {e.traceIds.length === 1 ? 'Trace' : 'Traces'} {e.traceIds.map((t) => `#${t}`).join(', ')}
                  </div>
                </li>
              ))}
            </ul>
          </>
        ),
    };
  }
  const incidents =
    pick.kind === 'year'
      ? summary.basis.filter((i) => i.year === pick.year)
      : summary.basis.filter((i) => i.jurisdiction === pick.code);
  let heading: string;
  let figure: string;
  if (pick.kind === 'year') {
    const row = summary.years.find((y) => y.year === pick.year);
    heading = `Year ${pick.year}`;
    figure = formatUsd(row?.usd ?? '0.00');
  } else {
    const row = summary.jurisdictions.find((j) => j.code === pick.code);
    heading = place(pick.code, row?.name ?? null);
    figure = `${formatUsd(row?.usd ?? '0.00')} · ${decimalPercent(row?.share ?? '0.0000')} of the total`;
  }
  return {
    heading,
    body: (
      <>
        <p className="summary-details-figure">
          {figure} · {plural(incidents.length, 'incident', 'incidents')}
        </p>
        <ul className="summary-list" aria-label="Incidents">
          {incidents.map((i) => (
            <IncidentItem key={i.id} incident={i} />
          ))}
        </ul>
      </>
    ),
  };
}

function IncidentItem({ incident: i }: { incident: SummaryIncident }) {
  return (
    <li className="summary-item">
      <div className="summary-item-head">
        <span className="summary-item-title">{i.title || i.victim}</span>
        <span className="summary-amount">
          {i.usd === null ? 'no USD value' : formatUsd(i.usd)}
          {i.usdBasis === 'typed' && <span className="summary-flag">typed</span>}
        </span>
      </div>
      <div className="summary-muted">
        {i.victim} · {i.jurisdiction ?? 'jurisdiction unknown'} · {i.time.slice(0, 10)} ·{' '}
        {formatUnits(i.amount, i.decimals)} {i.asset} · case #{i.caseId}
      </div>
      <ul className="summary-bases" aria-label="Attribution">
        {i.attribution.map((b, n) => (
          <BasisItem key={n} basis={b} />
        ))}
      </ul>
    </li>
  );
}

function BasisItem({ basis: b }: { basis: AttributionBasis }) {
  if (b.basis === 'direct') {
    return (
      <li className="summary-basis">
        <span className="summary-basis-kind">Direct</span> {b.source}{' '}
        <span className="summary-muted">
          ({b.confidence}, level {b.level})
        </span>
      </li>
    );
  }
  return (
    <li className="summary-basis">
      <span className="summary-basis-kind">Trace #{b.traceId}</span>{' '}
      <span className="summary-muted">
        {b.method}, {b.direction}; reached {plural(b.addresses.length, 'actor address', 'actor addresses')}:
      </span>
      <ul className="summary-reached">
        {b.addresses.map((a) => (
          <li key={`${a.address} ${a.asset}`}>
            <span className="mono" title={a.address}>
              {a.address}
            </span>{' '}
            <span className="summary-muted">
              {formatTraced(a.tainted, a.asset, a.decimals ?? undefined)} · {a.tag.label}, {a.tag.source},{' '}
              {a.tag.confidence} (level {a.tag.level})
            </span>
          </li>
        ))}
      </ul>
      <div className="summary-muted summary-sha" title="SHA-256 of the stored trace report">
        report SHA-256 {b.sha256}
      </div>
    </li>
  );
}
