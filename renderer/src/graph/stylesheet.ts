import type { StylesheetJson } from 'cytoscape';
import { NODE_SIZE } from './elements';
import { SANCTIONED_COLOUR } from './palette';
import type { Theme } from './theme';

/**
 * The canvas's look. Labels are canvas text (never HTML), so imported labels cannot inject markup.
 * `min-zoomed-font-size` drops labels when zoomed out (later on small graphs, whose labels cost little: a
 * five-node trace framed at zoom 0.6 had lost every label); the `far` class drops arrows and edge labels too.
 */
export function stylesheet(theme: Theme, options: { large: boolean }): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: NODE_SIZE,
        height: NODE_SIZE,
        shape: 'data(shape)' as never,
        'background-color': 'data(fill)',
        'border-color': 'data(border)',
        'border-width': 'data(borderWidth)',
        opacity: 'data(opacity)' as never,
        label: 'data(label)',
        color: theme.text,
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'text-wrap': 'wrap',
        'text-max-width': '160px',
        'text-outline-color': theme.textOutline,
        'text-outline-width': 2,
        'min-zoomed-font-size': options.large ? 7 : 5,
      },
    },
    {
      selector: 'node.sanctioned',
      style: { 'border-style': 'double', 'border-color': SANCTIONED_COLOUR },
    },
    {
      selector: 'node.annotated',
      style: {
        'outline-width': 2,
        'outline-style': 'dashed',
        'outline-color': theme.text,
        'outline-offset': 3,
      },
    },
    {
      selector: 'node.highlighted',
      style: {
        'underlay-color': 'data(highlight)',
        'underlay-opacity': 0.55,
        'underlay-padding': 9,
        'underlay-shape': 'ellipse',
      },
    },
    {
      selector: 'node.pinned',
      style: { 'background-image-opacity': 1, 'border-style': 'solid' },
    },
    {
      selector: 'node.group',
      style: {
        'background-color': theme.groupFill,
        'background-opacity': 0.6,
        'border-color': 'data(fill)',
        'border-style': 'dashed',
        'border-width': 2,
        'text-valign': 'top',
        'text-margin-y': -4,
        'font-weight': 'bold',
        padding: '18px',
      },
    },
    {
      selector: 'node.group.collapsed',
      style: {
        width: NODE_SIZE * 1.5,
        height: NODE_SIZE * 1.5,
        'background-color': 'data(fill)',
        'background-opacity': 1,
        'border-style': 'double',
        'border-width': 5,
        'text-valign': 'bottom',
        'text-margin-y': 5,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': theme.edge,
        'target-arrow-color': theme.edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': options.large ? 'straight' : 'bezier',
        opacity: 0.85,
        label: 'data(label)',
        color: theme.text,
        'font-size': 10,
        'text-rotation': 'autorotate',
        'text-outline-color': theme.textOutline,
        'text-outline-width': 2,
        'min-zoomed-font-size': options.large ? 9 : 7,
      },
    },
    {
      selector: 'edge.highlighted',
      style: { 'line-color': 'data(highlight)', 'target-arrow-color': 'data(highlight)', opacity: 1 },
    },
    { selector: 'edge.annotated', style: { 'line-style': 'dashed', 'line-dash-pattern': [8, 3] } },
    // A trace result shown: reached nodes filled by taint share, paths' edges by their taint; the rest recede.
    { selector: 'node.tainted', style: { 'background-color': 'data(taint)' } },
    {
      selector: 'edge.tainted',
      style: {
        width: 'data(taintWidth)',
        'line-color': 'data(taintColour)',
        'target-arrow-color': 'data(taintColour)',
      },
    },
    { selector: '.untraced', style: { opacity: 0.3 } },
    // Zoomed out: no labels or arrows, and on big graphs haystack edges, the cheapest Cytoscape draws.
    { selector: 'node.far', style: { label: '' } },
    {
      selector: 'edge.far',
      style: { label: '', 'target-arrow-shape': 'none', ...(options.large ? { 'curve-style': 'haystack' } : {}) },
    },
    { selector: '.dimmed', style: { opacity: 0.12 } },
    {
      selector: 'node.on-path',
      style: { 'overlay-color': theme.accent, 'overlay-opacity': 0.25, 'overlay-padding': 8, opacity: 1 },
    },
    {
      selector: 'edge.on-path',
      style: {
        'line-color': theme.accent,
        'target-arrow-color': theme.accent,
        'line-style': 'solid',
        opacity: 1,
        'z-index': 10,
        label: 'data(hop)',
        'font-weight': 'bold',
        'min-zoomed-font-size': 0,
        'text-outline-width': 0,
        'text-background-color': theme.background,
        'text-background-opacity': 0.9,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
      },
    },
    {
      selector: 'node:selected',
      style: { 'overlay-color': theme.accent, 'overlay-opacity': 0.3, 'overlay-padding': 6 },
    },
    {
      selector: 'edge:selected',
      style: { 'line-color': theme.accent, 'target-arrow-color': theme.accent, opacity: 1, 'z-index': 20 },
    },
  ];
}
