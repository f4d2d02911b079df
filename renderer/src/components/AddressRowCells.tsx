import type { AddressRow } from '../../../db/api/contract';
import type { Column } from './VirtualTable';
import { addressPart, middleEllipsis } from '../lib/format';
import { ConfidenceLevel } from './ConfidenceLevel';
import { CopyButton } from './CopyButton';

/** The columns of an address row; the workspace list adds the tag count, a case's list does without. */
export function addressColumns(withTags: boolean): readonly Column[] {
  return [
    { id: 'address', title: 'Address' },
    { id: 'chain', title: 'Chain' },
    { id: 'label', title: 'Label' },
    { id: 'confidence', title: 'Confidence' },
    ...(withTags ? [{ id: 'tags', title: 'Tags', numeric: true }] : []),
    { id: 'entity', title: 'Entity' },
  ];
}

/** One address as every address table shows it: untrusted labels and names as text, the address copyable. */
export function AddressRowCells({ row, withTags }: { row: AddressRow; withTags: boolean }) {
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
      {withTags && (
        <div role="gridcell" className="vtable-num">
          {row.tags}
        </div>
      )}
      <div role="gridcell" className="cell-text" title={row.entity ?? undefined}>
        {row.entity}
      </div>
    </>
  );
}
