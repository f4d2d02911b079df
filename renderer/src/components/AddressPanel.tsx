import type { AddressDetails } from '../../../db/api/contract';
import { formatCount } from '../lib/format';
import { useApp } from '../store/context';
import { CopyButton } from './CopyButton';
import { DetailsPanel } from './DetailsPanel';
import { TagCard } from './TagCard';

/** What the workspace knows of the address chosen in the table. Everything in it came from imported files. */
export function AddressPanel() {
  const panel = useApp((s) => s.addressPanel);
  const close = useApp((s) => s.closeAddress);

  if (!panel) return null;
  return (
    <DetailsPanel title="Address details" error={panel.error} loading={!panel.details} onClose={close}>
      {panel.details && <DetailsBody details={panel.details} />}
    </DetailsPanel>
  );
}

function DetailsBody({ details }: { details: AddressDetails }) {
  return (
    <div className="details-body">
      <section className="details-section" aria-label="Address">
        <div className="details-address">
          <span className="mono">{details.normalized}</span>
          <CopyButton value={details.normalized} what="address" />
        </div>
        <dl className="details-facts">
          <dt>Chain</dt>
          <dd>{details.chain}</dd>
          <dt>Kind</dt>
          <dd>{details.kind}</dd>
          <dt>Transfers</dt>
          <dd>
            {formatCount(details.transfers.in)} in · {formatCount(details.transfers.out)} out
          </dd>
          <dt>UTXO</dt>
          <dd>
            {formatCount(details.utxo.inputs)} inputs · {formatCount(details.utxo.outputs)} outputs
          </dd>
        </dl>
        {!details.known && <p className="muted">The workspace holds nothing about this address.</p>}
      </section>

      <section className="details-section" aria-labelledby="address-tags-title">
        <h3 id="address-tags-title" className="section-title">
          Tags ({details.tags.length})
        </h3>
        {details.tags.length === 0 && <p className="muted">No tags.</p>}
        <ul className="tag-list">
          {details.tags.map((tag, i) => (
            <TagCard key={i} tag={tag} />
          ))}
        </ul>
      </section>

      <section className="details-section" aria-labelledby="address-entities-title">
        <h3 id="address-entities-title" className="section-title">
          Entities ({details.entities.length})
        </h3>
        {details.entities.length === 0 && <p className="muted">No actor or service is named by its tags.</p>}
        <ul className="entity-list">
          {details.entities.map((entity, i) => (
            <li key={entity.key ?? i} className="entity-item">
              <span className="entity-label">{entity.label}</span>
              <span className={`kind kind-${entity.kind}`}>{entity.kind}</span>
              <span className="muted">
                {entity.jurisdictions.length > 0 ? entity.jurisdictions.join(', ') : 'No jurisdiction'}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
