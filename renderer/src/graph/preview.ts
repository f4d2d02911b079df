/**
 * A first picture of a large graph, drawn on a plain 2D canvas from the scene while Cytoscape builds its
 * elements and styles (seconds at 5,000 nodes and 10,000 edges, during which the page cannot draw anything
 * else). It draws what Cytoscape's first frame will show at the same viewport and level of detail ("far": no
 * labels, no arrows, straight edges): every node at its position with its kind's shape, fill and border, every
 * edge with its width and colour. It is not interactive; GraphCanvas removes it once Cytoscape has drawn.
 * Labels are never drawn here, so no text of the case reaches this canvas.
 */
import type { Point } from '../lib/graphModel';
import type { EdgeElement, NodeElement, Scene } from './elements';
import type { Theme } from './theme';

export interface Viewport {
  zoom: number;
  pan: Point;
}

/** Opacity of the classes that fade an element, as stylesheet.ts sets them (the last one listed there wins). */
function classOpacity(classes: string, own: number): number {
  const list = ` ${classes} `;
  if (list.includes(' on-path ')) return 1;
  if (list.includes(' dimmed ')) return 0.12;
  if (list.includes(' untraced ')) return 0.3;
  return own;
}

const has = (classes: string, name: string) => ` ${classes} `.includes(` ${name} `);

/** The outline of a node shape of size `s` centred on (x, y), added to the current path. */
function shapePath(ctx: CanvasRenderingContext2D, shape: string, x: number, y: number, s: number) {
  const h = s / 2;
  switch (shape) {
    case 'diamond':
      ctx.moveTo(x, y - h);
      ctx.lineTo(x + h, y);
      ctx.lineTo(x, y + h);
      ctx.lineTo(x - h, y);
      ctx.closePath();
      return;
    case 'hexagon':
      ctx.moveTo(x - h, y);
      ctx.lineTo(x - h / 2, y - h);
      ctx.lineTo(x + h / 2, y - h);
      ctx.lineTo(x + h, y);
      ctx.lineTo(x + h / 2, y + h);
      ctx.lineTo(x - h / 2, y + h);
      ctx.closePath();
      return;
    case 'rectangle':
    case 'round-rectangle':
      // At the sizes a far view gives a node (a few pixels), the rounding of the corners does not show.
      ctx.rect(x - h, y - h, s, s);
      return;
    default:
      ctx.moveTo(x + h, y);
      ctx.arc(x, y, h, 0, 2 * Math.PI);
  }
}

/** Elements drawn alike, so each look is one path: a few fills and strokes for thousands of elements. */
function bucket<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

interface EdgeLook {
  colour: string;
  width: number;
  alpha: number;
}

function edgeLook(edge: EdgeElement, theme: Theme): EdgeLook {
  const { data, classes } = edge;
  let colour = theme.edge;
  let width = Number(data.width);
  let alpha = 0.85;
  if (has(classes, 'highlighted')) {
    colour = String(data.highlight);
    alpha = 1;
  }
  if (has(classes, 'tainted')) {
    colour = String(data.taintColour);
    width = Number(data.taintWidth);
  }
  if (has(classes, 'on-path')) colour = theme.accent;
  return { colour, width, alpha: classOpacity(classes, alpha) };
}

interface NodeLook {
  shape: string;
  fill: string;
  border: string;
  borderWidth: number;
  alpha: number;
  size: number;
}

function nodeLook(node: NodeElement, size: number): NodeLook {
  const { data, classes } = node;
  const collapsed = has(classes, 'collapsed');
  return {
    shape: String(data.shape),
    fill: has(classes, 'tainted') ? String(data.taint) : String(data.fill),
    border: String(data.border),
    borderWidth: collapsed ? 5 : Number(data.borderWidth),
    alpha: classOpacity(classes, Number(data.opacity)),
    size: collapsed ? size * 1.5 : size,
  };
}

/**
 * Draws the scene on `canvas` (sized to `width` × `height` CSS pixels at `pixelRatio`) as Cytoscape will at
 * `view`. Open groups are drawn as the dashed box around their members; nodes without a position are skipped
 * (the canvas never shows a preview for a scene that needs a layout).
 */
