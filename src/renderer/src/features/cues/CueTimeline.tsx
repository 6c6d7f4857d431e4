import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type JSX,
  type MouseEvent,
} from 'react';
import type { Cue } from '../../../../shared/cues/calls';
import { CUE_KINDS, type CueData, type CueKind } from '../../../../shared/cues/types';
import type { Clip } from '../../../../shared/domain';
import { messageOf } from '../../api/messages';
import { Icon } from '../../components/Icon';
import { CueEditor } from './CueEditor';
import { nextLabel } from './cueEdits';
import { ExportCuesMenu, ImportCuesButton, importedNotice } from './CueFiles';
import { CueList, type KindFilter } from './CueList';
import { CuesToPromptButton } from './CuesToPrompt';
import { DriftPanel } from './DriftPanel';
import { driftByCue } from './driftMatch';
import { cueTimes, formatClock, markedRange, snapToFrame } from './cueTime';
import { ShortcutsSheet } from './ShortcutsSheet';
import { useCueKeys } from './useCueKeys';
import { useCueRegions } from './useCueRegions';
import { useClipPeaks } from './useClipPeaks';
import { useCues } from './useCues';
import { useDrift } from './useDrift';
import { useDriftMarks } from './useDriftMarks';
import { useMediaTime } from './useMediaTime';
import { afterReport, clicked, playheadForKeys, type ClickedSeek } from './clickedSeek';
import { useRegionEdits } from './useRegionEdits';
import { useWaveform } from './useWaveform';
import { KindColorsButton } from './KindColorsButton';
import { useKindColors } from './kindColors';
import { NOTHING_TYPED, type TypedAhead } from './typeAhead';
import { WaveformStatus } from './WaveformStatus';
import { TimelineResizer } from './TimelineResizer';
import { CANVAS_KEEP, CUE_TIMELINE_HEIGHT_KEY, MIN_TIMELINE, parseTimelineHeight } from './timelineHeight';
import { readStored, writeStored } from '../../app/storage';
import { focusClip } from '../library/clipAfter';
import './CueTimeline.css';

/** Whether the cue timeline is folded to its one bar; remembered across reloads. */
export const CUE_TIMELINE_OPEN_KEY = 'shotline.cueTimelineOpen';

interface Props {
  clip: Clip;
  /** The player's media element: the waveform drives it, so picture and sound move together. */
  media: HTMLMediaElement | null;
  /** Opens the Prompt view once a draft has been written. */
  onOpenPrompt: () => void;
  /** Changes each time the clip is opened by a click or Enter: the timeline then takes the keys. */
  focusRequest?: number;
}

/**
 * The range I and O have marked, compact enough to sit in the toolbar's one line at the studio's
 * default window size: "00:01.000 → 00:03.000" (a mark not set yet is "–"); its title spells it out.
 */
function RangeMarks({ marks }: { marks: { in: number | null; out: number | null } }): JSX.Element {
  const inText = marks.in === null ? '–' : formatClock(marks.in);
  const outText = marks.out === null ? '–' : formatClock(marks.out);
  return (
    <span className="cue-timeline__marks tabular" aria-label="Range marks" title={`In ${inText} · Out ${outText}`}>
      {inText} → {outText}
    </span>
  );
}

/** Moves the player; the element belongs to the player panel, the timeline only drives it. */
function moveMedia(media: HTMLMediaElement | null, ms: number): void {
  if (media) media.currentTime = ms / 1000;
}

/** Folds the timeline to its bar and opens it again: a disclosure, named the same either way. */
function Disclosure({
  open,
  onToggle,
  label,
  focusNowRef,
}: {
  open: boolean;
  onToggle: () => void;
  label?: string;
  /** Set when the other state's button was pressed: this one takes the focus once, so the keyboard stays on it. */
  focusNowRef: { current: boolean };
}): JSX.Element {
  return (
    <button
      ref={(element) => {
        if (!element || !focusNowRef.current) return;
        focusNowRef.current = false;
        element.focus({ preventScroll: true });
      }}
      type="button"
      className={`btn btn--sm btn--ghost cue-timeline__disclosure${label ? '' : ' cue-timeline__disclosure--icon'}`}
      aria-expanded={open}
      aria-controls={open ? CUE_TIMELINE_BODY_ID : undefined}
      aria-label="Cue timeline"
      title={open ? 'Fold the cue timeline away' : 'Open the cue timeline'}
      onClick={onToggle}
    >
      <Icon name="chevron" size={14} className="cue-timeline__chevron" />
      {label}
    </button>
  );
}

