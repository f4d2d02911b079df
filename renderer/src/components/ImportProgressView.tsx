import { formatBytes, formatCount } from '../lib/format';
import { useApp } from '../store/context';
import { displayName } from '../store/importSlice';
import { ProgressBar } from './ProgressBar';

export function ImportProgressView() {
  const run = useApp((s) => s.importRun);
  const cancel = useApp((s) => s.cancelImport);
  const { progress } = run;
  const percent =
    progress && progress.totalBytes > 0 ? Math.floor((progress.bytesRead / progress.totalBytes) * 100) : 0;
  const fileIndex = progress ? run.paths.indexOf(progress.file) : 0;
  const name = progress ? displayName(run, progress.file) : null;

  return (
    <div className="import-progress">
      <p className="import-progress-title" aria-live="polite">
        {run.phase === 'preparing' && 'Preparing the files…'}
        {run.phase === 'running' && (name ? <>Importing {name}</> : 'Starting…')}
        {run.phase === 'cancelling' && 'Cancelling…'}
        {run.paths.length > 1 && fileIndex >= 0 && run.phase === 'running' && (
          <span className="muted">
            {' '}
            (file {fileIndex + 1} of {run.paths.length})
          </span>
        )}
      </p>
      <ProgressBar
        label="Import progress"
        percent={progress ? percent : null}
        valueText={name ? `${percent}% of ${name}` : undefined}
      />
      <p className="import-progress-detail muted">
        {progress ? (
          <>
            <span className="import-records">{formatCount(progress.records)} records read</span>
            <span>
              {formatBytes(progress.bytesRead)} of {formatBytes(progress.totalBytes)} · {percent}%
            </span>
          </>
        ) : (
          <span>Waiting for the engine…</span>
        )}
      </p>
      <p className="muted">
        Each file goes in whole or not at all: cancelling rolls back the file under way, so none of its records are
        added.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={cancel} disabled={run.phase === 'cancelling'} autoFocus>
          {run.phase === 'cancelling' ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
    </div>
  );
}
