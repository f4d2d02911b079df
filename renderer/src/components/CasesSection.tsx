import type { Ref } from 'react';
import { CaseSidebar } from './CaseSidebar';
import { MainPane } from './MainPane';

export function CasesSection({ searchRef }: { searchRef: Ref<HTMLInputElement> }) {
  return (
    <div className="workspace">
      <CaseSidebar searchRef={searchRef} />
      <main className="main">
        <MainPane />
      </main>
    </div>
  );
}
