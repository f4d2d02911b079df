import { AddToGraphDialog } from '../graph/AddToGraphDialog';
import { ExpandDialog } from '../graph/ExpandDialog';
import { GroupDialog } from '../graph/GroupDialog';
import { useApp } from '../store/context';
import { AddAddressesDialog } from './AddAddressesDialog';
import { DeleteCaseDialog } from './DeleteCaseDialog';
import { EditCaseDialog } from './EditCaseDialog';
import { ImportDialog } from './ImportDialog';
import { NewCaseDialog } from './NewCaseDialog';
import { ReportDialog } from './ReportDialog';

/** The one place dialogs are mounted, so at most one is open and the store decides which. */
export function DialogHost() {
  const dialog = useApp((s) => s.dialog);
  const selected = useApp((s) => s.selected);
  if (dialog === 'create') return <NewCaseDialog />;
  if (dialog === 'import') return <ImportDialog />;
  // Keyed by case, so the form starts from that case's values rather than a previous one's.
  if (dialog === 'edit' && selected) return <EditCaseDialog key={selected.id} target={selected} />;
  if (dialog === 'delete' && selected) return <DeleteCaseDialog key={selected.id} target={selected} />;
  if (dialog === 'add-addresses' && selected) return <AddAddressesDialog target={selected} />;
  if (dialog === 'report' && selected) return <ReportDialog key={selected.id} target={selected} />;
  if (dialog === 'graph-add') return <AddToGraphDialog />;
  if (dialog === 'graph-expand') return <ExpandDialog />;
  if (dialog === 'graph-group') return <GroupDialog />;
  return null;
}
