/**
 * Where a click on the waveform put the playhead, until the media reports that seek.
 *
 * The readout follows the media element's events, which arrive a moment after the click (tens of
 * milliseconds, more on a busy machine): M, I, O, the frame keys or Tab pressed in that moment
 * would act at the playhead from before the click. So the timeline remembers the click, and keys
 * take it until the media reports a time there (the seek has landed; the readout shows it from
 * then on), a key moves the playhead itself, or the report never comes (a media element that
 * could not seek), when the readout is right again after CLICK_WAIT_MS.
 */

/** How long a click waits for the media's report before the readout is trusted again. */
export const CLICK_WAIT_MS = 1000;

/** A report within this of the click is that seek landing (times are whole milliseconds). */
const LANDED_WITHIN_MS = 1;

export interface ClickedSeek {
  /** Where the click put the playhead. */
  readonly ms: number;
  /** When, on the clock `now` reads (performance.now()). */
  readonly at: number;
}

/** A click landed at `ms` (snapped already, if snapping). */
export function clicked(ms: number, now: number): ClickedSeek {
  return { ms: Math.max(0, Math.round(ms)), at: now };
}

/** The media reported a time: the click is settled once the report is where it landed. */
export function afterReport(pending: ClickedSeek | null, reportedMs: number): ClickedSeek | null {
  if (pending === null) return null;
  return Math.abs(reportedMs - pending.ms) <= LANDED_WITHIN_MS ? null : pending;
}

/** The playhead keys act at: a click not yet reported, else the readout. */
export function playheadForKeys(pending: ClickedSeek | null, readoutMs: number, now: number): number {
  if (pending === null || now - pending.at > CLICK_WAIT_MS) return readoutMs;
  return pending.ms;
}
