import { modKeyAria, modKeyLabel } from '../lib/platform';
import { useApp } from '../store/context';
import { Icon } from './Icon';
import { Logo } from './Logo';
import { SectionTabs } from './SectionTabs';

export function AppHeader() {
  const openDialog = useApp((s) => s.openDialog);
  const openImport = useApp((s) => s.openImport);
  return (
    <header className="app-header">
      <div className="brand">
        <Logo />
        <span className="brand-name">Ariadne</span>
      </div>
      <SectionTabs />
      <div className="header-actions">
        <button
          type="button"
          className="button"
          onClick={() => openImport()}
          aria-keyshortcuts={modKeyAria('I')}
          title={`Import files (${modKeyLabel('I')})`}
        >
          <Icon name="upload" />
          Import…
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => openDialog('create')}
          aria-keyshortcuts={modKeyAria('N')}
          title={`New case (${modKeyLabel('N')})`}
        >
          <Icon name="plus" />
          New case
        </button>
      </div>
    </header>
  );
}
