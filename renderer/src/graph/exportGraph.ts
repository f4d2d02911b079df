/** PNG and SVG of the graph as downloads, built from what the canvas shows. */
import type { Core, NodeSingular } from 'cytoscape';
import { graphToSvg, type SvgScene, type SvgShape } from '../../../common/svg';
import type { Theme } from './theme';

const SVG_SHAPES: readonly SvgShape[] = ['ellipse', 'round-rectangle', 'diamond', 'hexagon', 'rectangle'];
const MARGIN = 40;

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileBase(title: string): string {
  return (
    title
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'graph'
  );
}

export async function exportPng(cy: Core, theme: Theme, title: string): Promise<void> {
  const blob = await cy.png({ full: true, scale: 2, bg: theme.background, output: 'blob-promise' });
  download(blob, `${fileBase(title)}-graph.png`);
}

/** The scene in SVG coordinates: model positions shifted so the graph's bounding box starts at the margin. */
export function svgSceneOf(cy: Core, theme: Theme, title: string): SvgScene {
  const box = cy.elements().boundingBox({});
  const dx = MARGIN - (Number.isFinite(box.x1) ? box.x1 : 0);
  const dy = MARGIN - (Number.isFinite(box.y1) ? box.y1 : 0);
  const nodes: SvgScene['nodes'] = [];
  // Groups first, so members are drawn over their group's box.
  const ordered = cy.nodes().sort((a, b) => Number(b.isParent()) - Number(a.isParent()));
  ordered.forEach((node: NodeSingular) => {
    const p = node.position();
    const shape = String(node.data('shape'));
    nodes.push({
      id: node.id(),
      x: p.x + dx,
      y: p.y + dy,
      width: node.width(),
      height: node.height(),
      shape: node.isParent() ? 'round-rectangle' : (SVG_SHAPES.find((s) => s === shape) ?? 'ellipse'),
      fill: node.isParent() ? theme.groupFill : String(node.data('fill')),
      border: String(node.data('border')),
      borderWidth: Number(node.data('borderWidth')) || 1,
      label: String(node.data('label') ?? ''),
      labelColor: theme.text,
      fontSize: 11,
    });
  });
  const edges: SvgScene['edges'] = cy.edges().map((edge) => {
    const a = edge.sourceEndpoint();
    const b = edge.targetEndpoint();
    const colour = edge.hasClass('highlighted') ? String(edge.data('highlight')) : theme.edge;
    return {
      id: edge.id(),
      points: [
        { x: a.x + dx, y: a.y + dy },
        { x: b.x + dx, y: b.y + dy },
      ],
      color: colour,
      width: Number(edge.data('width')) || 1,
      arrow: true,
      label: String(edge.data('label') ?? ''),
    };
  });
  return {
    width: Math.max(1, box.w + 2 * MARGIN),
    height: Math.max(1, box.h + 2 * MARGIN),
    background: theme.background,
    nodes,
    edges,
    title,
  };
}

export function exportSvg(cy: Core, theme: Theme, title: string): void {
  const svg = graphToSvg(svgSceneOf(cy, theme, title));
  download(new Blob([svg], { type: 'image/svg+xml' }), `${fileBase(title)}-graph.svg`);
}
