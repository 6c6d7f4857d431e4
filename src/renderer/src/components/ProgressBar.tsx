import type { JSX } from 'react';
import './ProgressBar.css';

/** A thin determinate bar; `state` colours it with the shared state palette. */
export function ProgressBar({
  value,
  label,
  state = 'running',
}: {
  /** 0..1 */
  value: number;
  label: string;
  state?: 'queued' | 'running' | 'done' | 'failed';
}): JSX.Element {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div
      className={`progress progress--${state}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}%`}
    >
      <div className="progress__fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
