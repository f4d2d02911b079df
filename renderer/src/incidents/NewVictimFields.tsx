import { useId, useState } from 'react';
import type { EntityDetails } from '../../../db/api/contract';
import { CountryPicker } from '../components/CountryPicker';
import { FormField } from '../components/FormField';
import { useApp } from '../store/context';

interface NewVictimFieldsProps {
  /** The victim the engine stored, to pick in the incident form. */
  onCreated(victim: EntityDetails): void;
  onFailure(message: string): void;
}

/** A victim made on the spot inside the incident form: its label and jurisdictions, stored as an entity. */
export function NewVictimFields({ onCreated, onFailure }: NewVictimFieldsProps) {
  const reference = useApp((s) => s.reference);
  const createEntity = useApp((s) => s.createEntity);
  const [label, setLabel] = useState('');
  const [jurisdictions, setJurisdictions] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function create() {
    if (label.trim() === '' || busy) return;
    setBusy(true);
    const result = await createEntity({ label, kind: 'victim', jurisdictions });
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else onFailure(`The victim was not created: ${result.message}`);
  }

  return (
    <fieldset className="inline-victim">
      <legend>New victim</legend>
      <FormField id={`${id}-label`} label="Victim label">
        {(props) => (
          <input {...props} type="text" value={label} autoComplete="off" onChange={(e) => setLabel(e.target.value)} />
        )}
      </FormField>
      <FormField id={`${id}-countries`} label="Victim jurisdictions">
        {(props) => (
          <CountryPicker
            id={props.id}
            label="Victim jurisdictions"
            countries={reference?.countries ?? []}
            value={jurisdictions}
            onChange={setJurisdictions}
          />
        )}
      </FormField>
      <button type="button" className="button" onClick={create} disabled={label.trim() === '' || busy}>
        {busy ? 'Creating…' : 'Create victim'}
      </button>
    </fieldset>
  );
}
