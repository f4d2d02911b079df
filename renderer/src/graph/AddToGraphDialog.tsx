import { useEffect, useState } from 'react';
import type { AddressCheckResult, AddressRow } from '../../../db/api/contract';
import { Dialog } from '../components/Dialog';
import { plural } from '../lib/format';
import { useApp } from '../store/context';
import { SEARCH_DELAY_MS } from '../store/pagedList';
import { messageOf } from '../store/result';

type Mode = 'search' | 'paste';

/** Adds addresses to the graph: found by search (tag label, actor, address) or pasted, each line checked. */
export function AddToGraphDialog() {
  const close = useApp((s) => s.closeDialog);
  const [mode, setMode] = useState<Mode>('search');
  return (
    <Dialog title="Add addresses to the graph" onClose={close} wide>
      <div className="graph-tabs" role="tablist" aria-label="How to add">
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'search'}
          className={mode === 'search' ? 'graph-tab active' : 'graph-tab'}
          onClick={() => setMode('search')}
        >
          Search
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'paste'}
          className={mode === 'paste' ? 'graph-tab active' : 'graph-tab'}
          onClick={() => setMode('paste')}
        >
          Paste
        </button>
      </div>
      {mode === 'search' ? <SearchAdd /> : <PasteAdd />}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function SearchAdd() {
  const api = useApp((s) => s.graphApi);
  const add = useApp((s) => s.addAddressesToGraph);
  const inGraph = useApp((s) => s.graph?.nodes);
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<AddressRow[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const q = query.trim();
    let live = true;
    const timer = setTimeout(() => {
      api['address.list']({ ...(q ? { query: q } : {}), limit: 50 }).then(
        (page) => {
          if (!live) return;
          setRows(page.rows);
          setTotal(page.total);
          setError(null);
        },
        (e: unknown) => live && setError(messageOf(e)),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query]);

  return (
    <div className="dialog-body">
      <input
        className="input"
        type="search"
        aria-label="Search addresses"
        placeholder="Address, tag label or actor"
        value={query}
        autoFocus
        onChange={(event) => setQuery(event.target.value)}
      />
      {error && <p className="alert alert-error">{error}</p>}
      {rows && (
        <p className="muted" role="status">
          {plural(total, 'address', 'addresses')} found{total > rows.length ? `, the first ${rows.length} shown` : ''}
        </p>
      )}
      <ul className="add-results" aria-label="Search results">
        {rows?.map((row) => {
          const present = Boolean(inGraph?.[row.address] && !inGraph[row.address]?.hidden);
          return (
            <li key={row.address}>
              <span className="add-result-text">
                <span className="mono break-anywhere">{row.address}</span>
                {row.label && <span className="muted">{row.label}</span>}
              </span>
              <button
                type="button"
                className="button"
                disabled={present}
                aria-label={`Add ${row.address}`}
                onClick={() => void add([row.address])}
              >
                {present ? 'In graph' : 'Add'}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function PasteAdd() {
  const api = useApp((s) => s.graphApi);
  const add = useApp((s) => s.addAddressesToGraph);
  const [text, setText] = useState('');
  const [refused, setRefused] = useState<{ line: number; result: AddressCheckResult }[] | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const lines = text
      .split(/\r?\n/)
      .map((line, i) => ({ line: i + 1, text: line.trim() }))
      .filter((l) => l.text !== '' && !l.text.startsWith('#'));
    if (lines.length === 0) return;
    setBusy(true);
    try {
      const results = await api['address.check']({ addresses: lines.map((l) => l.text) });
      const valid = results.flatMap((r) => (r.valid && r.normalized ? [r.normalized] : []));
      setRefused(results.flatMap((result, i) => (result.valid ? [] : [{ line: lines[i]?.line ?? 0, result }])));
      setAdded(valid.length > 0 ? await add(valid) : 0);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="dialog-body">
      <label className="field-label" htmlFor="graph-paste">
        Addresses, one per line as CHAIN:ADDRESS
      </label>
      <textarea
        id="graph-paste"
        className="input paste-text"
        rows={6}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="graph-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy || !text.trim()}
          onClick={() => void submit()}
        >
          Check and add
        </button>
      </div>
      {error && <p className="alert alert-error">{error}</p>}
      {added !== null && refused && (
        <p className="alert alert-info" role="status">
          {plural(added, 'address', 'addresses')} added, {plural(refused.length, 'line', 'lines')} refused.
        </p>
      )}
      {refused && refused.length > 0 && (
        <table className="flows-table" aria-label="Refused lines">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Text</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {refused.map(({ line, result }) => (
              <tr key={line}>
                <td>{line}</td>
                <td className="mono break-anywhere">{result.input}</td>
                <td>{result.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
