import { memo } from 'react';
import type { Case } from '../../../db/api/contract';
import { formatAbsolute, formatRelative } from '../lib/time';
import { StatusBadge } from './StatusBadge';

export function caseOptionId(id: number): string {
  return `case-option-${id}`;
}

interface CaseListItemProps {
  item: Case;
  selected: boolean;
  now: number;
  onSelect(id: number): void;
}

export const CaseListItem = memo(function CaseListItem({ item, selected, now, onSelect }: CaseListItemProps) {
  return (
    <li
      id={caseOptionId(item.id)}
      role="option"
      aria-selected={selected}
      className="case-item"
      onClick={() => onSelect(item.id)}
    >
      <div className="case-item-row">
        <span className="case-item-title" title={item.title}>
          {item.title}
        </span>
        <StatusBadge status={item.status} />
      </div>
      <div className="case-item-row case-item-meta">
        <span className="case-item-people">
          {item.reference && <span className="reference">{item.reference}</span>}
          {item.investigator && <span className="case-item-investigator">{item.investigator}</span>}
        </span>
        <time dateTime={item.updatedAt} title={`Updated ${formatAbsolute(item.updatedAt)}`}>
          {formatRelative(item.updatedAt, now)}
        </time>
      </div>
    </li>
  );
});
