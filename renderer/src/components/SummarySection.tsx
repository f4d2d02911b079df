import { useEffect, useId, useState, type KeyboardEvent, type Ref } from 'react';
import type { LossSummary } from '../../../db/api/contract';
import { formatUsd, plural } from '../lib/format';
import { decimalPercent } from '../lib/traceModel';
import { useApp } from '../store/context';
import { summaryFormProblem, type SummaryPick } from '../store/summarySlice';
import { EmptyState } from './EmptyState';
import { HorizontalBars, YearBars, type Bar } from './SummaryCharts';
import { SummaryDetails } from './SummaryDetails';

/** The loss attributed to one actor, per victim jurisdiction and year, and its cash-out exposure. */
export function SummarySection({ searchRef }: { searchRef: Ref<HTMLInputElement> }) {
  const loadOptions = useApp((s) => s.loadSummaryOptions);
  useEffect(() => {
    void loadOptions();
  }, [loadOptions]);
  return (
    <main className="list-section summary-section" aria-label="Summary">
      <SummaryToolbar searchRef={searchRef} />
      <SummaryBody />
    </main>
  );
}

function SummaryToolbar({ searchRef }: { searchRef: Ref<HTMLInputElement> }) {
  const form = useApp((s) => s.summaryForm);
  const levels = useApp((s) => s.summaryLevels);
  const cases = useApp((s) => s.summaryCases);
  const setForm = useApp((s) => s.setSummaryForm);
  const optionsError = useApp((s) => s.summaryOptionsError);
  return (
    <div className="list-toolbar summary-toolbar">
      <ActorPicker searchRef={searchRef} />
      <label className="filter">
        <span className="filter-label">From</span>
        <input type="date" aria-label="From" value={form.from} onChange={(e) => setForm({ from: e.target.value })} />
      </label>
      <label className="filter">
        <span className="filter-label">To</span>
        <input type="date" aria-label="To" value={form.to} onChange={(e) => setForm({ to: e.target.value })} />
      </label>
      <label className="filter">
        <span className="filter-label">Minimum confidence</span>
        <select
          aria-label="Minimum confidence"
          value={form.minConfidence}
          onChange={(e) => setForm({ minConfidence: Number(e.target.value) })}
        >
          {levels.length === 0 && <option value={form.minConfidence}>{form.minConfidence}</option>}
          {levels.map((l) => (
            <option key={l.level} value={l.level}>
              {l.level}: {l.labels.join(', ')}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">Case</span>
        <select
          aria-label="Case"
          value={form.caseId ?? ''}
          onChange={(e) => setForm({ caseId: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">All cases</option>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              #{c.id} {c.title}
            </option>
          ))}
        </select>
      </label>
      {optionsError && (
        <span className="summary-inline-error" role="alert">
          Could not load the confidence levels and cases: {optionsError}
        </span>
      )}
    </div>
  );
}

/** A search box that lists matching actors; choosing one sets the summary's actor. */
function ActorPicker({ searchRef }: { searchRef: Ref<HTMLInputElement> }) {
  const actor = useApp((s) => s.summaryForm.actor);
  const query = useApp((s) => s.summaryActorQuery);
  const actors = useApp((s) => s.summaryActors);
  const error = useApp((s) => s.summaryActorsError);
  const search = useApp((s) => s.searchSummaryActors);
  const setForm = useApp((s) => s.setSummaryForm);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const options = actors ?? [];

  function choose(index: number) {
    const row = options[index];
    if (!row) return;
    setForm({ actor: { id: row.id, label: row.label, key: row.key } });
    setOpen(false);
    void search('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (options.length === 0 ? 0 : (i + step + options.length) % options.length));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  return (
    <div className="summary-actor">
      <label className="filter">
        <span className="filter-label">Actor</span>
        <input
          ref={searchRef}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
          placeholder={actor ? actor.label : 'Search actors'}
          value={query}
          autoComplete="off"
          spellCheck={false}
          onFocus={() => {
            setOpen(true);
            if (actors === null) void search(query);
          }}
          onBlur={() => setOpen(false)}
          onChange={(e) => {
            setOpen(true);
            setActive(0);
            void search(e.target.value);
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      {actor && (
        <span className="summary-actor-chosen" aria-label="Chosen actor">
          {actor.label}
          {actor.key && <span className="summary-muted"> ({actor.key})</span>}
        </span>
      )}
      {open && (
        <ul id={listId} className="summary-actor-list" role="listbox" aria-label="Actors">
          {error && <li className="summary-inline-error">Could not search actors: {error}</li>}
          {!error && options.length === 0 && <li className="summary-muted summary-actor-none">No actor matches.</li>}
          {options.map((row, i) => (
            <li
              key={row.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="summary-actor-option"
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(i);
              }}
            >
              <span>{row.label}</span>
              <span className="summary-muted">
                {row.key ?? ''} · {plural(row.tags, 'tag', 'tags')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SummaryBody() {
  const form = useApp((s) => s.summaryForm);
  const summary = useApp((s) => s.summary);
  const status = useApp((s) => s.summaryStatus);
  const error = useApp((s) => s.summaryError);
  const pick = useApp((s) => s.summaryPick);
  const problem = summaryFormProblem(form);

  if (form.actor === null)
    return (
      <EmptyState icon="users" title="Choose an actor">
        <p>
          Search for an actor (for example Lazarus Group) to see the losses attributed to it per victim jurisdiction and
          per year, and where the traced funds were cashed out.
        </p>
      </EmptyState>
    );
  if (problem !== null)
    return (
      <div className="summary-body">
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      </div>
    );
  if (status === 'failed')
    return (
      <div className="summary-body">
        <div className="alert alert-error" role="alert">
          <strong>Could not compute the summary.</strong> {error}
        </div>
      </div>
    );
  if (summary === null)
    return (
      <div className="summary-body" aria-busy="true">
        <p className="summary-muted">Computing…</p>
      </div>
    );
  return (
    <div className={pick ? 'summary-body summary-body-with-details' : 'summary-body'} aria-busy={status === 'loading'}>
      <div className="summary-main">
        <SummaryHeadline summary={summary} />
        {summary.incidents === 0 ? (
          <EmptyState icon="briefcase" title="No attributed incidents">
            <p>
              No incident is attributed to {summary.actor.label} at confidence level {summary.minConfidence} or more
              {summary.from || summary.to ? ' in these dates' : ''}
              {summary.caseId === null ? '' : ' in this case'}. A lower minimum confidence may include more.
            </p>
          </EmptyState>
        ) : (
          <>
            <JurisdictionFigures summary={summary} />
            <YearFigures summary={summary} />
            <CashoutFigures summary={summary} />
          </>
        )}
      </div>
      {pick && <SummaryDetails summary={summary} pick={pick} />}
    </div>
  );
}

function SummaryHeadline({ summary: s }: { summary: LossSummary }) {
  return (
    <section className="summary-headline" aria-label="Total">
      <div className="summary-total">
        <span className="summary-total-label">Attributed to {s.actor.label}</span>
        <span className="summary-total-figure" data-testid="summary-total">
          {formatUsd(s.total_usd)}
        </span>
        <span className="summary-muted">{plural(s.incidents, 'incident', 'incidents')}</span>
      </div>
      <p className="summary-muted">
        Attributions at confidence level {s.minConfidence} or more, direct or by a linked trace that reached the actor’s
        tagged addresses; USD at the time of each theft, rounded to the cent once per figure.
        {s.unvalued > 0 &&
          ` ${plural(s.unvalued, 'incident has', 'incidents have')} no USD value: counted, not in the USD figures.`}
        {s.typed > 0 && ` ${plural(s.typed, 'incident’s', 'incidents’')} USD was typed in (no price that day).`}
      </p>
    </section>
  );
}

function usePick() {
  const pick = useApp((s) => s.summaryPick);
  const setPick = useApp((s) => s.pickSummary);
  const same = (p: SummaryPick) => JSON.stringify(p) === JSON.stringify(pick);
  return { same, toggle: (p: SummaryPick) => setPick(same(p) ? null : p) };
}

function rowKeys(toggle: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      toggle();
    }
  };
}

function JurisdictionFigures({ summary }: { summary: LossSummary }) {
  const { same, toggle } = usePick();
  const bars: Bar[] = summary.jurisdictions.map((j) => {
    const p: SummaryPick = { kind: 'jurisdiction', code: j.code };
    return {
      key: j.code ?? '—',
      label: j.name ?? 'Unknown',
      usd: j.usd,
      incidents: j.incidents,
      share: j.share,
      selected: same(p),
      onPick: () => toggle(p),
    };
  });
  return (
    <section className="summary-block" aria-labelledby="summary-jurisdictions">
      <h2 id="summary-jurisdictions" className="summary-block-title">
        By victim jurisdiction
      </h2>
      <div className="summary-split">
        <table className="summary-table" aria-label="Losses by victim jurisdiction">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Country</th>
              <th scope="col" className="num">
                Incidents
              </th>
              <th scope="col" className="num">
                USD
              </th>
              <th scope="col" className="num">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.jurisdictions.map((j) => {
              const p: SummaryPick = { kind: 'jurisdiction', code: j.code };
              return (
                <tr
                  key={j.code ?? '—'}
                  tabIndex={0}
                  aria-current={same(p) ? 'true' : undefined}
                  onClick={() => toggle(p)}
                  onKeyDown={rowKeys(() => toggle(p))}
                >
                  <td className="mono">{j.code ?? '—'}</td>
                  <td>{j.name ?? 'Unknown'}</td>
                  <td className="num">{j.incidents}</td>
                  <td className="num">{formatUsd(j.usd)}</td>
                  <td className="num">{decimalPercent(j.share)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <HorizontalBars title="USD lost per victim jurisdiction" bars={bars} />
      </div>
    </section>
  );
}

function YearFigures({ summary }: { summary: LossSummary }) {
  const { same, toggle } = usePick();
  const bars: Bar[] = summary.years.map((y) => {
    const p: SummaryPick = { kind: 'year', year: y.year };
    return {
      key: String(y.year),
      label: String(y.year),
      usd: y.usd,
      incidents: y.incidents,
      selected: same(p),
      onPick: () => toggle(p),
    };
  });
  return (
    <section className="summary-block" aria-labelledby="summary-years">
      <h2 id="summary-years" className="summary-block-title">
        By year
      </h2>
      <YearBars title="USD lost per year" bars={bars} />
    </section>
  );
}

function CashoutFigures({ summary }: { summary: LossSummary }) {
  const { same, toggle } = usePick();
  return (
    <section className="summary-block" aria-labelledby="summary-cashout">
      <h2 id="summary-cashout" className="summary-block-title">
        Cash-out exposure
      </h2>
      <p className="summary-muted">
        Traced USD that reached exchanges, services, mixers and bridges, by their jurisdiction: where freezing or
        subpoena requests would go. From the traces linked to the incidents above, each trace once.
      </p>
      {summary.cashout.length === 0 ? (
        <p className="summary-empty">No linked trace reached an exchange or other service.</p>
      ) : (
        <table className="summary-table" aria-label="Cash-out exposure by jurisdiction">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Country</th>
              <th scope="col" className="num">
                USD
              </th>
              <th scope="col">Entities</th>
            </tr>
          </thead>
          <tbody>
            {summary.cashout.map((c) => {
              const p: SummaryPick = { kind: 'cashout', code: c.code };
              return (
                <tr
                  key={c.code ?? '—'}
                  tabIndex={0}
                  aria-current={same(p) ? 'true' : undefined}
                  onClick={() => toggle(p)}
                  onKeyDown={rowKeys(() => toggle(p))}
                >
                  <td className="mono">{c.code ?? '—'}</td>
                  <td>{c.name ?? 'Unknown'}</td>
                  <td className="num">
                    {formatUsd(c.usd)}
                    {c.incomplete && (
                      <span className="summary-flag" title="Some amounts had no price and are not in this figure">
                        incomplete
                      </span>
                    )}
                  </td>
                  <td>{c.entities.map((e) => e.entity).join(', ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
