import { useEffect, type KeyboardEvent } from 'react';
import type { Incident } from '../../../db/api/contract';
import { Icon } from '../components/Icon';
import { formatUnits, formatUsdRounded, plural } from '../lib/format';
import { formatAbsolute } from '../lib/time';
import { useApp } from '../store/context';
import { isIncidentTraceBusy, selectedIncident } from '../store/incidentsSlice';

/** A case's thefts: who lost what and when, what it was worth, who it is attributed to and the trace behind it. */
export function IncidentsTab({ caseId }: { caseId: number }) {
  const load = useApp((s) => s.loadIncidents);
  const incidents = useApp((s) => (s.incidentCaseId === caseId ? s.incidents : null));
  const error = useApp((s) => s.incidentsError);
  const selected = useApp(selectedIncident);
  const openDialog = useApp((s) => s.openDialog);
  const openImport = useApp((s) => s.openImport);
  const loadReference = useApp((s) => s.loadReference);
  const loadTraces = useApp((s) => s.loadTraces);

  useEffect(() => {
    void load(caseId);
    void loadReference();
    // The stored traces name each linked trace's method.
    void loadTraces(caseId);
  }, [caseId, load, loadReference, loadTraces]);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select')) return;
    if (event.key === 'Delete' && selected) {
      event.preventDefault();
      openDialog('incident-delete');
    } else if (event.key.toLowerCase() === 'n' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      openDialog('incident-create');
    }
  }

  return (
    <section className="incidents-tab" aria-label="Incidents" onKeyDown={onKeyDown}>
      <div className="incidents-toolbar">
        <button type="button" className="button button-primary" onClick={() => openDialog('incident-create')}>
          <Icon name="plus" /> New incident
        </button>
        <button
          type="button"
          className="button"
          onClick={() => openImport([], { format: 'incidents-csv', caseId })}
          title="Import incidents from a CSV file into this case"
        >
          <Icon name="upload" /> Import CSV…
        </button>
        <div className="incidents-selection" role="group" aria-label="Selected incident">
          <button type="button" className="button" disabled={!selected} onClick={() => openDialog('incident-edit')}>
            <Icon name="edit" /> Edit
          </button>
          <button
            type="button"
            className="button"
            disabled={!selected}
            onClick={() => openDialog('incident-attribute')}
          >
            Attribute…
          </button>
          <button type="button" className="button" disabled={!selected} onClick={() => openDialog('incident-trace')}>
            Trace this incident…
          </button>
          <button
            type="button"
            className="button button-danger-quiet"
            disabled={!selected}
            onClick={() => openDialog('incident-delete')}
          >
            <Icon name="trash" /> Delete
          </button>
        </div>
      </div>
      <TraceStatus />
      {error && (
        <div className="alert alert-error" role="alert">
          Could not load the incidents: {error}
        </div>
      )}
      {incidents === null && !error && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {incidents !== null && incidents.length === 0 && (
        <p className="muted">
          No incidents yet. Record each theft with New incident (or import a CSV of them): the victim, when, what and
          how much was taken, and the theft transactions the funds left in.
        </p>
      )}
      {incidents !== null && incidents.length > 0 && <IncidentTable incidents={incidents} />}
    </section>
  );
}

function TraceStatus() {
  const run = useApp((s) => s.incidentTrace);
  const cancel = useApp((s) => s.cancelIncidentTrace);
  if (!run || run.phase === 'done') return null;
  if (isIncidentTraceBusy(run))
    return (
      <div className="alert alert-info incidents-trace-status" role="status">
        {run.phase === 'cancelling' ? 'Cancelling…' : `Tracing incident #${run.incidentId}…`}
        <button type="button" className="button" onClick={cancel} disabled={run.phase === 'cancelling'}>
          Cancel
        </button>
      </div>
    );
  if (run.phase === 'failed')
    return (
      <div className="alert alert-error" role="alert">
        The trace of incident #{run.incidentId} failed: {run.error}
      </div>
    );
  return (
    <p className="muted" role="status">
      The trace of incident #{run.incidentId} was cancelled; it was not linked to the incident.
    </p>
  );
}

