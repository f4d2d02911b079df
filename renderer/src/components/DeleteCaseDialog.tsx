import type { Case } from '../../../db/api/contract';
import { useApp } from '../store/context';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog';

export function DeleteCaseDialog({ target }: { target: Case }) {
  const remove = useApp((s) => s.remove);
  return (
    <ConfirmDeleteDialog
      title="Delete case?"
      confirmLabel="Delete case"
      what="The case"
      onConfirm={() => remove(target.id)}
    >
      <strong className="case-name">{target.title}</strong>
      {target.reference && <span className="case-name-reference"> ({target.reference})</span>} will be deleted
      permanently, with everything recorded in it.
    </ConfirmDeleteDialog>
  );
}
