/** The events the queue emits: its own, and the library's when a job makes a clip. */
import type { z } from 'zod';
import type { jobEvents } from '../../shared/jobs';

export type JobEventName = keyof typeof jobEvents | 'clips.changed' | 'projects.changed';
export type JobEventPayloads = {
  [K in keyof typeof jobEvents]: z.output<(typeof jobEvents)[K]>;
} & { 'clips.changed': { projectId: number }; 'projects.changed': Record<string, never> };

export type Emit = <K extends JobEventName>(name: K, payload: JobEventPayloads[K]) => void;
