import type { JSX } from 'react';
import type { Diagnostic, QuickFix } from '../../../../shared/prompt/index';
import { Icon } from '../../components/Icon';

interface ProblemsPanelProps {
  diagnostics: readonly Diagnostic[];
  onJump: (diagnostic: Diagnostic) => void;
  onFix: (diagnostic: Diagnostic, fix: QuickFix) => void;
}

const SEVERITY_LABEL: Record<Diagnostic['severity'], string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
};

function summary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const parts = [];
  if (errors > 0) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  const notes = diagnostics.length - errors - warnings;
  if (notes > 0) parts.push(`${notes} ${notes === 1 ? 'note' : 'notes'}`);
  return parts.join(' · ');
}

/** Every finding in text order; clicking one puts the cursor on it, and its fixes are one click away. */
export function ProblemsPanel({ diagnostics, onJump, onFix }: ProblemsPanelProps): JSX.Element {
  return (
    <section className="problems" aria-label="Problems">
      <header className="problems__head">
        <h2 className="eyebrow">Problems</h2>
        {diagnostics.length > 0 ? (
          <span className="problems__summary tabular">{summary(diagnostics)}</span>
        ) : (
          <span className="problems__summary problems__summary--clear">
            <Icon name="check" size={14} />
            No problems
          </span>
        )}
        <span className="problems__keys">
          <kbd>F8</kbd> next
        </span>
      </header>
      {diagnostics.length > 0 && (
        <ul className="problems__list" aria-label="Findings">
          {diagnostics.map((d, i) => (
            <li key={`${d.code}:${d.range.from}:${i}`} className={`problem problem--${d.severity}`}>
              <button
                type="button"
                className="problem__jump"
                onClick={() => onJump(d)}
                title={`Go to line ${d.range.line}, column ${d.range.column}`}
              >
                <Icon name="warning" size={14} className="problem__icon" />
                <span className="visually-hidden">{SEVERITY_LABEL[d.severity]}: </span>
                <span className="problem__message">{d.message}</span>
                <span className="problem__where tabular">
                  Ln {d.range.line}, Col {d.range.column}
                </span>
              </button>
              {d.fixes.length > 0 && (
                <span className="problem__fixes">
                  {d.fixes.map((fix) => (
                    <button
                      key={fix.title}
                      type="button"
                      className="btn btn--sm problem__fix"
                      onClick={() => onFix(d, fix)}
                      title={`Quick fix: ${fix.title}`}
                    >
                      {fix.title}
                    </button>
                  ))}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
