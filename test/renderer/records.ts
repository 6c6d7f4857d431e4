/** Complete, contract-valid records for renderer tests; each test overrides what it is about. */
import type { Clip } from '../../src/shared/domain';
import type { Job } from '../../src/shared/jobs';

const MEDIA = 'a'.repeat(64);

export function aClip(overrides: Partial<Clip> = {}): Clip {
  return {
    id: 1,
    projectId: 1,
    title: 'Harbour at dawn',
    promptText: null,
    provider: 'import',
    model: null,
    seed: null,
    durationMs: 3000,
    width: 640,
    height: 360,
    fps: 24,
    mediaId: MEDIA,
    mimeType: 'video/mp4',
    videoCodec: 'h264',
    audioCodec: 'aac',
    posterId: null,
    cardPosterId: null,
    spriteId: null,
    peaksId: null,
    parentId: null,
    rating: null,
    flag: null,
    colorLabel: null,
    tags: [],
    bytes: 1_250_000,
    createdAt: 1_700_000_000_000,
    trashedAt: null,
    ...overrides,
  };
}

export function aJob(overrides: Partial<Job> = {}): Job {
  return {
    id: 1,
    projectId: 1,
    title: 'Lantern festival',
    provider: 'local',
    model: null,
    state: 'queued',
    priority: 0,
    progress: 0,
    attempts: 0,
    promptText: 'Scene: a lantern festival at night',
    params: {
      model: 'shotline-draw',
      durationMs: 4000,
      width: 640,
      height: 360,
      audio: false,
      fps: 24,
      seed: null,
      remix: false,
      continueMode: null,
      options: {},
    },
    seed: null,
    parentClipId: null,
    clipId: null,
    errorCode: null,
    errorMessage: null,
    remoteId: null,
    costEstimateUsd: null,
    costActualUsd: null,
    notes: [],
    cancelRequested: false,
    retryAt: null,
    createdAt: 1_000,
    updatedAt: 1_000,
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}
