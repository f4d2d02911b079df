import { useState } from 'react';
import type { NodeKind } from '../../../db/api/contract';
import { Dialog } from '../components/Dialog';
import { plural } from '../lib/format';
import { useApp } from '../store/context';
import { KIND_STYLE, KINDS } from './palette';

/** Groups the selected addresses into one named entity, drawn as a box that can be collapsed to one node. */
export function GroupDialog() {
  const close = useApp((s) => s.closeDialog);
  const selection = useApp((s) => s.graphSelection);
  const nodes = useApp((s) => s.graph?.nodes);
  const group = useApp((s) => s.groupNodes);
  const members = selection.nodes.filter((id) => nodes?.[id]?.type === 'address');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<NodeKind>('actor');
  const [busy, setBusy] = useState(false);

  return (
    <Dialog title="Group addresses" onClose={close}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim() || members.length === 0) return;
          setBusy(true);
          void group(members, name, kind).then(() => close());
        }}
      >
        <div className="dialog-body">
          <p>{plural(members.length, 'selected address', 'selected addresses')} will form one entity.</p>
          <label className="field-label" htmlFor="group-name">
            Name
          </label>
          <input
            id="group-name"
            className="input"
            value={name}
            maxLength={80}
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
          <label className="field-label" htmlFor="group-kind">
            Kind
          </label>
          <select id="group-kind" value={kind} onChange={(event) => setKind(event.target.value as NodeKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_STYLE[k].label}
              </option>
            ))}
          </select>
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || !name.trim() || members.length === 0}
          >
            Group
          </button>
        </div>
      </form>
    </Dialog>
  );
}
