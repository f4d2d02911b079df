import type { KeyboardEvent, Ref } from 'react';
import { CHAIN_OPTIONS } from '../lib/chains';
import { useApp } from '../store/context';
import { AddressPanel } from './AddressPanel';
import { AddressTable } from './AddressTable';
import { ListBody, ListCount } from './ListBody';
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

function useAddressesFiltered() {
  return useApp((s) => s.addressQuery.trim() !== '' || s.addressChain !== '');
}

function AddressCount() {
  const total = useApp((s) => s.addressList.total);
  const filtered = useAddressesFiltered();
  return <ListCount total={total} filtered={filtered} one="address" many="addresses" />;
}

function AddressListBody() {
  const total = useApp((s) => s.addressList.total);
  const error = useApp((s) => s.addressList.error);
  const filtered = useAddressesFiltered();
  const refresh = useApp((s) => s.refreshAddresses);
  const setQuery = useApp((s) => s.setAddressQuery);
  const setChain = useApp((s) => s.setAddressChain);
  const openImport = useApp((s) => s.openImport);
  return (
    <ListBody
      what="addresses"
      total={total}
      error={error}
      filtered={filtered}
      onRetry={refresh}
      onImport={() => openImport()}
      onShowAll={() => {
        setQuery('');
        setChain('');
      }}
      noMatch="The search looks at addresses, tag labels and actors."
      emptyIcon="wallet"
      empty={
        <>
          Addresses arrive with attribution data: import a GraphSense TagPack, such as a published list of sanctioned or
          stolen-funds addresses, and each tagged address appears here with its source and confidence.
        </>
      }
    >
      <AddressTable />
    </ListBody>
  );
}
