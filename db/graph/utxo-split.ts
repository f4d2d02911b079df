import { apportion } from '../apportion';

export interface UtxoTx {
  id: number;
  chain: string;
  txHash: string;
  time: number;
  block: number | null;
  /** In input order; null: an input without an address. */
  inputs: { addressId: number | null; value: bigint }[];
  outputs: { n: number; addressId: number | null; value: bigint }[];
}

export interface UtxoFlow {
  fromId: number;
  toId: number;
  /** The output's number in its transaction. */
  n: number;
  amount: bigint;
}

/**
 * A UTXO transaction as flows between addresses. Inputs cannot be matched to outputs, so each output's value is
 * split over the input addresses in proportion to what each put in (the values of all its inputs together),
 * by the largest-remainder rule (db/apportion): the parts of an output add up to exactly its value, each is
 * within one base unit of its proportional share, and on equal remainders the address whose first input comes
 * earlier gets the unit. The fee is no flow. Inputs and outputs without an address are left out: an output is
 * split over the addressed inputs only, and an output of a transaction without addressed inputs (a coinbase)
 * or of value 0 makes no flow. Flows of an address to itself (change) are included; callers decide.
 */
export function splitUtxoTx(tx: UtxoTx): UtxoFlow[] {
  const paid = new Map<number, bigint>();
  for (const input of tx.inputs) {
    if (input.addressId !== null) paid.set(input.addressId, (paid.get(input.addressId) ?? 0n) + input.value);
  }
  const payers = [...paid.keys()];
  const weights = [...paid.values()];
  const flows: UtxoFlow[] = [];
  for (const output of tx.outputs) {
    if (output.addressId === null) continue;
    const { parts } = apportion(output.value, weights);
    parts.forEach((amount, i) => {
      if (amount > 0n)
        flows.push({ fromId: payers[i] as number, toId: output.addressId as number, n: output.n, amount });
    });
  }
  return flows;
}
