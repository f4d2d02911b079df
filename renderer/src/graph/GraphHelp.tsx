import { modKeyLabel } from '../lib/platform';
import { useApp } from '../store/context';

const SHORTCUTS: [string, string][] = [
  [modKeyLabel('Z'), 'Undo'],
  [`${modKeyLabel('Shift+Z')} / ${modKeyLabel('Y')}`, 'Redo'],
  ['Delete', 'Remove the selection from the graph'],
  ['H', 'Hide the selection'],
  ['E', 'Expand the selected address out'],
  ['F', 'Fit the graph in view'],
  [modKeyLabel('F'), 'Search the canvas'],
  ['Esc', 'Clear the selection'],
  ['?', 'Show or hide this list'],
  ['Shift+click, Shift+drag', 'Add to the selection, select in a box'],
  ['Right-click', 'Actions for a node, an edge or the canvas'],
  ['Double-click', 'Expand an address out'],
];

/** The "?" button and its popover of shortcuts. */
export function GraphHelp() {
  const open = useApp((s) => s.graphHelp);
  const setOpen = useApp((s) => s.setGraphHelp);
  return (
    <div className="graph-help">
      <button
        type="button"
        className="button icon-only"
        aria-label="Keyboard shortcuts"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        ?
      </button>
      {open && (
        <div className="graph-help-popover" role="dialog" aria-label="Graph shortcuts">
          <dl className="shortcut-list">
            {SHORTCUTS.map(([keys, what]) => (
              <div key={what} className="shortcut-row">
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
          <button type="button" className="button" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
