import { useId, useRef, type FormEvent, type KeyboardEvent } from 'react';
import type { Case, ImportBatchReport } from '../../../db/api/contract';
import { formatCount, plural } from '../lib/format';
import { modKeyLabel } from '../lib/platform';
import { isPasteBusy, type PasteRun } from '../store/caseAddressesSlice';
import { useApp } from '../store/context';
import { Dialog } from './Dialog';
import { ProblemTable } from './ProblemTable';
import { ProgressBar } from './ProgressBar';

export function AddAddressesDialog({ target }: { target: Case }) {
  const text = useApp((s) => s.pasteText);
  const setText = useApp((s) => s.setPasteText);
  const run = useApp((s) => s.pasteRun);
  const start = useApp((s) => s.startPaste);
  const cancel = useApp((s) => s.cancelPaste);
  const close = useApp((s) => s.closeAddAddresses);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const busy = isPasteBusy(run.phase);
  const lineCount = text === '' ? 0 : text.split(/\r?\n|\r/).length;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy && text.trim() !== '') void start();
  }

  /** Enter adds a line in the list, so Ctrl/Cmd+Enter is the way to submit from the keyboard. */
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  /** Puts the caret on a refused line, so fixing it starts where the report points. */
  function showLine(line: number) {
    const area = textRef.current;
    if (!area) return;
    const lines = area.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
    const end = start + (lines[line - 1]?.length ?? 0);
    area.focus();
    area.setSelectionRange(start, end);
  }

  return (
    // While the engine adds, Escape does nothing: stopping is a decision, made with the Cancel button.
    <Dialog title={`Add addresses to ${target.title}`} onClose={close} initialFocus={textRef} wide>
      <form className="paste-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-busy={busy}>
        <div className="field">
          <div className="field-label-row">
            <label className="field-label" htmlFor={`${id}-text`}>
              Addresses
            </label>
            <span className="field-hint">{modKeyLabel('Enter')} adds</span>
          </div>
          <textarea
            ref={textRef}
            id={`${id}-text`}
            className="paste-text"
            rows={9}
            value={text}
            readOnly={busy}
            spellCheck={false}
            autoComplete="off"
            wrap="off"
            aria-describedby={`${id}-hint`}
            placeholder={'BTC:134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak\nETH:0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045'}
            onChange={(e) => setText(e.target.value)}
          />
          <p id={`${id}-hint`} className="paste-hint">
            One <code>CHAIN:ADDRESS</code> per line, for example <code>BTC:134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak</code>.
            Blank lines and lines starting with <code>#</code> are ignored. Each address is checked against its chain’s
            rules; refused lines are listed with their line number and stay here to be fixed.
          </p>
        </div>
        {busy && <PasteProgress run={run} />}
        {run.phase === 'done' && run.report && <PasteReport report={run.report} onShowLine={showLine} />}
        {run.phase === 'cancelled' && (
          <div className="alert alert-info" role="status">
            <strong>Cancelled.</strong> Nothing was added: the case is unchanged.
          </div>
        )}
        {run.phase === 'failed' && (
          <div className="alert alert-error" role="alert">
            <strong>The addresses were not added.</strong> {run.error}
          </div>
        )}
        <div className="dialog-actions">
          <span className="dialog-actions-note muted">{lineCount > 0 && plural(lineCount, 'line', 'lines')}</span>
          {busy ? (
            <button type="button" className="button" onClick={cancel} disabled={run.phase === 'cancelling'}>
              {run.phase === 'cancelling' ? 'Cancelling…' : 'Cancel'}
            </button>
          ) : (
            <button type="button" className="button" onClick={close}>
              Close
            </button>
          )}
          <button type="submit" className="button button-primary" disabled={busy || text.trim() === ''}>
            {busy ? 'Adding…' : 'Add'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function PasteProgress({ run }: { run: PasteRun }) {
  const { progress } = run;
  const percent =
    progress && progress.totalBytes > 0 ? Math.floor((progress.bytesRead / progress.totalBytes) * 100) : 0;
  return (
    <div className="paste-progress">
      <p className="paste-progress-title" aria-live="polite">
        {run.phase === 'cancelling'
          ? 'Cancelling…'
          : progress
            ? `Checking and adding… ${plural(progress.records, 'line', 'lines')} read`
            : 'Checking the addresses…'}
      </p>
      <ProgressBar label="Progress of adding the addresses" percent={progress ? percent : null} />
    </div>
  );
}

function PasteReport({ report, onShowLine }: { report: ImportBatchReport; onShowLine(line: number): void }) {
  return (
    <div className="paste-report">
      <dl className="paste-counts" aria-label="Result">
        <Count label="Added" value={report.inserted} tone={report.inserted > 0 ? 'good' : undefined} />
        <Count label="Already in the case" value={report.duplicates} />
        <Count label="Refused" value={report.rejected} tone={report.rejected > 0 ? 'bad' : undefined} />
      </dl>
      <p className="visually-hidden" role="status">
        {formatCount(report.inserted)} added, {formatCount(report.duplicates)} already in the case,{' '}
        {formatCount(report.rejected)} refused.
      </p>
      {report.failed.map((f, i) => (
        <div key={i} className="alert alert-error" role="alert">
          <strong>Nothing was added.</strong> {f.reason}
        </div>
      ))}
      {report.rejected > 0 && (
        <section className="report-section" aria-labelledby="paste-refused">
          <h3 id="paste-refused" className="section-title">
            Refused lines ({formatCount(report.rejected)})
          </h3>
          <ProblemTable
            label="Refused lines"
            problems={report.errors}
            onActivate={(p) => onShowLine(p.line)}
            visibleRows={6}
          />
          {report.errors.length < report.rejected && (
            <p className="muted">
              Listed: the first {formatCount(report.errors.length)} of {formatCount(report.rejected)}.
            </p>
          )}
        </section>
      )}
      {report.warnings.length > 0 && (
        <section className="report-section" aria-labelledby="paste-warnings">
          <h3 id="paste-warnings" className="section-title">
            Added with a caveat ({formatCount(report.warnings.length)})
          </h3>
          <ProblemTable
            label="Warnings"
            problems={report.warnings}
            onActivate={(p) => onShowLine(p.line)}
            visibleRows={6}
          />
        </section>
      )}
    </div>
  );
}

function Count({ label, value, tone }: { label: string; value: number; tone?: 'good' | 'bad' | undefined }) {
  return (
    <div className={tone ? `paste-count paste-count-${tone}` : 'paste-count'}>
      <dt>{label}</dt>
      <dd>{formatCount(value)}</dd>
    </div>
  );
}
