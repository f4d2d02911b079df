import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { EntityRow, Incident } from '../../../db/api/contract';
import { Dialog } from '../components/Dialog';
import { FormField } from '../components/FormField';
import { useApp } from '../store/context';
import { messageOf } from '../store/result';

/**
 * Attribute an incident to an actor directly, with the source that says so and a confidence of the GraphSense
 * taxonomy; the incident's current direct attributions are listed with a way to remove each.
 */
export function AttributeDialog({ target }: { target: Incident }) {
  const api = useApp((s) => s.entityApi);
  const reference = useApp((s) => s.reference);
  const attribute = useApp((s) => s.attributeIncident);
  const unattribute = useApp((s) => s.unattributeIncident);
  const closeDialog = useApp((s) => s.closeDialog);
  const [actors, setActors] = useState<EntityRow[]>([]);
  const [actorId, setActorId] = useState('');
  const [confidence, setConfidence] = useState('forensic');
  const [source, setSource] = useState('');
  const [sourceError, setSourceError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const actorRef = useRef<HTMLSelectElement>(null);
  const id = useId();

  useEffect(() => {
    let live = true;
    api['entity.list']({ kind: 'actor', limit: 1000 }).then(
      (page) => live && setActors(page.rows),
      (error: unknown) => live && setFailure(`The actors could not be loaded: ${messageOf(error)}`),
    );
    return () => {
      live = false;
    };
  }, [api]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (actorId === '') {
      setFailure('Choose the actor.');
      return;
    }
    if (source.trim() === '') {
      setSourceError('Say where the attribution comes from.');
      return;
    }
    setSourceError(undefined);
    setBusy(true);
    setFailure(null);
    const result = await attribute({ id: target.id, actorId: Number(actorId), source, confidence });
    setBusy(false);
    if (result.ok) closeDialog();
    else setFailure(`The attribution was not saved: ${result.message}`);
  }

  async function remove(actor: number) {
    setBusy(true);
    const result = await unattribute(target.id, actor);
    setBusy(false);
    if (!result.ok) setFailure(`The attribution was not removed: ${result.message}`);
  }

  return (
    <Dialog title={`Attribute incident #${target.id}`} onClose={() => !busy && closeDialog()} initialFocus={actorRef}>
      <form className="case-form" noValidate onSubmit={submit} aria-busy={busy}>
        {failure && (
          <div className="alert alert-error" role="alert">
            {failure}
          </div>
        )}
        {target.actors.length > 0 && (
          <ul className="plain-list attributions" aria-label="Direct attributions">
            {target.actors.map((a) => (
              <li key={a.actor.id}>
                <span>
                  <strong>{a.actor.label}</strong> · {a.confidence} ({a.confidenceLevel}) · {a.source}
                </span>
                <button type="button" className="button button-danger-quiet" onClick={() => remove(a.actor.id)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <FormField id={`${id}-actor`} label="Actor" required>
          {(props) => (
            <select {...props} ref={actorRef} value={actorId} onChange={(e) => setActorId(e.target.value)}>
              <option value="">Choose an actor…</option>
              {actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                  {a.key ? ` (${a.key})` : ''}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={`${id}-confidence`} label="Confidence">
          {(props) => (
            <select {...props} value={confidence} onChange={(e) => setConfidence(e.target.value)}>
              {(reference?.confidence ?? []).map((c) => (
                <option key={c.id} value={c.id} title={c.description}>
                  {c.label} ({c.level})
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={`${id}-source`} label="Source" required error={sourceError} hint="A report, a press release…">
          {(props) => <textarea {...props} rows={2} value={source} onChange={(e) => setSource(e.target.value)} />}
        </FormField>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={closeDialog} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Attribute'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
