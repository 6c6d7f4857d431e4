import { useRef, useState, type JSX, type KeyboardEvent, type PointerEvent } from 'react';
import { MIN_TIMELINE, clampTimeline, keyedTimeline, maxTimeline } from './timelineHeight';

interface Props {
  /** Asks for a height (clamped already); null goes back to the style sheet's default. */
  onResize: (height: number | null) => void;
}

/** The workspace's height and the open timeline's (the section rendered right after this edge). */
function measure(edge: HTMLElement): { room: number; height: number } {
  const timeline = edge.nextElementSibling;
  return {
    room: edge.parentElement?.clientHeight ?? window.innerHeight,
    height: timeline?.getBoundingClientRect().height ?? MIN_TIMELINE,
  };
}

/**
 * The open cue timeline's top edge: drag it, or focus it and use the arrow keys (Page Up / Down,
 * Home, End), to share the height between the clips and the timeline; a double click goes back to
 * the default. It sits outside the timeline's section, so its arrow keys never move the playhead.
 */
export function TimelineResizer({ onResize }: Props): JSX.Element {
  const drag = useRef<{ startY: number; startHeight: number; room: number } | null>(null);
  const [shown, setShown] = useState<{ now: number; max: number } | null>(null);

  function report(height: number, room: number): void {
    setShown({ now: height, max: maxTimeline(room) });
    onResize(height);
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>): void {
    if (event.button !== 0) return;
    event.preventDefault();
    const { room, height } = measure(event.currentTarget);
    drag.current = { startY: event.clientY, startHeight: height, room };
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus({ preventScroll: true });
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>): void {
    const at = drag.current;
    if (!at) return;
    report(clampTimeline(at.startHeight + at.startY - event.clientY, at.room), at.room);
  }

  function onPointerUp(event: PointerEvent<HTMLDivElement>): void {
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const { room, height } = measure(event.currentTarget);
    const next = keyedTimeline(event.key, height, room);
    if (next === null) return;
    event.preventDefault();
    report(next, room);
  }

  return (
    <div
      className="cue-timeline-resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Cue timeline height"
      aria-valuemin={MIN_TIMELINE}
      aria-valuemax={shown?.max}
      aria-valuenow={shown?.now}
      tabIndex={0}
      title="Drag to share the height between the clips and the cue timeline (↑↓ with the keyboard; double-click for the default)"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const { room, height } = measure(event.currentTarget);
        setShown({ now: Math.round(height), max: maxTimeline(room) });
      }}
      onDoubleClick={() => {
        setShown(null);
        onResize(null);
      }}
    />
  );
}
