import { useRef } from 'react';
import { useApp } from '../store/context';
import { CaseForm } from './CaseForm';
import { draftOf, EMPTY_CASE_FORM, type CaseFormValues } from './caseFormValues';
import { Dialog } from './Dialog';

export function NewCaseDialog() {
  const create = useApp((s) => s.create);
  const closeDialog = useApp((s) => s.closeDialog);
  // While the engine is saving, closing would drop its answer, and with it any refusal the user must see.
  const busy = useRef(false);

  async function submit(values: CaseFormValues) {
    const result = await create(draftOf(values));
    if (!result.ok) return `The case was not created: ${result.message}`;
    closeDialog();
    return null;
  }

  function close() {
    if (!busy.current) closeDialog();
  }

  return (
    <Dialog title="New case" onClose={close}>
      <CaseForm
        initial={EMPTY_CASE_FORM}
        submitLabel="Create case"
        busyLabel="Creating…"
        onSubmit={submit}
        onCancel={close}
        onBusyChange={(b) => (busy.current = b)}
      />
    </Dialog>
  );
}
