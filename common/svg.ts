/**
 * A case graph as a standalone SVG 1.1 file, for reports and for other tools. The scene is what the canvas
 * shows (positions, shapes, colours, labels), taken from Cytoscape by the caller; this file only writes it.
 *
 * Everything in a scene is untrusted: labels are tag labels and analysts' text from imported TagPacks, and
 * colours and numbers come through the workspace. So every text and attribute is escaped, characters XML 1.0
 * cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped, colours are accepted only as
 * `#rgb`, `#rrggbb` or `rgb(r, g, b)` (anything else, such as `url(...)` or text with quotes, becomes the
 * default), and numbers are made finite, kept within ±1e9 (so they never print in exponent form) and rounded
 * to 2 decimals. Nothing else (no style sheet, script, link or external reference) is ever written.
 */

import { cleanText as clean, escapeMarkup as escape } from './markup';

export type SvgShape = 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'rectangle';

export interface SvgScene {
  width: number;
  height: number;
  background: string;
  /** x and y are the node's centre, as in Cytoscape. */
  nodes: {
    id: string;
    x: number;
    y: number;
    width: number;
    height: number;
    shape: SvgShape;
    fill: string;
    border: string;
    borderWidth: number;
    label: string;
    labelColor: string;
    fontSize: number;
  }[];
  /** A polyline from the source's border to the target's; the arrow, if any, at the last point. */
  edges: {
    id: string;
    points: { x: number; y: number }[];
    color: string;
    width: number;
    arrow: boolean;
    label: string;
    /** Of the label; 10 when absent. */
    fontSize?: number;
  }[];
  title?: string;
}

const DEFAULTS = {
  background: '#ffffff',
  fill: '#e0e0e0',
  border: '#555555',
  label: '#222222',
  edge: '#888888',
} as const;

const LIMIT = 1e9;
const FONT = 'sans-serif';

function num(value: number, fallback = 0): string {
  const finite = typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  const rounded = Math.round(Math.min(LIMIT, Math.max(-LIMIT, finite)) * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/** Sizes: finite and not negative. */
function size(value: number, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(value, LIMIT) : fallback;
}

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const RGB = /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/i;

/** The colour in a normal form if it is one of the accepted notations, else the fallback. */
export function safeColor(value: unknown, fallback: string): string {
  if (typeof value !== 'string') return fallback;
  const text = value.trim();
  if (HEX.test(text)) return text.toLowerCase();
  const rgb = RGB.exec(text);
  if (rgb && rgb.slice(1).every((part) => Number(part) <= 255)) {
    return `rgb(${rgb.slice(1).map(Number).join(',')})`;
  }
  return fallback;
}

function attributes(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escape(value)}"`)
    .join('');
}

function element(name: string, values: Record<string, string>, content?: string): string {
  return content === undefined
    ? `<${name}${attributes(values)}/>`
    : `<${name}${attributes(values)}>${content}</${name}>`;
}

/** The label twice: a background-coloured outline first as a halo, then the text itself on top. */
function haloText(text: string, x: number, y: number, fontSize: number, color: string, halo: string): string {
  const common = { x: num(x), y: num(y), 'font-family': FONT, 'font-size': num(fontSize), 'text-anchor': 'middle' };
  const body = escape(text);
  return (
    element(
      'text',
      {
        ...common,
        fill: halo,
        stroke: halo,
        'stroke-width': num(Math.max(2, fontSize / 4)),
        'stroke-linejoin': 'round',
      },
      body,
    ) + element('text', { ...common, fill: color }, body)
  );
}

function shape(node: SvgScene['nodes'][number], fill: string, border: string): string {
  const x = typeof node.x === 'number' && Number.isFinite(node.x) ? node.x : 0;
  const y = typeof node.y === 'number' && Number.isFinite(node.y) ? node.y : 0;
  const w = size(node.width);
  const h = size(node.height);
  const paint = { fill, stroke: border, 'stroke-width': num(size(node.borderWidth)) };
  const polygon = (corners: [number, number][]) =>
    element('polygon', { points: corners.map(([px, py]) => `${num(x + px)},${num(y + py)}`).join(' '), ...paint });
  switch (node.shape) {
    case 'ellipse':
      return element('ellipse', { cx: num(x), cy: num(y), rx: num(w / 2), ry: num(h / 2), ...paint });
    case 'diamond':
      return polygon([
        [0, -h / 2],
        [w / 2, 0],
        [0, h / 2],
        [-w / 2, 0],
      ]);
    case 'hexagon':
      return polygon([
        [-w / 2, 0],
        [-w / 4, -h / 2],
        [w / 4, -h / 2],
        [w / 2, 0],
        [w / 4, h / 2],
        [-w / 4, h / 2],
      ]);
    default: {
      const corner: Record<string, string> =
        node.shape === 'round-rectangle' ? { rx: num(Math.min(w, h) / 4), ry: num(Math.min(w, h) / 4) } : {};
      return element('rect', {
        x: num(x - w / 2),
        y: num(y - h / 2),
        width: num(w),
        height: num(h),
        ...corner,
        ...paint,
      });
    }
  }
}

/** The point halfway along a polyline, where its label goes. */
function midpoint(points: { x: number; y: number }[]): { x: number; y: number } {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y));
  let half = lengths.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i] as number;
    if (half <= length && length > 0) {
      const [a, b] = [points[i]!, points[i + 1]!];
      return { x: a.x + ((b.x - a.x) * half) / length, y: a.y + ((b.y - a.y) * half) / length };
    }
    half -= length;
  }
  return points[0]!;
}

