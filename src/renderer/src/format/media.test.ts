import { describe, expect, test } from 'vitest';
import { aClip } from '../../../../test/renderer/records';
import { countClips, formatClipLength, formatCodec, formatFps, formatResolution, isAudioOnly } from './media';

describe('formatClipLength', () => {
  test('shows minutes, seconds and tenths, with hours only when there are some', () => {
    expect(formatClipLength(4_000)).toBe('00:04.0');
    expect(formatClipLength(723_500)).toBe('12:03.5');
    expect(formatClipLength(3_723_000)).toBe('1:02:03.0');
  });

  test('rounds to the nearest tenth, carrying into the next second', () => {
    expect(formatClipLength(59_960)).toBe('01:00.0');
    expect(formatClipLength(-20)).toBe('00:00.0');
  });
});

describe('clip details', () => {
  test('resolution and frame rate are left out when the clip has none', () => {
    expect(formatResolution({ width: 1280, height: 720 })).toBe('1280×720');
    expect(formatResolution({ width: null, height: null })).toBeNull();
    expect(formatFps(24)).toBe('24 fps');
    expect(formatFps(29.97002997)).toBe('29.97 fps');
    expect(formatFps(null)).toBeNull();
  });

  test('a clip is audio-only by its type, or when it has no picture at all', () => {
    expect(isAudioOnly(aClip({ mimeType: 'audio/wav', width: null, height: null, videoCodec: null }))).toBe(true);
    expect(isAudioOnly(aClip({ mimeType: 'video/mp4', width: null, height: null, videoCodec: null }))).toBe(true);
    expect(isAudioOnly(aClip())).toBe(false);
  });

  test('codecs read as creators know them; unknown ones pass through', () => {
    expect(formatCodec('H264')).toBe('H.264');
    expect(formatCodec('pcm_s16le')).toBe('PCM 16-bit');
    expect(formatCodec('theora')).toBe('theora');
    expect(formatCodec(null)).toBeNull();
  });

  test('counts clips in the singular and plural', () => {
    expect(countClips(1)).toBe('1 clip');
    expect(countClips(0)).toBe('0 clips');
  });
});
