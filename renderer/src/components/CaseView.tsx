import { lazy, Suspense, useEffect } from 'react';
import type { Case } from '../../../db/api/contract';
import { formatAbsolute, formatRelative } from '../lib/time';
import { useNow } from '../lib/useNow';
import { useApp } from '../store/context';
import { IncidentsTab } from '../incidents/IncidentsTab';
import { CaseActions } from './CaseActions';
import { CaseAddresses } from './CaseAddresses';
import { StatusBadge } from './StatusBadge';

/** Cytoscape and the layouts are most of the bundle; they load when a graph is first opened. */
const loadGraphPanel = () => import('../graph/GraphPanel');
const GraphPanel = lazy(() => loadGraphPanel().then((m) => ({ default: m.GraphPanel })));

const STATUS_NOTE: Partial<Record<Case['status'], string>> = {
  closed: 'This case is closed. Reopen it to continue the investigation.',
  archived: 'This case is archived. It stays in the workspace for reference; reopen it to work on it again.',
};

export function CaseView({ item }: { item: Case }) {
  const now = useNow(30_000);
  const note = STATUS_NOTE[item.status];
  const tab = useApp((s) => s.caseTab);
  const setTab = useApp((s) => s.setCaseTab);
  // Once a case is open, the graph's code is fetched in the background, so the Graph tab waits only for its data.
  useEffect(() => {
    void loadGraphPanel();
  }, []);
  return (
    <article className={tab === 'graph' ? 'case-view case-view-graph' : 'case-view'} aria-labelledby="case-view-title">
      <header className="case-header">
        <div className="case-header-bar">
          <div className="case-eyebrow">
            <StatusBadge status={item.status} />
            <span className="muted">Case #{item.id}</span>
          </div>
          <CaseActions item={item} />
        </div>
        <h1 id="case-view-title" className="case-title">
          {item.title}
        </h1>
      </header>
      <div className="case-tabs" role="tablist" aria-label="Case views">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'overview'}
          className={tab === 'overview' ? 'case-tab active' : 'case-tab'}
          onClick={() => setTab('overview')}
        >
          Overview
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'graph'}
          className={tab === 'graph' ? 'case-tab active' : 'case-tab'}
          onClick={() => setTab('graph')}
        >
          Graph
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'incidents'}
          className={tab === 'incidents' ? 'case-tab active' : 'case-tab'}
          onClick={() => setTab('incidents')}
        >
          Incidents
        </button>
      </div>
      {tab === 'graph' ? (
        <Suspense fallback={<p className="muted">Loading the graph…</p>}>
          <GraphPanel caseId={item.id} />
        </Suspense>
      ) : tab === 'incidents' ? (
        <IncidentsTab caseId={item.id} />
      ) : (
        <CaseOverview item={item} note={note} now={now} />
      )}
    </article>
  );
}

function CaseOverview({ item, note, now }: { item: Case; note: string | undefined; now: number }) {
  return (
    <>
      {note && (
        <p className="alert alert-info" role="note">
          {note}
        </p>
      )}
      <dl className="case-meta">
        <MetaItem label="Reference" value={item.reference} mono />
        <MetaItem label="Investigator" value={item.investigator} />
        <div className="case-meta-item">
          <dt>Created</dt>
          <dd>
            <Timestamp iso={item.createdAt} now={now} />
          </dd>
        </div>
        <div className="case-meta-item">
          <dt>Last updated</dt>
          <dd>
            <Timestamp iso={item.updatedAt} now={now} />
          </dd>
        </div>
      </dl>
      <section className="case-section" aria-labelledby="case-view-description">
        <h2 id="case-view-description" className="section-title">
          Description
        </h2>
        {item.description ? (
          <p className="case-description">{item.description}</p>
        ) : (
          <p className="muted">No description yet. Use Edit to record what happened and what is known.</p>
        )}
      </section>
      <CaseAddresses caseId={item.id} />
    </>
  );
}

function MetaItem({ label, value, mono }: { label: string; value: string | null; mono?: boolean }) {
  return (
    <div className="case-meta-item">
      <dt>{label}</dt>
      <dd className={value ? (mono ? 'reference' : undefined) : 'muted'}>{value ?? 'Not set'}</dd>
    </div>
  );
}

function Timestamp({ iso, now }: { iso: string; now: number }) {
  return (
    <>
      <time dateTime={iso}>{formatAbsolute(iso)}</time>
      <span className="case-meta-sub">{formatRelative(iso, now)}</span>
    </>
  );
}
