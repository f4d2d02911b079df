import type { KeyboardEvent, Ref } from 'react';
import { CHAIN_OPTIONS } from '../lib/chains';
import { plural } from '../lib/format';
import { useApp } from '../store/context';
import { AddressPanel } from './AddressPanel';
import { AddressTable } from './AddressTable';
import { EmptyState } from './EmptyState';
import { Icon } from './Icon';
import { ListError } from './ListError';
import { SearchBox } from './SearchBox';

export function AddressesSection({ searchRef }: { searchRef: Ref<HTMLInputElement> }) {
  const panelOpen = useApp((s) => s.addressPanel !== null);
  const closePanel = useApp((s) => s.closeAddress);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    // A search box with text uses Escape to clear itself first, and says so by preventing the default.
    if (event.key === 'Escape' && panelOpen && !event.defaultPrevented) closePanel();
  }

  return (
    <main className="list-section" aria-label="Addresses" onKeyDown={onKeyDown}>
      <AddressToolbar searchRef={searchRef} />
      <div className={panelOpen ? 'list-body list-body-with-panel' : 'list-body'}>
        <AddressListBody />
        {panelOpen && <AddressPanel />}
      </div>
    </main>
  );
}

function AddressToolbar({ searchRef }: { searchRef: Ref<HTMLInputElement> }) {
  const query = useApp((s) => s.addressQuery);
  const chain = useApp((s) => s.addressChain);
  const setQuery = useApp((s) => s.setAddressQuery);
  const setChain = useApp((s) => s.setAddressChain);
  return (
    <div className="list-toolbar">
      <SearchBox
        ref={searchRef}
        label="Search addresses"
        placeholder="Search address, tag label or actor"
        value={query}
        onChange={setQuery}
      />
      <label className="filter">
        <span className="filter-label">Chain</span>
        <select value={chain} onChange={(e) => setChain(e.target.value)}>
          <option value="">All chains</option>
          {CHAIN_OPTIONS.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} · {c.name}
            </option>
          ))}
        </select>
      </label>
      <AddressCount />
    </div>
  );
}

function AddressCount() {
  const total = useApp((s) => s.addressList.total);
  const filtered = useApp((s) => s.addressQuery.trim() !== '' || s.addressChain !== '');
  return (
    <p className="list-count" aria-live="polite">
      {total === null
        ? 'Loading…'
        : filtered
          ? `${plural(total, 'match', 'matches')}`
          : plural(total, 'address', 'addresses')}
    </p>
  );
}

function AddressListBody() {
  const total = useApp((s) => s.addressList.total);
  const error = useApp((s) => s.addressList.error);
  const filtered = useApp((s) => s.addressQuery.trim() !== '' || s.addressChain !== '');
  const refresh = useApp((s) => s.refreshAddresses);
  const setQuery = useApp((s) => s.setAddressQuery);
  const setChain = useApp((s) => s.setAddressChain);
  const openImport = useApp((s) => s.openImport);

  if (error && total === null) return <ListError what="addresses" message={error} onRetry={refresh} />;
  if (total === 0 && filtered) {
    return (
      <EmptyState icon="search" title="No addresses match">
        <p>The search looks at addresses, tag labels and actors.</p>
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setQuery('');
              setChain('');
            }}
          >
            Show all addresses
          </button>
        </p>
      </EmptyState>
    );
  }
  if (total === 0) {
    return (
      <EmptyState
        icon="wallet"
        title="No addresses yet"
        action={
          <button type="button" className="button button-primary" onClick={() => openImport()}>
            <Icon name="upload" />
            Import files
          </button>
        }
      >
        <p>
          Addresses arrive with attribution data: import a GraphSense TagPack, such as a published list of sanctioned or
          stolen-funds addresses, and each tagged address appears here with its source and confidence.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="list-table">
      {error && <ListError what="addresses" message={error} onRetry={refresh} compact />}
      <AddressTable />
    </div>
  );
}
