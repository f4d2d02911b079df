import { useId, useState, type FormEvent } from 'react';
import type { Case, ReportSection } from '../../../db/api/contract';
import { useApp } from '../store/context';
import { CopyButton } from './CopyButton';
import { Dialog } from './Dialog';

/** The contract's REPORT_SECTIONS with their titles in the report (the renderer imports only types from db/). */
const SECTIONS: { key: ReportSection; label: string }[] = [
  { key: 'summary', label: 'Executive summary and losses' },
  { key: 'incidents', label: 'Incidents' },
  { key: 'cashout', label: 'Cash-out exposure' },
  { key: 'graph', label: 'Fund-flow graph' },
  { key: 'traces', label: 'Traces and paths' },
  { key: 'addresses', label: 'Addresses and attribution' },
  { key: 'notes', label: 'Annotations and notes' },
  { key: 'methodology', label: 'Methodology and sources' },
  { key: 'transfers', label: 'Appendix: transfers' },
];

const STAGES = { model: 'Reading the case…', print: 'Printing with Chromium…', write: 'Writing the files…' } as const;

/** An absolute path on Linux/macOS (/…) or Windows (C:\… or \\server\…): the engine writes where it runs. */
const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

export function ReportDialog({ target }: { target: Case }) {
  const run = useApp((s) => s.reportRun);
  const exportReport = useApp((s) => s.exportReport);
  const cancel = useApp((s) => s.cancelReport);
  const reset = useApp((s) => s.resetReport);
  const closeDialog = useApp((s) => s.closeDialog);
  const id = useId();
  const [out, setOut] = useState('');
  const [minConfidence, setMinConfidence] = useState('50');
  const [method, setMethod] = useState<'' | 'poison' | 'haircut' | 'fifo'>('');
  const [redact, setRedact] = useState(false);
  const [sections, setSections] = useState<ReportSection[]>(SECTIONS.map((s) => s.key));
  const [problem, setProblem] = useState<string | null>(null);
  const running = run.phase === 'running';

  function close() {
    if (running) return;
    reset();
    closeDialog();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const level = Number(minConfidence);
    if (!ABSOLUTE.test(out.trim()))
      return setProblem('Give the full path of the PDF to write, e.g. /home/me/report.pdf');
    if (!/^\d{1,3}$/.test(minConfidence) || level > 100)
      return setProblem('The minimum confidence is a whole number from 0 to 100.');
    if (sections.length === 0) return setProblem('Choose at least one section.');
    setProblem(null);
    void exportReport({
      caseId: target.id,
      out: out.trim(),
      minConfidence: level,
      redact,
      sections,
      ...(method ? { method } : {}),
    });
  }

  return (
    <Dialog title="Export report" onClose={close}>
      {run.phase === 'done' && run.result ? (
        <div className="dialog-body" data-testid="report-done">
          <p>
            Wrote <strong>{run.result.pages}</strong> pages to
          </p>
          <p className="report-path">
            <code>{run.result.file}</code> <CopyButton value={run.result.file} what="path" />
          </p>
          <p className="muted">
            Manifest: <code>{run.result.manifestFile}</code>
          </p>
          <p className="muted">
            PDF SHA-256: <code>{run.result.sha256}</code>
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={reset}>
              Export another
            </button>
            <button type="button" className="button button-primary" onClick={close} autoFocus>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form className="dialog-body" onSubmit={submit} noValidate>
          <p className="muted">
            A PDF of <strong>{target.title}</strong> for court: losses per jurisdiction, incidents, the graph, the
            traces, attributions, methodology and an integrity manifest (also written beside it as JSON).
          </p>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-out`}>
              Save as (a path on the computer running Ariadne)
            </label>
            <input
              id={`${id}-out`}
              className="input"
              type="text"
              value={out}
              placeholder="/home/me/reports/case-report.pdf"
              spellCheck={false}
              autoComplete="off"
              disabled={running}
              onChange={(e) => {
                setOut(e.target.value);
                setProblem(null);
              }}
            />
          </div>
          <div className="form-row">
            <div className="field">
              <label className="field-label" htmlFor={`${id}-confidence`}>
                Minimum confidence (0–100)
              </label>
              <input
                id={`${id}-confidence`}
                className="input"
                inputMode="numeric"
                value={minConfidence}
                disabled={running}
                onChange={(e) => setMinConfidence(e.target.value.replace(/\D/g, ''))}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-method`}>
                Traces
              </label>
              <select
                id={`${id}-method`}
                className="input"
                value={method}
                disabled={running}
                onChange={(e) => setMethod(e.target.value as typeof method)}
              >
                <option value="">Every stored trace</option>
                <option value="poison">Poison traces only</option>
                <option value="haircut">Haircut traces only</option>
                <option value="fifo">FIFO traces only</option>
              </select>
            </div>
          </div>
          <fieldset className="report-sections" disabled={running}>
            <legend className="field-label">Sections</legend>
            {SECTIONS.map((s) => (
              <label key={s.key} className="check">
                <input
                  type="checkbox"
                  checked={sections.includes(s.key)}
                  onChange={(e) =>
                    setSections((now) =>
                      e.target.checked
                        ? SECTIONS.map((x) => x.key).filter((k) => k === s.key || now.includes(k))
                        : now.filter((k) => k !== s.key),
                    )
                  }
                />
                {s.label}
              </label>
            ))}
          </fieldset>
          <label className="check">
            <input type="checkbox" checked={redact} disabled={running} onChange={(e) => setRedact(e.target.checked)} />
            Redact addresses (first 6 and last 4 characters)
          </label>
          {(problem ?? run.error) && (
            <div className="alert alert-error" role="alert">
              {problem ?? `The report was not written: ${run.error}`}
            </div>
          )}
          {run.phase === 'cancelled' && <p className="muted">Cancelled: nothing was written.</p>}
          <div className="dialog-actions">
            <span className="dialog-actions-note muted" role="status">
              {running ? (run.stage ? STAGES[run.stage] : 'Starting…') : ''}
            </span>
            {running ? (
              <button type="button" className="button" onClick={cancel}>
                Cancel export
              </button>
            ) : (
              <button type="button" className="button" onClick={close}>
                Close
              </button>
            )}
            <button type="submit" className="button button-primary" disabled={running}>
              Export PDF
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
