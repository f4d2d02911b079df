import { memo, useCallback, useEffect, useState } from 'react';
import { formatCount } from '../lib/format';
import { modKeyAria, modKeyLabel } from '../lib/platform';
import { useApp, useAppStore } from '../store/context';
import { rowAt } from '../store/pagedList';
import { AddressRowCells, addressColumns } from './AddressRowCells';
import { Icon } from './Icon';
import { ListError } from './ListError';
import { LoadingCells } from './LoadingCells';
import { HEADER_HEIGHT, VirtualTable } from './VirtualTable';

const COLUMNS = addressColumns(false);

const ROW_HEIGHT = 36;
/** Rows shown before the table scrolls inside the case view, which has its own description and details. */
const VISIBLE_ROWS = 12;

export function CaseAddresses({ caseId }: { caseId: number }) {
  const show = useApp((s) => s.showCaseAddresses);
  const total = useApp((s) => (s.caseAddressesCaseId === caseId ? s.caseAddressList.total : null));
  const error = useApp((s) => s.caseAddressList.error);
  const refresh = useApp((s) => s.refreshCaseAddresses);
  const openAdd = useApp((s) => s.openAddAddresses);

  useEffect(() => show(caseId), [show, caseId]);

  return (
    <section className="case-section" aria-labelledby="case-view-addresses">
      <div className="case-section-bar">
        <h2 id="case-view-addresses" className="section-title">
          Addresses in this case {total !== null && <span className="section-count">{formatCount(total)}</span>}
        </h2>
        <button
          type="button"
          className="button"
          onClick={openAdd}
          aria-keyshortcuts={modKeyAria('Shift+A')}
          title={`Add addresses (${modKeyLabel('Shift+A')})`}
        >
          <Icon name="plus" />
          Add addresses…
        </button>
      </div>
      {error && total === null ? (
        <ListError what="addresses of this case" message={error} onRetry={refresh} />
      ) : total === 0 ? (
        <div className="case-addresses-empty">
          <p>No addresses in this case yet.</p>
          <p className="muted">
            Addresses come from pasting a list with <strong>Add addresses…</strong>, or from importing an address list
            file and choosing this case under “Into case”. Each address is checked against its chain’s rules before it
            is added.
          </p>
        </div>
      ) : total === null ? (
        <p className="muted">Loading the addresses…</p>
      ) : (
        <>
          {error && <ListError what="addresses of this case" message={error} onRetry={refresh} compact />}
          <CaseAddressTable caseId={caseId} total={total} />
        </>
      )}
    </section>
  );
}

function CaseAddressTable({ caseId, total }: { caseId: number; total: number }) {
  const showRows = useApp((s) => s.showCaseAddressRows);
  const openAddress = useApp((s) => s.openCaseAddress);
  const store = useAppStore();
  const [selected, setSelected] = useState<number | null>(null);
  const height = HEADER_HEIGHT + Math.min(total, VISIBLE_ROWS) * ROW_HEIGHT + 2;

  const activate = useCallback(
    (index: number) => {
      const row = rowAt(store.getState().caseAddressList, index);
      if (row) openAddress(row.address);
    },
    [store, openAddress],
  );

  return (
    <div className="case-address-frame" style={{ height }}>
      <VirtualTable
        label="Addresses in this case"
        className="case-address-table"
        idPrefix="case-address-row"
        columns={COLUMNS}
        rowCount={total}
        rowHeight={ROW_HEIGHT}
        selectedIndex={selected}
        onSelect={setSelected}
        onActivate={activate}
        onRangeChange={showRows}
        resetKey={String(caseId)}
        renderCells={(index) => <CaseAddressCells index={index} />}
      />
    </div>
  );
}

const CaseAddressCells = memo(function CaseAddressCells({ index }: { index: number }) {
  const row = useApp((s) => rowAt(s.caseAddressList, index));
  if (!row) return <LoadingCells count={COLUMNS.length} />;
  return <AddressRowCells row={row} withTags={false} />;
});
