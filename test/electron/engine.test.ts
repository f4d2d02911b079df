import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import type { Case, Envelope } from '../../db/api/contract';
import { APPLICATION_ID } from '../../db/open';
import { EngineStartError, startEngine } from '../../electron/engine-host';
import { EngineMessage, EngineRequest, engineArgs, parseEngineArgs } from '../../electron/engine-protocol';
import { tempWorkspace } from '../helpers/workspace';
import { ELECTRON_ARGV, fakeEngine, inProcessFork, servedEngine, type FakeChild } from './fakes';

describe('engine command line', () => {
  it('round-trips the workspace and the native binding, wherever the flags sit', () => {
    const args = { workspace: '/home/a b/ariadne=1/workspace.db', nativeBinding: 'C:\\x\\better_sqlite3.node' };
    expect(parseEngineArgs([...ELECTRON_ARGV, ...engineArgs(args)])).toEqual(args);
    expect(parseEngineArgs([...engineArgs(args).reverse(), ...ELECTRON_ARGV])).toEqual(args);
  });

  it('leaves out the native binding when there is none', () => {
    expect(engineArgs({ workspace: '/w.db' })).toEqual(['--ariadne-workspace=/w.db']);
    expect(parseEngineArgs([...ELECTRON_ARGV, '--ariadne-workspace=/w.db'])).toEqual({ workspace: '/w.db' });
  });

  it('refuses to start without a workspace', () => {
    expect(() => parseEngineArgs(ELECTRON_ARGV)).toThrow(/--ariadne-workspace=/);
    expect(() => parseEngineArgs([...ELECTRON_ARGV, '--ariadne-workspace='])).toThrow(/--ariadne-workspace=/);
  });
});

describe('the engine’s messages', () => {
  it('recognises every request and nothing else', () => {
    for (const request of [
      { type: 'call', id: 7, method: 'case.create', input: { title: 'x' } },
      { type: 'job', id: 'c0ffee', name: 'import.files', input: { files: ['a.yaml'] } },
      { type: 'cancel', id: 'c0ffee' },
      { type: 'stop' },
    ]) {
      expect(EngineRequest.safeParse(request).success, JSON.stringify(request)).toBe(true);
    }
    for (const junk of [
      null,
      'case.list',
      { id: 1, method: 'case.list' },
      { type: 'call', id: -1, method: 'case.list' },
      { type: 'call', id: 1.5 },
      { type: 'job', id: 3, name: 'import.files' },
      { type: 'job', id: '', name: 'import.files' },
      { type: 'cancel' },
      { type: 'stop', extra: 1 },
    ]) {
      expect(EngineRequest.safeParse(junk).success, JSON.stringify(junk)).toBe(false);
    }
  });

  it('checks the frame of job events: their type, and a failure’s code', () => {
    const progress = { type: 'progress', progress: { file: 'a', bytesRead: 1, totalBytes: 2, records: 0 } };
    expect(EngineMessage.safeParse({ type: 'job-event', id: 'j', event: progress }).success).toBe(true);
    for (const event of [
      { type: 'progress' },
      { type: 'done', result: 42 },
      { type: 'failed', error: { code: 'oops', message: 'x' } },
      { type: 'paused' },
    ]) {
      expect(EngineMessage.safeParse({ type: 'job-event', id: 'j', event }).success, JSON.stringify(event)).toBe(false);
    }
  });
});

describe('serveEngine', () => {
  it('answers calls with the engine envelope under the same id, refusals included', async () => {
    const engine = servedEngine(tempWorkspace());
    expect(engine.said[0]).toMatchObject({ type: 'ready', migration: { from: 0 } });
    engine.send({ type: 'call', id: 7, method: 'case.create', input: { title: 'Liquid 2021' } });
    engine.send({ type: 'call', id: 8, method: 'case.drop', input: {} });
    engine.send({ type: 'call', id: 9, method: 'case.create', input: { title: '' } });
    expect(engine.said.slice(1)).toMatchObject([
      { type: 'reply', id: 7, envelope: { ok: true, result: { title: 'Liquid 2021', status: 'open' } } },
      { type: 'reply', id: 8, envelope: { ok: false, error: { code: 'unknown_method' } } },
      { type: 'reply', id: 9, envelope: { ok: false, error: { code: 'invalid_input' } } },
    ]);
    engine.send({ type: 'stop' });
    await vi.waitUntil(() => engine.exit.mock.calls.length > 0);
  });

  it('ignores anything that is not a request', async () => {
    const engine = servedEngine(tempWorkspace());
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    engine.send({ type: 'call', id: -1, method: 'case.list', input: {} });
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
    expect(engine.said).toHaveLength(1);
    engine.send({ type: 'stop' });
    await vi.waitUntil(() => engine.exit.mock.calls.length > 0);
  });
});

const lastCallId = (child: FakeChild) => {
  const last = child.sent.at(-1);
  if (last?.type !== 'call') throw new Error('no call sent');
  return last.id;
};

