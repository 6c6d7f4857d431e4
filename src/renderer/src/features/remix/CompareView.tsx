import { useCallback, useEffect, useMemo, useRef, useState, type JSX, type ReactNode } from 'react';
import type { Clip } from '../../../../shared/domain';
import { promptDiff } from '../../../../shared/remix/promptDiff';
import { formatTime } from '../../../../shared/time';
import { mediaUrl, studio } from '../../api/client';
import { Icon } from '../../components/Icon';
import { useToaster } from '../../components/Toasts';
import { isTextEntry, modalOpen } from '../../format/shortcuts';
import { PromptDiffView } from './PromptDiffView';
import {
  clampOffset,
  otherSide,
  sideTime,
  transportStep,
  type PlayerAction,
  type PlayerState,
  type Side,
} from './syncedPair';
import { useLineage } from './useLineage';
import { pickerName, versionName, versionNumbers } from './versionNames';
import { MiddleTitle } from '../../components/MiddleTitle';
import { formatDateTime } from '../../format/media';
import { CompareDrift } from './CompareDrift';
import './CompareView.css';

interface CompareViewProps {
  a: number;
  b: number;
  onPick: (a: number, b: number) => void;
  onClose: () => void;
  viewSwitch: ReactNode;
}

const SIDES: readonly Side[] = ['a', 'b'];
const NAME: Record<Side, string> = { a: 'A', b: 'B' };

type Players = Record<Side, HTMLVideoElement | null>;

function readPlayers(players: Players): Record<Side, PlayerState> | null {
  const { a, b } = players;
  if (!a || !b) return null;
  const read = (p: HTMLVideoElement): PlayerState => ({
    time: p.currentTime,
    duration: p.duration,
    paused: p.paused,
    ended: p.ended,
  });
  return { a: read(a), b: read(b) };
}

function applyActions(players: Players, actions: Record<Side, PlayerAction>): void {
  for (const side of SIDES) {
    const player = players[side];
    const action = actions[side];
    if (!player) continue;
    if (action.seekTo !== undefined) player.currentTime = action.seekTo;
    if (action.pause) player.pause();
    if (action.play) void player.play().catch(() => undefined);
  }
}

function useClip(id: number): Clip | null {
  const toaster = useToaster();
  const [clip, setClip] = useState<Clip | null>(null);
  useEffect(() => {
    let live = true;
    studio.call('clips.get', { id }).then(
      (found) => {
        if (live) setClip(found);
      },
      (error: unknown) => toaster.error('Could not open a version to compare', error),
    );
    return () => {
      live = false;
    };
  }, [id, toaster]);
  return clip?.id === id ? clip : null;
}

