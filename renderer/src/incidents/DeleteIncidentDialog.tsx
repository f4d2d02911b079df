import type { Incident } from '../../../db/api/contract';
import { ConfirmDeleteDialog } from '../components/ConfirmDeleteDialog';
import { formatUnits } from '../lib/format';
import { useApp } from '../store/context';

export function DeleteIncidentDialog({ target }: { target: Incident }) {
  const remove = useApp((s) => s.deleteIncident);
  return (
    <ConfirmDeleteDialog
      title="Delete incident?"
      confirmLabel="Delete incident"
      what="The incident"
      onConfirm={() => remove(target.id)}
    >
      Incident #{target.id}
      {target.title && (
        <>
          , <strong className="case-name">{target.title}</strong>
        </>
      )}{' '}
      ({target.victim.label}, {formatUnits(target.amount, target.asset.decimals, target.asset.decimals)}{' '}
      {target.asset.symbol}) will be deleted with its theft transactions, victim addresses and direct attributions. A
      linked trace stays in the case.
    </ConfirmDeleteDialog>
  );
}
