interface ListErrorProps {
  /** "addresses", "entities". */
  what: string;
  message: string;
  onRetry(): void;
  /** A bar above rows that are still shown, rather than a block in their place. */
  compact?: boolean;
}

export function ListError({ what, message, onRetry, compact }: ListErrorProps) {
  return (
    <div className={compact ? 'list-error list-error-compact' : 'list-error'}>
      <div className="alert alert-error" role="alert">
        <strong>Could not load the {what}.</strong> {message}
      </div>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
