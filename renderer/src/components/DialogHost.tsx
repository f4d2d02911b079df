import { AddToGraphDialog } from '../graph/AddToGraphDialog';
import { ExpandDialog } from '../graph/ExpandDialog';
import { GroupDialog } from '../graph/GroupDialog';
import { AttributeDialog } from '../incidents/AttributeDialog';
import { DeleteIncidentDialog } from '../incidents/DeleteIncidentDialog';
import { IncidentFormDialog } from '../incidents/IncidentFormDialog';
import { TraceIncidentDialog } from '../incidents/TraceIncidentDialog';
import { selectedIncident } from '../store/incidentsSlice';
import { useApp } from '../store/context';
import { AddAddressesDialog } from './AddAddressesDialog';
import { DeleteCaseDialog } from './DeleteCaseDialog';
import { EditCaseDialog } from './EditCaseDialog';
import { EntityFormDialog } from './EntityFormDialog';
import { ImportDialog } from './ImportDialog';
import { MergeEntitiesDialog } from './MergeEntitiesDialog';
import { NewCaseDialog } from './NewCaseDialog';
import { ReportDialog } from './ReportDialog';

/** The one place dialogs are mounted, so at most one is open and the store decides which. */
export function DialogHost() {
  const dialog = useApp((s) => s.dialog);
  const selected = useApp((s) => s.selected);
  const entity = useApp((s) => s.entityPanel?.details ?? null);
  const closeDialog = useApp((s) => s.closeDialog);
  const incident = useApp(selectedIncident);
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
  if (dialog === 'entity-create') return <EntityFormDialog target={null} onSaved={closeDialog} onClose={closeDialog} />;
  if (dialog === 'entity-edit' && entity)
    return <EntityFormDialog key={entity.id} target={entity} onSaved={closeDialog} onClose={closeDialog} />;
  if (dialog === 'entity-merge' && entity) return <MergeEntitiesDialog key={entity.id} target={entity} />;
  if (dialog === 'incident-create' && selected) return <IncidentFormDialog caseId={selected.id} target={null} />;
  if (dialog === 'incident-edit' && selected && incident)
    return <IncidentFormDialog key={incident.id} caseId={selected.id} target={incident} />;
  if (dialog === 'incident-attribute' && incident) return <AttributeDialog key={incident.id} target={incident} />;
  if (dialog === 'incident-trace' && incident) return <TraceIncidentDialog key={incident.id} target={incident} />;
  if (dialog === 'incident-delete' && incident) return <DeleteIncidentDialog key={incident.id} target={incident} />;
  return null;
}
