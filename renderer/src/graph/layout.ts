/**
 * Layout computed from plain data, so the same code runs on the main thread for small graphs and in a Web
 * Worker for large ones. "Flow" ranks left to right with dagre; "Force" is fcose on a headless Cytoscape.
 * Pinned nodes keep their positions in both.
 */
import dagre from '@dagrejs/dagre';
import cytoscape from 'cytoscape';
import fcose, { type FcoseLayoutOptions } from 'cytoscape-fcose';
import type { Point } from '../lib/graphModel';

export type LayoutName = 'flow' | 'force';

export interface LayoutInput {
  name: LayoutName;
  nodes: { id: string; width: number; height: number; position: Point | null; pinned: boolean }[];
  edges: { id: string; source: string; target: string }[];
}

export type LayoutOutput = Record<string, Point>;

let fcoseRegistered = false;

export function computeLayout(input: LayoutInput): LayoutOutput {
  if (input.nodes.length === 0) return {};
  return input.name === 'flow' ? flow(input) : force(input);
}

function flow({ nodes, edges }: LayoutInput): LayoutOutput {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 140, edgesep: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) g.setNode(node.id, { width: node.width + 40, height: node.height + 24 });
  for (const edge of edges) {
    if (edge.source !== edge.target) g.setEdge(edge.source, edge.target, {}, edge.id);
  }
  dagre.layout(g);
  const out: LayoutOutput = {};
  const pinned = nodes.filter((n) => n.pinned && n.position);
  for (const node of nodes) {
    const placed = g.node(node.id);
    out[node.id] = { x: placed.x, y: placed.y };
  }
  // dagre has no constraints: pinned nodes go back where the investigator put them, and the rest is shifted so
  // the first pinned node's neighbourhood stays near it.
  if (pinned.length > 0) {
    const first = pinned[0];
    const laid = first ? out[first.id] : undefined;
    if (first?.position && laid) {
      const dx = first.position.x - laid.x;
      const dy = first.position.y - laid.y;
      for (const id of Object.keys(out)) {
        const p = out[id];
        if (p) out[id] = { x: p.x + dx, y: p.y + dy };
      }
    }
    for (const node of pinned) if (node.position) out[node.id] = node.position;
  }
  return out;
}

function force({ nodes, edges }: LayoutInput): LayoutOutput {
  if (!fcoseRegistered) {
    cytoscape.use(fcose);
    fcoseRegistered = true;
  }
  const ids = new Set(nodes.map((n) => n.id));
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...nodes.map((n) => ({ data: { id: n.id, w: n.width, h: n.height }, position: n.position ?? { x: 0, y: 0 } })),
      ...edges
        .filter((e) => ids.has(e.source) && ids.has(e.target))
        .map((e) => ({ data: { id: e.id, source: e.source, target: e.target } })),
    ],
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
  });
  const fixed = nodes
    .filter((n) => n.pinned && n.position)
    .map((n) => ({ nodeId: n.id, position: n.position as Point }));
  const options: FcoseLayoutOptions = {
    name: 'fcose',
    quality: nodes.length > 2000 ? 'draft' : 'default',
    randomize: true,
    animate: false,
    fit: false,
    nodeSeparation: 90,
    idealEdgeLength: 160,
    nodeRepulsion: 9000,
    numIter: nodes.length > 2000 ? 800 : 2500,
    ...(fixed.length > 0 ? { fixedNodeConstraint: fixed } : {}),
  };
  cy.layout(options).run();
  const out: LayoutOutput = {};
  cy.nodes().forEach((node) => {
    const p = node.position();
    out[node.id()] = { x: p.x, y: p.y };
  });
  cy.destroy();
  return out;
}