function IncidentTable({ incidents }: { incidents: readonly Incident[] }) {
  const selected = useApp((s) => s.incidentSelected);
  const select = useApp((s) => s.selectIncident);
  const reference = useApp((s) => s.reference);
  const countryName = (code: string) => reference?.countries.find((c) => c.code === code)?.name ?? code;
  return (
    <div className="incidents-table-wrap">
      <table className="incidents-table" aria-label="Incidents of the case">
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Title</th>
            <th scope="col">Victim</th>
            <th scope="col">Jurisdiction</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col" className="num">
              USD
            </th>
            <th scope="col">Attributed to</th>
            <th scope="col">Trace</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => (
            <tr
              key={i.id}
              aria-selected={i.id === selected}
              className={i.id === selected ? 'selected' : undefined}
              tabIndex={0}
              onClick={() => select(i.id)}
              onFocus={() => select(i.id)}
            >
              <td className="nowrap" title={i.time}>
                {i.time.slice(0, 10)}
                <br />
                <span className="muted">{i.time.slice(11, 19)}</span>
              </td>
              <td>{i.title || <span className="muted">—</span>}</td>
              <td>{i.victim.label}</td>
              <td title={i.jurisdiction ? countryName(i.jurisdiction) : undefined}>
                {i.jurisdiction ?? <span className="muted">unknown</span>}
              </td>
              <td className="num" title={`${i.amount} base units`}>
                {formatUnits(i.amount, i.asset.decimals, i.asset.decimals)} {i.asset.symbol}
              </td>
              <td className="num">
                <UsdCell incident={i} />
              </td>
              <td>
                {i.actors.length === 0 ? (
                  <span className="muted">none directly</span>
                ) : (
                  <ul className="plain-list">
                    {i.actors.map((a) => (
                      <li key={a.actor.id} title={`${a.source} (${a.confidence})`}>
                        {a.actor.label}
                        <br />
                        <span className="muted">
                          {a.confidence} ({a.confidenceLevel})
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                <TraceCell incident={i} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted incidents-foot">
        {plural(incidents.length, 'incident', 'incidents')}. USD is shown rounded to the cent (half-up); the exact
        figure is kept. Amounts are exact.
      </p>
    </div>
  );
}

function UsdCell({ incident }: { incident: Incident }) {
  if (incident.usd === null || incident.usdBasis === 'none')
    return <span className="usd-marker usd-none">no price</span>;
  return (
    <span title={`${incident.usd} USD exactly`}>
      {formatUsdRounded(incident.usd)}
      {incident.usdBasis === 'typed' && <span className="usd-marker usd-typed">typed</span>}
    </span>
  );
}

function TraceCell({ incident }: { incident: Incident }) {
  const setTab = useApp((s) => s.setCaseTab);
  const openTrace = useApp((s) => s.openTrace);
  const loadTraces = useApp((s) => s.loadTraces);
  const setGraphTab = useApp((s) => s.setGraphTab);
  const stored = useApp((s) => s.traceList?.find((t) => t.id === incident.traceId) ?? null);
  if (incident.traceId === null) return <span className="muted">none</span>;
  const id = incident.traceId;
  return (
    <>
      <button
        type="button"
        className="link-button"
        title="Show it on the case graph (Graph tab, Trace panel)"
        onClick={async (e) => {
          e.stopPropagation();
          // The trace state belongs to one case: make it this one before showing the trace, then open the graph.
          await loadTraces(incident.caseId);
          await openTrace(id);
          setGraphTab('trace');
          setTab('graph');
        }}
      >
        Trace #{id}
      </button>
      {stored && (
        <>
          <br />
          <span className="muted">{stored.method}</span>
        </>
      )}
    </>
  );
}

/** When a theft happened, for dialogs: the stored UTC time in the reader's words. */
export function incidentWhen(incident: Incident): string {
  return formatAbsolute(incident.time);
}
