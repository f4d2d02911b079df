/**
 * Electron main: wires the small modules together — single instance, security, engine process, IPC, menu,
 * window. Paths are relative to the app folder (the repository in development, app.asar when packaged).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, utilityProcess } from 'electron';
import { PRODUCT_NAME, WORKSPACE_FILE } from '../db/workspace-path';
import { startEngine, type EngineHost } from './engine-host';
import { registerIpc } from './ipc';
import { registerJobIpc } from './ipc-jobs';
import { MENU_CHANNEL, menuTemplate, type MenuCommand } from './menu';
import { printHtmlToPdf } from './print';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';

const appPath = app.getAppPath();
const appUrl = pathToFileURL(path.join(appPath, 'dist', 'renderer', 'index.html')).href;

/**
 * node_modules/better-sqlite3 holds Node's build (tests and the CLI use it), so Electron's is kept apart:
 * build/electron-native.mjs writes it under node_modules/.ariadne-electron, and packaging copies that folder
 * to resources/native (build/electron-builder.yml), with npm's in-place rebuild turned off.
 */
function electronNativeBinding(): string {
  const base = app.isPackaged
    ? path.join(process.resourcesPath, 'native')
    : path.join(appPath, 'node_modules', '.ariadne-electron');
  return path.join(
    base,
    process.versions.electron,
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
}

function fail(title: string, message: string): void {
  dialog.showErrorBox(title, message);
  app.quit();
}

// In development Electron would name the folder after package.json's "name" (ariadne); pinning it makes
// the desktop app, the CLI and the headless host share one workspace (db/workspace-path.ts). It must be set
// before the single-instance lock, which lives in this folder.
app.setPath('userData', path.join(app.getPath('appData'), PRODUCT_NAME));

if (!app.requestSingleInstanceLock()) {
  // Two instances would mean two engines writing one workspace; the running one is focused instead.
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  let engine: EngineHost | null = null;
  let stopping: Promise<void> | null = null;

  const openWindow = () => {
    window = createMainWindow({ preloadPath: path.join(appPath, 'dist', 'electron', 'preload.cjs'), appUrl });
    window.on('closed', () => {
      window = null;
    });
  };

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  // Every webContents, however it came to exist, gets the navigation, pop-up and webview rules.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appUrl));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (engine && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  // Let the engine close the database (checkpointing its WAL) before Electron ends the process.
  app.on('will-quit', (event) => {
    if (!engine) return;
    event.preventDefault();
    stopping ??= engine.stop().finally(() => {
      engine = null;
      app.quit();
    });
  });

  const start = async () => {
    hardenSession(session.defaultSession, appUrl);

    const nativeBinding = electronNativeBinding();
    if (!fs.existsSync(nativeBinding)) {
      fail(
        'Ariadne cannot start',
        `The SQLite module built for Electron is missing:\n${nativeBinding}\n\nRun "node build/electron-native.mjs" (npm start does).`,
      );
      return;
    }

    const userData = app.getPath('userData');
    fs.mkdirSync(userData, { recursive: true });
    try {
      engine = await startEngine({
        workspace: path.join(userData, WORKSPACE_FILE),
        nativeBinding,
        modulePath: path.join(appPath, 'dist', 'electron', 'engine.cjs'),
        fork: (modulePath, args, options) => utilityProcess.fork(modulePath, args, options),
        print: printHtmlToPdf,
      });
    } catch (error) {
      fail('Ariadne cannot open its workspace', error instanceof Error ? error.message : String(error));
      return;
    }
    const { migration } = engine;
    if (migration.to > migration.from) {
      console.info(
        `Ariadne: workspace schema ${migration.from} → ${migration.to}; backup: ${migration.backup ?? 'none (new workspace)'}`,
      );
    }

    registerIpc(ipcMain, engine, appUrl);
    registerJobIpc(ipcMain, engine, appUrl);
    const send = (command: MenuCommand) => window?.webContents.send(MENU_CHANNEL, command);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(menuTemplate({ platform: process.platform, isPackaged: app.isPackaged, send })),
    );
    openWindow();
  };

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail('Ariadne cannot start', error instanceof Error ? error.message : String(error)));
}