const CUE_TIMELINE_BODY_ID = 'cue-timeline-body';

/**
 * The clip's cue timeline under the canvas, or, folded away, just its bar: the creator's choice
 * is kept across reloads. Folded, the waveform is not drawn and the timeline takes no keys.
 */
export function CueTimeline(props: Props): JSX.Element {
  const { focusRequest = 0 } = props;
  const [open, setOpen] = useState(() => readStored(CUE_TIMELINE_OPEN_KEY) !== 'false');
  // Folding swaps the bar for another: the new disclosure takes the focus the old one had.
  const toggled = useRef(false);
  // Opened by its disclosure, the timeline leaves the focus there; a clip opened afterwards hands it the keys.
  const [heldRequest, setHeldRequest] = useState(0);
  const toggle = useCallback(() => {
    toggled.current = true;
    setHeldRequest(focusRequest);
    setOpen((was) => {
      writeStored(CUE_TIMELINE_OPEN_KEY, String(!was));
      return !was;
    });
  }, [focusRequest]);
  const [height, setHeight] = useState(() => parseTimelineHeight(readStored(CUE_TIMELINE_HEIGHT_KEY)));
  const resize = useCallback((next: number | null) => {
    setHeight(next);
    writeStored(CUE_TIMELINE_HEIGHT_KEY, next === null ? null : String(next));
  }, []);
  if (open)
    return (
      <>
        <TimelineResizer onResize={resize} />
        <OpenTimeline
          {...props}
          height={height}
          focusRequest={focusRequest === heldRequest ? 0 : focusRequest}
          disclosure={<Disclosure open onToggle={toggle} focusNowRef={toggled} />}
        />
      </>
    );
  return (
    <section className="cue-timeline cue-timeline--folded" aria-label="Cue timeline">
      <div className="cue-timeline__bar">
        <Disclosure open={false} onToggle={toggle} label="Cue timeline" focusNowRef={toggled} />
        <span className="cue-timeline__folded-hint">Waveform and cues of “{props.clip.title}”</span>
      </div>
    </section>
  );
}

/** The limits the style sheet applies to the timeline's height (timelineHeight.ts), and the creator's height. */
function timelineStyle(height: number | null): CSSProperties {
  return {
    '--cue-timeline-min': `${MIN_TIMELINE}px`,
    '--cue-timeline-keep': `${CANVAS_KEEP}px`,
    ...(height === null ? {} : { '--cue-timeline-height': `${height}px` }),
  } as CSSProperties;
}

