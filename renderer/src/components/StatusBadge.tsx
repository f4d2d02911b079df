import type { CaseStatus } from '../../../db/api/contract';

export const STATUS_LABEL: Record<CaseStatus, string> = { open: 'Open', closed: 'Closed', archived: 'Archived' };

export function StatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABEL[status]}</span>;
}
