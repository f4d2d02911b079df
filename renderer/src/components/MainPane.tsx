import { modKeyLabel } from '../lib/platform';
import { useApp } from '../store/context';
import { CaseView } from './CaseView';
import { DemoOffer } from './DemoOffer';
import { EmptyState } from './EmptyState';
import { Icon } from './Icon';

export function MainPane() {
  const selected = useApp((s) => s.selected);
  const loaded = useApp((s) => s.loaded);
  const noCasesAtAll = useApp((s) => s.loaded && s.items.length === 0 && s.query.trim() === '');
  const openDialog = useApp((s) => s.openDialog);

  if (selected) return <CaseView key={selected.id} item={selected} />;
  if (!loaded) return null;
  if (noCasesAtAll) {
    return (
      <EmptyState
        icon="briefcase"
        title="No cases yet"
        action={
          <>
            <button type="button" className="button button-primary" onClick={() => openDialog('create')}>
              <Icon name="plus" />
              Create your first case
            </button>
            <DemoOffer />
          </>
        }
      >
        <p>
          A case holds one investigation: the theft you are tracing, the wallets and services the funds reached, your
          notes and tags, and the report you will export.
        </p>
        <p>Start with a title; a reference number and the investigator’s name help others find it later.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState icon="cursor" title="No case selected">
      <p>Choose a case from the list to see its details, or start a new one.</p>
      <dl className="shortcut-list">
        <dt>
          <kbd>{modKeyLabel('N')}</kbd>
        </dt>
        <dd>New case</dd>
        <dt>
          <kbd>{modKeyLabel('I')}</kbd>
        </dt>
        <dd>Import files</dd>
        <dt>
          <kbd>{modKeyLabel('Shift+A')}</kbd>
        </dt>
        <dd>Add addresses to the open case</dd>
        <dt>
          <kbd>{modKeyLabel('1')}</kbd> <kbd>{modKeyLabel('2')}</kbd> <kbd>{modKeyLabel('3')}</kbd>{' '}
          <kbd>{modKeyLabel('4')}</kbd>
        </dt>
        <dd>Cases, addresses, entities, summary</dd>
        <dt>
          <kbd>/</kbd>
        </dt>
        <dd>Search cases</dd>
        <dt>
          <kbd>↑</kbd> <kbd>↓</kbd>
        </dt>
        <dd>Move through the list</dd>
        <dt>
          <kbd>Delete</kbd>
        </dt>
        <dd>Delete the selected case</dd>
      </dl>
    </EmptyState>
  );
}
