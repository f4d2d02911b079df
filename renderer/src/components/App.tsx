import { useRef } from 'react';
import { useApp } from '../store/context';
import { AddressesSection } from './AddressesSection';
import { AppHeader } from './AppHeader';
import { CasesSection } from './CasesSection';
import { DialogHost } from './DialogHost';
import { EntitiesSection } from './EntitiesSection';
import { FileDropOverlay } from './FileDropOverlay';
import { SECTION_PANEL_ID, sectionTabId } from './SectionTabs';
import { SummarySection } from './SummarySection';
import { Toasts } from './Toasts';
import { useShortcuts } from './useShortcuts';

export function App() {
  // One ref for the search box of whichever section is shown: only one is mounted at a time.
  const searchRef = useRef<HTMLInputElement>(null);
  const section = useApp((s) => s.section);
  useShortcuts(searchRef);
  return (
    <div className="app">
      <AppHeader />
      <div id={SECTION_PANEL_ID} className="section-panel" role="tabpanel" aria-labelledby={sectionTabId(section)}>
        {section === 'cases' && <CasesSection searchRef={searchRef} />}
        {section === 'addresses' && <AddressesSection searchRef={searchRef} />}
        {section === 'entities' && <EntitiesSection searchRef={searchRef} />}
        {section === 'summary' && <SummarySection searchRef={searchRef} />}
      </div>
      <DialogHost />
      <FileDropOverlay />
      <Toasts />
    </div>
  );
}
