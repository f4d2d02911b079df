/**
 * The desktop app prints case reports with Electron's own Chromium (webContents.printToPDF), asked by the
 * engine process: the engine builds the HTML (db/report) and main only prints it. The document is untrusted
 * in the sense that it holds imported text, so it is printed in a hidden window of its own session with
 * JavaScript off, sandboxed, without preload or Node, and with every request refused but the one file it is
 * loaded from (the same session rules as the app window: security.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import { pageTemplates, type PrintOptions } from '../db/report/print';
import { hardenSession } from './security';

export async function printHtmlToPdf(html: string, options: PrintOptions): Promise<Uint8Array<ArrayBuffer>> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ariadne-report-'));
  const file = path.join(dir, 'report.html');
  const url = pathToFileURL(file).href;
  // A session per print: its request filter allows this one folder, and nothing outlives the print.
  const printSession = session.fromPartition(`ariadne-report-${path.basename(dir)}`, { cache: false });
  hardenSession(printSession, url);
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      session: printSession,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  try {
    await fs.promises.writeFile(file, html, 'utf8');
    await window.loadFile(file);
    const pdf = await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      ...pageTemplates(options),
    });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
