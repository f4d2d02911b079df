import { memo, useCallback } from 'react';
import type { Page, TransferRow } from '../../../db/api/contract';
import { CopyButton } from '../components/CopyButton';
import { LoadingCells } from '../components/LoadingCells';
import { HEADER_HEIGHT, VirtualTable } from '../components/VirtualTable';
import { formatCount, formatUnits, formatUsd } from '../lib/format';
import { shortAddress } from '../lib/graphModel';
import { rowAt, type PagedList } from '../store/pagedList';
import { usePaged } from './usePaged';

const COLUMNS = [
  { id: 'time', title: 'Time (UTC)' },
  { id: 'from', title: 'From' },
  { id: 'to', title: 'To' },
  { id: 'amount', title: 'Amount', numeric: true },
  { id: 'tx', title: 'Tx' },
] as const;
const ROW_HEIGHT = 32;
const VISIBLE_ROWS = 8;

/** Transfers behind an address or an edge, virtualised and fetched a page at a time as they scroll into view. */
export function TransfersTable({
  label,
  resetKey,
  fetch,
}: {
  label: string;
  resetKey: string;
  fetch(offset: number, limit: number): Promise<Page<TransferRow>>;
}) {
  const [list, want] = usePaged(resetKey, fetch);
  const onRange = useCallback((first: number, last: number) => want(first, last), [want]);
  if (list.error && list.total === null) return <p className="alert alert-error">Could not load: {list.error}</p>;
  if (list.total === null) return <p className="muted">Loading transfers…</p>;
  if (list.total === 0) return <p className="muted">No transfers.</p>;
  const height = HEADER_HEIGHT + Math.min(list.total, VISIBLE_ROWS) * ROW_HEIGHT + 2;
  return (
    <>
      <p className="muted">{formatCount(list.total)} in all</p>
      <div className="transfers-frame" style={{ height }}>
        <VirtualTable
          label={label}
          className="transfers-table"
          idPrefix={`transfers-${resetKey.replace(/\W+/g, '-')}`}
          columns={COLUMNS}
          rowCount={list.total}
          rowHeight={ROW_HEIGHT}
          onRangeChange={onRange}
          resetKey={resetKey}
          renderCells={(index) => <TransferCells list={list} index={index} />}
        />
      </div>
    </>
  );
}

const TransferCells = memo(function TransferCells({ list, index }: { list: PagedList<TransferRow>; index: number }) {
  const row = rowAt(list, index);
  if (!row) return <LoadingCells count={COLUMNS.length} />;
  return (
    <>
      <div role="gridcell" className="mono">
        {row.time.slice(0, 16).replace('T', ' ')}
      </div>
      <div role="gridcell" className="mono" title={row.from}>
        {shortAddress(row.from)}
      </div>
      <div role="gridcell" className="mono" title={row.to}>
        {shortAddress(row.to)}
      </div>
      <div role="gridcell" className="vtable-num" title={row.usd ? formatUsd(row.usd) : undefined}>
        {formatUnits(row.amount, row.asset.decimals, 4)} {row.asset.symbol}
      </div>
      <div role="gridcell" className="mono transfers-tx">
        <span title={row.txHash}>{shortAddress(`x:${row.txHash}`)}</span>
        <CopyButton value={row.txHash} what="transaction hash" />
      </div>
    </>
  );
});
