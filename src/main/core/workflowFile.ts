/**
 * Reading a ComfyUI workflow a creator picked in Settings: an API-format graph ("Export (API)"
 * in ComfyUI), or a Shotline workflow file that already carries its mapping. Lists the nodes
 * for the mapping pickers and guesses the usual inputs from a sampler's links.
 */
import { StudioError } from '../../shared/errors';
import type { WorkflowMapping, WorkflowNode, WorkflowReading } from '../../shared/settings';
import { ApiWorkflow, ComfyWorkflowFile } from '../providers/comfyui-workflow';

export interface ParsedWorkflow {
  name: string | null;
  prompt: ApiWorkflow;
  /** The mapping a Shotline workflow file carries; null for a bare API-format graph. */
  mapping: ComfyWorkflowFile['mapping'] | null;
}

function bad(message: string): StudioError {
  return new StudioError('invalid_input', message);
}

export function parseWorkflowText(text: string): ParsedWorkflow {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw bad('The workflow file is not JSON. Pick the .json file ComfyUI saved with Workflow → Export (API).');
  }
  const shipped = ComfyWorkflowFile.safeParse(json);
  if (shipped.success) return { name: shipped.data.name, prompt: shipped.data.prompt, mapping: shipped.data.mapping };
  if (typeof json === 'object' && json !== null && 'nodes' in json && 'links' in json) {
    throw bad(
      'This is a workflow saved for the ComfyUI editor, not for its API. In ComfyUI choose Workflow → Export (API) and pick that file.',
    );
  }
  const graph = ApiWorkflow.safeParse(json);
  if (!graph.success || Object.keys(graph.data).length === 0) {
    const issue = graph.success ? undefined : graph.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (node ${issue.path.join('.')}: ${issue.message})` : '';
    throw bad(`The file is not a ComfyUI workflow in API format${where}. In ComfyUI choose Workflow → Export (API).`);
  }
  return { name: null, prompt: graph.data, mapping: null };
}

function titleOf(node: ApiWorkflow[string]): string | null {
  const meta = node._meta;
  if (typeof meta !== 'object' || meta === null) return null;
  const title = (meta as { title?: unknown }).title;
  return typeof title === 'string' ? title : null;
}

/** The nodes in id order, each with its inputs (links to other nodes shown without a value). */
export function listNodes(prompt: ApiWorkflow): WorkflowNode[] {
  const byNumber = (a: string, b: string): number => Number(a) - Number(b) || a.localeCompare(b);
  return Object.keys(prompt)
    .sort(byNumber)
    .flatMap((id) => {
      const node = prompt[id];
      if (!node) return [];
      const inputs = Object.entries(node.inputs).map(([name, value]) => ({
        name,
        value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null,
      }));
      return [{ id, classType: node.class_type, title: titleOf(node), inputs }];
    });
}

function linkedNode(value: unknown): string | null {
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null;
}

function hasInput(prompt: ApiWorkflow, node: string | null, input: string): node is string {
  const found = node === null ? undefined : prompt[node];
  return found !== undefined && input in found.inputs;
}

/** The usual wiring: a sampler's positive and negative links lead to text encoders; a latent node holds the size. */
export function guessMapping(prompt: ApiWorkflow): Partial<WorkflowMapping> {
  const guess: Partial<WorkflowMapping> = {};
  for (const [id, node] of Object.entries(prompt)) {
    const positive = linkedNode(node.inputs.positive);
    const negative = linkedNode(node.inputs.negative);
    if (guess.positive === undefined && hasInput(prompt, positive, 'text'))
      guess.positive = { node: positive, input: 'text' };
    if (guess.negative === undefined && hasInput(prompt, negative, 'text'))
      guess.negative = { node: negative, input: 'text' };
    for (const input of ['seed', 'noise_seed']) {
      if (guess.seed === undefined && typeof node.inputs[input] === 'number') guess.seed = { node: id, input };
    }
    if (guess.width === undefined && typeof node.inputs.width === 'number' && typeof node.inputs.height === 'number') {
      guess.width = { node: id, input: 'width' };
      guess.height = { node: id, input: 'height' };
    }
    for (const input of ['length', 'frames', 'num_frames', 'video_frames']) {
      if (guess.length === undefined && typeof node.inputs[input] === 'number')
        guess.length = { node: id, input, unit: 'frames', multipleOf: 1, offset: 0 };
    }
    for (const input of ['fps', 'frame_rate']) {
      if (guess.fps === undefined && typeof node.inputs[input] === 'number') guess.fps = { node: id, input };
    }
  }
  return guess;
}

export function readWorkflow(text: string, fallbackName: string): WorkflowReading {
  const parsed = parseWorkflowText(text);
  return {
    name: parsed.name ?? fallbackName,
    nodes: listNodes(parsed.prompt),
    mapping: parsed.mapping ?? guessMapping(parsed.prompt),
  };
}
