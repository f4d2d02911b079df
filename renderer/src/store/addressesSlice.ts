import type { StateCreator } from 'zustand/vanilla';
import type { AddressDetails, AddressRow, Client } from '../../../db/api/contract';
import type { AppState } from './index';
import { createPageLoader, emptyList, SEARCH_DELAY_MS, type PagedList } from './pagedList';
import { messageOf } from './result';

/** The open details panel: the address asked for, then its details or why they could not be had. */
export interface AddressPanel {
  address: string;
  details: AddressDetails | null;
  error: string | null;
}

export interface AddressesSlice {
  addressQuery: string;
  /** A chain code, or '' for all chains. */
  addressChain: string;
  addressList: PagedList<AddressRow>;
  /** The row the keyboard is on, by index in the current list. */
  addressSelected: number | null;
  addressPanel: AddressPanel | null;
  setAddressQuery(query: string): void;
  setAddressChain(chain: string): void;
  /** The rows on screen, so their pages are fetched. */
  showAddressRows(first: number, last: number): void;
  refreshAddresses(): void;
  selectAddress(index: number): void;
  openAddress(address: string): Promise<void>;
  closeAddress(): void;
}

export function createAddressesSlice(api: Client): StateCreator<AppState, [], [], AddressesSlice> {
  return (set, get) => {
    const loader = createPageLoader<AddressRow>({
      fetch: (offset, limit) => {
        const { addressQuery, addressChain } = get();
        const query = addressQuery.trim();
        return api['address.list']({
          offset,
          limit,
          ...(query ? { query } : {}),
          ...(addressChain ? { chain: addressChain } : {}),
        });
      },
      read: () => get().addressList,
      write: (addressList) => set({ addressList }),
    });
    // Details are fetched as the selection moves; only the answer for the newest request may land.
    let latestPanel = 0;

    function filterChanged(delayMs = 0) {
      set({ addressSelected: null });
      loader.reset({ toTop: true, delayMs });
    }

    return {
      addressQuery: '',
      addressChain: '',
      addressList: emptyList(),
      addressSelected: null,
      addressPanel: null,

      setAddressQuery(addressQuery) {
        set({ addressQuery });
        filterChanged(SEARCH_DELAY_MS);
      },
      setAddressChain(addressChain) {
        set({ addressChain });
        filterChanged();
      },
      showAddressRows: (first, last) => loader.want(first, last),
      refreshAddresses: () => loader.reset(),
      selectAddress: (index) => set({ addressSelected: index }),

      async openAddress(address) {
        const ticket = ++latestPanel;
        set({ addressPanel: { address, details: null, error: null } });
        try {
          const details = await api['address.show']({ address });
          if (ticket === latestPanel) set({ addressPanel: { address, details, error: null } });
        } catch (error) {
          if (ticket === latestPanel) set({ addressPanel: { address, details: null, error: messageOf(error) } });
        }
      },
      closeAddress() {
        latestPanel += 1;
        set({ addressPanel: null });
      },
    };
  };
}
