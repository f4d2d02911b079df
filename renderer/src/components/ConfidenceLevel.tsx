/** GraphSense confidence: its id as the source gave it, with the 0–100 level it stands for. */
export function ConfidenceLevel({ id, level }: { id: string; level: number | null }) {
  const band = level === null ? 'none' : level >= 90 ? 'high' : level >= 50 ? 'medium' : 'low';
  return (
    <span className={`confidence confidence-${band}`} title={level === null ? id : `${id}: level ${level} of 100`}>
      <span className="confidence-id">{id}</span>
      {level !== null && <span className="confidence-level">{level}</span>}
    </span>
  );
}
