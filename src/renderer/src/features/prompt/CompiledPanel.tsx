import { useId, useMemo, useState, type JSX } from 'react';
import {
  compile,
  PROVIDER_IDS,
  PROVIDERS,
  sizeKey,
  type CompileNote,
  type CompileOptions,
  type ProviderId,
} from '../../../../shared/prompt/index';
import type { ProviderStatus } from '../../../../shared/jobs';
import { formatDuration } from '../../../../shared/time';
import { Icon } from '../../components/Icon';
import { targetFor, type Analysis, type Target } from './analysis';

interface CompiledPanelProps {
  analysis: Analysis;
  target: Target;
  onTargetChange: (target: Target) => void;
  /** Readiness per provider; a provider that cannot take a job says what to do. */
  providers?: readonly ProviderStatus[] | null;
  onOpenSettings?: () => void;
  /** What the job will send beside the prompt (a remix's kept seed and size), so the request shown is the one sent. */
  options?: CompileOptions;
}

const NOTE_LABEL: Record<CompileNote['kind'], string> = {
  dropped: 'Dropped',
  clamped: 'Clamped',
  merged: 'Merged',
};

function cost(usd: number): string {
  if (usd === 0) return 'free';
  return `≈ $${usd.toFixed(2)}`;
}

/** Exactly what the chosen provider would receive, and what it leaves out or changes on the way. */
export function CompiledPanel({
  analysis,
  target,
  onTargetChange,
  providers = null,
  onOpenSettings,
  options,
}: CompiledPanelProps): JSX.Element {
  const providerId = useId();
  const modelId = useId();
  const [copied, setCopied] = useState(false);
  const limits = PROVIDERS[target.provider];
  const chosenNotReady = providers?.find((p) => p.id === target.provider && !p.ready);
  const compiled = useMemo(
    () => compile(target.provider, analysis.result.doc, { ...options, model: target.model }),
    [analysis.result.doc, target.provider, target.model, options],
  );
  const json = useMemo(() => JSON.stringify(compiled.request, null, 2), [compiled]);
  // The clipboard API exists only in secure contexts (not a browser studio reached over plain http on a LAN).
  const canCopy = window.isSecureContext && 'clipboard' in navigator;

  return (
    <section className="compiled" aria-label="Compiled prompt">
      <header className="pane-head">
        <h2 className="eyebrow">Compiled prompt</h2>
        <span className="pane-head__meta tabular">
          {formatDuration(compiled.output.durationMs)} · {sizeKey(compiled.output.size)} ·{' '}
          {compiled.output.audio ? 'with sound' : 'silent'} · {cost(compiled.estimatedCostUsd)}
        </span>
      </header>
      <div className="compiled__pickers">
        <label className="compiled__picker" htmlFor={providerId}>
          <span>Provider</span>
          <select
            id={providerId}
            className="field"
            value={target.provider}
            onChange={(event) => onTargetChange(targetFor(event.target.value as ProviderId))}
          >
            {PROVIDER_IDS.map((id) => (
              <option key={id} value={id}>
                {PROVIDERS[id].label}
              </option>
            ))}
          </select>
        </label>
        <label className="compiled__picker" htmlFor={modelId}>
          <span>Model</span>
          <select
            id={modelId}
            className="field"
            value={target.model}
            onChange={(event) => onTargetChange(targetFor(target.provider, event.target.value))}
          >
            {limits.models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      </div>

      {chosenNotReady && (
        <div className="compiled__not-ready" role="alert">
          <Icon name="warning" size={14} />
          <span>
            <strong>{limits.label} is not ready.</strong> {chosenNotReady.notReadyReason}
          </span>
          {onOpenSettings && (
            <button type="button" className="btn btn--sm" onClick={onOpenSettings}>
              Open Settings
            </button>
          )}
        </div>
      )}
      <div className="compiled__body">
        {compiled.notes.length === 0 ? (
          <p className="compiled__clean">
            <Icon name="check" size={14} />
            <span>
              Nothing dropped: every line reaches {limits.label}.
              {target.provider === 'local' && ' It draws the words it knows; the preview names any it does not.'}
            </span>
          </p>
        ) : (
          <ul className="compiled__notes" aria-label="What changes for this provider">
            {compiled.notes.map((note, i) => (
              <li key={i} className={`compiled__note compiled__note--${note.kind}`}>
                <span className="compiled__note-kind">{NOTE_LABEL[note.kind]}</span>
                <span>{note.detail}</span>
              </li>
            ))}
          </ul>
        )}
        <div className="compiled__request">
          <div className="compiled__endpoint">
            <code className="truncate" title={compiled.endpoint}>
              {compiled.endpoint}
            </code>
            {canCopy && (
              <button
                type="button"
                className="btn btn--ghost btn--sm"
                onClick={() => {
                  void navigator.clipboard.writeText(json).then(() => {
                    setCopied(true);
                    setTimeout(() => setCopied(false), 1500);
                  });
                }}
              >
                {copied ? 'Copied' : 'Copy JSON'}
              </button>
            )}
          </div>
          <pre className="compiled__json" aria-label="Request body" tabIndex={0}>
            {json}
          </pre>
        </div>
      </div>
    </section>
  );
}
