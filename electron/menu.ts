/**
 * The application menu as data. Roles bring their platform's labels and accelerators; custom commands are
 * sent to the renderer, which owns what they mean.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../db/api/contract';

export type { MenuCommand };

/** The channel main sends menu commands on; preload.ts listens on the same literal (checked by tsc). */
export const MENU_CHANNEL = 'ariadne:menu';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Packaged builds have no reload or DevTools: a reload would drop unsaved UI state, and DevTools is a
   * way into the renderer for whoever sits at the laptop. */
  isPackaged: boolean;
  /** Called with a command for the focused window's renderer. */
  send: (command: MenuCommand) => void;
}

export function menuTemplate({ platform, isPackaged, send }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Case…', accelerator: 'CmdOrCtrl+N', click: () => send('new-case') },
      { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => send('import') },
      { label: 'Add Addresses to Case…', accelerator: 'CmdOrCtrl+Shift+A', click: () => send('add-addresses') },
      { label: 'Export Report…', accelerator: 'CmdOrCtrl+Shift+E', click: () => send('export-report') },
      separator,
      // macOS keeps Quit in the app menu; File ends with Close there, as in every Mac app.
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator];

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Cases', accelerator: 'CmdOrCtrl+1', click: () => send('show-cases') },
      { label: 'Addresses', accelerator: 'CmdOrCtrl+2', click: () => send('show-addresses') },
      { label: 'Entities', accelerator: 'CmdOrCtrl+3', click: () => send('show-entities') },
      { label: 'Summary', accelerator: 'CmdOrCtrl+4', click: () => send('show-summary') },
      separator,
      ...developer,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = { role: 'help', submenu: [{ role: 'about' }] };

  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    file,
    edit,
    view,
    { role: 'windowMenu' },
    help,
  ];
}
