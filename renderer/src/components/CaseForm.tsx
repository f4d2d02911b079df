import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { FIELD_LIMITS } from '../lib/limits';
import { modKeyLabel } from '../lib/platform';
import { validateCaseForm, type CaseFormErrors, type CaseFormValues } from './caseFormValues';
import { FormField } from './FormField';

interface CaseFormProps {
  initial: CaseFormValues;
  submitLabel: string;
  busyLabel: string;
  /** Resolves with the engine's refusal to show, or null when the form may close. */
  onSubmit(values: CaseFormValues): Promise<string | null>;
  onCancel(): void;
  onBusyChange(busy: boolean): void;
}

export function CaseForm({ initial, submitLabel, busyLabel, onSubmit, onCancel, onBusyChange }: CaseFormProps) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<CaseFormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const id = useId();

  function change(field: keyof CaseFormValues, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = validateCaseForm(values);
    setErrors(found);
    if (found.title) {
      titleRef.current?.focus();
      return;
    }
    setBusy(true);
    onBusyChange(true);
    setFailure(null);
    const refusal = await onSubmit(values);
    setBusy(false);
    onBusyChange(false);
    if (refusal !== null) setFailure(refusal);
  }

  /** Enter in the description adds a line, so Ctrl/Cmd+Enter submits from there. */
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  return (
    <form className="case-form" noValidate onSubmit={submit} onKeyDown={onKeyDown} aria-busy={busy}>
      {failure && (
        <div className="alert alert-error" role="alert">
          {failure}
        </div>
      )}
      <FormField id={`${id}-title`} label="Title" required error={errors.title}>
        {(props) => (
          <input
            {...props}
            ref={titleRef}
            type="text"
            value={values.title}
            maxLength={FIELD_LIMITS.title}
            placeholder="e.g. Hot-wallet drain at Example Exchange"
            autoComplete="off"
            onChange={(e) => change('title', e.target.value)}
          />
        )}
      </FormField>
      <div className="form-row">
        <FormField id={`${id}-reference`} label="Reference" hint="File or docket number">
          {(props) => (
            <input
              {...props}
              type="text"
              value={values.reference}
              maxLength={FIELD_LIMITS.reference}
              placeholder="e.g. CR-2024-0113"
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => change('reference', e.target.value)}
            />
          )}
        </FormField>
        <FormField id={`${id}-investigator`} label="Investigator" hint="Who leads the case">
          {(props) => (
            <input
              {...props}
              type="text"
              value={values.investigator}
              maxLength={FIELD_LIMITS.investigator}
              placeholder="e.g. Det. A. Moreau"
              autoComplete="off"
              onChange={(e) => change('investigator', e.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormField id={`${id}-description`} label="Description" hint={`${modKeyLabel('Enter')} saves`}>
        {(props) => (
          <textarea
            {...props}
            rows={5}
            value={values.description}
            maxLength={FIELD_LIMITS.description}
            placeholder="What happened, what is known so far, where the information came from"
            onChange={(e) => change('description', e.target.value)}
          />
        )}
      </FormField>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
