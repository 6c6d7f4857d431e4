import { memo, useCallback, useEffect, useRef, useState, type JSX, type MouseEvent } from 'react';
import type { Cue } from '../../../../shared/cues/calls';
import type { DriftDirection } from '../../../../shared/cues/drift';
import { CUE_KINDS, DEFAULT_KIND_COLORS, type CueKind } from '../../../../shared/cues/types';
import type { KindColors } from './kindColors';
import { formatClock } from './cueTime';
import { driftTone, formatDrift } from './driftMatch';
import { cueColor } from './regionSync';

/** Rows are one height, so only the rows in view (and a few around them) are ever rendered. */
export const CUE_ROW_HEIGHT = 30;
const OVERSCAN = 8;

export type KindFilter = CueKind | 'all';

/** What the "inherited" tag on a cue means, for its tooltip. */
export const INHERITED_HINT =
  'Copied from the parent clip when this remix was made, to check the remix kept its timing. Edit it like any cue.';

interface Props {
  cues: Cue[];
  selected: ReadonlySet<number>;
  /** The cue last picked (on the waveform, by Tab or M): scrolled into view. */
  focusId: number | null;
  filter: KindFilter;
  onFilterChange: (filter: KindFilter) => void;
  onPick: (cue: Cue, event: MouseEvent) => void;
  /** The prompt direction each cue matches, from the drift report. */
  drift?: ReadonlyMap<number, DriftDirection>;
  /** What the empty list suggests: a clip without sound has no waveform to drag across. */
  emptyHint?: string;
  /** The colour of each kind, as the creator set them. */
  kindColors?: KindColors;
}

function DriftBadge({ direction }: { direction: DriftDirection | undefined }): JSX.Element {
  if (!direction) return <span aria-hidden="true" />;
  const heard = direction.heardMs === null ? 'not heard' : `heard ${formatClock(direction.heardMs)}`;
  return (
    <span
      className={`drift-badge is-${driftTone(direction.driftMs)}`}
      title={`Prompt asked ${formatClock(direction.askedMs)}, ${heard}`}
    >
      {formatDrift(direction.driftMs)}
    </span>
  );
}

interface RowProps {
  cue: Cue;
  /** Its place in the shown list, from 0. */
  index: number;
  setSize: number;
  selected: boolean;
  /** Its colour as drawn: its own, else its kind's. */
  color: string;
  drift: DriftDirection | undefined;
  onPick: (cue: Cue, event: MouseEvent) => void;
}

/**
 * One row; its props stay equal while the list scrolls, so a scroll renders only the rows that
 * come into view, not every row in it.
 */
const CueRow = memo(function CueRow({ cue, index, setSize, selected, color, drift, onPick }: RowProps): JSX.Element {
  return (
    <li
      aria-setsize={setSize}
      aria-posinset={index + 1}
      aria-selected={selected}
      className={`cue-row${selected ? ' is-selected' : ''}`}
      style={{ top: index * CUE_ROW_HEIGHT }}
      onClick={(event) => onPick(cue, event)}
    >
      <span className="cue-row__swatch" style={{ background: color }} aria-hidden="true" />
      <span className="cue-row__time tabular">
        {formatClock(cue.startMs)}
        {cue.endMs !== null && <span className="cue-row__end"> – {formatClock(cue.endMs)}</span>}
      </span>
      <span className="cue-row__label" title={cue.inherited ? `${cue.label}\n${INHERITED_HINT}` : cue.label}>
        {cue.inherited && <span className="cue-inherited">inherited</span>}
        {cue.label}
      </span>
      <DriftBadge direction={drift} />
      <span className="cue-row__kind">{cue.kind}</span>
    </li>
  );
});

/** Memoised: the timeline re-renders on every playhead tick and zoom step, the list need not. */
export const CueList = memo(function CueList({
  cues,
  selected,
  focusId,
  filter,
  onFilterChange,
  onPick,
  drift,
  emptyHint = 'No cues yet. Press M at the playhead or drag across the waveform.',
  kindColors = DEFAULT_KIND_COLORS,
}: Props): JSX.Element {
  // The first row in view, not the pixel offset: a scroll within a row renders nothing.
  const [scroll, setScroll] = useState({ row: 0, height: 240 });
  const scroller = useRef<HTMLDivElement | null>(null);
  // The list's height is watched, not read on each render: a read there forced a layout of the
  // whole page on every frame of a scroll.
  const watched = useRef<ResizeObserver | null>(null);
  const attach = useCallback((element: HTMLDivElement | null) => {
    scroller.current = element;
    watched.current?.disconnect();
    watched.current = null;
    if (!element) return;
    const measure = (height: number): void => {
      if (height > 0) setScroll((s) => (s.height === height ? s : { ...s, height }));
    };
    measure(element.clientHeight);
    watched.current = new ResizeObserver((entries) => measure(entries[0]?.contentRect.height ?? 0));
    watched.current.observe(element);
  }, []);
  const shown = filter === 'all' ? cues : cues.filter((c) => c.kind === filter);
  const focusRow = focusId === null ? -1 : shown.findIndex((c) => c.id === focusId);

  useEffect(() => {
    const element = scroller.current;
    if (!element || focusRow === -1) return;
    const top = focusRow * CUE_ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + CUE_ROW_HEIGHT > element.scrollTop + element.clientHeight)
      element.scrollTop = top + CUE_ROW_HEIGHT - element.clientHeight;
    // Again when the list gets shorter (the editor opening under it), so the picked row stays in view.
  }, [focusRow, scroll.height]);
  const first = Math.max(0, scroll.row - OVERSCAN);
  const last = Math.min(shown.length, scroll.row + Math.ceil(scroll.height / CUE_ROW_HEIGHT) + 1 + OVERSCAN);

  return (
    <div className="cue-list">
      <div className="cue-list__head">
        <span className="eyebrow">
          Cues <span className="tabular">{shown.length}</span>
        </span>
        <select
          aria-label="Filter cues by kind"
          value={filter}
          onChange={(event) => onFilterChange(event.target.value as KindFilter)}
        >
          <option value="all">All kinds</option>
          {CUE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </div>
      <div
        className="cue-list__scroll"
        onScroll={(event) => {
          const row = Math.floor(event.currentTarget.scrollTop / CUE_ROW_HEIGHT);
          setScroll((s) => (s.row === row ? s : { ...s, row }));
        }}
        ref={attach}
      >
        {shown.length === 0 ? (
          <p className="cue-list__empty">{emptyHint}</p>
        ) : (
          <ul aria-label="Cues" style={{ height: shown.length * CUE_ROW_HEIGHT }}>
            {shown.slice(first, last).map((cue, i) => (
              <CueRow
                key={cue.id}
                cue={cue}
                index={first + i}
                setSize={shown.length}
                selected={selected.has(cue.id)}
                color={cueColor(cue, kindColors)}
                drift={drift?.get(cue.id)}
                onPick={onPick}
              />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
});
