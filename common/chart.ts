/**
 * A horizontal bar chart as an SVG string, for printed reports (and any view that wants the same picture). Pure:
 * no DOM, no Node. Bars are proportional to `value`, a plain number used only for geometry; the figure printed
 * beside each bar is `valueText`, which the caller formats from the exact amount, so the chart never shows a
 * floating-point sum. Every text is escaped by the one markup helper.
 */
import { escapeMarkup } from './markup';

export interface ChartBar {
  label: string;
  /** Length of the bar; only its proportion to the largest counts. Negative or non-finite values draw nothing. */
  value: number;
  /** What is written at the end of the bar, e.g. "$721,000,000.00 (30.1%)". */
  valueText: string;
}

export interface BarChartOptions {
  /** Total width in px (user units); the height follows from the number of bars. */
  width?: number;
  title?: string;
  color?: string;
  /** The accessible name of the figure; the title when absent. */
  ariaLabel?: string;
}

const ROW = 22;
const BAR = 14;
const FONT = 11;

/** Characters of label that fit in the label column at this font size (a rough advance of 0.58 em). */
function fit(text: string, width: number): string {
  const max = Math.max(4, Math.floor(width / (FONT * 0.58)));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function barChartSvg(bars: readonly ChartBar[], options: BarChartOptions = {}): string {
  const width = options.width ?? 640;
  const color = /^#[0-9a-f]{6}$/i.test(options.color ?? '') ? (options.color as string) : '#1d4a94';
  const labelWidth = Math.round(width * 0.24);
  const valueWidth = Math.round(width * 0.3);
  const plot = width - labelWidth - valueWidth - 12;
  const top = options.title ? 24 : 4;
  const height = top + Math.max(1, bars.length) * ROW + 4;
  const finite = bars.map((b) => (Number.isFinite(b.value) && b.value > 0 ? b.value : 0));
  const max = Math.max(0, ...finite);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" role="img" aria-label="${escapeMarkup(options.ariaLabel ?? options.title ?? 'bar chart')}">`,
  ];
  if (options.title) {
    out.push(
      `<text x="0" y="14" font-family="sans-serif" font-size="12" font-weight="bold" fill="#222222">${escapeMarkup(options.title)}</text>`,
    );
  }
  out.push(
    `<line x1="${labelWidth + 6}" y1="${top}" x2="${labelWidth + 6}" y2="${height - 4}" stroke="#999999" stroke-width="1"/>`,
  );
  bars.forEach((bar, i) => {
    const y = top + i * ROW;
    const length = max > 0 ? (plot * (finite[i] as number)) / max : 0;
    // A bar too short to see still shows a hairline, so a small loss is not mistaken for none.
    const drawn = (finite[i] as number) > 0 ? Math.max(1, length) : 0;
    out.push(
      `<text x="${labelWidth}" y="${n(y + ROW / 2 + FONT / 2 - 1)}" font-family="sans-serif" font-size="${FONT}" text-anchor="end" fill="#222222">${escapeMarkup(fit(bar.label, labelWidth))}</text>`,
      `<rect x="${labelWidth + 7}" y="${n(y + (ROW - BAR) / 2)}" width="${n(drawn)}" height="${BAR}" fill="${color}"/>`,
      `<text x="${n(labelWidth + 12 + drawn)}" y="${n(y + ROW / 2 + FONT / 2 - 1)}" font-family="sans-serif" font-size="${FONT}" fill="#222222">${escapeMarkup(bar.valueText)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('');
}
