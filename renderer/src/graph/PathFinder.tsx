import { findPaths } from '../lib/paths';
import { nodeTitle } from '../lib/graphModel';
import { useApp } from '../store/context';
import { edgeLabel } from './elements';

/** Shortest and up to k paths between two nodes within a hop limit, skipping excluded nodes; hop by hop. */
export function PathFinder() {
  const query = useApp((s) => s.pathQuery);
  const nodes = useApp((s) => s.graph?.nodes);
  const edges = useApp((s) => s.graph?.edges);
  const selection = useApp((s) => s.graphSelection);
  const setQuery = useApp((s) => s.setPathQuery);
  const setResults = useApp((s) => s.setPathResults);
  const showPath = useApp((s) => s.showPath);
  const select = useApp((s) => s.selectGraph);
  const setTab = useApp((s) => s.setGraphTab);
  const focus = useApp((s) => s.focusGraph);
  const title = (id: string | null) => (id === null ? null : nodes?.[id] ? nodeTitle(nodes[id]) : id);
  const picked = selection.nodes.length === 1 ? (selection.nodes[0] ?? null) : null;

  function run() {
    if (!query.from || !query.to || !nodes || !edges) return;
    const exclude = new Set<string>(query.exclude);
    for (const node of Object.values(nodes)) if (node.hidden) exclude.add(node.id);
    const list = Object.values(edges)
      .filter((e) => !e.hidden)
      .map((e) => ({ id: e.id, source: e.source, target: e.target }));
    const found = findPaths(list, query.from, query.to, {
      maxHops: query.maxHops,
      k: query.k,
      exclude,
      directed: query.directed,
    });
    setResults(found);
  }

  const active = query.results?.[query.active];
  return (
    <div className="details-body path-finder">
      <div className="path-end">
        <span className="field-label">From</span>
        <span className="path-end-value">{title(query.from) ?? <span className="muted">Not set</span>}</span>
        <button type="button" className="button" disabled={!picked} onClick={() => setQuery({ from: picked })}>
          Use selected
        </button>
      </div>
      <div className="path-end">
        <span className="field-label">To</span>
        <span className="path-end-value">{title(query.to) ?? <span className="muted">Not set</span>}</span>
        <button type="button" className="button" disabled={!picked} onClick={() => setQuery({ to: picked })}>
          Use selected
        </button>
      </div>
      <div className="path-options">
        <label>
          Max hops
          <input
            className="input"
            type="number"
            min={1}
            max={20}
            value={query.maxHops}
            onChange={(event) => setQuery({ maxHops: clamp(event.target.valueAsNumber, 1, 20) })}
          />
        </label>
        <label>
          Paths
          <input
            className="input"
            type="number"
            min={1}
            max={20}
            value={query.k}
            onChange={(event) => setQuery({ k: clamp(event.target.valueAsNumber, 1, 20) })}
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={query.directed}
            onChange={(event) => setQuery({ directed: event.target.checked })}
          />
          Follow the money’s direction
        </label>
      </div>
      <div className="path-exclude">
        <span className="field-label">Excluded</span>
        {query.exclude.length === 0 && <span className="muted">None</span>}
        {query.exclude.map((id) => (
          <span key={id} className="flag-chip">
            {title(id)}
            <button
              type="button"
              className="icon-button"
              aria-label={`Stop excluding ${title(id) ?? id}`}
              onClick={() => setQuery({ exclude: query.exclude.filter((x) => x !== id) })}
            >
              ×
            </button>
          </span>
        ))}
        <button
          type="button"
          className="button"
          disabled={selection.nodes.length === 0}
          onClick={() => setQuery({ exclude: [...new Set([...query.exclude, ...selection.nodes])] })}
        >
          Exclude selected
        </button>
      </div>
      <div className="graph-actions">
        <button type="button" className="button button-primary" disabled={!query.from || !query.to} onClick={run}>
          Find paths
        </button>
        {query.results && (
          <button type="button" className="button" onClick={() => setResults(null)}>
            Clear
          </button>
        )}
      </div>
      {query.results && query.results.length === 0 && (
        <p className="muted" role="status">
          No path within {query.maxHops} hops.
        </p>
      )}
      {query.results && query.results.length > 0 && (
        <>
          <div className="path-list" role="group" aria-label="Paths found">
            {query.results.map((path, i) => (
              <button
                key={i}
                type="button"
                className={i === query.active ? 'button button-primary' : 'button'}
                aria-pressed={i === query.active}
                onClick={() => showPath(i)}
              >
                Path {i + 1} · {path.edges.length} {path.edges.length === 1 ? 'hop' : 'hops'}
              </button>
            ))}
          </div>
          {active && (
            <ol className="path-hops" aria-label="Hops of the path shown">
              {active.edges.map((id, i) => {
                const edge = edges?.[id];
                return (
                  <li key={id}>
                    <button
                      type="button"
                      className="path-hop"
                      title="Show this edge’s details"
                      onClick={() => {
                        select({ nodes: [], edges: [id] });
                        focus([id]);
                        setTab('selection');
                      }}
                    >
                      {title(active.nodes[i] ?? null)} → {title(active.nodes[i + 1] ?? null)}
                      {edge && <span className="muted"> · {edgeLabel(edge)}</span>}
                    </button>
                  </li>
                );
              })}
            </ol>
          )}
        </>
      )}
    </div>
  );
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}
