/**
 * Keeps the waveform level drawn the one the zoom needs: an hour fitted to the width needs a few
 * thousand pairs, not the 360,000 of the finest level. A level not sent yet is asked for, and
 * the closest one at hand stays drawn until it arrives. A zoom gesture raises a zoom every frame;
 * one level is asked for at a time, and what the view needs once it arrives is asked for next,
 * so a gesture that passes over a level on its way asks for it once, not once a frame.
 */
import type WaveSurfer from 'wavesurfer.js';
import { rateFor } from '../../../../shared/cues/peaks';
import { keptLevel, loadPeakLevel, type WavePeaks } from './peakLevels';
import type { WaveCanvas } from './waveCanvas';

/** Follows `ws`'s zoom from `initialRate` (drawn now) and `fitPx` (the view now); returns what stops it. */
export function followZoom(
  ws: Pick<WaveSurfer, 'on'>,
  wave: Pick<WaveCanvas, 'setLevel'>,
  clipId: number,
  peaks: WavePeaks,
  initialRate: number,
  fitPx: number,
): () => void {
  let drawn = initialRate;
  let wantedPx = fitPx;
  /** The rate of the level on its way, if one is. */
  let asked: number | null = null;
  let live = true;
  /** Draws the level the view wants if it is here; false when it still has to come. */
  const drawWanted = (): boolean => {
    const rate = rateFor(peaks.rates, wantedPx);
    if (rate === drawn) return true;
    const values = keptLevel(peaks, rate);
    if (!values) return false;
    drawn = rate;
    wave.setLevel({ rate, values });
    return true;
  };
  const ask = (): void => {
    if (!live || asked !== null || drawWanted()) return;
    const rate = rateFor(peaks.rates, wantedPx);
    asked = rate;
    loadPeakLevel(clipId, wantedPx).then(
      () => {
        asked = null;
        // The view may want another level by now; the same one again would be asked for forever.
        if (live && !drawWanted() && rateFor(peaks.rates, wantedPx) !== rate) ask();
      },
      // The level drawn stays; the next zoom asks again.
      () => {
        asked = null;
      },
    );
  };
  const off = ws.on('zoom', (pxPerSec) => {
    wantedPx = pxPerSec;
    ask();
  });
  // The level at hand may be coarser than the fitted view needs: the right one is asked for now.
  ask();
  return () => {
    live = false;
    off();
  };
}
