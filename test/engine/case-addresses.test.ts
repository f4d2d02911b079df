import { describe, expect, it } from 'vitest';
import { createEngine } from '../../db/api/engine';
import { ApiError } from '../../db/api/errors';
import { openDb } from '../../db/open';
import { steppingClock } from '../helpers/workspace';

function setup() {
  const { db } = openDb(':memory:');
  const api = createEngine(db, { now: steppingClock() });
  const { id } = api.call('case.create', { title: 'Coincheck NEM theft' });
  return { db, api, id };
}

const PASTED = [
  '# victim hot wallets, from the exchange',
  'BTC:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
  'ETH:0xd8da6bf26964af9d7eed9e03e53415d37aa96045',
  '',
  'ETH:0xD8dA6BF26964aF9D7eEd9e03E53415D37aA96045',
  'BTC:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
  'TRX:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
].join('\n');

describe('pasting addresses into a case', () => {
  it('validates line by line and reports the refused lines under the name given', async () => {
    const { api, id } = setup();
    const report = await api.runJob('import.text', { text: PASTED, name: 'pasted addresses.txt', caseId: id });
    expect(report).toMatchObject({ read: 5, inserted: 3, duplicates: 1, rejected: 1, failed: [] });
    expect(report.errors).toEqual([{ file: 'pasted addresses.txt', line: 5, reason: expect.stringMatching(/EIP-55/) }]);
    expect(report.files[0]?.file).toBe('pasted addresses.txt');

    const page = api.call('case.addresses', { id });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.address)).toEqual([
      'BTC:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
      'ETH:0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045',
      'TRX:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
    ]);
    // Pasting again adds nothing.
    const again = await api.runJob('import.text', { text: PASTED, name: 'pasted addresses.txt', caseId: id });
    expect(again).toMatchObject({ inserted: 0, duplicates: 4, rejected: 1 });
  });

  it('keeps each case to its own addresses, and refuses a case that does not exist', async () => {
    const { api, id } = setup();
    const other = api.call('case.create', { title: 'Another case' });
    await api.runJob('import.text', { text: 'BTC:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', name: 'a.txt', caseId: id });
    expect(api.call('case.addresses', { id: other.id }).total).toBe(0);
    expect(() => api.call('case.addresses', { id: 999 })).toThrow(ApiError);
    await expect(api.runJob('import.text', { text: 'x', name: 'a.txt', caseId: 999 })).rejects.toThrow(
      'case 999 does not exist',
    );
  });

  it('imports any other pasted format too, such as a TagPack', async () => {
    const { api } = setup();
    const pack = [
      'title: Pasted',
      'creator: analyst',
      'label: Suspect',
      'source: interview',
      'currency: BTC',
      'confidence: forensic_investigation',
      'tags:',
      '- address: 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
      '',
    ].join('\n');
    const report = await api.runJob('import.text', { text: pack, name: 'notes.yaml' });
    expect(report).toMatchObject({ inserted: 1, files: [{ format: 'tagpack', file: 'notes.yaml' }] });
    expect(api.call('address.show', { address: 'BTC:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2' }).tags[0]).toMatchObject({
      label: 'Suspect',
      confidence: 'forensic_investigation',
      origin: { file: 'notes.yaml' },
    });
  });
});
