import type { CSSProperties, JSX } from 'react';
import {
  isEmptyShot,
  KEY_LABELS,
  modelFor,
  shotLengths,
  speechMs,
  type PromptDoc,
  type Shot,
  type ShotLength,
  type ShotSource,
} from '../../../../shared/prompt/index';
import { formatDuration, formatTime } from '../../../../shared/time';
import { EmptyState } from '../../components/EmptyState';
import type { Analysis } from './analysis';

interface ShotsViewProps {
  analysis: Analysis;
  /** Puts the editor's selection on a piece of the prompt. */
  onSelect: (from: number, to: number) => void;
}

interface Marker {
  key: string;
  lane: 'sound' | 'dialogue';
  startMs: number;
  /** Null for a one-off sound. */
  endMs: number | null;
  label: string;
  /** What a screen reader says and the tooltip shows. */
  name: string;
  from: number;
  to: number;
}

function markersOf(shot: Shot, src: ShotSource | undefined): Marker[] {
  const sounds = shot.audio.events.map((e, k): Marker => {
    const span = src?.events[k] ?? { from: 0, to: 0 };
    return {
      key: `s${k}`,
      lane: 'sound',
      startMs: e.startMs,
      endMs: e.endMs,
      label: e.label,
      name:
        e.endMs === null
          ? `${e.label} at ${formatTime(e.startMs)}`
          : `${e.label} from ${formatTime(e.startMs)} to ${formatTime(e.endMs)}`,
      from: span.from,
      to: span.to,
    };
  });
  const lines = shot.dialogue.map((d, k): Marker => {
    const span = src?.dialogue[k] ?? { from: 0, to: 0 };
    return {
      key: `d${k}`,
      lane: 'dialogue',
      startMs: d.atMs,
      endMs: d.atMs + speechMs(d.line),
      label: `${d.speaker}: ${d.line}`,
      name: `${d.speaker} at ${formatTime(d.atMs)}: ${d.line}`,
      from: span.from,
      to: span.to,
    };
  });
  return [...sounds, ...lines];
}

/** Ruler spacing that keeps about eight to twelve ticks on a strip. */
function tickStep(totalMs: number): number {
  for (const step of [500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000]) {
    if (totalMs / step <= 12) return step;
  }
  return 120_000;
}

function percent(ms: number, totalMs: number): number {
  return Math.max(0, Math.min(100, (ms / totalMs) * 100));
}

