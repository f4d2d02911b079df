/**
 * The job channels between the renderer and main: start and cancel are invoked; events go back to the
 * webContents that started the job, tagged with its id. Main checks senders, job names and inputs as it
 * does for calls (ipc.ts). ipcMain is passed in, so this loads without Electron.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Envelope, JobEvent } from '../db/api/contract';
import type { EngineHost } from './engine-host';
import { refuseUntrusted, validateJob } from './ipc';

/** preload.ts uses the same literals (checked by tsc). */
export const JOB_START_CHANNEL = 'ariadne:job:start';
export const JOB_CANCEL_CHANNEL = 'ariadne:job:cancel';
export const JOB_EVENT_CHANNEL = 'ariadne:job:event';

/** The parts of a WebContents that job IPC uses; a WebContents is one. */
export interface JobOwner {
  readonly id: number;
  send(channel: typeof JOB_EVENT_CHANNEL, jobId: string, event: JobEvent): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}

type JobInvokeEvent = Pick<IpcMainInvokeEvent, 'senderFrame'> & { sender: JobOwner };

export function registerJobIpc(
  ipc: Pick<IpcMain, 'handle'>,
  engine: Pick<EngineHost, 'startJob' | 'cancelJob'>,
  appUrl: string,
): void {
  /** Running jobs and who started them: only the starter hears a job and may cancel it. */
  const owners = new Map<string, JobOwner>();
  const watched = new Set<number>();

  // A closed window can neither cancel its jobs nor use their results; letting them run on would only hold
  // the workspace's write lock for nobody.
  const watch = (owner: JobOwner) => {
    if (watched.has(owner.id)) return;
    watched.add(owner.id);
    owner.once('destroyed', () => {
      watched.delete(owner.id);
      for (const [jobId, started] of owners) if (started.id === owner.id) engine.cancelJob(jobId);
    });
  };

  ipc.handle(JOB_START_CHANNEL, (event: JobInvokeEvent, name: unknown, input: unknown): Envelope<{ jobId: string }> => {
    const check = validateJob(event.senderFrame, appUrl, name, input);
    if (!check.ok) return check;
    const owner = event.sender;
    const started = engine.startJob(check.name, input, (jobEvent, jobId) => {
      if (jobEvent.type !== 'progress') owners.delete(jobId);
      if (!owner.isDestroyed()) owner.send(JOB_EVENT_CHANNEL, jobId, jobEvent);
    });
    if (started.ok) {
      owners.set(started.result.jobId, owner);
      watch(owner);
    }
    return started;
  });

  ipc.handle(JOB_CANCEL_CHANNEL, (event: JobInvokeEvent, jobId: unknown): void => {
    if (refuseUntrusted(event.senderFrame, appUrl)) return;
    if (typeof jobId !== 'string' || owners.get(jobId)?.id !== event.sender.id) return;
    engine.cancelJob(jobId);
  });
}
