/**
 * The sandboxed preload: the renderer's only door to main. It exposes two functions, never ipcRenderer or
 * an IPC event (either would let page scripts send anything on any channel). Sandboxed preloads can only
 * require('electron'), so the channel names are literals here, tied to main's constants by their types.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Envelope } from '../db/api/contract';
import type { CALL_CHANNEL as MainCallChannel } from './ipc';
import type { MENU_CHANNEL as MainMenuChannel, MenuCommand } from './menu';

const CALL_CHANNEL: typeof MainCallChannel = 'ariadne:call';
const MENU_CHANNEL: typeof MainMenuChannel = 'ariadne:menu';

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
};

contextBridge.exposeInMainWorld('ariadne', bridge);
