import type { Case, CaseStatus } from '../../../db/api/contract';
import { useApp } from '../store/context';
import { Icon, type IconName } from './Icon';

interface StatusAction {
  label: string;
  to: CaseStatus;
  icon: IconName;
}

/** An archived case can only come back to open; a closed one can also be put away. */
const STATUS_ACTIONS: Record<CaseStatus, StatusAction[]> = {
  open: [
    { label: 'Close case', to: 'closed', icon: 'check' },
    { label: 'Archive', to: 'archived', icon: 'archive' },
  ],
  closed: [
    { label: 'Reopen', to: 'open', icon: 'reopen' },
    { label: 'Archive', to: 'archived', icon: 'archive' },
  ],
  archived: [{ label: 'Reopen', to: 'open', icon: 'reopen' }],
};

export function CaseActions({ item }: { item: Case }) {
  const openDialog = useApp((s) => s.openDialog);
  const setStatus = useApp((s) => s.setStatus);
  return (
    <div className="case-actions" role="group" aria-label="Case actions">
      <button type="button" className="button" onClick={() => openDialog('edit')}>
        <Icon name="edit" />
        Edit
      </button>
      <button type="button" className="button" onClick={() => openDialog('report')}>
        <Icon name="file" />
        Export report…
      </button>
      {STATUS_ACTIONS[item.status].map((action) => (
        <button key={action.to} type="button" className="button" onClick={() => void setStatus(item.id, action.to)}>
          <Icon name={action.icon} />
          {action.label}
        </button>
      ))}
      <button
        type="button"
        className="button button-danger-quiet"
        onClick={() => openDialog('delete')}
        aria-keyshortcuts="Delete"
      >
        <Icon name="trash" />
        Delete
      </button>
    </div>
  );
}
