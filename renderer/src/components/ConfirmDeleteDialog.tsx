import { useId, useRef, useState, type ReactNode } from 'react';
import { useApp } from '../store/context';
import { Dialog } from './Dialog';

interface Props {
  title: string;
  /** What will be deleted and what goes with it; "This cannot be undone." follows. */
  children: ReactNode;
  /** The danger button's label, e.g. "Delete case". */
  confirmLabel: string;
  /** What the failure message says was not deleted, e.g. "The case". */
  what: string;
  onConfirm(): Promise<{ ok: true } | { ok: false; message: string }>;
}

/** The one confirmation before a deletion: the safe choice has the focus, so a stray Enter deletes nothing. */
export function ConfirmDeleteDialog({ title, children, confirmLabel, what, onConfirm }: Props) {
  const closeDialog = useApp((s) => s.closeDialog);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const descriptionId = useId();

  async function confirm() {
    setBusy(true);
    setFailure(null);
    const result = await onConfirm();
    setBusy(false);
    if (result.ok) closeDialog();
    else setFailure(`${what} was not deleted: ${result.message}`);
  }

  return (
    <Dialog
      title={title}
      role="alertdialog"
      onClose={() => {
        if (!busy) closeDialog();
      }}
      initialFocus={cancelRef}
      describedBy={descriptionId}
    >
      <div id={descriptionId} className="dialog-body">
        <p>{children}</p>
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
          {busy ? 'Deleting…' : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
