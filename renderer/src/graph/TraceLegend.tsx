import { TAINT_SCALE } from '../lib/traceModel';
import { useApp } from '../store/context';
import { shownTrace } from '../store/traceSlice';

/** While a trace result colours the canvas: what the colours and widths mean, and how to go back. */
export function TraceLegend() {
  const method = useApp((s) => shownTrace(s)?.report.method ?? null);
  const close = useApp((s) => s.closeTrace);
  if (method === null) return null;
  return (
    <div className="trace-legend" aria-label="Taint legend">
      <span className="trace-legend-title">Taint share ({method})</span>
      <ol className="trace-scale">
        {TAINT_SCALE.map((step) => (
          <li key={step.from}>
            <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
              <circle cx="7" cy="7" r="6" fill={step.colour} />
            </svg>
            ≥{Math.round(step.from * 100)}%
          </li>
        ))}
      </ol>
      <span className="muted">
        Edges: the taint the trace moved along them (width; colour: its share of the edge). Faded: not reached.
      </span>
      <button type="button" className="button" onClick={close}>
        Close trace view
      </button>
    </div>
  );
}
