import { memo, useCallback } from 'react';
import { addressPart, middleEllipsis } from '../lib/format';
import { useApp, useAppStore } from '../store/context';
import { rowAt } from '../store/pagedList';
import { ConfidenceLevel } from './ConfidenceLevel';
import { CopyButton } from './CopyButton';
import { LoadingCells } from './LoadingCells';
import { VirtualTable, type Column } from './VirtualTable';

const COLUMNS: readonly Column[] = [
  { id: 'address', title: 'Address' },
  { id: 'chain', title: 'Chain' },
  { id: 'label', title: 'Label' },
  { id: 'confidence', title: 'Confidence' },
  { id: 'tags', title: 'Tags', numeric: true },
  { id: 'entity', title: 'Entity' },
];

export const ADDRESS_ROW_HEIGHT = 36;

export function AddressTable() {
  const total = useApp((s) => s.addressList.total ?? 0);
  const selected = useApp((s) => s.addressSelected);
  const query = useApp((s) => s.addressQuery);
  const chain = useApp((s) => s.addressChain);
  const select = useApp((s) => s.selectAddress);
  const show = useApp((s) => s.showAddressRows);
  const open = useApp((s) => s.openAddress);
  const store = useAppStore();

  const activate = useCallback(
    (index: number) => {
      const row = rowAt(store.getState().addressList, index);
      if (row) void open(row.address);
    },
    [store, open],
  );

  return (
    <VirtualTable
      label="Addresses"
      className="address-table"
      idPrefix="address-row"
      columns={COLUMNS}
      rowCount={total}
      rowHeight={ADDRESS_ROW_HEIGHT}
      selectedIndex={selected}
      onSelect={select}
      onActivate={activate}
      onRangeChange={show}
      resetKey={`${query}\u0000${chain}`}
      renderCells={(index) => <AddressCells index={index} />}
    />
  );
}

const AddressCells = memo(function AddressCells({ index }: { index: number }) {
  const row = useApp((s) => rowAt(s.addressList, index));
  if (!row) return <LoadingCells count={COLUMNS.length} />;
  const address = addressPart(row.address);
  return (
    <>
      <div role="gridcell" className="cell-address">
        <span className="mono" title={address}>
          {middleEllipsis(address)}
        </span>
        <CopyButton value={address} what="address" tabbable={false} />
      </div>
      <div role="gridcell">
        <span className="chain-code">{row.chain}</span>
      </div>
      <div role="gridcell" className="cell-text" title={row.label ?? undefined}>
        {row.label ?? <span className="muted">No tag</span>}
      </div>
      <div role="gridcell">
        {row.confidence !== null && <ConfidenceLevel id={row.confidence} level={row.confidenceLevel} />}
      </div>
      <div role="gridcell" className="vtable-num">
        {row.tags}
      </div>
      <div role="gridcell" className="cell-text" title={row.entity ?? undefined}>
        {row.entity}
      </div>
    </>
  );
});
