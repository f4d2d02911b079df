import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface Column {
  id: string;
  title: string;
  /** Right-aligned, for counts. */
  numeric?: boolean;
}

interface VirtualTableProps {
  label: string;
  columns: readonly Column[];
  rowCount: number;
  /** Rows have one fixed height, so any row's position is index × height and nothing needs measuring. */
  rowHeight: number;
  /** Sets the column widths (grid-template-columns) in CSS. */
  className: string;
  /** Prefix for row ids, which aria-activedescendant points at. */
  idPrefix: string;
  /** The cells of one row (role="gridcell"); called only for rows in view. */
  renderCells(index: number): ReactNode;
  selectedIndex?: number | null;
  onSelect?(index: number): void;
  /** Enter on the selected row, or a click on any row. */
  onActivate?(index: number): void;
  /** The rows in view (plus overscan) whenever they change, so their data can be fetched. */
  onRangeChange?(first: number, last: number): void;
  /** Scrolls back to the top whenever this changes, e.g. when the filter does. */
  resetKey?: string;
}

/** Rows rendered beyond each edge of the viewport, so a fast wheel does not show blank rows. */
const OVERSCAN = 6;
export const HEADER_HEIGHT = 34;

/**
 * A grid that renders only the rows in view: the body is as tall as all rows together, so the scrollbar
 * reflects the total, and each visible row is placed at its offset. One tab stop; the arrow keys, Page Up/Down,
 * Home and End move the selection, which screen readers follow as the active descendant.
 */
export function VirtualTable(props: VirtualTableProps) {
  const { label, columns, rowCount, rowHeight, className, idPrefix, renderCells } = props;
  const { selectedIndex = null, onSelect, onActivate, onRangeChange, resetKey } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(0);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (ref.current) ref.current.scrollTop = 0;
  }, [resetKey]);

  const bodyHeight = Math.max(0, viewHeight - HEADER_HEIGHT);
  const firstVisible = Math.floor(scrollTop / rowHeight);
  const pageRows = Math.max(1, Math.floor(bodyHeight / rowHeight));
  const first = Math.max(0, firstVisible - OVERSCAN);
  const last = Math.min(rowCount - 1, Math.ceil((scrollTop + bodyHeight) / rowHeight) + OVERSCAN);

  useEffect(() => {
    onRangeChange?.(first, Math.max(first, last));
  }, [first, last, onRangeChange]);

  // Keeps the selected row in view as the keyboard moves it; a click on a visible row changes nothing.
  useEffect(() => {
    const element = ref.current;
    if (!element || selectedIndex === null) return;
    const top = selectedIndex * rowHeight;
    const visibleBody = element.clientHeight - HEADER_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + visibleBody) element.scrollTop = top + rowHeight - visibleBody;
  }, [selectedIndex, rowHeight]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (rowCount === 0 || event.altKey || event.target !== event.currentTarget) return;
    const current = selectedIndex ?? -1;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current === -1 ? 0 : current - 1,
      PageDown: current + pageRows,
      PageUp: current - pageRows,
      Home: 0,
      End: rowCount - 1,
    };
    if (event.key === 'Enter' && selectedIndex !== null) {
      event.preventDefault();
      onActivate?.(selectedIndex);
      return;
    }
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    onSelect?.(Math.min(rowCount - 1, Math.max(0, target)));
  }

  const rows: ReactNode[] = [];
  for (let index = first; index <= last; index++) {
    rows.push(
      <VirtualRow
        key={index}
        index={index}
        id={`${idPrefix}-${index}`}
        top={index * rowHeight}
        height={rowHeight}
        selected={index === selectedIndex}
        onSelect={onSelect}
        onActivate={onActivate}
      >
        {renderCells(index)}
      </VirtualRow>,
    );
  }

  const activeInView = selectedIndex !== null && selectedIndex >= first && selectedIndex <= last;
  return (
    <div
      ref={ref}
      className={`vtable ${className}`}
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length}
      aria-activedescendant={activeInView ? `${idPrefix}-${selectedIndex}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div role="rowgroup" className="vtable-head">
        <div role="row" aria-rowindex={1} className="vtable-row" style={{ height: HEADER_HEIGHT }}>
          {columns.map((column) => (
            <div key={column.id} role="columnheader" className={column.numeric ? 'vtable-num' : undefined}>
              {column.title}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="vtable-body" style={{ height: rowCount * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}

interface VirtualRowProps {
  index: number;
  id: string;
  top: number;
  height: number;
  selected: boolean;
  onSelect: ((index: number) => void) | undefined;
  onActivate: ((index: number) => void) | undefined;
  children: ReactNode;
}

function VirtualRow(props: VirtualRowProps) {
  const { index, id, top, height, selected, onSelect, onActivate, children } = props;
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className="vtable-row"
      style={{ top, height }}
      onClick={() => {
        onSelect?.(index);
        onActivate?.(index);
      }}
    >
      {children}
    </div>
  );
}
