import type { JSX } from 'react';
import type { DriftDirection, DriftReport } from '../../../../shared/cues/drift';
import { formatClock } from './cueTime';
import { driftTone, formatDrift } from './driftMatch';
import type { DriftState } from './useDrift';

interface Props {
  drift: DriftState;
  /** Moves the playhead to where a direction was heard (or asked, when it was not heard). */
  onSeek: (ms: number) => void;
}

/** Why there is nothing to measure, in words a creator can act on. */
const EMPTY: Readonly<Record<Exclude<DriftReport['state'], 'measured'>, string>> = {
  no_prompt: 'This clip was not made from a prompt here, so no sound was asked for at a time.',
  no_directions: 'Its prompt asks for no sound at a time. Write one on an Audio: line, like “door slam at 00:05”.',
  past_end:
    'Its prompt times every sound at or after the clip’s end, so there is nothing to hear. Time them earlier, or make the shot longer.',
  no_sound: 'This clip has no sound to listen to, so no direction could be heard.',
};

/** The directions timed at or after the clip's end, named with their times: never silently left out. */
function PastEnd({ report }: { report: DriftReport }): JSX.Element | null {
  const late = report.pastEnd ?? [];
  if (late.length === 0) return null;
  return (
    <p className="cue-drift__empty">
      At or after the clip’s end, so not listened for:{' '}
      {late.map((d) => `${d.label} (${formatClock(d.askedMs)})`).join(', ')}.
    </p>
  );
}

function summary(report: DriftReport): string {
  const missing = report.directions.filter((d) => d.heardMs === null).length;
  const worst = Math.max(0, ...report.directions.map((d) => Math.abs(d.driftMs ?? 0)));
  const parts = [`${report.directions.length} ${report.directions.length === 1 ? 'direction' : 'directions'}`];
  if (report.state === 'measured' && missing < report.directions.length) parts.push(`worst ${worst} ms`);
  if (missing > 0 && report.state === 'measured') parts.push(`${missing} not heard`);
  const late = report.pastEnd?.length ?? 0;
  if (late > 0) parts.push(`${late} after the end`);
  return parts.join(' · ');
}

function Row({ d, windowMs, onSeek }: { d: DriftDirection; windowMs: number; onSeek: (ms: number) => void }) {
  const tone = driftTone(d.driftMs);
  const heard =
    d.heardMs === null ? `not heard within ±${(windowMs / 1000).toLocaleString('en-US')} s` : formatClock(d.heardMs);
  return (
    <li>
      <button
        type="button"
        className="drift-row"
        title={`Go to ${d.heardMs === null ? 'where it was asked' : 'where it was heard'}`}
        onClick={() => onSeek(d.heardMs ?? d.askedMs)}
      >
        <span className="drift-row__label">{d.label}</span>
        <span className="drift-row__times tabular">
          {formatClock(d.askedMs)} → {heard}
        </span>
        <span className={`drift-badge is-${tone}`}>{formatDrift(d.driftMs)}</span>
      </button>
    </li>
  );
}

/** The drift report beside the cue list: each timed sound the prompt asked for, asked and heard. */
export function DriftPanel({ drift, onSeek }: Props): JSX.Element {
  const { report, error } = drift;
  let body: JSX.Element;
  if (error !== null)
    body = (
      <p className="cue-drift__empty is-error" role="alert">
        {error}
      </p>
    );
  else if (report === null) body = <p className="cue-drift__empty">Listening for the prompt’s timed sounds…</p>;
  else if (report.state !== 'measured' && report.directions.length === 0)
    body = (
      <>
        <p className="cue-drift__empty">{EMPTY[report.state]}</p>
        <PastEnd report={report} />
      </>
    );
  else
    body = (
      <>
        {report.state === 'no_sound' && <p className="cue-drift__empty">{EMPTY.no_sound}</p>}
        <PastEnd report={report} />
        <ul className="cue-drift__list" aria-label="Drift by direction">
          {report.directions.map((d, i) => (
            <Row key={`${d.askedMs}-${d.label}-${i}`} d={d} windowMs={report.windowMs} onSeek={onSeek} />
          ))}
        </ul>
      </>
    );
  return (
    <details className="cue-drift" aria-label="Drift" open>
      <summary className="cue-drift__head">
        <span className="eyebrow">Drift</span>
        <span className="cue-drift__summary">{report ? summary(report) : ''}</span>
      </summary>
      {body}
    </details>
  );
}
