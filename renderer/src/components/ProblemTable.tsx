import { useState } from 'react';
import type { ImportProblem } from '../../../db/api/contract';
import { HEADER_HEIGHT, VirtualTable, type Column } from './VirtualTable';

const COLUMNS: readonly Column[] = [
  { id: 'file', title: 'File' },
  { id: 'line', title: 'Line', numeric: true },
  { id: 'reason', title: 'Reason' },
];

const ROW_HEIGHT = 30;
/** Rows shown before the table scrolls; a report can list thousands. */
const VISIBLE_ROWS = 8;

interface ProblemTableProps {
  label: string;
  problems: readonly ImportProblem[];
  fileName(path: string): string;
}

export function ProblemTable({ label, problems, fileName }: ProblemTableProps) {
  const [selected, setSelected] = useState<number | null>(null);
  const height = HEADER_HEIGHT + Math.min(problems.length, VISIBLE_ROWS) * ROW_HEIGHT + 2;
  return (
    <div className="problem-table-frame" style={{ height }}>
      <VirtualTable
        label={label}
        className="problem-table"
        idPrefix={`${label.toLowerCase().replace(/\W+/g, '-')}-row`}
        columns={COLUMNS}
        rowCount={problems.length}
        rowHeight={ROW_HEIGHT}
        selectedIndex={selected}
        onSelect={setSelected}
        renderCells={(index) => {
          const problem = problems[index];
          if (!problem) return null;
          return (
            <>
              <div role="gridcell" className="cell-text" title={fileName(problem.file)}>
                {fileName(problem.file)}
              </div>
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