describe('startEngine with a fake child', () => {
  it('forks the engine module with the command line and resolves when the engine is ready', async () => {
    const { fork, ready } = fakeEngine();
    expect(fork).toHaveBeenCalledWith(
      '/dist/electron/engine.cjs',
      ['--ariadne-workspace=/w.db', '--ariadne-native-binding=/e.node'],
      expect.any(Object),
    );
    const host = await ready();
    expect(host.migration).toEqual({ from: 0, to: 2, backup: null });
  });

  it('matches replies to calls by id, in any order', async () => {
    const { child, ready } = fakeEngine();
    const host = await ready();
    const first = host.call('case.get', { id: 1 });
    const firstId = lastCallId(child);
    const second = host.call('case.get', { id: 2 });
    const secondId = lastCallId(child);
    expect(child.sent).toEqual([
      { type: 'call', id: firstId, method: 'case.get', input: { id: 1 } },
      { type: 'call', id: secondId, method: 'case.get', input: { id: 2 } },
    ]);
    child.say({ type: 'reply', id: secondId, envelope: { ok: true, result: 'two' } });
    child.say({
      type: 'reply',
      id: firstId,
      envelope: { ok: false, error: { code: 'not_found', message: 'case 1 does not exist' } },
    });
    await expect(first).resolves.toEqual({ ok: false, error: { code: 'not_found', message: 'case 1 does not exist' } });
    await expect(second).resolves.toEqual({ ok: true, result: 'two' });
  });

  it('ignores malformed messages from the engine', async () => {
    const { child, ready } = fakeEngine();
    const host = await ready();
    const pending = host.call('case.list', {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    child.say('junk');
    child.emit('message', { type: 'reply', id: lastCallId(child), envelope: { ok: 'yes' } });
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
    child.say({ type: 'reply', id: lastCallId(child), envelope: { ok: true, result: [] } });
    await expect(pending).resolves.toEqual({ ok: true, result: [] });
  });

  it('answers pending and later calls with a clear error once the engine has died', async () => {
    const { child, ready } = fakeEngine();
    const host = await ready();
    const pending = host.call('case.create', { title: 'x' });
    child.emit('exit', 139);
    const lost = await pending;
    expect(lost).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!lost.ok && lost.error.message).toMatch(/engine stopped \(exit code 139\).*Restart Ariadne/);
    const later = await host.call('case.list', {});
    expect(!later.ok && later.error.message).toMatch(/not running .*exit.* 139/);
  });

  it('rejects with the engine’s message when the workspace cannot be opened, and ends the child', async () => {
    const { child, started } = fakeEngine();
    child.say({ type: 'startup-error', message: 'written by a newer version of Ariadne' });
    await expect(started).rejects.toThrow(new EngineStartError('written by a newer version of Ariadne'));
    expect(child.killed).toBe(true);
  });

  it('rejects when the engine dies before it is ready', async () => {
    const { child, started } = fakeEngine();
    child.emit('exit', 1);
    await expect(started).rejects.toBeInstanceOf(EngineStartError);
    await expect(started).rejects.toThrow(/exit code 1/);
  });

  it('stops by asking the engine, and kills it when it does not answer', async () => {
    const polite = fakeEngine();
    const host = await polite.ready();
    const stopping = host.stop();
    expect(polite.child.sent).toEqual([{ type: 'stop' }]);
    polite.child.emit('exit', 0);
    await stopping;
    expect(polite.child.killed).toBe(false);

    const stuck = fakeEngine();
    const stuckHost = await stuck.ready();
    const stuckStop = stuckHost.stop();
    await vi.waitUntil(() => stuck.child.killed, { timeout: 1000 });
    stuck.child.emit('exit', 143);
    await stuckStop;
  });
});

describe('main and the engine process together', () => {
  it('creates a workspace, answers calls, and closes it on stop', async () => {
    const workspace = tempWorkspace();
    const exit = vi.fn();
    const host = await startEngine({ workspace, modulePath: 'engine.cjs', fork: inProcessFork(exit) });
    expect(host.migration).toMatchObject({ from: 0, backup: null });

    const created = (await host.call('case.create', { title: 'Coincheck 2018', reference: '  ' })) as Envelope<Case>;
    expect(created).toMatchObject({ ok: true, result: { title: 'Coincheck 2018', reference: null } });
    const listed = await host.call('case.list', {});
    expect(listed).toMatchObject({ ok: true, result: [{ title: 'Coincheck 2018' }] });
    expect(await host.call('case.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    await host.stop();
    expect(exit).toHaveBeenCalledWith(0);
    // Closed cleanly: the WAL was checkpointed into the main file and removed.
    expect(fs.existsSync(`${workspace}-wal`)).toBe(false);
  });

  it('reports a workspace from a newer Ariadne as a start error and leaves it untouched', async () => {
    const workspace = tempWorkspace();
    const db = new Database(workspace);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('user_version = 999');
    db.close();
    const before = fs.readFileSync(workspace);

    await expect(startEngine({ workspace, modulePath: 'engine.cjs', fork: inProcessFork() })).rejects.toThrow(
      /newer version of Ariadne/,
    );
    expect(fs.readFileSync(workspace).equals(before)).toBe(true);
  });

  it('reports a missing native binding as a start error', async () => {
    const workspace = tempWorkspace();
    await expect(
      startEngine({
        workspace,
        nativeBinding: '/nowhere/better_sqlite3.node',
        modulePath: 'engine.cjs',
        fork: inProcessFork(),
      }),
    ).rejects.toBeInstanceOf(EngineStartError);
  });
});
