import { useEffect, useMemo, useState } from 'react';
import { plural } from '../lib/format';
import { nodeTitle } from '../lib/graphModel';
import { STOP_KINDS, TRACE_METHODS, type TraceForm, type TraceMethod } from '../lib/traceModel';
import { formatAbsolute } from '../lib/time';
import { useApp } from '../store/context';
import { isTraceBusy } from '../store/traceSlice';
import { TraceResults } from './TraceResults';

/** The Trace tab: parameters, the running job, the result and the case's stored traces. */
export function TracePanel() {
  const caseId = useApp((s) => s.graph?.caseId ?? null);
  const load = useApp((s) => s.loadTraces);
  const shown = useApp((s) => s.traceShown !== null);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    if (caseId !== null) void load(caseId);
  }, [load, caseId]);

  return (
    <div className="details-body trace-panel">
      <TraceRunStatus />
      {shown && !editing ? (
        <TraceResults onEdit={() => setEditing(true)} />
      ) : (
        <TraceFormView onRan={() => setEditing(false)} onBack={shown ? () => setEditing(false) : null} />
      )}
      <StoredTraces onOpen={() => setEditing(false)} />
    </div>
  );
}

function TraceRunStatus() {
  const run = useApp((s) => s.traceRun);
  const cancel = useApp((s) => s.cancelTrace);
  if (isTraceBusy(run.phase))
    return (
      <div className="trace-status" role="status">
        <span className="spinner" aria-hidden="true" />
        {run.phase === 'cancelling' ? 'Cancelling…' : `${run.label}…`}
        <button type="button" className="button" onClick={cancel} disabled={run.phase === 'cancelling'}>
          Cancel
        </button>
      </div>
    );
  if (run.phase === 'cancelled')
    return (
      <p className="muted" role="status">
        {run.label}: cancelled; nothing was saved.
      </p>
    );
  if (run.phase === 'failed')
    return (
      <p className="alert alert-error" role="alert">
        {run.label} failed: {run.error}
      </p>
    );
  return null;
}

