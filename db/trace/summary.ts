import { fraction } from './fraction';
import { compareText } from './params';
import type { Address, AddressTaint, Asset, Endpoint } from './types';

/** What every engine, forward or backward, counts of an address while it traces. */
export interface Reached {
  hops: number;
  received: bigint;
  sent: bigint;
  seeded: bigint;
  /** Every inflow in the replayed transfers or transactions. */
  inflow: bigint;
  deficit: bigint;
}

/**
 * The figures of every reached address (hops finite), sorted by address, and the endpoints among them. A stop
 * address is an endpoint when it received any taint, and keeps all it received (`held`); `held` gives what any
 * other address still holds, and `remaining` is its sum over them. `sent` gives an address's `sent`.
 */
export function summariseAddresses<H extends Reached>(
  asset: Asset,
  holders: ReadonlyMap<Address, H>,
  stopAt: ReadonlySet<Address>,
  figures: {
    readonly held: (h: H, address: Address) => bigint;
    readonly sent: (h: H, endpoint: boolean) => bigint;
  },
) {
  const addresses: AddressTaint[] = [];
  const endpoints: Endpoint[] = [];
  let seeded = 0n;
  let endpointTaint = 0n;
  let remaining = 0n;
  for (const address of [...holders.keys()].sort(compareText)) {
    const h = holders.get(address) as H;
    if (h.hops === Infinity) continue;
    const endpoint = stopAt.has(address);
    const held = endpoint ? h.received : figures.held(h, address);
    addresses.push({
      address,
      asset,
      hops: h.hops,
      received: h.received,
      sent: figures.sent(h, endpoint),
      held,
      seeded: h.seeded,
      inflow: h.inflow,
      share: h.inflow === 0n ? null : fraction(h.received, h.inflow),
      deficit: h.deficit,
      endpoint,
    });
    seeded += h.seeded;
    if (endpoint && h.received > 0n) {
      endpoints.push({ address, asset, tainted: h.received, hops: h.hops });
      endpointTaint += h.received;
    } else if (!endpoint) remaining += held;
  }
  return { addresses, endpoints, seeded, endpointTaint, remaining };
}
