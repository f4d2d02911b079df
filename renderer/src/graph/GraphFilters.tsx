import { useMemo } from 'react';
import { isFilterActive, timeSpan } from '../lib/graphModel';
import { useApp } from '../store/context';

const STEPS = 1000;

function day(iso: string): string {
  return iso.slice(0, 10);
}

/** A time window and an asset: what falls outside is dimmed, never removed, so the picture keeps its shape. */
export function GraphFilters() {
  const graph = useApp((s) => s.graph);
  const filter = useApp((s) => s.graphFilter);
  const setFilter = useApp((s) => s.setGraphFilter);
  const span = useMemo(() => (graph ? timeSpan(graph) : null), [graph]);
  const assets = useMemo(() => {
    const byId = new Map<number, string>();
    for (const edge of Object.values(graph?.edges ?? {}))
      byId.set(edge.asset.id, `${edge.asset.symbol} (${edge.asset.chain})`);
    return [...byId].sort((a, b) => a[1].localeCompare(b[1]));
  }, [graph]);

  if (!span) return null;
  const start = Date.parse(span.first);
  const end = Math.max(Date.parse(span.last), start + 1);
  const toStep = (iso: string | null, fallback: number) =>
    iso === null ? fallback : Math.round(((Date.parse(iso) - start) / (end - start)) * STEPS);
  const toIso = (step: number) => new Date(start + ((end - start) * step) / STEPS).toISOString();
  const fromStep = toStep(filter.from, 0);
  const toStepValue = toStep(filter.to, STEPS);

  return (
    <div className="graph-filters" role="group" aria-label="Filters">
      <label className="graph-filter">
        <span>Asset</span>
        <select
          value={filter.assetId ?? ''}
          onChange={(event) =>
            setFilter({ ...filter, assetId: event.target.value ? Number(event.target.value) : null })
          }
        >
          <option value="">All assets</option>
          {assets.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <div className="graph-filter graph-time">
        <span>Time</span>
        <input
          type="range"
          min={0}
          max={STEPS}
          value={fromStep}
          aria-label="From"
          aria-valuetext={day(filter.from ?? span.first)}
          onChange={(event) => {
            const step = Math.min(Number(event.target.value), toStepValue);
            setFilter({ ...filter, from: step === 0 ? null : toIso(step) });
          }}
        />
        <input
          type="range"
          min={0}
          max={STEPS}
          value={toStepValue}
          aria-label="To"
          aria-valuetext={day(filter.to ?? span.last)}
          onChange={(event) => {
            const step = Math.max(Number(event.target.value), fromStep);
            setFilter({ ...filter, to: step === STEPS ? null : toIso(step) });
          }}
        />
        <span className="graph-time-range">
          {day(filter.from ?? span.first)} – {day(filter.to ?? span.last)}
        </span>
      </div>
      {isFilterActive(filter) && (
        <button type="button" className="button" onClick={() => setFilter({ assetId: null, from: null, to: null })}>
          Clear filters
        </button>
      )}
    </div>
  );
}
