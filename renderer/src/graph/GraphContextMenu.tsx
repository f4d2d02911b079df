import { useLayoutEffect, useRef } from 'react';
import { useApp, useAppStore } from '../store/context';
import type { ContextTarget } from './GraphCanvas';

interface MenuItem {
  label: string;
  run(): void;
  danger?: boolean;
}

/** Right-click menu over the canvas. Acts on the right-clicked element and whatever else is selected with it. */
export function GraphContextMenu({ target, onClose }: { target: ContextTarget; onClose(): void }) {
  const store = useAppStore();
  const ref = useRef<HTMLDivElement>(null);
  const node = useApp((s) => (target.kind === 'node' && target.id ? s.graph?.nodes[target.id] : undefined));
  const selection = useApp((s) => s.graphSelection);

  useLayoutEffect(() => {
    const menu = ref.current;
    // Kept inside the canvas when opened near its right or bottom edge.
    const stage = menu?.offsetParent;
    if (menu && stage instanceof HTMLElement) {
      menu.style.left = `${Math.max(0, Math.min(target.x, stage.clientWidth - menu.offsetWidth - 4))}px`;
      menu.style.top = `${Math.max(0, Math.min(target.y, stage.clientHeight - menu.offsetHeight - 4))}px`;
    }
    menu?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', onDown, true);
    return () => window.removeEventListener('pointerdown', onDown, true);
  }, [onClose, target.x, target.y]);

  const s = store.getState();
  const items: MenuItem[] = [];
  const selectedNodes = selection.nodes.length > 0 ? [...selection.nodes] : target.id ? [target.id] : [];
  if (target.kind === 'node' && node) {
    if (node.type === 'address') {
      items.push(
        { label: 'Expand out', run: () => void s.expandNode(node.id, 'out') },
        { label: 'Expand in', run: () => void s.expandNode(node.id, 'in') },
        { label: 'Expand both ways', run: () => void s.expandNode(node.id, 'both') },
      );
    } else {
      items.push(
        node.collapsed
          ? { label: 'Expand group', run: () => void s.setCollapsed(node.id, false) }
          : { label: 'Collapse group', run: () => void s.setCollapsed(node.id, true) },
        { label: 'Ungroup', run: () => void s.ungroup(node.id) },
      );
    }
    items.push(
      { label: 'Annotate…', run: () => s.setGraphTab('selection') },
      node.pinned
        ? { label: 'Unpin', run: () => void s.setPinned(selectedNodes, false) }
        : { label: 'Pin in place', run: () => void s.setPinned(selectedNodes, true) },
      {
        label: 'Find path from here',
        run: () => {
          s.setPathQuery({ from: node.id });
          s.setGraphTab('paths');
        },
      },
      {
        label: 'Find path to here',
        run: () => {
          s.setPathQuery({ to: node.id });
          s.setGraphTab('paths');
        },
      },
    );
    if (selectedNodes.filter((id) => s.graph?.nodes[id]?.type === 'address').length >= 1) {
      items.push({ label: 'Group selected…', run: () => s.openDialog('graph-group') });
    }
    items.push(
      { label: 'Hide', run: () => void s.setHidden(selectedNodes, true) },
      {
        label: 'Remove from graph',
        run: () => void s.removeFromGraph({ nodes: selectedNodes, edges: [] }),
        danger: true,
      },
    );
  } else if (target.kind === 'edge' && target.id) {
    const id = target.id;
    items.push(
      { label: 'Annotate…', run: () => s.setGraphTab('selection') },
      { label: 'Remove edge', run: () => void s.removeFromGraph({ nodes: [], edges: [id] }), danger: true },
    );
  } else {
    items.push(
      { label: 'Add addresses…', run: () => s.openDialog('graph-add') },
      { label: 'Fit to view', run: () => s.viewGraph('fit') },
      { label: 'Show all hidden', run: () => void s.showAllHidden() },
    );
  }

  return (
    <div
      ref={ref}
      className="graph-menu"
      role="menu"
      aria-label="Graph actions"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
          const at = all.indexOf(document.activeElement as HTMLElement);
          all[(at + (event.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length]?.focus();
        }
      }}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          className={item.danger ? 'graph-menu-item danger' : 'graph-menu-item'}
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
