import { plural } from '../lib/format';
import { useApp } from '../store/context';
import { displayName, type ImportRun } from '../store/importSlice';
import { ImportReportView } from './ImportReportView';

/** How the last import ended: its report, a cancellation and what it left, or the error. */
export function ImportOutcome() {
  const run = useApp((s) => s.importRun);
  const reset = useApp((s) => s.resetImport);
  const close = useApp((s) => s.closeImport);
  return (
    <div className="import-outcome">
      {run.phase === 'done' && run.report && <ImportReportView run={run} report={run.report} />}
      {run.phase === 'cancelled' && <CancelledNote run={run} />}
      {run.phase === 'failed' && (
        <div className="alert alert-error" role="alert">
          <strong>The import failed.</strong> {run.error}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={reset}>
          Import more files
        </button>
        <button type="button" className="button button-primary" onClick={close} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}

function CancelledNote({ run }: { run: ImportRun }) {
  const current = run.progress ? run.paths.indexOf(run.progress.file) : 0;
  // The batch stops in the file it was reading; the ones before it were committed (or refused) already.
  const finished = run.paths.slice(0, Math.max(0, current)).map((p) => displayName(run, p));
  return (
    <div className="alert alert-info" role="status">
      <strong>Import cancelled.</strong>{' '}
      {finished.length === 0 ? (
        'Nothing was added: the workspace is unchanged.'
      ) : (
        <>
          The file under way was rolled back and nothing of it was added. {plural(finished.length, 'file', 'files')}{' '}
          finished before the cancel and stay imported: {finished.join(', ')}.
        </>
      )}
    </div>
  );
}
