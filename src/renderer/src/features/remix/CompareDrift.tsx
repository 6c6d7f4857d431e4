import type { JSX } from 'react';
import type { DriftDirection, DriftReport } from '../../../../shared/cues/drift';
import { formatClock } from '../cues/cueTime';
import { driftTone, formatDrift } from '../cues/driftMatch';
import { useDrift, type DriftState } from '../cues/useDrift';
import { pairDrift } from './compareDrift';
import './CompareDrift.css';

/** Why a side has no drift to show, in a few words. */
const NOTHING: Readonly<Record<Exclude<DriftReport['state'], 'measured' | 'no_sound'>, string>> = {
  no_prompt: 'not made from a prompt',
  no_directions: 'no timed sounds asked for',
  past_end: 'every timed sound is after the clip’s end',
};

/** What a side's cells say while its report is on its way, or when it could not be read. */
type Waiting = 'measuring' | 'failed' | null;

function waiting(state: DriftState): Waiting {
  if (state.error !== null) return 'failed';
  return state.report === null ? 'measuring' : null;
}

function sideNote(state: DriftState): string | null {
  if (state.error !== null) return state.error;
  if (state.report === null) return 'measuring…';
  if (state.report.state === 'no_sound') return 'no sound to listen to';
  if (state.report.state === 'measured') return null;
  return NOTHING[state.report.state];
}

function Side({
  direction,
  wait,
  onSeek,
}: {
  direction: DriftDirection | null;
  /** Set while this side's report is not in: an empty cell then says so, never "not asked". */
  wait: Waiting;
  onSeek: (ms: number) => void;
}) {
  if (!direction && wait === 'measuring')
    return (
      <td className="cdrift__none cdrift__measuring" aria-busy="true">
        Measuring drift…
      </td>
    );
  if (!direction && wait === 'failed') return <td className="cdrift__none">could not measure</td>;
  if (!direction) return <td className="cdrift__none">not asked</td>;
  return (
    <td>
      <button
        type="button"
        className="cdrift__cell tabular"
        title={`Go to ${direction.heardMs === null ? 'where it was asked' : 'where it was heard'}`}
        onClick={() => onSeek(direction.heardMs ?? direction.askedMs)}
      >
        <span>
          {formatClock(direction.askedMs)} → {direction.heardMs === null ? '—' : formatClock(direction.heardMs)}
        </span>
        <span className={`cdrift__badge is-${driftTone(direction.driftMs)}`}>{formatDrift(direction.driftMs)}</span>
      </button>
    </td>
  );
}

interface Props {
  a: number;
  b: number;
  /** Moves both players to a time on the clips' own clock. */
  onSeek: (ms: number) => void;
}

/**
 * The cue drift of both versions under the players: each timed sound their prompts asked for,
 * where A and B were heard, and by how much each is off. Shown when either side has one, and
 * while a side is still being measured (a version just picked), so the page below keeps its place.
 */
export function CompareDrift({ a, b, onSeek }: Props): JSX.Element | null {
  const driftA = useDrift(a);
  const driftB = useDrift(b);
  const pairs = pairDrift(driftA.report, driftB.report);
  const waits = { a: waiting(driftA), b: waiting(driftB) };
  if (pairs.length === 0) {
    if (waits.a !== 'measuring' && waits.b !== 'measuring') return null;
    return (
      <section className="cdrift" aria-label="Cue drift" aria-busy="true">
        <h3 className="eyebrow">Cue drift</h3>
        <p className="cdrift__none" role="status">
          Measuring drift…
        </p>
      </section>
    );
  }
  const notes = { a: sideNote(driftA), b: sideNote(driftB) };
  return (
    <section className="cdrift" aria-label="Cue drift">
      <h3 className="eyebrow">Cue drift</h3>
      <table className="cdrift__table">
        <thead>
          <tr>
            <th scope="col">Sound asked for</th>
            <th scope="col">
              A: asked → heard{notes.a !== null && <span className="cdrift__note"> · {notes.a}</span>}
            </th>
            <th scope="col">
              B: asked → heard{notes.b !== null && <span className="cdrift__note"> · {notes.b}</span>}
            </th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((pair, i) => (
            <tr key={`${pair.label}-${i}`}>
              <th scope="row" className="truncate" title={pair.label}>
                {pair.label}
              </th>
              <Side direction={pair.a} wait={waits.a} onSeek={onSeek} />
              <Side direction={pair.b} wait={waits.b} onSeek={onSeek} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
