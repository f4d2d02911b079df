import { useEffect, useId, useRef, useState } from 'react';
import type { EntityDetails, EntityRow } from '../../../db/api/contract';
import { plural } from '../lib/format';
import { useApp } from '../store/context';
import { SEARCH_DELAY_MS } from '../store/pagedList';
import { messageOf } from '../store/result';
import { Dialog } from './Dialog';
import { countryName } from './EntityPanel';
import { SearchBox } from './SearchBox';

/** Candidates shown for one search: duplicates are found by name, so a short list is enough. */
const CANDIDATES = 20;

/**
 * Picks duplicates of the entity in the panel and merges them into it, after a confirmation that says exactly
 * what moves. The engine merges actors only with actors, so only those candidates are offered.
 */
export function MergeEntitiesDialog({ target }: { target: EntityDetails }) {
  const api = useApp((s) => s.entityApi);
  const searchRef = useRef<HTMLInputElement>(null);
  const merge = useApp((s) => s.mergeEntities);
  const closeDialog = useApp((s) => s.closeDialog);
  const reference = useApp((s) => s.reference);
  const [query, setQuery] = useState(target.label);
  const [found, setFound] = useState<EntityRow[]>([]);
  const [chosen, setChosen] = useState<number[]>([]);
  const [confirming, setConfirming] = useState<EntityDetails[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const descriptionId = useId();

  useEffect(() => {
    let live = true;
    const q = query.trim();
    const timer = setTimeout(() => {
      api['entity.list']({ ...(q ? { query: q } : {}), limit: CANDIDATES * 2 }).then(
        (page) => {
          if (live)
            setFound(
              page.rows
                .filter((r) => r.id !== target.id && (r.kind === 'actor') === (target.kind === 'actor'))
                .slice(0, CANDIDATES),
            );
        },
        (error: unknown) => live && setFailure(messageOf(error)),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query, target.id, target.kind]);

  async function review() {
    setFailure(null);
    try {
      setConfirming(await Promise.all(chosen.map((id) => api['entity.get']({ id }))));
    } catch (error) {
      setFailure(messageOf(error));
    }
  }

  async function confirm(from: EntityDetails[]) {
    setBusy(true);
    setFailure(null);
    const result = await merge(
      target.id,
      from.map((f) => f.id),
    );
    setBusy(false);
    if (result.ok) closeDialog();
    else setFailure(`Nothing was merged: ${result.message}`);
  }

  const close = () => !busy && closeDialog();
  if (confirming) {
    const sum = (f: (e: EntityDetails) => number) => confirming.reduce((n, e) => n + f(e), 0);
    const newCountries = [...new Set(confirming.flatMap((e) => e.jurisdictions))].filter(
      (c) => !target.jurisdictions.includes(c),
    );
    return (
      <Dialog title="Merge entities?" role="alertdialog" onClose={close} describedBy={descriptionId}>
        <div id={descriptionId} className="dialog-body">
          <p>
            Into <strong className="case-name">{target.label}</strong> ({target.kind}) will move, from{' '}
            {confirming.map((e, i) => (
              <span key={e.id}>
                {i > 0 && ', '}
                <strong className="case-name">{e.label}</strong>
              </span>
            ))}
            :
          </p>
          <ul className="merge-moves">
            <li>
              {plural(
                sum((e) => e.tags),
                'tag',
                'tags',
              )}{' '}
              naming them
            </li>
            <li>
              {plural(
                sum((e) => e.incidents.asVictim),
                'incident',
                'incidents',
              )}{' '}
              as victim
            </li>
            <li>
              {plural(
                sum((e) => e.incidents.asActor),
                'direct attribution',
                'direct attributions',
              )}
            </li>
            <li>
              Jurisdictions:{' '}
              {newCountries.length > 0 ? newCountries.map((c) => countryName(reference, c)).join(', ') : 'none new'}
            </li>
            <li>Their labels, keys, aliases and categories, kept as aliases and categories</li>
          </ul>
          <p className="muted">
            {confirming.length === 1 ? 'The merged entity is' : 'The merged entities are'} then deleted. This cannot be
            undone.
          </p>
        </div>
        {failure && (
          <div className="alert alert-error" role="alert">
            {failure}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => setConfirming(null)} disabled={busy}>
            Back
          </button>
          <button type="button" className="button button-danger" onClick={() => confirm(confirming)} disabled={busy}>
            {busy ? 'Merging…' : `Merge ${plural(confirming.length, 'entity', 'entities')}`}
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={`Merge duplicates into ${target.label}`} onClose={close}>
      <div className="dialog-body">
        <SearchBox
          ref={searchRef}
          label="Search duplicates"
          placeholder="Label, key or alias"
          value={query}
          onChange={setQuery}
        />
        {found.length === 0 ? (
          <p className="muted">
            No other {target.kind === 'actor' ? 'actor' : 'victim, service or unclassified entity'} matches.
          </p>
        ) : (
          <ul className="merge-candidates" aria-label="Candidates">
            {found.map((r) => (
              <li key={r.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.includes(r.id)}
                    onChange={(e) =>
                      setChosen((c) => (e.target.checked ? [...c, r.id] : c.filter((id) => id !== r.id)))
                    }
                  />
                  <span className="entity-label">{r.label}</span>
                  <span className="muted">
                    {r.key ?? ''} · {r.kind}
                    {r.jurisdictions.length > 0 ? ` · ${r.jurisdictions.join(', ')}` : ''} ·{' '}
                    {plural(r.tags, 'tag', 'tags')}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
      {failure && (
        <div className="alert alert-error" role="alert">
          {failure}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
        <button type="button" className="button button-primary" disabled={chosen.length === 0} onClick={review}>
          Merge {chosen.length > 0 ? plural(chosen.length, 'entity', 'entities') : ''} into this…
        </button>
      </div>
    </Dialog>
  );
}
