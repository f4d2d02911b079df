import type { NODE_KINDS, NodeKind, STANDARD_FLAGS } from '../db/api/contract';

/** The contract's lists, restated because the renderer imports only types from db/; `satisfies` keeps them equal. */
export const KINDS = [
  'victim',
  'actor',
  'exchange',
  'mixer',
  'bridge',
  'service',
  'unknown',
] as const satisfies typeof NODE_KINDS;
export const FLAGS = ['suspect', 'cash-out', 'victim'] as const satisfies typeof STANDARD_FLAGS;

export type NodeShape = 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'rectangle';

/** Kind at a glance: colour and shape together, so the kind still reads in greyscale prints and to the colour-blind. */
export const KIND_STYLE: Record<NodeKind, { fill: string; border: string; shape: NodeShape; label: string }> = {
  victim: { fill: '#2e9d5b', border: '#1d6b3d', shape: 'ellipse', label: 'Victim' },
  actor: { fill: '#d1453b', border: '#8f2720', shape: 'diamond', label: 'Actor (thief)' },
  exchange: { fill: '#2f6fd6', border: '#1d4a94', shape: 'round-rectangle', label: 'Exchange' },
  mixer: { fill: '#8a4fd1', border: '#5c2f96', shape: 'hexagon', label: 'Mixer' },
  bridge: { fill: '#1496a0', border: '#0c666d', shape: 'rectangle', label: 'Bridge' },
  service: { fill: '#c98a12', border: '#8a5d08', shape: 'round-rectangle', label: 'Service' },
  unknown: { fill: '#8a94a3', border: '#5d6674', shape: 'ellipse', label: 'Unknown' },
};

/** Highlight colours an investigator can give nodes and edges. */
export const HIGHLIGHTS: readonly { colour: string; name: string }[] = [
  { colour: '#f5c518', name: 'Yellow' },
  { colour: '#ff7a1a', name: 'Orange' },
  { colour: '#e8366f', name: 'Pink' },
  { colour: '#16b8a6', name: 'Teal' },
  { colour: '#4c7ef0', name: 'Blue' },
  { colour: '#8c5cf2', name: 'Violet' },
];

export const SANCTIONED_COLOUR = '#d61f1f';

/** Border width by confidence of the best tag: untagged thin, authority-level thick. */
export function confidenceBorder(level: number | null): number {
  if (level === null) return 1;
  if (level >= 90) return 4;
  if (level >= 50) return 2.5;
  return 1.5;
}

/** Weak attribution looks fainter than strong. */
export function confidenceOpacity(level: number | null): number {
  if (level === null) return 0.9;
  if (level >= 50) return 1;
  return 0.7;
}
