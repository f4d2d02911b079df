import { describe, expect, it } from 'vitest';
import { createEngine } from '../../db/api/engine';
import { auditForCase } from '../../db/audit';
import { openDb } from '../../db/open';
import { steppingClock, tempWorkspace } from '../helpers/workspace';

function engineWithDb(file = ':memory:') {
  const { db } = openDb(file);
  return { db, api: createEngine(db, { now: steppingClock() }) };
}

describe('cases', () => {
  it('creates an open case with trimmed fields and fixed-clock times', () => {
    const { api } = engineWithDb();
    const c = api.call('case.create', {
      title: '  Zaif hot wallet drain ',
      reference: 'JP-2018-0914',
      investigator: 'K. Tanaka',
      description: 'BTC, MONA and BCH taken from the hot wallet.',
    });
    expect(c).toEqual({
      id: 1,
      title: 'Zaif hot wallet drain',
      reference: 'JP-2018-0914',
      investigator: 'K. Tanaka',
      description: 'BTC, MONA and BCH taken from the hot wallet.',
      status: 'open',
      createdAt: '2026-01-02T03:04:05.000Z',
      updatedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(api.call('case.get', { id: 1 })).toEqual(c);
  });

  it('stores an empty reference or investigator as null', () => {
    const { api } = engineWithDb();
    const c = api.call('case.create', { title: 'T', reference: '   ', investigator: '' });
    expect(c.reference).toBeNull();
    expect(c.investigator).toBeNull();
    expect(c.description).toBe('');
  });

  it('lists the most recently updated first and searches title, reference and investigator', () => {
    const { api } = engineWithDb();
    const a = api.call('case.create', { title: 'Coincheck NEM', reference: 'JP-1', investigator: 'Sato' });
    const b = api.call('case.create', { title: 'Bithumb', reference: 'KR-7', investigator: 'Kim' });
    const c = api.call('case.create', { title: 'Ronin bridge', reference: 'US-3', investigator: 'Smith' });
    expect(api.call('case.list', {}).map((x) => x.id)).toEqual([c.id, b.id, a.id]);
    api.call('case.update', { id: a.id, description: 'touched' });
    expect(api.call('case.list', {}).map((x) => x.id)).toEqual([a.id, c.id, b.id]);
    expect(api.call('case.list', { query: 'ronin' }).map((x) => x.id)).toEqual([c.id]);
    expect(api.call('case.list', { query: 'kr-' }).map((x) => x.id)).toEqual([b.id]);
    expect(api.call('case.list', { query: 'SATO' }).map((x) => x.id)).toEqual([a.id]);
    expect(api.call('case.list', { query: 'nothing like it' })).toEqual([]);
  });

  it('treats search wildcards literally', () => {
    const { api } = engineWithDb();
    api.call('case.create', { title: '50% of the hot wallet' });
    api.call('case.create', { title: '500 BTC' });
    api.call('case.create', { title: 'a_b' });
    api.call('case.create', { title: 'axb' });
    expect(api.call('case.list', { query: '50%' }).map((x) => x.title)).toEqual(['50% of the hot wallet']);
    expect(api.call('case.list', { query: 'a_b' }).map((x) => x.title)).toEqual(['a_b']);
  });

  it('filters by status', () => {
    const { api } = engineWithDb();
    const a = api.call('case.create', { title: 'A' });
    api.call('case.create', { title: 'B' });
    api.call('case.update', { id: a.id, status: 'archived' });
    expect(api.call('case.list', { status: 'archived' }).map((x) => x.title)).toEqual(['A']);
    expect(api.call('case.list', { status: 'open' }).map((x) => x.title)).toEqual(['B']);
  });

  it('renames, archives and reopens, moving updatedAt but never createdAt', () => {
    const { api } = engineWithDb();
    const c = api.call('case.create', { title: 'Old title' });
    const renamed = api.call('case.update', { id: c.id, title: 'New title' });
    expect(renamed.title).toBe('New title');
    expect(renamed.createdAt).toBe(c.createdAt);
    expect(renamed.updatedAt > c.updatedAt).toBe(true);
    expect(api.call('case.update', { id: c.id, status: 'archived' }).status).toBe('archived');
    expect(api.call('case.update', { id: c.id, status: 'open' }).status).toBe('open');
  });

  it('leaves updatedAt alone when an update changes nothing', () => {
    const { api } = engineWithDb();
    const c = api.call('case.create', { title: 'Same' });
    expect(api.call('case.update', { id: c.id, title: 'Same' })).toEqual(c);
  });

  it('deletes a case, and reports a missing one as not found', () => {
    const { api } = engineWithDb();
    const c = api.call('case.create', { title: 'Gone soon' });
    expect(api.call('case.delete', { id: c.id })).toEqual({ id: c.id });
    expect(api.call('case.list', {})).toEqual([]);
    for (const [method, input] of [
      ['case.get', { id: c.id }],
      ['case.update', { id: c.id, title: 'x' }],
      ['case.delete', { id: c.id }],
    ] as const) {
      expect(api.dispatch(method, input)).toEqual({
        ok: false,
        error: { code: 'not_found', message: `case ${c.id} does not exist` },
      });
    }
  });

  it('keeps the audit trail of a case, even after it is deleted', () => {
    const { db, api } = engineWithDb();
    const c = api.call('case.create', { title: 'Audited' });
    api.call('case.update', { id: c.id, title: 'Audited twice', status: 'closed' });
    api.call('case.delete', { id: c.id });
    expect(auditForCase(db, c.id).map((e) => [e.action, e.detail])).toEqual([
      ['case.created', { title: 'Audited' }],
      ['case.updated', { title: { from: 'Audited', to: 'Audited twice' }, status: { from: 'open', to: 'closed' } }],
      ['case.deleted', { title: 'Audited twice', reference: null }],
    ]);
  });

  it('keeps cases across closing and reopening the workspace', () => {
    const file = tempWorkspace();
    const first = engineWithDb(file);
    const c = first.api.call('case.create', { title: 'Survives a restart', reference: 'R-1' });
    first.db.close();
    const second = engineWithDb(file);
    expect(second.api.call('case.list', {})).toEqual([c]);
    second.db.close();
  });

  it('stores untrusted text exactly as given', () => {
    const { api } = engineWithDb();
    const title = `<img src=x onerror=alert(1)> '; DROP TABLE cases; -- \u202e`;
    const c = api.call('case.create', { title });
    expect(api.call('case.get', { id: c.id }).title).toBe(title.trim());
  });

  it('uses the index for the case list order', () => {
    const { db } = engineWithDb();
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM cases ORDER BY updated_at DESC, id DESC').all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/cases_by_updated/);
  });
});
