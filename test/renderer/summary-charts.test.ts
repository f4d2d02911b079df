import { describe, expect, it } from 'vitest';
import { shortUsd } from '../../renderer/src/lib/format';
import { confidenceChoices, summaryFormProblem } from '../../renderer/src/store/summarySlice';

describe('summary charts and form', () => {
  it('writes bar values with three significant digits, cut, never overstating', () => {
    expect(shortUsd('721000000.00')).toBe('$721M');
    expect(shortUsd('540000000.00')).toBe('$540M');
    expect(shortUsd('1037000000.00')).toBe('$1.03B');
    expect(shortUsd('1039999999.99')).toBe('$1.03B');
    expect(shortUsd('12500000.00')).toBe('$12.5M');
    expect(shortUsd('1000.00')).toBe('$1K');
    expect(shortUsd('999.99')).toBe('$999.99');
    expect(shortUsd('0.00')).toBe('$0.00');
    expect(shortUsd('2300000000000000.00')).toBe('$2300T');
  });

  it('offers each confidence level of the taxonomy once, highest first, with the names that carry it', () => {
    expect(
      confidenceChoices([
        { id: 'forensic', label: 'Forensic report', level: 50, description: '' },
        { id: 'ownership', label: 'Proven ownership', level: 100, description: '' },
        { id: 'service_data', label: 'Service data', level: 50, description: '' },
      ]),
    ).toEqual([
      { level: 100, labels: ['Proven ownership'] },
      { level: 50, labels: ['Forensic report', 'Service data'] },
    ]);
  });

  it('says what is missing before it asks the engine', () => {
    const form = { actor: null, from: '', to: '', minConfidence: 50, caseId: null };
    expect(summaryFormProblem(form)).toMatch(/Choose an actor/);
    const actor = { id: 1, label: 'Lazarus Group', key: 'lazarusgroup' };
    expect(summaryFormProblem({ ...form, actor })).toBeNull();
    expect(summaryFormProblem({ ...form, actor, from: '2022-02-02', to: '2022-02-01' })).toBe('From is after To.');
  });
});
