import { AddToGraphDialog } from '../graph/AddToGraphDialog';
import { ExpandDialog } from '../graph/ExpandDialog';
import { GroupDialog } from '../graph/GroupDialog';
import { useApp } from '../store/context';
import { AddAddressesDialog } from './AddAddressesDialog';
import { DeleteCaseDialog } from './DeleteCaseDialog';
import { EditCaseDialog } from './EditCaseDialog';
import { EntityFormDialog } from './EntityFormDialog';
import { ImportDialog } from './ImportDialog';
import { MergeEntitiesDialog } from './MergeEntitiesDialog';
import { NewCaseDialog } from './NewCaseDialog';

/** The one place dialogs are mounted, so at most one is open and the store decides which. */
export function DialogHost() {
  const dialog = useApp((s) => s.dialog);
  const selected = useApp((s) => s.selected);
  const entity = useApp((s) => s.entityPanel?.details ?? null);
  const closeDialog = useApp((s) => s.closeDialog);
  if (dialog === 'create') return <NewCaseDialog />;
  if (dialog === 'import') return <ImportDialog />;
  // Keyed by case, so the form starts from that case's values rather than a previous one's.
  if (dialog === 'edit' && selected) return <EditCaseDialog key={selected.id} target={selected} />;
  if (dialog === 'delete' && selected) return <DeleteCaseDialog key={selected.id} target={selected} />;
  if (dialog === 'add-addresses' && selected) return <AddAddressesDialog target={selected} />;
  if (dialog === 'graph-add') return <AddToGraphDialog />;
  if (dialog === 'graph-expand') return <ExpandDialog />;
  if (dialog === 'graph-group') return <GroupDialog />;
  if (dialog === 'entity-create') return <EntityFormDialog target={null} onSaved={closeDialog} onClose={closeDialog} />;
  if (dialog === 'entity-edit' && entity)
    return <EntityFormDialog key={entity.id} target={entity} onSaved={closeDialog} onClose={closeDialog} />;
  if (dialog === 'entity-merge' && entity) return <MergeEntitiesDialog key={entity.id} target={entity} />;
  return null;
}
