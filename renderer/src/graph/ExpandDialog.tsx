import { useMemo, useState } from 'react';
import type { NeighbourRow } from '../../../db/api/contract';
import { Dialog } from '../components/Dialog';
import { formatCount, formatUnits, formatUsd, plural, toBaseUnits } from '../lib/format';
import { nodeTitle, shortAddress } from '../lib/graphModel';
import { useApp } from '../store/context';
import type { ExpandOptions } from '../store/graphSlice';
import { KIND_STYLE } from './palette';

const DIRECTION_TEXT = { out: 'sent to', in: 'received from', both: 'exchanged with' } as const;

/** A node with many counterparties: the investigator narrows them down and picks which to add. */
export function ExpandDialog() {
  const expand = useApp((s) => s.expand);
  const node = useApp((s) => (s.expand ? s.graph?.nodes[s.expand.nodeId] : undefined));
  const close = useApp((s) => s.closeExpand);
  const refine = useApp((s) => s.refineExpand);
  const add = useApp((s) => s.addNeighbours);
  const [top, setTop] = useState(String(expand?.options.top ?? 20));
  const [assetId, setAssetId] = useState<string>('');
  const [minAmount, setMinAmount] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [unchecked, setUnchecked] = useState<ReadonlySet<number>>(new Set());
  const assets = useMemo(() => {
    const byId = new Map<number, NeighbourRow['asset']>();
    for (const row of expand?.rows ?? []) byId.set(row.asset.id, row.asset);
    return [...byId.values()];
  }, [expand?.rows]);

  if (!expand || !node) return null;
  const asset = assets.find((a) => String(a.id) === assetId);
  const rows = expand.rows;
  const chosen = rows.filter((_, i) => !unchecked.has(i));

  function apply() {
    const options: ExpandOptions = {
      top: Math.min(5000, Math.max(1, Number(top) || 20)),
      assetId: asset ? asset.id : null,
      minAmount: asset && minAmount ? (toBaseUnits(minAmount, asset.decimals) ?? '') : '',
      from: from ? `${from}T00:00:00Z` : '',
      to: to ? `${to}T23:59:59Z` : '',
    };
    setUnchecked(new Set());
    void refine(options);
  }

  return (
    <Dialog title={`Expand ${nodeTitle(node)}`} onClose={close} wide>
      <div className="dialog-body">
        <p>
          {expand.total === null ? '…' : plural(expand.total, 'counterparty flow', 'counterparty flows')}{' '}
          {DIRECTION_TEXT[expand.direction]} this address. Choose which to add.
        </p>
        <form
          className="expand-filters"
          onSubmit={(event) => {
            event.preventDefault();
            apply();
          }}
        >
          <label>
            Top by value
            <input
              className="input"
              type="number"
              min={1}
              max={5000}
              value={top}
              onChange={(e) => setTop(e.target.value)}
            />
          </label>
          <label>
            Asset
            <select value={assetId} onChange={(e) => setAssetId(e.target.value)}>
              <option value="">Any</option>
              {assets.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.symbol} ({a.chain})
                </option>
              ))}
            </select>
          </label>
          <label>
            Minimum {asset ? asset.symbol : 'amount'}
            <input
              className="input"
              inputMode="decimal"
              value={minAmount}
              disabled={!asset}
              placeholder={asset ? '0' : 'choose an asset'}
              onChange={(e) => setMinAmount(e.target.value)}
            />
          </label>
          <label>
            From
            <input className="input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            To
            <input className="input" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <button type="submit" className="button">
            Apply
          </button>
        </form>
        {expand.error && <p className="alert alert-error">{expand.error}</p>}
        <div className="expand-list" aria-busy={expand.loading}>
          <table className="flows-table" aria-label="Candidates">
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label="All"
                    checked={unchecked.size === 0}
                    onChange={(e) => setUnchecked(e.target.checked ? new Set() : new Set(rows.map((_, i) => i)))}
                  />
                </th>
                <th scope="col">Counterparty</th>
                <th scope="col">Kind</th>
                <th scope="col">Dir.</th>
                <th scope="col">Amount</th>
                <th scope="col">USD</th>
                <th scope="col">Transfers</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={`${row.address}-${row.direction}-${row.asset.id}`}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Add ${row.address}`}
                      checked={!unchecked.has(i)}
                      onChange={() => {
                        const next = new Set(unchecked);
                        if (next.has(i)) next.delete(i);
                        else next.add(i);
                        setUnchecked(next);
                      }}
                    />
                  </td>
                  <td title={row.address}>
                    <span className="mono">{shortAddress(row.address)}</span>
                    {row.label && <span className="muted"> {row.label}</span>}
                    {row.inGraph && <span className="muted"> (in graph)</span>}
                  </td>
                  <td>{KIND_STYLE[row.kind].label}</td>
                  <td>{row.direction}</td>
                  <td>
                    {formatUnits(row.total, row.asset.decimals, 4)} {row.asset.symbol}
                  </td>
                  <td>{row.usd ? formatUsd(row.usd) : '—'}</td>
                  <td>{formatCount(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={chosen.length === 0 || expand.loading}
          onClick={() => void add(chosen).then(close)}
        >
          Add {plural(chosen.length, 'counterparty', 'counterparties')}
        </button>
      </div>
    </Dialog>
  );
}
