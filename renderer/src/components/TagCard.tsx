import type { TagView } from '../../../db/api/contract';
import { formatAbsolute } from '../lib/time';
import { baseName, middleEllipsis } from '../lib/format';
import { ConfidenceLevel } from './ConfidenceLevel';
import { CopyButton } from './CopyButton';

/**
 * One tag with where it came from. Its source is often a URL, but it comes from a file anyone could have
 * written, so it is shown as text to copy, never as a link to follow.
 */
export function TagCard({ tag }: { tag: TagView }) {
  const concepts = [tag.category, tag.abuse].filter((c): c is string => c !== null);
  return (
    <li className="tag-card">
      <div className="tag-card-head">
        <span className="tag-label">{tag.label}</span>
        <ConfidenceLevel id={tag.confidence} level={tag.confidenceLevel} />
      </div>
      <dl className="details-facts">
        <dt>Source</dt>
        <dd className="tag-source">
          <span className="break-anywhere">{tag.source}</span>
          <CopyButton value={tag.source} what="source" />
        </dd>
        {concepts.length > 0 && (
          <>
            <dt>Concepts</dt>
            <dd>{concepts.join(', ')}</dd>
          </>
        )}
        {tag.actor && (
          <>
            <dt>Actor</dt>
            <dd className="mono">{tag.actor}</dd>
          </>
        )}
        {tag.origin ? (
          <>
            <dt>TagPack</dt>
            <dd>{tag.origin.title ?? <span className="muted">Untitled</span>}</dd>
            <dt>File</dt>
            <dd className="break-anywhere">{baseName(tag.origin.file)}</dd>
            <dt>SHA-256</dt>
            <dd className="tag-source">
              <span className="mono" title={tag.origin.sha256}>
                {middleEllipsis(tag.origin.sha256, 12, 12)}
              </span>
              <CopyButton value={tag.origin.sha256} what="SHA-256" />
            </dd>
            <dt>Imported</dt>
            <dd>{tag.origin.importedAt ? formatAbsolute(tag.origin.importedAt) : 'Unknown'}</dd>
          </>
        ) : (
          <>
            <dt>Origin</dt>
            <dd>Made in Ariadne</dd>
          </>
        )}
      </dl>
    </li>
  );
}
