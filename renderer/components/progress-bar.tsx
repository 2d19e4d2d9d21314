/**
 * A determinate progress bar with its numbers in words (Entra's bar counts pages; ours says what it counts).
 */

export function ProgressBar({ value, max, label, detail }: { value: number; max: number; label: string; detail?: string }) {
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div className="progress">
      <div className="progress-head">
        <span>{label}</span>
        {detail !== undefined && <span className="muted">{detail}</span>}
      </div>
      <div className="progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value}>
        <div className="progress-fill" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}
