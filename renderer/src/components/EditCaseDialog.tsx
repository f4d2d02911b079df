import { useRef } from 'react';
import type { Case } from '../../../db/api/contract';
import { useApp } from '../store/context';
import { CaseForm } from './CaseForm';
import { changesOf, formValuesOf, type CaseFormValues } from './caseFormValues';
import { Dialog } from './Dialog';

export function EditCaseDialog({ target }: { target: Case }) {
  const update = useApp((s) => s.update);
  const closeDialog = useApp((s) => s.closeDialog);
  // While the engine is saving, closing would drop its answer, and with it any refusal the user must see.
  const busy = useRef(false);

  async function submit(values: CaseFormValues) {
    const changes = changesOf(target, values);
    if (Object.keys(changes).length > 0) {
      const result = await update(target.id, changes);
      if (!result.ok) return `The changes were not saved: ${result.message}`;
    }
    closeDialog();
    return null;
  }

  function close() {
    if (!busy.current) closeDialog();
  }

  return (
    <Dialog title="Edit case" onClose={close}>
      <CaseForm
        initial={formValuesOf(target)}
        submitLabel="Save changes"
        busyLabel="Saving…"
        onSubmit={submit}
        onCancel={close}
        onBusyChange={(b) => (busy.current = b)}
      />
    </Dialog>
  );
}
