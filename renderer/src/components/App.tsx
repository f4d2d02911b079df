import { useRef } from 'react';
import { AppHeader } from './AppHeader';
import { CaseSidebar } from './CaseSidebar';
import { DialogHost } from './DialogHost';
import { MainPane } from './MainPane';
import { Toasts } from './Toasts';
import { useShortcuts } from './useShortcuts';

export function App() {
  const searchRef = useRef<HTMLInputElement>(null);
  useShortcuts(searchRef);
  return (
    <div className="app">
      <AppHeader />
      <div className="workspace">
        <CaseSidebar searchRef={searchRef} />
        <main className="main">
          <MainPane />
        </main>
      </div>
      <DialogHost />
      <Toasts />
    </div>
  );
}
