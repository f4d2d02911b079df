import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { EntityDetails, EntityKind, Input } from '../../../db/api/contract';
import { ENTITY_KINDS } from '../store/entitiesSlice';
import { useApp } from '../store/context';
import { CountryPicker } from './CountryPicker';
import { Dialog } from './Dialog';
import { FormField } from './FormField';

interface Values {
  label: string;
  kind: EntityKind;
  jurisdictions: string[];
  aliases: string;
  categories: string;
  uri: string;
  description: string;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const commaList = (text: string) =>
  text
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);

function valuesOf(e: EntityDetails | null, kind: EntityKind): Values {
  return {
    label: e?.label ?? '',
    kind: e?.kind ?? kind,
    jurisdictions: e?.jurisdictions ?? [],
    aliases: e?.aliases.join('\n') ?? '',
    categories: e?.categories.join(', ') ?? '',
    uri: e?.uri ?? '',
    description: e?.description ?? '',
  };
}

interface EntityFormDialogProps {
  /** The entity to edit; null makes a new one. */
  target: EntityDetails | null;
  /** For a new entity: its kind to start with (an incident's victim picker asks for a victim). */
  kind?: EntityKind;
  /** Called with the entity the engine stored; the caller closes the dialog. */
  onSaved(entity: EntityDetails): void;
  onClose(): void;
}

/** New and Edit entity. The engine checks every rule (known countries, non-empty label) and says what is wrong. */
export function EntityFormDialog({ target, kind = 'victim', onSaved, onClose }: EntityFormDialogProps) {
  const [values, setValues] = useState(() => valuesOf(target, kind));
  const [failure, setFailure] = useState<string | null>(null);
  const [labelError, setLabelError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const reference = useApp((s) => s.reference);
  const loadReference = useApp((s) => s.loadReference);
  const create = useApp((s) => s.createEntity);
  const update = useApp((s) => s.updateEntity);
  const labelRef = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    void loadReference().then((r) => {
      if (!r.ok) setFailure(`The country list could not be loaded: ${r.message}`);
    });
  }, [loadReference]);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => setValues((v) => ({ ...v, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (values.label.trim() === '') {
      setLabelError('Give the entity a name.');
      labelRef.current?.focus();
      return;
    }
    setLabelError(undefined);
    const fields = {
      label: values.label,
      kind: values.kind,
      jurisdictions: values.jurisdictions,
      aliases: lines(values.aliases),
      categories: commaList(values.categories),
      uri: values.uri.trim() === '' ? null : values.uri.trim(),
      description: values.description,
    } satisfies Input<'entity.create'>;
    setBusy(true);
    setFailure(null);
    const result = target ? await update({ id: target.id, ...fields }) : await create(fields);
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setFailure(`${target ? 'The changes were not saved' : 'The entity was not created'}: ${result.message}`);
  }

  return (
    <Dialog title={target ? 'Edit entity' : 'New entity'} onClose={() => !busy && onClose()} initialFocus={labelRef}>
      <form className="case-form" noValidate onSubmit={submit} aria-busy={busy}>
        {failure && (
          <div className="alert alert-error" role="alert">
            {failure}
          </div>
        )}
        <div className="form-row">
          <FormField id={`${id}-label`} label="Label" required error={labelError}>
            {(props) => (
              <input
                {...props}
                ref={labelRef}
                type="text"
                value={values.label}
                maxLength={200}
                placeholder="e.g. Coincheck"
                autoComplete="off"
                onChange={(e) => set('label', e.target.value)}
              />
            )}
          </FormField>
          <FormField id={`${id}-kind`} label="Kind">
            {(props) => (
              <select {...props} value={values.kind} onChange={(e) => set('kind', e.target.value as EntityKind)}>
                {ENTITY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <FormField id={`${id}-jurisdictions`} label="Jurisdictions" hint="Where it is based or licensed">
          {(props) => (
            <CountryPicker
              id={props.id}
              label="Jurisdictions"
              countries={reference?.countries ?? []}
              value={values.jurisdictions}
              onChange={(codes) => set('jurisdictions', codes)}
            />
          )}
        </FormField>
        <div className="form-row">
          <FormField id={`${id}-aliases`} label="Aliases" hint="One per line">
            {(props) => (
              <textarea {...props} rows={3} value={values.aliases} onChange={(e) => set('aliases', e.target.value)} />
            )}
          </FormField>
          <FormField id={`${id}-categories`} label="Categories" hint="Comma-separated, e.g. exchange">
            {(props) => (
              <input
                {...props}
                type="text"
                value={values.categories}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => set('categories', e.target.value)}
              />
            )}
          </FormField>
        </div>
        <FormField id={`${id}-uri`} label="URI">
          {(props) => (
            <input
              {...props}
              type="text"
              value={values.uri}
              maxLength={2000}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => set('uri', e.target.value)}
            />
          )}
        </FormField>
        <FormField id={`${id}-description`} label="Description">
          {(props) => (
            <textarea
              {...props}
              rows={2}
              value={values.description}
              onChange={(e) => set('description', e.target.value)}
            />
          )}
        </FormField>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : target ? 'Save changes' : 'Create entity'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
