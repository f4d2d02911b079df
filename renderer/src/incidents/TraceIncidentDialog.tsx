import { useId, useState, type FormEvent } from 'react';
import type { Incident } from '../../../db/api/contract';
import { Dialog } from '../components/Dialog';
import { FormField } from '../components/FormField';
import { useApp } from '../store/context';
import { isIncidentTraceBusy, type IncidentTraceMethod } from '../store/incidentsSlice';

const METHODS: readonly IncidentTraceMethod[] = ['haircut', 'poison', 'fifo'];

/**
 * Traces an incident's stolen funds forward from its theft transactions, stores the trace in the case and links
 * it to the incident. The run goes on in the engine; the tab shows its progress and can cancel it.
 */
export function TraceIncidentDialog({ target }: { target: Incident }) {
  const trace = useApp((s) => s.traceIncident);
  const cancel = useApp((s) => s.cancelIncidentTrace);
  const run = useApp((s) => s.incidentTrace);
  const closeDialog = useApp((s) => s.closeDialog);
  const [method, setMethod] = useState<IncidentTraceMethod>('haircut');
  const [hops, setHops] = useState('6');
  const [stopAt, setStopAt] = useState('exchange');
  const [failure, setFailure] = useState<string | null>(null);
  const id = useId();
  const busy = isIncidentTraceBusy(run) && run?.incidentId === target.id;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const result = await trace(target.id, {
      method,
      hops: Number(hops),
      stopAt: stopAt
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    });
    if (result.ok) closeDialog();
    else setFailure(result.message);
  }

  return (
    <Dialog title={`Trace incident #${target.id}`} onClose={() => (busy ? cancel() : closeDialog())}>
      <form className="case-form" noValidate onSubmit={submit} aria-busy={busy}>
        <p className="muted">
          Forward from its {target.txs.length === 1 ? 'theft transaction' : `${target.txs.length} theft transactions`};
          the trace is saved in the case and linked to the incident.
        </p>
        {failure && (
          <div className="alert alert-error" role="alert">
            {failure}
          </div>
        )}
        <div className="form-row form-row-3">
          <FormField id={`${id}-method`} label="Method">
            {(props) => (
              <select {...props} value={method} onChange={(e) => setMethod(e.target.value as IncidentTraceMethod)}>
                {METHODS.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id={`${id}-hops`} label="Hops">
            {(props) => (
              <input
                {...props}
                type="number"
                min={0}
                max={100}
                value={hops}
                onChange={(e) => setHops(e.target.value)}
              />
            )}
          </FormField>
          <FormField id={`${id}-stop`} label="Stop at" hint="Kinds or categories">
            {(props) => (
              <input
                {...props}
                type="text"
                value={stopAt}
                spellCheck={false}
                onChange={(e) => setStopAt(e.target.value)}
              />
            )}
          </FormField>
        </div>
        {busy && (
          <p role="status" className="muted">
            {run?.phase === 'cancelling' ? 'Cancelling…' : 'Tracing…'}
          </p>
        )}
        <div className="dialog-actions">
          {busy ? (
            <button type="button" className="button" onClick={cancel} disabled={run?.phase === 'cancelling'}>
              Cancel trace
            </button>
          ) : (
            <button type="button" className="button" onClick={closeDialog}>
              Cancel
            </button>
          )}
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Tracing…' : 'Trace'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
