/**
 * Prints the report's HTML to PDF with a headless Chromium (the CLI and the headless host; the Electron app
 * prints with its own webContents.printToPDF). The page gets the document from a file with JavaScript
 * disabled, and every request other than that file is refused, so the document can neither run nor fetch
 * anything. Chromium's header and footer templates give the running header (the case reference) and the page
 * numbers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { escapeMarkup } from '../../common/markup';
import { ApiError } from '../api/errors';
import { namedDestinationPages } from './pdf-pages';

export interface PrintOptions {
  /** The running header's text (case reference and title); escaped here. */
  header: string;
  /** Printed at the top right of every page (what the document is and its date). */
  title: string;
  /** A line printed at the bottom left of every page (the classification). */
  footer: string;
}

export interface PrintedPdf {
  bytes: Buffer;
  pages: number;
}

/**
 * The document to print, in two forms: a draft, printed only to find the page each section starts on (figures
 * still being computed, such as the workspace hash, stand in with placeholders of the same width), and the final
 * document with those pages in its contents, which is what the PDF holds.
 */
export interface ReportDocument {
  draft: () => string;
  final: (pages: ReadonlyMap<string, number>) => Promise<string>;
}

/** What the report prints with: the PDF as bytes. Hosts may give their own (Electron: webContents.printToPDF). */
export type PdfPrinter = (document: ReportDocument, options: PrintOptions) => Promise<PrintedPdf>;

/** At most this many prints of the final document to settle the contents' page numbers (one normally does). */
const MAX_PASSES = 3;

const samePages = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/**
 * Prints the draft to find where the sections land, then the final document with those pages in its contents,
 * again until the pages it finds are the ones it printed (the page column has a fixed width, so the second
 * print normally agrees). The PDF returned is always a print of the final document.
 */
export async function printSettled(
  document: ReportDocument,
  printOnce: (html: string) => Promise<Uint8Array>,
): Promise<PrintedPdf> {
  let pages = namedDestinationPages(await printOnce(document.draft()));
  let bytes = Buffer.alloc(0);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    bytes = Buffer.from(await printOnce(await document.final(pages)));
    const found = namedDestinationPages(bytes);
    if (samePages(pages, found)) break;
    pages = found;
  }
  return { bytes, pages: countPdfPages(bytes) };
}

/** Where Chrome, Chromium or Edge usually live, per platform, in the order they are tried. */
export function chromiumCandidates(platform = process.platform, env = process.env): string[] {
  const fromEnv = env.ARIADNE_CHROMIUM ? [env.ARIADNE_CHROMIUM] : [];
  if (platform === 'darwin') {
    return [
      ...fromEnv,
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    return [
      ...fromEnv,
      ...roots.flatMap((root) => [
        path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
        path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
      ]),
    ];
  }
  return [
    ...fromEnv,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ];
}

export function findChromium(candidates = chromiumCandidates()): string {
  const found = candidates.find((file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  if (found === undefined) {
    throw new ApiError(
      'workspace',
      `printing the report needs Chrome, Chromium or Edge; none was found (looked for ${candidates.join(', ')}). Set ARIADNE_CHROMIUM to the browser's executable.`,
    );
  }
  return found;
}

/** No sandbox (root in containers) and nothing that reaches the network on its own, as the tests launch it. */
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Counts a PDF's pages from its page tree: every `/Type /Page` object (not `/Pages`). */
export function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

const TEMPLATE_STYLE =
  'font-family: DejaVu Sans, Arial, sans-serif; font-size: 7.5pt; color: #555; width: 100%; margin: 0 16mm; display: flex; justify-content: space-between;';

/** Chromium's header and footer templates (the same in the CLI and in Electron): escaped text, page numbers. */
export function pageTemplates(options: PrintOptions): { headerTemplate: string; footerTemplate: string } {
  return {
    headerTemplate: `<div style="${TEMPLATE_STYLE}"><span>${escapeMarkup(options.header)}</span><span>${escapeMarkup(options.title)}</span></div>`,
    footerTemplate: `<div style="${TEMPLATE_STYLE}"><span>${escapeMarkup(options.footer)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
  };
}

export const printWithChromium: PdfPrinter = async (document, options) => {
  const executablePath = findChromium();
  const { chromium } = await import('playwright-core');
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ariadne-report-'));
  const file = path.join(dir, 'report.html');
  const browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    const url = pathToFileURL(file).href;
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    return await printSettled(document, async (html) => {
      await fs.promises.writeFile(file, html, 'utf8');
      await page.goto(url, { waitUntil: 'load' });
      return page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        preferCSSPageSize: true,
        ...pageTemplates(options),
      });
    });
  } finally {
    await browser.close();
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
};
