import type { KeyboardEvent, ReactNode } from 'react';
import { formatUsd, shortUsd } from '../lib/format';
import { decimalPercent } from '../lib/traceModel';

/**
 * Bar charts of the loss summary, drawn as SVG. Bar lengths are geometry only: they come from the USD text as
 * a float, while every number written on a bar is the engine's exact figure. Each bar is a button (Enter or
 * Space opens its incidents) with an aria-label and a <title> that say what it shows.
 */

export interface Bar {
  key: string;
  label: string;
  /** Exact USD with two decimals. */
  usd: string;
  incidents: number;
  share?: string;
  selected: boolean;
  onPick(): void;
}

const length = (usd: string, max: number) => (max > 0 ? Number(usd) / max : 0);

function describe(bar: Bar): string {
  const share = bar.share === undefined ? '' : `, ${decimalPercent(bar.share)} of the total`;
  return `${bar.label}: ${formatUsd(bar.usd)}${share}, ${bar.incidents} ${bar.incidents === 1 ? 'incident' : 'incidents'}`;
}

function onKey(event: KeyboardEvent, pick: () => void) {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    pick();
  }
}

/** A bar as a button: Enter or Space (or a click) opens its incidents; its label and tooltip say what it shows. */
function BarButton({ bar, children }: { bar: Bar; children: ReactNode }) {
  return (
    <g
      className={bar.selected ? 'summary-bar summary-bar-selected' : 'summary-bar'}
      role="button"
      tabIndex={0}
      aria-label={describe(bar)}
      aria-pressed={bar.selected}
      onClick={bar.onPick}
      onKeyDown={(e) => onKey(e, bar.onPick)}
    >
      <title>{describe(bar)}</title>
      {children}
    </g>
  );
}

const ROW = 28;
const LABEL = 150;
const VALUE = 150;
const WIDTH = 640;

/** One horizontal bar per jurisdiction, largest first, with its USD and share written beside it. */
export function HorizontalBars({ title, bars }: { title: string; bars: Bar[] }) {
  const max = Math.max(0, ...bars.map((b) => Number(b.usd)));
  const track = WIDTH - LABEL - VALUE;
  const height = bars.length * ROW + 4;
  return (
    <svg
      className="summary-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      role="group"
      aria-label={title}
      preserveAspectRatio="xMinYMin meet"
    >
      <title>{title}</title>
      {bars.map((bar, i) => {
        const y = i * ROW + 2;
        const w = Math.max(bar.usd === '0.00' ? 0 : 2, length(bar.usd, max) * track);
        return (
          <BarButton key={bar.key} bar={bar}>
            <rect className="summary-bar-hit" x={0} y={y} width={WIDTH} height={ROW - 4} />
            <text className="summary-bar-label" x={LABEL - 8} y={y + ROW / 2} textAnchor="end">
              {bar.label.length > 22 ? `${bar.label.slice(0, 21)}…` : bar.label}
            </text>
            <rect className="summary-bar-fill" x={LABEL} y={y + 3} width={w} height={ROW - 10} rx={3} />
            <text className="summary-bar-value" x={LABEL + w + 6} y={y + ROW / 2}>
              {shortUsd(bar.usd)}
              {bar.share === undefined ? '' : ` · ${decimalPercent(bar.share)}`}
            </text>
          </BarButton>
        );
      })}
    </svg>
  );
}

const COLUMN = 72;
const PLOT = 160;
const TOP = 22;
const AXIS = 24;

/** One vertical bar per year, oldest first, with its USD written above it. */
export function YearBars({ title, bars }: { title: string; bars: Bar[] }) {
  const max = Math.max(0, ...bars.map((b) => Number(b.usd)));
  const width = Math.max(bars.length * COLUMN, 240);
  const height = TOP + PLOT + AXIS;
  return (
    <svg
      className="summary-chart summary-chart-years"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="group"
      aria-label={title}
    >
      <title>{title}</title>
      <line className="summary-axis" x1={0} x2={width} y1={TOP + PLOT} y2={TOP + PLOT} />
      {bars.map((bar, i) => {
        const h = Math.max(bar.usd === '0.00' ? 0 : 2, length(bar.usd, max) * PLOT);
        const x = i * COLUMN + 12;
        const barWidth = COLUMN - 24;
        return (
          <BarButton key={bar.key} bar={bar}>
            <rect className="summary-bar-hit" x={i * COLUMN} y={0} width={COLUMN} height={height} />
            <rect className="summary-bar-fill" x={x} y={TOP + PLOT - h} width={barWidth} height={h} rx={3} />
            <text className="summary-bar-value" x={x + barWidth / 2} y={TOP + PLOT - h - 6} textAnchor="middle">
              {shortUsd(bar.usd)}
            </text>
            <text className="summary-bar-label" x={x + barWidth / 2} y={TOP + PLOT + 16} textAnchor="middle">
              {bar.label}
            </text>
          </BarButton>
        );
      })}
    </svg>
  );
}