function OpenTimeline({
  clip,
  media,
  onOpenPrompt,
  focusRequest = 0,
  disclosure,
  height,
}: Props & { disclosure: JSX.Element; height: number | null }): JSX.Element {
  const fps = clip.fps && clip.fps > 0 ? clip.fps : 25;
  // The clip fitted to the window: the timeline is narrower, so the level for it is fine enough.
  const [openingPxPerSec] = useState(() => window.innerWidth / Math.max(0.001, clip.durationMs / 1000));
  const { status: peaksStatus, retry: retryPeaks } = useClipPeaks(clip.id, clip.peaksId, openingPxPerSec);
  const peaks = peaksStatus.kind === 'ready' ? peaksStatus.peaks : null;
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const waveform = useWaveform(container, media, clip.id, peaks, fps);
  const state = useCues(clip.id);
  const { kindColors, setKindColor } = useKindColors();
  const cues = useMemo(() => state.cues ?? [], [state.cues]);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const [filter, setFilter] = useState<KindFilter>('all');
  const [newKind, setNewKind] = useState<CueKind>('sfx');
  const [snap, setSnap] = useState(true);
  const snapGrid = useRef({ snap, fps });
  useEffect(() => {
    snapGrid.current = { snap, fps };
  }, [snap, fps]);
  const [playheadMs, setPlayheadMs] = useState(0);
  const [marks, setMarks] = useState<{ in: number | null; out: number | null }>({ in: null, out: null });
  const [resizedPx, setResizedPx] = useState<number | null>(null);
  const [showKeys, setShowKeys] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // The cue just added with M, whose label field takes what was typed meanwhile.
  const [justAdded, setJustAdded] = useState<number | null>(null);
  const typedAhead = useRef<TypedAhead | null>(null);
  const claimTyped = useCallback((): TypedAhead => {
    const typed = typedAhead.current ?? NOTHING_TYPED;
    typedAhead.current = null;
    setJustAdded(null);
    return typed;
  }, []);
  // Labels typed that could not be stored, by cue: kept while the creator looks elsewhere.
  const [drafts, setDrafts] = useState<ReadonlyMap<number, string>>(new Map());
  const setDraft = useCallback((id: number, text: string | null) => {
    setDrafts((current) => {
      if (text === null ? !current.has(id) : current.get(id) === text) return current;
      const next = new Map(current);
      if (text === null) next.delete(id);
      else next.set(id, text);
      return next;
    });
  }, []);
  const labelInput = useRef<HTMLInputElement>(null);
  const durationMs = peaks?.durationMs ?? clip.durationMs;
  const drift = useDrift(clip.id);
  const driftOfCue = useMemo(() => driftByCue(cues, drift.report), [cues, drift.report]);

  // Keys read the playhead when pressed, from the last report or a click not yet reported (clickedSeek.ts).
  const readout = useRef(0);
  const pendingClick = useRef<ClickedSeek | null>(null);
  const reportTime = useCallback((ms: number) => {
    pendingClick.current = afterReport(pendingClick.current, ms);
    readout.current = ms;
    setPlayheadMs(ms);
  }, []);
  const keysPlayhead = useCallback(() => playheadForKeys(pendingClick.current, readout.current, performance.now()), []);
  useMediaTime(media, reportTime);

  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusRequest > 0) section.current?.focus({ preventScroll: true });
  }, [focusRequest]);

  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  useEffect(() => {
    if (!waveform) return;
    const { ws } = waveform;
    const offs = [
      ws.on('timeupdate', (seconds) => reportTime(Math.round(seconds * 1000))),
      ws.on('resize', () => setResizedPx(ws.getWidth())),
      // A seek by clicking the waveform (not on a cue) leaves the cues: Tab goes on from the
      // playhead. With snapping on, it lands on a frame, as the frame keys do. The media is moved
      // here in every case: wavesurfer only notes a time asked for while the media is still
      // seeking (a click just after another), and its note can go unapplied, leaving the
      // picture and the playhead at the earlier click.
      ws.on('interaction', (seconds) => {
        setSelected((current) => (current.size === 0 ? current : new Set()));
        setAnchor(null);
        const grid = snapGrid.current;
        const landedMs = grid.snap ? snapToFrame(seconds * 1000, grid.fps) : seconds * 1000;
        pendingClick.current = clicked(landedMs, performance.now());
        moveMedia(media, landedMs);
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [waveform, media, reportTime]);
  // Until the creator zooms, the waveform fits the track's width (measured by wavesurfer, not
  // read here: a read during render would lay the page out on every playhead tick).
  const viewPx = resizedPx ?? waveform?.widthPx ?? 600;
  const fitPxPerSec = viewPx / Math.max(0.001, durationMs / 1000);

  const seek = useCallback(
    (ms: number) => {
      const clamped = Math.max(0, Math.min(durationMs, Math.round(ms)));
      moveMedia(media, clamped);
      // A key or a cue moved the playhead itself: an earlier click no longer says where it is.
      pendingClick.current = null;
      readout.current = clamped;
      setPlayheadMs(clamped);
    },
    [media, durationMs],
  );

  const select = useCallback(
    (ids: number[], seekTo?: Cue) => {
      setSelected(new Set(ids));
      setAnchor(ids[ids.length - 1] ?? null);
      if (seekTo) seek(seekTo.startMs);
    },
    [seek],
  );

  /** A cue clicked: in the list the playhead goes to its start, on the waveform where it was clicked. */
  const pick = useCallback(
    (cue: Cue, event: MouseEvent | globalThis.MouseEvent, atMs: number = cue.startMs) => {
      if (event.ctrlKey || event.metaKey) {
        const next = new Set(selected);
        if (next.has(cue.id)) next.delete(cue.id);
        else next.add(cue.id);
        setSelected(next);
        setAnchor(cue.id);
        return;
      }
      if (event.shiftKey && anchor !== null) {
        const from = cues.findIndex((c) => c.id === anchor);
        const to = cues.findIndex((c) => c.id === cue.id);
        if (from !== -1 && to !== -1) {
          const [a, b] = from < to ? [from, to] : [to, from];
          setSelected(new Set(cues.slice(a, b + 1).map((c) => c.id)));
          return;
        }
      }
      select([cue.id]);
      seek(atMs);
    },
    [selected, anchor, cues, select, seek],
  );

  const editing = cues.find((c) => selected.has(c.id)) ?? null;

  /**
   * Stores a new cue and selects it with its label field ready, whether made by key or dragged
   * out: keys typed from now until the label field appears are held for it.
   */
  const addAndLabel = useCallback(
    (data: CueData) => {
      typedAhead.current = { ...NOTHING_TYPED };
      state.create([data]).then(
        ([made]) => {
          if (!made) {
            typedAhead.current = null;
            return;
          }
          setJustAdded(made.id);
          select([made.id]);
        },
        (error: unknown) => {
          typedAhead.current = null;
          setNotice(messageOf(error));
        },
      );
    },
    [state, select],
  );

  const addCue = useCallback(() => {
    const range = markedRange(marks);
    // With snapping on, a cue made by key starts (and ends) on a frame, as a dragged one does.
    const data = {
      ...cueTimes(range?.in ?? keysPlayhead(), range?.out ?? null, fps, snap),
      label: nextLabel(cues),
      note: '',
      kind: newKind,
      color: null,
    };
    if (range) setMarks({ in: null, out: null });
    addAndLabel(data);
  }, [marks, keysPlayhead, cues, newKind, snap, fps, addAndLabel]);

  const removeSelected = useCallback(() => {
    if (selected.size === 0) return;
    state.remove([...selected]).then(
      () => setSelected(new Set()),
      (error: unknown) => setNotice(messageOf(error)),
    );
  }, [selected, state]);

  // Zoom steps wait for the next frame and are applied there as one: keys repeating faster than
  // frames redraw the waveform once a frame, not once a key. The zoom is read from wavesurfer,
  // not kept in this component's state: a zoom step re-renders none of the timeline.
  const pendingZoom = useRef<{ px: number; frame: number } | null>(null);
  useEffect(
    () => () => {
      if (pendingZoom.current) cancelAnimationFrame(pendingZoom.current.frame);
      pendingZoom.current = null;
    },
    [waveform],
  );
  const zoom = useCallback(
    (direction: 1 | -1) => {
      if (!waveform) return;
      const fit = fitPxPerSec;
      // 0 until the creator zooms: the waveform fits the view.
      const current = Math.max(fit, pendingZoom.current?.px ?? waveform.ws.options.minPxPerSec);
      const px = Math.max(fit, Math.min(4000, direction > 0 ? current * 1.6 : current / 1.6));
      if (pendingZoom.current) {
        pendingZoom.current.px = px;
        return;
      }
      const step = {
        px,
        frame: requestAnimationFrame(() => {
          pendingZoom.current = null;
          waveform.ws.zoom(step.px);
        }),
      };
      pendingZoom.current = step;
    },
    [waveform, fitPxPerSec],
  );

  useRegionEdits(waveform, cues, {
    snap,
    fps,
    newKind,
    update: state.update,
    add: addAndLabel,
    pick,
    setNotice,
  });

  useCueKeys({
    media,
    fps,
    durationMs,
    playhead: keysPlayhead,
    cues,
    selected,
    anchor,
    seek,
    select,
    addCue,
    removeSelected,
    zoom,
    setMarks,
    editSelected: () => {
      labelInput.current?.focus();
      labelInput.current?.select();
    },
    undo: () => void state.undo().catch((error: unknown) => setNotice(messageOf(error))),
    redo: () => void state.redo().catch((error: unknown) => setNotice(messageOf(error))),
    showShortcuts: () => setShowKeys(true),
    leave: () => {
      focusClip(clip.id);
    },
    selectAll: () => {
      const shown = filter === 'all' ? cues : cues.filter((c) => c.kind === filter);
      setSelected(new Set(shown.map((c) => c.id)));
      setAnchor(shown[0]?.id ?? null);
    },
    typedAhead,
  });

  useCueRegions(waveform, cues, selected, fitPxPerSec, kindColors);
  useDriftMarks(waveform, drift.report, durationMs);

  const chosen = useMemo(() => (selected.size > 0 ? cues.filter((c) => selected.has(c.id)) : cues), [cues, selected]);

  const update = (patch: Parameters<typeof state.update>[1]): void => {
    if (editing) state.update(editing.id, patch).catch((error: unknown) => setNotice(messageOf(error)));
  };

  return (
    // Focusable (not in the Tab order): a click anywhere on the timeline gives its keys to it.
    <section
      ref={section}
      className="cue-timeline"
      aria-label="Cue timeline"
      tabIndex={-1}
      style={timelineStyle(height)}
    >
      <div className="cue-timeline__bar" role="toolbar" aria-label="Cue tools">
        {disclosure}
        <output className="cue-timeline__playhead tabular" aria-label="Playhead">
          {formatClock(playheadMs)}
        </output>
        {(marks.in !== null || marks.out !== null) && <RangeMarks marks={marks} />}
        {/* Reads "New sfx": the kind M gives a new cue. */}
        <label className="cue-timeline__control" title="The kind of a new cue">
          <span>New</span>
          <select aria-label="New cue kind" value={newKind} onChange={(e) => setNewKind(e.target.value as CueKind)}>
            {CUE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </label>
        <KindColorsButton kindColors={kindColors} onChange={setKindColor} />
        <label className="cue-timeline__control" title="Snap to frames">
          <input
            type="checkbox"
            aria-label="Snap to frames"
            checked={snap}
            onChange={(e) => setSnap(e.target.checked)}
          />
          <span>Snap</span>
        </label>
        <button
          type="button"
          className="btn btn--sm btn--ghost"
          title="Undo (Ctrl+Z)"
          aria-label="Undo"
          data-starts-group=""
          disabled={!state.canUndo}
          onClick={() => void state.undo()}
        >
          <Icon name="undo" size={14} />
        </button>
        <button
          type="button"
          className="btn btn--sm btn--ghost"
          title="Redo (Ctrl+Shift+Z)"
          aria-label="Redo"
          disabled={!state.canRedo}
          onClick={() => void state.redo()}
        >
          <Icon name="redo" size={14} />
        </button>
        <button
          type="button"
          className="btn btn--sm btn--ghost"
          title="Zoom out (−)"
          aria-label="Zoom out"
          onClick={() => zoom(-1)}
        >
          −
        </button>
        <button
          type="button"
          className="btn btn--sm btn--ghost"
          title="Zoom in (+)"
          aria-label="Zoom in"
          onClick={() => zoom(1)}
        >
          +
        </button>
        <ImportCuesButton
          importCues={state.importFile}
          onImporting={() => setNotice(null)}
          onImported={(count, skipped) => setNotice(importedNotice(count, skipped))}
        />
        <ExportCuesMenu
          clipId={clip.id}
          disabled={cues.length === 0}
          onSaved={(path) => setNotice(`Saved the cues to ${path}.`)}
        />
        <CuesToPromptButton clip={clip} cues={chosen} onOpenPrompt={onOpenPrompt} onError={setNotice} />
        <button
          type="button"
          className="btn btn--sm btn--ghost"
          title="Shortcuts (?)"
          aria-label="Shortcuts"
          onClick={() => setShowKeys(true)}
        >
          ?
        </button>
      </div>
      {notice !== null && (
        <p className="cue-timeline__notice" role="status">
          {notice}
        </p>
      )}
      <div className="cue-timeline__body" id={CUE_TIMELINE_BODY_ID}>
        <div className="cue-timeline__track">
          <WaveformStatus status={peaksStatus} onRetry={retryPeaks} />
          <div className="cue-timeline__wave" ref={setContainer} aria-label="Waveform" />
          {peaks !== null && <DriftPanel drift={drift} onSeek={seek} />}
        </div>
        <div className="cue-timeline__side">
          <CueList
            cues={cues}
            selected={selected}
            focusId={anchor}
            filter={filter}
            onFilterChange={setFilter}
            onPick={pick}
            drift={driftOfCue}
            kindColors={kindColors}
            {...(peaksStatus.kind === 'silent' ? { emptyHint: 'No cues yet. Press M at the playhead.' } : {})}
          />
          {editing && (
            <CueEditor
              key={editing.id}
              cue={editing}
              labelInput={labelInput}
              {...(editing.id === justAdded ? { claimTyped } : {})}
              {...(drafts.has(editing.id) ? { draft: drafts.get(editing.id) } : {})}
              onDraft={(text) => setDraft(editing.id, text)}
              kindColors={kindColors}
              onChange={update}
              onDelete={removeSelected}
            />
          )}
        </div>
      </div>
      {showKeys && <ShortcutsSheet onClose={() => setShowKeys(false)} />}
    </section>
  );
}
