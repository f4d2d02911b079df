import { useState } from 'react';
import type { ImportProblem } from '../../../db/api/contract';
import { HEADER_HEIGHT, VirtualTable, type Column } from './VirtualTable';

const FILE_COLUMN: Column = { id: 'file', title: 'File' };
const LINE_COLUMNS: readonly Column[] = [
  { id: 'line', title: 'Line', numeric: true },
  { id: 'reason', title: 'Reason' },
];

const ROW_HEIGHT = 30;

interface ProblemTableProps {
  label: string;
  problems: readonly ImportProblem[];
  /** How a problem's file is shown; without it there is no file column (a paste has only one "file"). */
  fileName?: (path: string) => string;
  /** Enter or double-click on a problem, e.g. to show its line. */
  onActivate?: (problem: ImportProblem) => void;
  /** Rows shown before the table scrolls; a report can list thousands. */
  visibleRows?: number;
}

export function ProblemTable({ label, problems, fileName, onActivate, visibleRows = 8 }: ProblemTableProps) {
  const [selected, setSelected] = useState<number | null>(null);
  const height = HEADER_HEIGHT + Math.min(problems.length, visibleRows) * ROW_HEIGHT + 2;
  return (
    <div className="problem-table-frame" style={{ height }}>
      <VirtualTable
        label={label}
        className={fileName ? 'problem-table' : 'problem-table problem-table-lines'}
        idPrefix={`${label.toLowerCase().replace(/\W+/g, '-')}-row`}
        columns={fileName ? [FILE_COLUMN, ...LINE_COLUMNS] : LINE_COLUMNS}
        rowCount={problems.length}
        rowHeight={ROW_HEIGHT}
        selectedIndex={selected}
        onSelect={setSelected}
        onActivate={
          onActivate &&
          ((index) => {
            const problem = problems[index];
            if (problem) onActivate(problem);
          })
        }
        renderCells={(index) => {
          const problem = problems[index];
          if (!problem) return null;
          return (
            <>
              {fileName && (
                <div role="gridcell" className="cell-text" title={fileName(problem.file)}>
                  {fileName(problem.file)}
                </div>
              )}
              <div role="gridcell" className="vtable-num">
                {problem.line}
              </div>
              <div role="gridcell" className="cell-text" title={problem.reason}>
                {problem.reason}
              </div>
            </>
          );
        }}
      />
    </div>
  );
}