function TraceFormView({ onRan, onBack }: { onRan(): void; onBack: (() => void) | null }) {
  const form = useApp((s) => s.traceForm);
  const nodes = useApp((s) => s.graph?.nodes);
  const selected = useApp((s) => s.graphSelection.nodes.length);
  const busy = useApp((s) => isTraceBusy(s.traceRun.phase));
  const setForm = useApp((s) => s.setTraceForm);
  const seedFromSelection = useApp((s) => s.seedFromSelection);
  const excludeSelection = useApp((s) => s.excludeSelection);
  const runTrace = useApp((s) => s.runTrace);
  const edges = useApp((s) => s.graph?.edges);
  const assetNames = useMemo(() => [...new Set(Object.values(edges ?? {}).map((e) => e.asset.symbol))].sort(), [edges]);
  const title = (id: string) => (nodes?.[id] ? nodeTitle(nodes[id]) : id);
  const ready = form.seeds.length > 0 || form.txs.trim() !== '';

  function toggleStop(kind: string, on: boolean) {
    setForm({ stopAt: on ? [...form.stopAt, kind] : form.stopAt.filter((k) => k !== kind) });
  }

  return (
    <form
      className="trace-form"
      aria-label="Trace parameters"
      onSubmit={(event) => {
        event.preventDefault();
        void runTrace().then(onRan);
      }}
    >
      <fieldset>
        <legend className="field-label">Seeds</legend>
        {form.seeds.length === 0 && <p className="muted">Select address nodes on the graph, then use them.</p>}
        <ul className="trace-seeds">
          {form.seeds.map((seed, i) => (
            <li key={seed.address}>
              <span className="trace-seed-name" title={seed.address}>
                {title(seed.address)}
              </span>
              <input
                className="input"
                aria-label={`Tainted from (ISO time) for ${title(seed.address)}`}
                placeholder="from (optional)"
                value={seed.time}
                onChange={(event) =>
                  setForm({ seeds: form.seeds.map((s, j) => (j === i ? { ...s, time: event.target.value } : s)) })
                }
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove seed ${title(seed.address)}`}
                onClick={() => setForm({ seeds: form.seeds.filter((_, j) => j !== i) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="button" disabled={selected === 0} onClick={seedFromSelection}>
          Use selected
        </button>
      </fieldset>
      <label className="trace-field">
        <span className="field-label">Theft transactions (CHAIN:TXHASH, one per line)</span>
        <textarea
          className="input"
          rows={2}
          value={form.txs}
          onChange={(event) => setForm({ txs: event.target.value })}
          spellCheck={false}
        />
      </label>
      <div className="path-options">
        <label>
          Direction
          <select
            className="input"
            value={form.direction}
            onChange={(event) => setForm({ direction: event.target.value as TraceForm['direction'] })}
          >
            <option value="forward">Forward</option>
            <option value="backward">Backward</option>
          </select>
        </label>
        <label>
          Method
          <select
            className="input"
            value={form.method}
            onChange={(event) => setForm({ method: event.target.value as TraceMethod })}
          >
            {TRACE_METHODS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label>
          Hops
          <input
            className="input"
            type="number"
            min={0}
            max={100}
            value={form.hops}
            onChange={(event) => setForm({ hops: clampHops(event.target.valueAsNumber) })}
          />
        </label>
        <label className="trace-wide">
          Assets (blank: all the seeds hold)
          <input
            className="input"
            list="trace-asset-names"
            placeholder="e.g. ETH, USDT"
            value={form.assets}
            onChange={(event) => setForm({ assets: event.target.value })}
            spellCheck={false}
          />
          <datalist id="trace-asset-names">
            {assetNames.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </label>
        <label className="trace-wide">
          Minimum (base units)
          <input
            className="input"
            inputMode="numeric"
            pattern="\d*"
            value={form.minAmount}
            onChange={(event) => setForm({ minAmount: event.target.value.replace(/\D/g, '') })}
          />
        </label>
      </div>
      <fieldset className="trace-stops">
        <legend className="field-label">Stop at</legend>
        {STOP_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              checked={form.stopAt.includes(kind)}
              onChange={(event) => toggleStop(kind, event.target.checked)}
            />
            {kind}
          </label>
        ))}
        <label className="check">
          <input
            type="checkbox"
            checked={form.actorEndpoints}
            onChange={(event) => setForm({ actorEndpoints: event.target.checked })}
          />
          actor-tagged addresses
        </label>
      </fieldset>
      <div className="path-exclude">
        <span className="field-label">Excluded</span>
        {form.exclude.length === 0 && <span className="muted">None</span>}
        {form.exclude.map((id) => (
          <span key={id} className="flag-chip">
            {title(id)}
            <button
              type="button"
              className="icon-button"
              aria-label={`Stop excluding ${title(id)}`}
              onClick={() => setForm({ exclude: form.exclude.filter((x) => x !== id) })}
            >
              ×
            </button>
          </span>
        ))}
        <button type="button" className="button" disabled={selected === 0} onClick={excludeSelection}>
          Exclude selected
        </button>
      </div>
      <div className="path-options">
        <label className="trace-wide">
          From (UTC, ISO)
          <input
            className="input"
            placeholder="2022-03-23T00:00:00Z"
            value={form.from}
            onChange={(event) => setForm({ from: event.target.value })}
          />
        </label>
        <label className="trace-wide">
          To (UTC, ISO)
          <input className="input" value={form.to} onChange={(event) => setForm({ to: event.target.value })} />
        </label>
      </div>
      <div className="graph-actions">
        <button type="submit" className="button button-primary" disabled={!ready || busy}>
          Run trace
        </button>
        {onBack && (
          <button type="button" className="button" onClick={onBack}>
            Back to the result
          </button>
        )}
      </div>
      <p className="muted trace-note">The trace is saved to the case with its parameters, so it can be re-run.</p>
    </form>
  );
}

function StoredTraces({ onOpen }: { onOpen(): void }) {
  const list = useApp((s) => s.traceList);
  const error = useApp((s) => s.traceListError);
  const shownId = useApp((s) => s.traceShown?.id ?? null);
  const open = useApp((s) => s.openTrace);
  if (error) return <p className="alert alert-error">Could not list the stored traces: {error}</p>;
  if (!list) return null;
  return (
    <section className="trace-stored" aria-label="Stored traces">
      <h4 className="field-label">Stored traces of this case ({list.length})</h4>
      {list.length === 0 && <p className="muted">None yet.</p>}
      <ul>
        {list.map((t) => (
          <li key={t.id}>
            <button
              type="button"
              className={t.id === shownId ? 'path-hop active' : 'path-hop'}
              aria-current={t.id === shownId}
              onClick={() => void open(t.id).then(onOpen)}
            >
              #{t.id} · {t.method} {t.direction} · {plural(t.seeds.length, 'seed', 'seeds')}
              <span className="muted"> · {formatAbsolute(t.createdAt)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function clampHops(value: number): number {
  return Number.isFinite(value) ? Math.min(100, Math.max(0, Math.round(value))) : 6;
}
