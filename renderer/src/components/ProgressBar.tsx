/** A determinate bar when the percentage is known, an indeterminate one until it is. */
export function ProgressBar({
  label,
  percent,
  valueText,
}: {
  label: string;
  percent: number | null;
  valueText?: string;
}) {
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={percent === null ? undefined : valueText}
    >
      {percent === null ? (
        <div className="progress-fill progress-indeterminate" />
      ) : (
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      )}
    </div>
  );
}