function TimeStrip({
  shotNumber,
  lengthMs,
  lengthIsSet,
  markers,
  onSelect,
}: {
  shotNumber: number;
  lengthMs: number;
  lengthIsSet: boolean;
  markers: Marker[];
  onSelect: ShotsViewProps['onSelect'];
}): JSX.Element {
  const lastMs = markers.reduce((max, m) => Math.max(max, m.endMs ?? m.startMs + 300), 0);
  const totalMs = Math.max(lengthMs, Math.ceil(lastMs / 1000) * 1000);
  const step = tickStep(totalMs);
  const ticks: number[] = [];
  for (let t = 0; t <= totalMs + 1; t += step) ticks.push(t);
  const lanes = (['sound', 'dialogue'] as const).map((lane) => ({
    lane,
    items: markers.filter((m) => m.lane === lane).sort((a, b) => a.startMs - b.startMs),
  }));

  return (
    <div className="strip">
      <div className="strip__ruler" aria-hidden="true">
        {ticks.map((t) => (
          <span key={t} className="strip__tick" style={{ left: `${percent(t, totalMs)}%` }}>
            <span className="strip__tick-label tabular">{formatDuration(t)}</span>
          </span>
        ))}
      </div>
      {lanes.map(({ lane, items }) => (
        <div key={lane} className={`strip__lane strip__lane--${lane}`}>
          <span className="strip__lane-name">{lane === 'sound' ? 'Sound' : 'Dialogue'}</span>
          <ol
            className="strip__track"
            aria-label={`${lane === 'sound' ? 'Timed sounds' : 'Dialogue'} in shot ${shotNumber}`}
          >
            {lengthMs < totalMs && (
              <li
                className="strip__past-end"
                style={{ left: `${percent(lengthMs, totalMs)}%` }}
                aria-hidden="true"
                title={lengthIsSet ? 'After the shot ends' : 'After the default length'}
              />
            )}
            {items.map((m, i) => {
              const left = percent(m.startMs, totalMs);
              const width = m.endMs === null ? 0 : percent(m.endMs, totalMs) - left;
              const next = items[i + 1];
              const room = (next ? percent(next.startMs, totalMs) : 100) - left;
              const flip = room < 18 && left > 50;
              // Past the shot's length, set or the model's default, a sound is left out (the linter says so too).
              const late = m.startMs >= lengthMs;
              return (
                <li
                  key={m.key}
                  className={`marker marker--${m.endMs === null ? 'point' : 'span'}${flip ? ' marker--flip' : ''}${late ? ' marker--late' : ''}`}
                  style={
                    {
                      left: `${left}%`,
                      ...(m.endMs !== null ? { width: `${Math.max(width, 0.5)}%` } : {}),
                      '--room': String(Math.max(0, flip ? left : room)),
                    } as CSSProperties
                  }
                  data-start-ms={m.startMs}
                >
                  <span className="marker__glyph" aria-hidden="true" />
                  <button
                    type="button"
                    className="marker__button"
                    aria-label={m.name}
                    title={`${m.name}${late ? (lengthIsSet ? ' (after the shot ends)' : ' (after the default length, so left out)') : ''}`}
                    onClick={() => onSelect(m.from, m.to)}
                  >
                    <span className="marker__label" aria-hidden="true">
                      {m.label}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </div>
  );
}

function Field({ label, value, inherited }: { label: string; value: string; inherited?: boolean }): JSX.Element {
  return (
    <>
      <dt>{label}</dt>
      <dd className={value === '' ? 'shot__missing' : undefined}>
        {value === '' ? 'not set' : value}
        {inherited && value !== '' && <span className="shot__inherited"> · carried over</span>}
      </dd>
    </>
  );
}

function ShotCard({
  doc,
  shot,
  index,
  src,
  length,
  onSelect,
}: {
  doc: PromptDoc;
  shot: Shot;
  index: number;
  src: ShotSource | undefined;
  /** How long the shot renders: its Duration, or the model's default for it. */
  length: ShotLength;
  onSelect: ShotsViewProps['onSelect'];
}): JSX.Element {
  const number = index + 1;
  const title = shot.title ?? (index === 0 && doc.shots.length === 1 ? doc.title : null);
  const markers = markersOf(shot, src);
  const lengthMs = length.ms;
  return (
    <li className="shot">
      <article aria-label={`Shot ${number}`}>
        <header className="shot__head">
          <button
            type="button"
            className="shot__title"
            onClick={() => src && onSelect(src.block.from, src.block.from)}
            title="Go to this shot in the editor"
          >
            <span className="shot__number">Shot {number}</span>
            {title !== null && <span className="truncate">{title}</span>}
          </button>
          <span
            className={`shot__duration tabular${shot.durationMs === null ? ' shot__duration--default' : ''}`}
            title={shot.durationMs === null ? 'No Duration line: the provider’s default length' : 'Duration'}
          >
            {length.defaulted ? `${formatDuration(lengthMs)} default` : formatDuration(lengthMs)}
          </span>
        </header>
        <dl className="shot__fields">
          <Field label={KEY_LABELS.scene} value={shot.scene} />
          <Field label={KEY_LABELS.camera} value={shot.camera} />
          {shot.motion !== '' && <Field label={KEY_LABELS.motion} value={shot.motion} />}
          {shot.audio.ambience.length > 0 && <Field label="Ambience" value={shot.audio.ambience.join(', ')} />}
          {shot.style !== '' && <Field label={KEY_LABELS.style} value={shot.style} inherited={shot.inherited.style} />}
          {shot.negative.length > 0 && (
            <Field label={KEY_LABELS.negative} value={shot.negative.join(', ')} inherited={shot.inherited.negative} />
          )}
        </dl>
        <TimeStrip
          shotNumber={number}
          lengthMs={lengthMs}
          lengthIsSet={!length.defaulted}
          markers={markers}
          onSelect={onSelect}
        />
      </article>
    </li>
  );
}

/** The prompt as the studio understands it: shot by shot, with timed sounds and lines on a ruler. */
export function ShotsView({ analysis, onSelect }: ShotsViewProps): JSX.Element {
  const { doc, source } = analysis.result;
  const { model } = modelFor(analysis.target.provider, analysis.target.model);
  const lengths = shotLengths(doc, analysis.target.provider, model);
  const lengthOf = (shot: Shot, i: number): ShotLength =>
    lengths[i] ?? {
      ms: shot.durationMs ?? model.defaultDurationMs,
      defaulted: shot.durationMs === null,
      ofClipMs: null,
    };
  const shots = doc.shots.map((shot, i) => ({ shot, i })).filter(({ shot }) => !isEmptyShot(shot));
  const totalMs = shots.reduce((sum, { shot, i }) => sum + lengthOf(shot, i).ms, 0);
  const sounds = shots.reduce((n, { shot }) => n + shot.audio.events.length, 0);
  const lines = shots.reduce((n, { shot }) => n + shot.dialogue.length, 0);

  return (
    <section className="shots" aria-label="Shots">
      <header className="pane-head">
        <h2 className="eyebrow">Shots</h2>
        {shots.length > 0 && (
          <span className="pane-head__meta tabular">
            {shots.length} {shots.length === 1 ? 'shot' : 'shots'} · {formatDuration(totalMs)} · {sounds}{' '}
            {sounds === 1 ? 'sound' : 'sounds'} · {lines} {lines === 1 ? 'line' : 'lines'}
          </span>
        )}
      </header>
      {shots.length === 0 ? (
        <EmptyState icon="film" title="No shots yet" compact>
          Write a Scene line, or start from a template; each shot appears here with its sounds and lines on a ruler.
        </EmptyState>
      ) : (
        <ol className="shots__list">
          {shots.map(({ shot, i }) => (
            <ShotCard
              key={i}
              doc={doc}
              shot={shot}
              index={i}
              src={source.shots[i]}
              length={lengthOf(shot, i)}
              onSelect={onSelect}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
