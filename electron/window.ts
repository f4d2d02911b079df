/**
 * The one application window. Its page rules (navigation, pop-ups, webviews) are applied to every
 * webContents in main.ts; here it only gets the hardened webPreferences.
 */
import { app, BrowserWindow, dialog } from 'electron';
import { webPreferences } from './security';

export interface MainWindowOptions {
  /** dist/electron/preload.cjs */
  preloadPath: string;
  /** The app page's file:// URL, the same string the security checks compare against. */
  appUrl: string;
}

export function createMainWindow({ preloadPath, appUrl }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Ariadne',
    // Shown once the first frame is painted, so the user never sees an empty white window.
    show: false,
    webPreferences: webPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  // loadURL with the exact URL the sender and navigation checks use; loadFile would build its own, and any
  // difference in escaping would make the app's own page look foreign.
  window.loadURL(appUrl).catch((error: Error & { code?: string }) => {
    // ERR_ABORTED only means another load replaced this one.
    if (error.code === 'ERR_ABORTED') return;
    // A window that never painted would never be shown: say why instead of leaving an invisible app.
    dialog.showErrorBox(
      'Ariadne cannot show its window',
      `${appUrl}\n${error.message}\n\nIs the app built (npm run build)?`,
    );
    app.quit();
  });
  return window;
}
