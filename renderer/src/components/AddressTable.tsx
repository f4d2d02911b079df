import { memo, useCallback } from 'react';
import { useApp, useAppStore } from '../store/context';
import { rowAt } from '../store/pagedList';
import { AddressRowCells, addressColumns } from './AddressRowCells';
import { LoadingCells } from './LoadingCells';
import { VirtualTable } from './VirtualTable';

const COLUMNS = addressColumns(true);

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
  return <AddressRowCells row={row} withTags={true} />;
});
