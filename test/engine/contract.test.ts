import { describe, expect, it } from 'vitest';
import { LIMITS, METHODS } from '../../db/api/contract';
import { createEngine } from '../../db/api/engine';
import { openDb } from '../../db/open';

const { db } = openDb(':memory:');
const api = createEngine(db);

function refusal(method: unknown, input: unknown) {
  const envelope = api.dispatch(method, input);
  if (envelope.ok) throw new Error(`expected ${String(method)} to refuse ${JSON.stringify(input)}`);
  return envelope.error;
}

describe('the API contract refuses bad payloads at the boundary', () => {
  it('lists the methods', () => {
    expect(METHODS).toEqual([
      'case.list',
      'case.get',
      'case.create',
      'case.update',
      'case.delete',
      'address.check',
      'address.show',
      'address.list',
      'entity.list',
      'import.formats',
      'case.addresses',
      'graph.get',
      'graph.apply',
      'graph.neighbours',
      'graph.edgeTransfers',
      'address.flows',
      'address.transfers',
      'trace.list',
      'trace.get',
      'reference.get',
      'entity.get',
      'entity.create',
      'entity.update',
      'entity.merge',
      'incident.list',
      'incident.get',
      'incident.create',
      'incident.update',
      'incident.delete',
      'incident.attribute',
      'incident.unattribute',
      'incident.setTrace',
      'summary.get',
    ]);
  });

  it.each([
    ['case.create', {}, 'case.create: title: '],
    ['case.create', { title: '' }, 'case.create: title: must not be empty'],
    ['case.create', { title: '    ' }, 'case.create: title: must not be empty'],
    ['case.create', { title: 42 }, 'case.create: title: '],
    ['case.create', { title: 'x'.repeat(LIMITS.title + 1) }, 'case.create: title: '],
    ['case.create', { title: 'ok', status: 'archived' }, 'case.create: Unrecognized key'],
    ['case.create', { title: 'ok', admin: true }, 'case.create: Unrecognized key'],
    ['case.create', null, 'case.create: title: '],
    ['case.create', 'a string', 'case.create: '],
    ['case.get', { id: 0 }, 'case.get: id: '],
    ['case.get', { id: 1.5 }, 'case.get: id: '],
    ['case.get', { id: '1' }, 'case.get: id: must be a case id'],
    ['case.update', { id: 1 }, 'case.update: nothing to change'],
    ['case.update', { id: 1, status: 'deleted' }, 'case.update: status: '],
    ['case.list', { query: 'x'.repeat(LIMITS.query + 1) }, 'case.list: query: '],
    ['case.delete', {}, 'case.delete: id: '],
  ])('%s refuses %j', (method, input, message) => {
    const error = refusal(method, input);
    expect(error.code).toBe('invalid_input');
    expect(error.message.startsWith(message)).toBe(true);
  });

  it('names every offending field in one message', () => {
    const error = refusal('case.update', { id: -1, title: '', status: 'gone' });
    expect(error.message).toMatch(/id: .*; title: must not be empty; status: /);
  });

  it('refuses unknown and non-string method names', () => {
    expect(refusal('case.drop', {})).toEqual({ code: 'unknown_method', message: 'unknown method: case.drop' });
    expect(refusal('__proto__', {}).code).toBe('unknown_method');
    expect(refusal('toString', {}).code).toBe('unknown_method');
    expect(refusal(42, {}).code).toBe('unknown_method');
  });

  it('writes nothing for a refused payload', () => {
    refusal('case.create', { title: '' });
    expect(api.call('case.list', {})).toEqual([]);
  });
});
