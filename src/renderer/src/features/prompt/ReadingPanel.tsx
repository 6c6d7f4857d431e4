import { useMemo, type JSX } from 'react';
import type { Diagnostic, QuickFix } from '../../../../shared/prompt/index';
import type { Analysis } from './analysis';
import { readingOf, type ReadPhrase } from './reading';
import './ReadingPanel.css';

interface ReadingPanelProps {
  analysis: Analysis;
  /** Puts the editor's selection on a piece of the prompt. */
  onSelect: (from: number, to: number) => void;
  onFix: (diagnostic: Diagnostic, fix: QuickFix) => void;
}

function Phrase({
  phrase,
  onSelect,
}: {
  phrase: ReadPhrase;
  onSelect: (from: number, to: number) => void;
}): JSX.Element {
  return (
    <li>
      <button
        type="button"
        className={`reading__phrase reading__phrase--${phrase.how}`}
        title={phrase.how === 'prose' ? 'Read from the prose: show it in the prompt' : 'Written under its key: show it'}
        onClick={() => onSelect(phrase.from, phrase.to)}
      >
        {phrase.text}
      </button>
    </li>
  );
}

/**
 * How a prompt written as prose was read: each phrase under the field it went to, what was
 * left unused and why, and the rewrite into key lines that reads the same.
 */
export function ReadingPanel({ analysis, onSelect, onFix }: ReadingPanelProps): JSX.Element | null {
  const reading = useMemo(() => readingOf(analysis.text, analysis.result), [analysis]);
  if (!reading.hasProse) return null;
  const { convert } = reading;
  const several = reading.shots.length > 1;
  return (
    <section className="reading" aria-label="How it was read">
      <header className="pane-head">
        <h2 className="eyebrow">How it was read</h2>
        <span className="pane-head__meta reading__legend">
          <span className="reading__key reading__key--prose" aria-hidden="true" /> read from prose
          <span className="reading__key" aria-hidden="true" /> written under a key
        </span>
        {convert && (
          <button
            type="button"
            className="btn btn--sm"
            title="Rewrite the prompt as key lines, exactly as it was read"
            onClick={() => onFix(convert.diagnostic, convert.fix)}
          >
            Convert to structured
          </button>
        )}
      </header>
      <div className="reading__body">
        {reading.shots.map((shot) => {
          const filled = shot.fields.filter((f) => f.phrases.length > 0);
          const empty = shot.fields.filter((f) => f.phrases.length === 0).map((f) => f.label);
          return (
            <div key={shot.index} className="reading__shot">
              {several && (
                <h3 className="reading__shot-title">
                  Shot {shot.index + 1}
                  {shot.title !== null && ` · ${shot.title}`}
                </h3>
              )}
              <dl className="reading__fields">
                {filled.map((f) => (
                  <div key={f.field} className="reading__field">
                    <dt>{f.label}</dt>
                    <dd>
                      <ul aria-label={f.label}>
                        {f.phrases.map((p) => (
                          <Phrase key={`${p.how}:${p.from}`} phrase={p} onSelect={onSelect} />
                        ))}
                      </ul>
                    </dd>
                  </div>
                ))}
              </dl>
              {empty.length > 0 && <p className="reading__none">Nothing for {empty.join(', ')}.</p>}
            </div>
          );
        })}
        <div className="reading__unused">
          <h3 className="reading__shot-title">Not used</h3>
          {reading.unused.length === 0 ? (
            <p className="reading__none">Every word was used.</p>
          ) : (
            <ul aria-label="Not used">
              {reading.unused.map((u) => (
                <li key={`${u.from}:${u.to}`}>
                  <button
                    type="button"
                    className="reading__phrase reading__phrase--unused"
                    onClick={() => onSelect(u.from, u.to)}
                  >
                    {u.text}
                  </button>
                  <span className="reading__why">{u.why}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
