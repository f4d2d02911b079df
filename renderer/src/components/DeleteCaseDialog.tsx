import { useId, useRef, useState } from 'react';
import type { Case } from '../../../db/api/contract';
import { useApp } from '../store/context';
import { Dialog } from './Dialog';

export function DeleteCaseDialog({ target }: { target: Case }) {
  const remove = useApp((s) => s.remove);
  const closeDialog = useApp((s) => s.closeDialog);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // The safe choice has the focus, so a stray Enter does not destroy a case.
  const cancelRef = useRef<HTMLButtonElement>(null);
  const descriptionId = useId();

  async function confirm() {
    setBusy(true);
    setFailure(null);
    const result = await remove(target.id);
    setBusy(false);
    if (result.ok) closeDialog();
    else setFailure(`The case was not deleted: ${result.message}`);
  }

  return (
    <Dialog
      title="Delete case?"
      role="alertdialog"
      onClose={() => {
        if (!busy) closeDialog();
      }}
      initialFocus={cancelRef}
      describedBy={descriptionId}
    >
      <div id={descriptionId} className="dialog-body">
        <p>
          <strong className="case-name">{target.title}</strong>
          {target.reference && <span className="case-name-reference"> ({target.reference})</span>} will be deleted
          permanently, with everything recorded in it.
        </p>
        <p className="muted">This cannot be undone.</p>
      </div>
      {failure && (
        <div className="alert alert-error" role="alert">
          {failure}
        </div>
      )}
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button" onClick={closeDialog} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={confirm} disabled={busy}>
          {busy ? 'Deleting…' : 'Delete case'}
        </button>
      </div>
    </Dialog>
  );
}