export interface SvgOptions {
  /** For an SVG inside an HTML document: no XML declaration. */
  inline?: boolean;
  /** Prefixes marker ids, so several figures in one document never share an id. Letters, digits and '-'. */
  idPrefix?: string;
}

export function graphToSvg(scene: SvgScene, options: SvgOptions = {}): string {
  const prefix = (options.idPrefix ?? '').replace(/[^A-Za-z0-9-]/g, '');
  const width = size(scene.width, 1) || 1;
  const height = size(scene.height, 1) || 1;
  const background = safeColor(scene.background, DEFAULTS.background);

  const edges = scene.edges.flatMap((edge) => {
    const points = (edge.points ?? []).filter((p) => Number.isFinite(p?.x) && Number.isFinite(p?.y));
    return points.length < 2 ? [] : [{ ...edge, points, color: safeColor(edge.color, DEFAULTS.edge) }];
  });
  // One arrowhead per colour, filled to match the edge (SVG 1.1 markers cannot take the edge's colour).
  const markers = new Map<string, string>();
  for (const edge of edges)
    if (edge.arrow && !markers.has(edge.color)) markers.set(edge.color, `${prefix}arrow-${markers.size}`);

  const out: string[] = [
    ...(options.inline ? [] : ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>']),
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1"${attributes({
      width: num(width),
      height: num(height),
      viewBox: `0 0 ${num(width)} ${num(height)}`,
    })}>`,
  ];
  if (scene.title !== undefined) out.push(element('title', {}, escape(scene.title)));
  out.push(
    element(
      'defs',
      {},
      [...markers]
        .map(([color, id]) =>
          element(
            'marker',
            {
              id,
              viewBox: '0 0 10 10',
              refX: '10',
              refY: '5',
              markerWidth: '5',
              markerHeight: '5',
              markerUnits: 'strokeWidth',
              orient: 'auto',
            },
            element('path', { d: 'M0,0 L10,5 L0,10 z', fill: color }),
          ),
        )
        .join(''),
    ),
  );
  out.push(element('rect', { x: '0', y: '0', width: num(width), height: num(height), fill: background }));

  out.push('<g class="edges">');
  for (const edge of edges) {
    const d = edge.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)},${num(p.y)}`).join(' ');
    const marker: Record<string, string> = edge.arrow
      ? { 'marker-end': `url(#${markers.get(edge.color) as string})` }
      : {};
    const line = element('path', {
      d,
      fill: 'none',
      stroke: edge.color,
      'stroke-width': num(size(edge.width, 1)),
      ...marker,
    });
    const at = midpoint(edge.points);
    const label =
      clean(edge.label ?? '') === ''
        ? ''
        : haloText(edge.label, at.x, at.y, size(edge.fontSize ?? 10, 10) || 10, edge.color, background);
    out.push(element('g', { class: 'edge' }, element('title', {}, escape(edge.id)) + line + label));
  }
  out.push('</g>');

  out.push('<g class="nodes">');
  for (const node of scene.nodes) {
    const fill = safeColor(node.fill, DEFAULTS.fill);
    const border = safeColor(node.border, DEFAULTS.border);
    const fontSize = size(node.fontSize, 12) || 12;
    const x = Number.isFinite(node.x) ? node.x : 0;
    const below = (Number.isFinite(node.y) ? node.y : 0) + size(node.height) / 2 + fontSize * 1.1;
    const label =
      clean(node.label ?? '') === ''
        ? ''
        : haloText(node.label, x, below, fontSize, safeColor(node.labelColor, DEFAULTS.label), background);
    out.push(
      element('g', { class: 'node' }, element('title', {}, escape(node.id)) + shape(node, fill, border) + label),
    );
  }
  out.push('</g>', '</svg>', '');
  return out.join('\n');
}
