import { useApp } from '../store/context';
import { isDemoBusy } from '../store/demoSlice';
import { ProgressBar } from './ProgressBar';

/**
 * The first-run offer in the empty Cases section: build the demo workspace, with its progress step by step
 * and a Cancel that leaves the workspace empty again.
 */
export function DemoOffer() {
  const run = useApp((s) => s.demoRun);
  const build = useApp((s) => s.buildDemo);
  const cancel = useApp((s) => s.cancelDemo);
  const busy = isDemoBusy(run.phase);
  const { progress } = run;
  // Each step is an equal share of the bar; within a step, its own count moves it on.
  const within = progress && progress.done !== null && progress.total ? progress.done / progress.total : 0;
  const percent = progress ? Math.floor(((progress.index - 1 + within) / progress.steps) * 100) : 0;

  if (!busy) {
    return (
      <div className="demo-offer">
        <button type="button" className="button" onClick={() => void build()}>
          Build the demo workspace (DPRK thefts 2017–2022)
        </button>
        <p className="muted">
          Generated data to try Ariadne on: Lazarus Group’s real listed wallets, fictional victims in Japan, Vietnam,
          the US, Hong Kong and elsewhere, about 100,000 transfers, and a case whose 28 incidents are attributed by
          tracing.
        </p>
        {run.phase === 'cancelled' && <p className="muted">Cancelled; the workspace is empty again.</p>}
        {run.phase === 'failed' && (
          <p className="alert alert-error" role="alert">
            Could not build the demo: {run.error}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="demo-offer import-progress">
      <p className="import-progress-title" aria-live="polite">
        {run.phase === 'cancelling'
          ? 'Cancelling…'
          : progress
            ? `${progress.step} (step ${progress.index} of ${progress.steps})`
            : 'Starting…'}
      </p>
      <ProgressBar label="Demo build progress" percent={progress ? percent : null} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={cancel} disabled={run.phase === 'cancelling'}>
          {run.phase === 'cancelling' ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
    </div>
  );
}
