import { useId, useRef, useState } from 'react';
import type { Incident } from '../../../db/api/contract';
import { Dialog } from '../components/Dialog';
import { formatUnits } from '../lib/format';
import { useApp } from '../store/context';

export function DeleteIncidentDialog({ target }: { target: Incident }) {
  const remove = useApp((s) => s.deleteIncident);
  const closeDialog = useApp((s) => s.closeDialog);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // The safe choice has the focus, so a stray Enter does not delete the incident.
  const cancelRef = useRef<HTMLButtonElement>(null);
  const descriptionId = useId();

  async function confirm() {
    setBusy(true);
    setFailure(null);
    const result = await remove(target.id);
    setBusy(false);
    if (result.ok) closeDialog();
    else setFailure(`The incident was not deleted: ${result.message}`);
  }

  return (
    <Dialog
      title="Delete incident?"
      role="alertdialog"
      onClose={() => !busy && closeDialog()}
      initialFocus={cancelRef}
      describedBy={descriptionId}
    >
      <div id={descriptionId} className="dialog-body">
        <p>
          Incident #{target.id}
          {target.title && (
            <>
              , <strong className="case-name">{target.title}</strong>
            </>
          )}{' '}
          ({target.victim.label}, {formatUnits(target.amount, target.asset.decimals, target.asset.decimals)}{' '}
          {target.asset.symbol}) will be deleted with its theft transactions, victim addresses and direct attributions.
          A linked trace stays in the case.
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
          {busy ? 'Deleting…' : 'Delete incident'}
        </button>
      </div>
    </Dialog>
  );
}
