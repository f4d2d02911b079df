import type { Ref } from 'react';
import { useApp } from '../store/context';
import { CaseSidebar } from './CaseSidebar';
import { MainPane } from './MainPane';

export function CasesSection({ searchRef }: { searchRef: Ref<HTMLInputElement> }) {
  // The graph needs the width: the case list narrows while a case's graph is shown.
  const graph = useApp((s) => s.selected !== null && s.caseTab === 'graph');
  return (
    <div className={graph ? 'workspace workspace-graph' : 'workspace'}>
      <CaseSidebar searchRef={searchRef} />
      <main className="main">
        <MainPane />
      </main>
    </div>
  );
}