export function drawPreview(
  canvas: HTMLCanvasElement,
  scene: Scene,
  view: Viewport,
  theme: Theme,
  size: { width: number; height: number; pixelRatio: number; nodeSize: number },
  /** Drawn on the CPU, as GraphCanvas draws large graphs without a GPU (see createWithCpuCanvases). */
  cpu: boolean,
): void {
  canvas.width = Math.round(size.width * size.pixelRatio);
  canvas.height = Math.round(size.height * size.pixelRatio);
  const ctx = canvas.getContext('2d', cpu ? { willReadFrequently: true } : undefined);
  if (!ctx) return;
  ctx.setTransform(size.pixelRatio, 0, 0, size.pixelRatio, 0, 0);
  ctx.translate(view.pan.x, view.pan.y);
  ctx.scale(view.zoom, view.zoom);

  const at = new Map<string, Point>();
  const members = new Map<string, Point[]>();
  for (const node of scene.nodes) {
    if (!node.position) continue;
    at.set(node.id, node.position);
    if (node.parent) {
      const list = members.get(node.parent);
      if (list) list.push(node.position);
      else members.set(node.parent, [node.position]);
    }
  }

  // Open groups first (beneath everything), as boxes around their members with Cytoscape's 18px padding.
  const pad = 18 + size.nodeSize / 2;
  for (const node of scene.nodes) {
    const inside = members.get(node.id);
    if (!has(node.classes, 'group') || has(node.classes, 'collapsed') || !inside) continue;
    const xs = inside.map((p) => p.x);
    const ys = inside.map((p) => p.y);
    const x1 = Math.min(...xs) - pad;
    const y1 = Math.min(...ys) - pad;
    ctx.globalAlpha = 0.6 * classOpacity(node.classes, 1);
    ctx.fillStyle = theme.groupFill;
    ctx.fillRect(x1, y1, Math.max(...xs) + pad - x1, Math.max(...ys) + pad - y1);
    ctx.globalAlpha = classOpacity(node.classes, 1);
    ctx.strokeStyle = String(node.data.fill);
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 3]);
    ctx.strokeRect(x1, y1, Math.max(...xs) + pad - x1, Math.max(...ys) + pad - y1);
    ctx.setLineDash([]);
  }

  // Edges beneath nodes, as Cytoscape orders them; straight centre to centre like its haystack edges.
  const looks = new Map<EdgeElement, EdgeLook>();
  for (const edge of scene.edges) looks.set(edge, edgeLook(edge, theme));
  const edgeKey = (edge: EdgeElement) => {
    const look = looks.get(edge) as EdgeLook;
    return `${look.colour}|${look.width}|${look.alpha}`;
  };
  for (const group of bucket(scene.edges, edgeKey).values()) {
    const look = looks.get(group[0] as EdgeElement) as EdgeLook;
    ctx.globalAlpha = look.alpha;
    ctx.strokeStyle = look.colour;
    ctx.lineWidth = look.width;
    // One stroke per edge, as Cytoscape draws them: where thin edges cross, their alpha adds up the same way.
    for (const edge of group) {
      const from = at.get(edge.source);
      const to = at.get(edge.target);
      if (!from || !to) continue;
      ctx.beginPath();
      ctx.moveTo(from.x, from.y);
      ctx.lineTo(to.x, to.y);
      ctx.stroke();
    }
  }

  const shown = scene.nodes.filter((n) => n.position && (!has(n.classes, 'group') || has(n.classes, 'collapsed')));
  const nodeLooks = new Map<NodeElement, NodeLook>();
  for (const node of shown) nodeLooks.set(node, nodeLook(node, size.nodeSize));
  const nodeKey = (node: NodeElement) => {
    const l = nodeLooks.get(node) as NodeLook;
    return `${l.shape}|${l.fill}|${l.border}|${l.borderWidth}|${l.alpha}|${l.size}`;
  };
  for (const group of bucket(shown, nodeKey).values()) {
    const look = nodeLooks.get(group[0] as NodeElement) as NodeLook;
    ctx.beginPath();
    for (const node of group) {
      const p = node.position as Point;
      shapePath(ctx, look.shape, p.x, p.y, look.size);
    }
    ctx.globalAlpha = look.alpha;
    ctx.fillStyle = look.fill;
    ctx.fill();
    // Cytoscape draws a border centred on the outline, half inside the node.
    ctx.strokeStyle = look.border;
    ctx.lineWidth = look.borderWidth;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}
