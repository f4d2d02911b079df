/**
 * The sandboxed preload: the renderer's only door to main. It exposes plain functions, never ipcRenderer or
 * an IPC event (either would let page scripts send anything on any channel). Sandboxed preloads can only
 * require('electron'), so the channel names are literals here, tied to main's constants by their types.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { Envelope, JobEvent } from '../db/api/contract';
import type { CALL_CHANNEL as MainCallChannel } from './ipc';
import type {
  JOB_CANCEL_CHANNEL as MainJobCancelChannel,
  JOB_EVENT_CHANNEL as MainJobEventChannel,
  JOB_START_CHANNEL as MainJobStartChannel,
} from './ipc-jobs';
import type { MENU_CHANNEL as MainMenuChannel, MenuCommand } from './menu';

const CALL_CHANNEL: typeof MainCallChannel = 'ariadne:call';
const MENU_CHANNEL: typeof MainMenuChannel = 'ariadne:menu';
const JOB_START_CHANNEL: typeof MainJobStartChannel = 'ariadne:job:start';
const JOB_CANCEL_CHANNEL: typeof MainJobCancelChannel = 'ariadne:job:cancel';
const JOB_EVENT_CHANNEL: typeof MainJobEventChannel = 'ariadne:job:event';

const bridge = {
  /** Resolves with an Envelope; main refuses bad senders, methods and payloads. */
  call(method: string, input: unknown): Promise<Envelope<unknown>> {
    return ipcRenderer.invoke(CALL_CHANNEL, method, input);
  },
  /** Subscribes to menu commands; returns the unsubscribe function (for a React effect's cleanup). */
  onMenu(callback: (command: MenuCommand) => void): () => void {
    const listener = (_event: IpcRendererEvent, command: MenuCommand) => callback(command);
    ipcRenderer.on(MENU_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, listener);
    };
  },
  /** Resolves with the job's id, or with main's refusal; the job's events arrive through onJobEvent. */
  startJob(name: string, input: unknown): Promise<Envelope<{ jobId: string }>> {
    return ipcRenderer.invoke(JOB_START_CHANNEL, name, input);
  },
  /** The job still ends with its own event (failed, code 'cancelled', once it has rolled back). */
  cancelJob(jobId: string): Promise<void> {
    return ipcRenderer.invoke(JOB_CANCEL_CHANNEL, jobId);
  },
  /** Events of every job this window started; returns the unsubscribe function. */
  onJobEvent(callback: (jobId: string, event: JobEvent) => void): () => void {
    const listener = (_event: IpcRendererEvent, jobId: string, event: JobEvent) => callback(jobId, event);
    ipcRenderer.on(JOB_EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(JOB_EVENT_CHANNEL, listener);
    };
  },
  /** The path of a file the user picked or dropped, which import.files needs; '' for one not on disk. */
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
};

contextBridge.exposeInMainWorld('ariadne', bridge);