/** Two versions side by side (or one over the other with a wipe), playing in sync, with their prompt diff below. */
export function CompareView({ a, b, onPick, onClose, viewSwitch }: CompareViewProps): JSX.Element {
  const clipA = useClip(a);
  const clipB = useClip(b);
  const clips: Record<Side, Clip | null> = { a: clipA, b: clipB };
  const { lineage } = useLineage(a, clips.a?.projectId ?? null, 'family');
  const players = useRef<Players>({ a: null, b: null });
  // Opening Compare takes the focus into it, so its keys and Tab start here.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // The shared clock as the transport last set it, read every frame while playing.
  const positionRef = useRef(0);
  const [audible, setAudible] = useState<Side>('a');
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState(0);
  const [offsets, setOffsets] = useState<Record<Side, number>>({ a: 0, b: 0 });
  // As typed, so a lone "-" on the way to a negative offset stays in the field.
  const [offsetText, setOffsetText] = useState<Record<Side, string>>({ a: '0', b: '0' });
  // Why the last offset typed was held to the range or not taken, said beside its field.
  const [offsetNote, setOffsetNote] = useState<Record<Side, string | null>>({ a: null, b: null });
  const [wipe, setWipe] = useState(false);
  const [wipeAt, setWipeAt] = useState(50);
  const stage = useRef<HTMLDivElement>(null);

  const lengthS = Math.max(clips.a?.durationMs ?? 0, clips.b?.durationMs ?? 0) / 1000;

  const seekWith = useCallback((timelineS: number, sideOffsets: Record<Side, number>) => {
    positionRef.current = timelineS;
    setPosition(timelineS);
    for (const side of SIDES) {
      const player = players.current[side];
      if (player) player.currentTime = sideTime(timelineS, sideOffsets[side], player.duration);
    }
  }, []);
  const seek = useCallback((timelineS: number) => seekWith(timelineS, offsets), [seekWith, offsets]);
  // The shared clock, held to the longer clip (an offset may carry a player's own time past it).
  const shownS = Math.min(Math.max(0, position), lengthS);

  /** The range an offset may take, as its field's hint and notes say it. */
  const rangeOf = (side: Side): string =>
    `±${((side === 'a' ? clipA : clipB)?.durationMs ?? 0).toLocaleString('en')} ms`;
  const note = (side: Side, text: string | null): void => setOffsetNote((current) => ({ ...current, [side]: text }));

  /**
   * A new offset moves its player at once, so both show the same moment again without a seek. One
   * past the clip's length is held to it, and one that is not a number is not taken: each says so.
   */
  function changeOffset(side: Side, text: string, badInput: boolean): void {
    const typed = Number(text);
    if (badInput || text.trim() === '' || !Number.isFinite(typed)) {
      setOffsetText((current) => ({ ...current, [side]: text }));
      note(
        side,
        badInput || text.trim() !== ''
          ? `Not a number: kept ${offsets[side].toLocaleString('en')} ms. Type milliseconds within ${rangeOf(side)}.`
          : null,
      );
      return;
    }
    const held = clampOffset(typed, (side === 'a' ? clipA : clipB)?.durationMs ?? 0);
    setOffsetText((current) => ({ ...current, [side]: held === typed ? text : String(held) }));
    note(
      side,
      held === typed
        ? null
        : `Out of range: held at ${held.toLocaleString('en')} ms. An offset is within ${rangeOf(side)}.`,
    );
    const next = { ...offsets, [side]: held };
    setOffsets(next);
    seekWith(shownS, next);
  }

  /** Leaving a field with nothing, or no number, in it puts the offset in use back, saying so. */
  function leaveOffset(side: Side, text: string, badInput: boolean): void {
    const kept = offsets[side];
    if (badInput || text.trim() === '' || !Number.isFinite(Number(text)))
      note(side, `Not a number: kept ${kept.toLocaleString('en')} ms. Type milliseconds within ${rangeOf(side)}.`);
    setOffsetText((current) => ({ ...current, [side]: String(kept) }));
  }

  /** The wipe at the pointer, in percent of the picture's width. */
  function wipeTo(clientX: number): void {
    const box = stage.current?.getBoundingClientRect();
    if (!box || box.width <= 0) return;
    setWipeAt(Math.round(Math.min(100, Math.max(0, ((clientX - box.left) / box.width) * 100))));
  }

  const toggle = useCallback(() => {
    const all = SIDES.map((side) => players.current[side]).filter((p): p is HTMLVideoElement => p !== null);
    if (playing) {
      for (const p of all) p.pause();
      setPlaying(false);
      return;
    }
    const from = position >= lengthS - 0.05 ? 0 : position;
    seek(from);
    // Only the sides inside their clips at that moment start; one already past its end holds its last frame.
    const state = readPlayers(players.current);
    if (state) applyActions(players.current, transportStep(from, 0, state, offsets, audible).actions);
    else for (const p of all) void p.play().catch(() => undefined);
    setPlaying(true);
  }, [playing, position, lengthS, seek, offsets, audible]);

  // One side is heard; the other is muted.
  useEffect(() => {
    for (const side of SIDES) {
      const player = players.current[side];
      if (player) player.muted = side !== audible;
    }
  }, [audible, clips.a, clips.b]);

  // While playing, the audible side leads while it is inside its clip, then the other; see transportStep.
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const tick = (now: number): void => {
      const state = readPlayers(players.current);
      if (state) {
        const step = transportStep(positionRef.current, Math.max(0, (now - last) / 1000), state, offsets, audible);
        applyActions(players.current, step.actions);
        positionRef.current = step.timelineS;
        setPosition(step.timelineS);
        if (step.done) {
          setPlaying(false);
          return;
        }
      }
      last = now;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, audible, offsets]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (modalOpen() || isTextEntry(event.target)) return;
      if (event.key === ' ' && !(event.target instanceof HTMLButtonElement)) {
        event.preventDefault();
        toggle();
      } else if (event.key.toLowerCase() === 's') {
        event.preventDefault();
        setAudible((side) => otherSide(side));
      } else if (event.key === 'Escape') {
        onClose();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [toggle, onClose]);

  const diff = useMemo(() => (clipA && clipB ? promptDiff(clipA, clipB) : null), [clipA, clipB]);
  const versions = useMemo(() => lineage?.nodes ?? [], [lineage]);
  const numbers = useMemo(() => versionNumbers(versions), [versions]);

  function picker(side: Side): JSX.Element {
    const value = side === 'a' ? a : b;
    const current = clips[side];
    const listed = versions.some((n) => n.id === value);
    // The chosen version's whole name, for when the field is too narrow to show it all.
    const chosen = versions.find((n) => n.id === value) ?? current;
    return (
      <label className="compare__picker">
        <span className="compare__picker-name">Version {NAME[side]}</span>
        <select
          className="field"
          value={value}
          title={chosen ? pickerName(chosen) : undefined}
          onChange={(event) => {
            const id = Number(event.target.value);
            onPick(side === 'a' ? id : a, side === 'b' ? id : b);
          }}
        >
          {!listed && current && <option value={current.id}>{pickerName(current)}</option>}
          {versions.map((n) => (
            <option key={n.id} value={n.id} title={n.title}>
              {`${'\u2003'.repeat(n.depth)}${pickerName(n)}`}
            </option>
          ))}
        </select>
      </label>
    );
  }

  return (
    <main className="view view--full compare">
      <div className="toolbar">
        <div className="toolbar__title">
          {viewSwitch}
          <h1 ref={heading} tabIndex={-1} className="compare__title">
            Compare
          </h1>
        </div>
        <div className="compare__tools">
          <label className="switch">
            <input type="checkbox" checked={wipe} onChange={(event) => setWipe(event.target.checked)} />
            Wipe
          </label>
          <button type="button" className="btn compare__close" onClick={onClose} title="Back to the library (Esc)">
            <Icon name="close" size={14} />
            <span className="btn__label">Close</span>
          </button>
        </div>
      </div>
      {/* A row of their own: each picker shows its version's whole name, one under the other if need be. */}
      <div className="compare__versions">
        {picker('a')}
        {picker('b')}
      </div>
      <div className="compare__body">
        <div ref={stage} className={`compare__stage${wipe ? ' compare__stage--wipe' : ''}`}>
          {SIDES.map((side) => {
            const clip = clips[side];
            return (
              <figure
                key={side}
                className={`compare__pane compare__pane--${side}${audible === side ? ' compare__pane--audible' : ''}`}
                style={wipe && side === 'b' ? { clipPath: `inset(0 0 0 ${wipeAt}%)` } : undefined}
              >
                <figcaption className="compare__label">
                  <strong>Player {NAME[side]}</strong>
                  {clip ? <MiddleTitle title={versionName(clip, numbers)} /> : <span>…</span>}
                  {clip && <span className="compare__label-date tabular">{formatDateTime(clip.createdAt)}</span>}
                  {audible === side && <Icon name="audio" size={12} />}
                </figcaption>
                {clip && (
                  <video
                    key={clip.id}
                    ref={(element) => {
                      players.current[side] = element;
                    }}
                    className="compare__video"
                    aria-label={`Player ${NAME[side]}`}
                    preload="auto"
                    playsInline
                    muted={side !== audible}
                    src={mediaUrl(clip.mediaId)}
                    {...(clip.posterId !== null ? { poster: mediaUrl(clip.posterId) } : {})}
                  />
                )}
              </figure>
            );
          })}
          {wipe && (
            // Dragged with the pointer; the keyboard has the Wipe position slider, which names it.
            <div
              className="compare__wipe-line"
              style={{ left: `${wipeAt}%` }}
              aria-hidden="true"
              title="Drag to move the wipe"
              onPointerDown={(event) => {
                if (event.button !== 0) return;
                event.preventDefault();
                event.currentTarget.setPointerCapture(event.pointerId);
                wipeTo(event.clientX);
              }}
              onPointerMove={(event) => {
                if (event.currentTarget.hasPointerCapture(event.pointerId)) wipeTo(event.clientX);
              }}
            />
          )}
        </div>
        <div className="compare__transport">
          <button type="button" className="btn btn--primary" onClick={toggle} title="Play or pause both (Space)">
            {playing ? 'Pause' : 'Play'}
          </button>
          <input
            type="range"
            className="compare__position"
            aria-label="Position"
            min={0}
            max={lengthS || 0}
            step={0.01}
            value={shownS}
            onChange={(event) => seek(Number(event.target.value))}
          />
          <span className="tabular compare__time">
            {formatTime(Math.round(shownS * 1000))} / {formatTime(Math.round(lengthS * 1000))}
          </span>
          <div className="compare__audible" role="group" aria-label="Audible player">
            {SIDES.map((side) => (
              <button
                key={side}
                type="button"
                className={`btn btn--sm${audible === side ? ' btn--primary' : ''}`}
                aria-pressed={audible === side}
                onClick={() => setAudible(side)}
              >
                Hear {NAME[side]}
              </button>
            ))}
            <span className="compare__hint">
              <kbd>S</kbd> switches
            </span>
          </div>
        </div>
        <div className="compare__offsets">
          {SIDES.map((side) => {
            const limit = clips[side]?.durationMs ?? 0;
            return (
              <div key={side} className="compare__offset-field">
                <label className="compare__offset">
                  <span>Offset {NAME[side]} (ms)</span>
                  <input
                    type="number"
                    className="field tabular"
                    step={40}
                    min={-limit}
                    max={limit}
                    value={offsetText[side]}
                    aria-describedby={
                      offsetNote[side] === null
                        ? `compare-offset-hint-${side}`
                        : `compare-offset-note-${side} compare-offset-hint-${side}`
                    }
                    aria-invalid={offsetNote[side] !== null}
                    onChange={(event) => changeOffset(side, event.target.value, event.target.validity.badInput)}
                    onBlur={(event) => leaveOffset(side, event.target.value, event.target.validity.badInput)}
                  />
                  <span id={`compare-offset-hint-${side}`} className="compare__offset-hint tabular">
                    Within ±{limit.toLocaleString('en')} ms, the clip’s length
                  </span>
                </label>
                {offsetNote[side] !== null && (
                  <p id={`compare-offset-note-${side}`} className="field-error compare__offset-note" role="alert">
                    {offsetNote[side]}
                  </p>
                )}
              </div>
            );
          })}
          {wipe && (
            <label className="compare__offset compare__wipe-at">
              <span>Wipe position</span>
              <input
                type="range"
                min={0}
                max={100}
                value={wipeAt}
                onChange={(event) => setWipeAt(Number(event.target.value))}
              />
            </label>
          )}
        </div>
        {a === b ? (
          <p className="compare__same" role="status" aria-label="Same clip">
            A and B are the same clip. Pick another version in Version A or Version B to see what changed.
          </p>
        ) : (
          <>
            {/* Measured by id, so it stays in place while a version just picked loads. */}
            <CompareDrift a={a} b={b} onSeek={(ms) => seek(ms / 1000)} />
            {diff && <PromptDiffView diff={diff} />}
          </>
        )}
      </div>
    </main>
  );
}
