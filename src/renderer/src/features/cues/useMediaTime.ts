/**
 * The playhead follows the clip's media element itself, not only the waveform: until the
 * waveform is drawn (its peaks still being computed) or when there is none (a silent clip), the
 * creator still scrubs and plays the picture, and M must mark the time they see.
 */
import { useEffect } from 'react';

const MEDIA_TIME_EVENTS = ['timeupdate', 'seeking', 'seeked'] as const;

export function useMediaTime(media: HTMLMediaElement | null, onTime: (ms: number) => void): void {
  useEffect(() => {
    if (!media) return;
    const report = (): void => {
      const seconds = media.currentTime;
      if (Number.isFinite(seconds)) onTime(Math.round(seconds * 1000));
    };
    for (const name of MEDIA_TIME_EVENTS) media.addEventListener(name, report);
    return () => {
      for (const name of MEDIA_TIME_EVENTS) media.removeEventListener(name, report);
    };
  }, [media, onTime]);
}
