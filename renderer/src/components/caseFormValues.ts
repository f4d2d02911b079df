import type { Case } from '../../../db/api/contract';
import type { CaseChanges, CaseDraft } from '../store/casesSlice';

export interface CaseFormValues {
  title: string;
  reference: string;
  investigator: string;
  description: string;
}

export type CaseFormErrors = Partial<Record<keyof CaseFormValues, string>>;

export const EMPTY_CASE_FORM: CaseFormValues = { title: '', reference: '', investigator: '', description: '' };

export function formValuesOf(c: Case): CaseFormValues {
  return {
    title: c.title,
    reference: c.reference ?? '',
    investigator: c.investigator ?? '',
    description: c.description,
  };
}

/** Field lengths are enforced by the inputs' maxLength; what is left to check is what typing cannot prevent. */
export function validateCaseForm(values: CaseFormValues): CaseFormErrors {
  return values.title.trim() === '' ? { title: 'Enter a title for the case.' } : {};
}

export function draftOf(values: CaseFormValues): CaseDraft {
  return {
    title: values.title.trim(),
    reference: values.reference.trim(),
    investigator: values.investigator.trim(),
    description: values.description.trim(),
  };
}

/** Only the fields that differ, so an unchanged save does not touch the case or its audit log. */
export function changesOf(original: Case, values: CaseFormValues): CaseChanges {
  const before = draftOf(formValuesOf(original));
  const after = draftOf(values);
  const changes: CaseChanges = {};
  if (after.title !== before.title) changes.title = after.title;
  if (after.reference !== before.reference) changes.reference = after.reference;
  if (after.investigator !== before.investigator) changes.investigator = after.investigator;
  if (after.description !== before.description) changes.description = after.description;
  return changes;
}
