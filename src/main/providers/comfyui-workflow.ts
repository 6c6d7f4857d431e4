/**
 * ComfyUI workflows in API format, and the mapping a creator sets once: which node input
 * takes the prompt, the negative prompt, the seed, the size, the length and the frame rate.
 * Injection is a pure function over a copy of the workflow.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ComfyRequest } from '../../shared/prompt/compile/comfyui';

export const NodeInput = z.object({
  node: z.string().min(1),
  input: z.string().min(1),
});
export type NodeInput = z.infer<typeof NodeInput>;

export const LengthInput = NodeInput.extend({
  /** Whether the node counts frames (most video latents) or seconds. */
  unit: z.enum(['frames', 'seconds']).default('frames'),
  /** Frame counts the model accepts are multipleOf × n + offset (Wan: 4n + 1). */
  multipleOf: z.number().int().positive().default(1),
  offset: z.number().int().nonnegative().default(0),
});

export const ComfyMapping = z.object({
  positive: NodeInput,
  negative: NodeInput.optional(),
  seed: NodeInput.optional(),
  width: NodeInput.optional(),
  height: NodeInput.optional(),
  length: LengthInput.optional(),
  fps: NodeInput.optional(),
  /**
   * The video loader's file input (core Load Video: "file"; Video Helper Suite's Load Video:
   * "video"), which gets the source clip when a remix sends one; without it the workflow
   * cannot take a clip as input.
   */
  video: NodeInput.optional(),
  /** The node whose output is the clip; when absent, the first output holding a video file. */
  output: z.string().min(1).optional(),
});
export type ComfyMapping = z.infer<typeof ComfyMapping>;

export const ApiNode = z.looseObject({
  class_type: z.string().min(1),
  inputs: z.record(z.string(), z.unknown()),
});
export const ApiWorkflow = z.record(z.string(), ApiNode);
export type ApiWorkflow = z.infer<typeof ApiWorkflow>;

/** A workflow file as Shotline ships and stores it: the API-format graph and its mapping. */
export const ComfyWorkflowFile = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  mapping: ComfyMapping,
  prompt: ApiWorkflow,
});
export type ComfyWorkflowFile = z.infer<typeof ComfyWorkflowFile>;

const VIDEO_FILE = /\.(mp4|webm|mov|mkv|m4v)$/i;

/** What is wrong with a mapping for this workflow, one sentence each; empty when it fits. */
export function mappingProblems(workflow: ApiWorkflow, mapping: ComfyMapping): string[] {
  const problems: string[] = [];
  const check = (what: string, target: NodeInput | undefined): void => {
    if (!target) return;
    const node = workflow[target.node];
    if (!node) problems.push(`${what} points at node ${target.node}, which the workflow does not have.`);
    else if (!(target.input in node.inputs)) {
      problems.push(
        `${what} points at input "${target.input}" of node ${target.node} (${node.class_type}), which has no such input.`,
      );
    }
  };
  check('The prompt', mapping.positive);
  check('The negative prompt', mapping.negative);
  check('The seed', mapping.seed);
  check('The width', mapping.width);
  check('The height', mapping.height);
  check('The length', mapping.length);
  check('The frame rate', mapping.fps);
  check('The video input', mapping.video);
  if (mapping.output !== undefined && !workflow[mapping.output]) {
    problems.push(`The output points at node ${mapping.output}, which the workflow does not have.`);
  }
  return problems;
}

/** Frames for a length at a frame rate, snapped to what the model accepts (multipleOf × n + offset). */
export function frameCount(durationMs: number, fps: number, multipleOf: number, offset: number): number {
  const wanted = Math.max(1, Math.round((durationMs / 1000) * fps));
  const steps = Math.max(1, Math.round((wanted - offset) / multipleOf));
  return steps * multipleOf + offset;
}

/**
 * A copy of the workflow with the request's values in the mapped inputs; `video` is the name
 * ComfyUI gave the uploaded source clip, for a request that sends one.
 */
export function injectRequest(
  workflow: ApiWorkflow,
  mapping: ComfyMapping,
  request: ComfyRequest,
  video?: string,
): ApiWorkflow {
  const copy = structuredClone(workflow);
  const set = (target: NodeInput | undefined, value: unknown): void => {
    const node = target ? copy[target.node] : undefined;
    if (target && node) node.inputs[target.input] = value;
  };
  set(mapping.positive, request.positive);
  set(mapping.negative, request.negative);
  if (request.seed !== null) set(mapping.seed, request.seed);
  set(mapping.width, request.width);
  set(mapping.height, request.height);
  set(mapping.fps, request.fps);
  if (mapping.length) {
    const value =
      mapping.length.unit === 'seconds'
        ? request.durationMs / 1000
        : frameCount(request.durationMs, request.fps, mapping.length.multipleOf, mapping.length.offset);
    set(mapping.length, value);
  }
  if (video !== undefined) set(mapping.video, video);
  return copy;
}

export interface ComfyFile {
  filename: string;
  subfolder: string;
  type: string;
}

const FileRef = z.object({
  filename: z.string().min(1),
  subfolder: z.string().default(''),
  type: z.string().default('output'),
});
const NodeOutput = z.record(z.string(), z.unknown());

/**
 * The video among a finished prompt's outputs: the mapped node's, else the first video file
 * any node saved. Core SaveVideo lists it under "images" (with "animated"), Video Helper
 * Suite's Video Combine under "gifs", some nodes under "videos".
 */
export function findVideoOutput(outputs: Record<string, unknown>, outputNode: string | undefined): ComfyFile | null {
  const nodes = outputNode !== undefined ? [outputNode] : Object.keys(outputs);
  for (const id of nodes) {
    const parsed = NodeOutput.safeParse(outputs[id]);
    if (!parsed.success) continue;
    for (const key of ['videos', 'gifs', 'images']) {
      const list = parsed.data[key];
      if (!Array.isArray(list)) continue;
      for (const item of list) {
        const file = FileRef.safeParse(item);
        if (file.success && VIDEO_FILE.test(file.data.filename)) return file.data;
      }
    }
  }
  return null;
}

export async function loadWorkflowFile(path: string): Promise<ComfyWorkflowFile> {
  const parsed = ComfyWorkflowFile.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${path} is not a Shotline ComfyUI workflow: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid'}`,
    );
  }
  const problems = mappingProblems(parsed.data.prompt, parsed.data.mapping);
  if (problems.length > 0) throw new Error(`${path}: ${problems.join(' ')}`);
  return parsed.data;
}
