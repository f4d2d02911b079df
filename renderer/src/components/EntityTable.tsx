import { memo, useCallback } from 'react';
import { useApp, useAppStore } from '../store/context';
import { jurisdictionFilter } from '../store/entitiesSlice';
import { rowAt } from '../store/pagedList';
import { LoadingCells } from './LoadingCells';
import { VirtualTable, type Column } from './VirtualTable';

const COLUMNS: readonly Column[] = [
  { id: 'label', title: 'Label' },
  { id: 'kind', title: 'Kind' },
  { id: 'jurisdictions', title: 'Jurisdictions' },
  { id: 'categories', title: 'Categories' },
  { id: 'tags', title: 'Tags', numeric: true },
];

const ROW_HEIGHT = 36;

export function EntityTable() {
  const total = useApp((s) => s.entityList.total ?? 0);
  const selected = useApp((s) => s.entitySelected);
  const select = useApp((s) => s.selectEntity);
  const show = useApp((s) => s.showEntityRows);
  const open = useApp((s) => s.openEntity);
  const store = useAppStore();
  const activate = useCallback(
    (index: number) => {
      const row = rowAt(store.getState().entityList, index);
      if (row) void open(row.id);
    },
    [store, open],
  );
  const filterKey = useApp(
    (s) => `${s.entityQuery}\u0000${s.entityKind}\u0000${jurisdictionFilter(s.entityJurisdiction) ?? ''}`,
  );
  return (
    <VirtualTable
      label="Entities"
      className="entity-table"
      idPrefix="entity-row"
      columns={COLUMNS}
      rowCount={total}
      rowHeight={ROW_HEIGHT}
      selectedIndex={selected}
      onSelect={select}
      onActivate={activate}
      onRangeChange={show}
      resetKey={filterKey}
      renderCells={(index) => <EntityCells index={index} />}
    />
  );
}

const EntityCells = memo(function EntityCells({ index }: { index: number }) {
  const row = useApp((s) => rowAt(s.entityList, index));
  if (!row) return <LoadingCells count={COLUMNS.length} />;
  const categories = row.categories.join(', ');
  return (
    <>
      <div role="gridcell" className="cell-text cell-strong" title={row.key ? `${row.label} (${row.key})` : row.label}>
        {row.label}
      </div>
      <div role="gridcell">
        <span className={`kind kind-${row.kind}`}>{row.kind}</span>
      </div>
      <div role="gridcell" className="cell-text">
        {row.jurisdictions.length > 0 ? row.jurisdictions.join(', ') : <span className="muted">—</span>}
      </div>
      <div role="gridcell" className="cell-text" title={categories || undefined}>
        {categories || <span className="muted">—</span>}
      </div>
      <div role="gridcell" className="vtable-num">
        {row.tags}
      </div>
    </>
  );
});
