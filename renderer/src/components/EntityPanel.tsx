import type { EntityDetails, ReferenceData } from '../../../db/api/contract';
import { formatCount } from '../lib/format';
import { formatAbsolute } from '../lib/time';
import { useApp } from '../store/context';
import { DetailsPanel } from './DetailsPanel';
import { Icon } from './Icon';

/** A country's name from the reference table, with its code; the bare code until the table has arrived. */
export function countryName(reference: ReferenceData | null, code: string): string {
  const name = reference?.countries.find((c) => c.code === code)?.name;
  return name ? `${name} (${code})` : code;
}

/** The entity chosen in the table. Labels, aliases and URIs come from imported files: shown as text only. */
export function EntityPanel() {
  const panel = useApp((s) => s.entityPanel);
  const close = useApp((s) => s.closeEntity);
  if (!panel) return null;
  return (
    <DetailsPanel title="Entity details" error={panel.error} loading={!panel.details} onClose={close}>
      {panel.details && <EntityBody details={panel.details} />}
    </DetailsPanel>
  );
}

function EntityBody({ details }: { details: EntityDetails }) {
  const reference = useApp((s) => s.reference);
  const openDialog = useApp((s) => s.openDialog);
  const none = <span className="muted">None</span>;
  return (
    <div className="details-body">
      <section className="details-section" aria-label="Entity">
        <div className="entity-panel-head">
          <span className="entity-panel-label">{details.label}</span>
          <span className={`kind kind-${details.kind}`}>{details.kind}</span>
        </div>
        <div className="entity-panel-actions">
          <button type="button" className="button" onClick={() => openDialog('entity-edit')}>
            <Icon name="edit" /> Edit
          </button>
          <button type="button" className="button" onClick={() => openDialog('entity-merge')}>
            Merge duplicates into this…
          </button>
        </div>
        <dl className="details-facts">
          <dt>Key</dt>
          <dd className="mono">{details.key ?? '—'}</dd>
          <dt>Jurisdictions</dt>
          <dd>
            {details.jurisdictions.length > 0 ? (
              <ul className="plain-list" aria-label="Jurisdictions">
                {details.jurisdictions.map((code) => (
                  <li key={code}>{countryName(reference, code)}</li>
                ))}
              </ul>
            ) : (
              none
            )}
          </dd>
          <dt>Aliases</dt>
          <dd>{details.aliases.length > 0 ? details.aliases.join(', ') : none}</dd>
          <dt>Categories</dt>
          <dd>{details.categories.length > 0 ? details.categories.join(', ') : none}</dd>
          <dt>URI</dt>
          {/* Text, not a link: the app never opens the network, and an imported URI is untrusted. */}
          <dd className="entity-uri">{details.uri ?? none}</dd>
          <dt>Origin</dt>
          <dd>
            {details.origin ? (
              <span title={`SHA-256 ${details.origin.sha256}`}>
                {details.origin.file}, imported {formatAbsolute(details.origin.importedAt)}
              </span>
            ) : (
              'Made in the app'
            )}
          </dd>
          <dt>Tags</dt>
          <dd>{formatCount(details.tags)}</dd>
          <dt>Incidents</dt>
          <dd>
            {formatCount(details.incidents.asVictim)} as victim · {formatCount(details.incidents.asActor)} as actor
          </dd>
          {details.updatedAt && (
            <>
              <dt>Edited</dt>
              <dd>{formatAbsolute(details.updatedAt)}</dd>
            </>
          )}
        </dl>
        {details.description && <p className="entity-description">{details.description}</p>}
      </section>
    </div>
  );
}
