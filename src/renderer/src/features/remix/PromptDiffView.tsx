import type { JSX } from 'react';
import {
  DIFF_KEY_LABELS,
  isUnchanged,
  PARAM_LABELS,
  type FieldDiff,
  type PromptDiff,
  type ShotDiff,
  type TimedDiff,
} from '../../../../shared/remix/promptDiff';
import './PromptDiffView.css';

function Words({ field }: { field: FieldDiff }): JSX.Element {
  return (
    <p className="pdiff__words">
      {field.words.map((part, i) =>
        part.op === 'added' ? (
          <ins key={i}>{part.text}</ins>
        ) : part.op === 'removed' ? (
          <del key={i}>{part.text}</del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}

function ms(value: number | null): string {
  return value === null ? '—' : `${value.toLocaleString('en')} ms`;
}

function delta(t: TimedDiff): string {
  if (t.change === 'added') return 'only in B';
  if (t.change === 'removed') return 'only in A';
  if (t.deltaMs === null || t.deltaMs === 0) return 'same time';
  return `${t.deltaMs > 0 ? '+' : '−'}${Math.abs(t.deltaMs).toLocaleString('en')} ms`;
}

function TimedTable({ timed }: { timed: readonly TimedDiff[] }): JSX.Element {
  return (
    <table className="pdiff__timed">
      <thead>
        <tr>
          <th scope="col">Timed</th>
          <th scope="col">Event</th>
          <th scope="col">A</th>
          <th scope="col">B</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {timed.map((t, i) => (
          <tr key={i} className={`pdiff__timed-row pdiff__timed-row--${t.change}`}>
            <td>{DIFF_KEY_LABELS[t.key]}</td>
            <td>{t.label}</td>
            <td className="tabular">{ms(t.beforeMs)}</td>
            <td className="tabular">{ms(t.afterMs)}</td>
            <td className="tabular">{delta(t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SHOT_CHANGE: Record<ShotDiff['change'], string> = {
  same: 'unchanged',
  changed: 'changed',
  added: 'only in B',
  removed: 'only in A',
};

function ShotSection({ shot }: { shot: ShotDiff }): JSX.Element {
  const name = `Shot ${shot.index + 1}${shot.title ? `: ${shot.title}` : ''}`;
  return (
    <section className={`pdiff__shot pdiff__shot--${shot.change}`} aria-label={name}>
      <h4 className="pdiff__shot-head">
        {name} <span className="badge">{SHOT_CHANGE[shot.change]}</span>
      </h4>
      {shot.fields.length > 0 && (
        <dl className="pdiff__fields">
          {shot.fields.map((field) => (
            <div key={field.key} className="pdiff__field">
              <dt>{DIFF_KEY_LABELS[field.key]}</dt>
              <dd>
                <Words field={field} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {shot.timed.length > 0 && <TimedTable timed={shot.timed} />}
    </section>
  );
}

/** The word-level prompt diff from A to B, by shot and key, with timed events and parameters. */
export function PromptDiffView({ diff }: { diff: PromptDiff }): JSX.Element {
  return (
    <section className="pdiff" aria-label="Prompt diff">
      <h3 className="eyebrow">Prompt diff</h3>
      {isUnchanged(diff) ? (
        <p className="pdiff__same">A and B were made from the same prompt and parameters.</p>
      ) : (
        <>
          {(diff.params.length > 0 || diff.title) && (
            <dl className="pdiff__params" aria-label="Parameter changes">
              {diff.title && (
                <div>
                  <dt>Title</dt>
                  <dd>
                    <del>{diff.title.before ?? 'none'}</del> → <ins>{diff.title.after ?? 'none'}</ins>
                  </dd>
                </div>
              )}
              {diff.params.map((p) => (
                <div key={p.name}>
                  <dt>{PARAM_LABELS[p.name]}</dt>
                  <dd className="tabular">
                    <del>{p.before ?? 'none'}</del> → <ins>{p.after ?? 'none'}</ins>
                  </dd>
                </div>
              ))}
            </dl>
          )}
          {diff.shots.map((shot) => (
            <ShotSection key={shot.index} shot={shot} />
          ))}
        </>
      )}
    </section>
  );
}
