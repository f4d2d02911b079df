import { useId, type ReactNode } from 'react';
import { Icon } from './Icon';

interface Props {
  title: string;
  error: string | null;
  loading: boolean;
  onClose(): void;
  children: ReactNode;
}

/** The side panel a list opens for its chosen row: title and close, the loading and error states, the body. */
export function DetailsPanel({ title, error, loading, onClose, children }: Props) {
  const titleId = useId();
  return (
    <aside className="details-panel" aria-labelledby={titleId}>
      <header className="details-header">
        <h2 id={titleId} className="details-title">
          {title}
        </h2>
        <button type="button" className="icon-button" aria-label="Close details" onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      {error && (
        <div className="alert alert-error" role="alert">
          Could not load the details: {error}
        </div>
      )}
      {loading && !error && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {children}
    </aside>
  );
}
