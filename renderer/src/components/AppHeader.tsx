import { modKeyAria, modKeyLabel } from '../lib/platform';
import { useApp } from '../store/context';
import { Icon } from './Icon';
import { Logo } from './Logo';

export function AppHeader() {
  const openDialog = useApp((s) => s.openDialog);
  return (
    <header className="app-header">
      <div className="brand">
        <Logo />
        <span className="brand-name">Ariadne</span>
        <span className="brand-sub">Cases</span>
      </div>
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
    </header>
  );
}
