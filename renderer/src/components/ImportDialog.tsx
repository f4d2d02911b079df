import { useApp } from '../store/context';
import { isImportBusy } from '../store/importSlice';
import { Dialog } from './Dialog';
import { ImportForm } from './ImportForm';
import { ImportOutcome } from './ImportOutcome';
import { ImportProgressView } from './ImportProgressView';

export function ImportDialog() {
  const phase = useApp((s) => s.importRun.phase);
  const close = useApp((s) => s.closeImport);
  return (
    // While an import runs, Escape does nothing: stopping it is a decision, made with the Cancel button.
    <Dialog title="Import files" onClose={close} wide={phase === 'done'}>
      {phase === 'choosing' && <ImportForm />}
      {isImportBusy(phase) && <ImportProgressView />}
      {(phase === 'done' || phase === 'cancelled' || phase === 'failed') && <ImportOutcome />}
    </Dialog>
  );
}
