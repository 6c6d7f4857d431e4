/**
 * What Shotline writes into a clip it exports, and reads back when that file is imported: the
 * prompt, seed, provider and model, as container tags written by stream copy (no re-encode).
 * A file's tags are anyone's to edit, so every value read back is checked; one that does not
 * pass is left out with a note, and the import goes on without it.
 */
import { ClipTitle } from '../../shared/domain';
import { StudioError } from '../../shared/errors';
import { MAX_PROMPT_CHARS } from '../../shared/prompt/parse';
import { ProviderId } from '../../shared/prompt/providers';
import { ffmpegArgs } from './ffmpegArgs';
import { mediaTools, runTool } from './tools';
import { withArticle } from '../../shared/article';

/** The format of the tags; a file tagged by a newer Shotline is read only if this version understands it. */
export const METADATA_VERSION = '1';
export const TAG = {
  marker: 'shotline',
  title: 'title',
  prompt: 'shotline_prompt',
  seed: 'shotline_seed',
  provider: 'shotline_provider',
  model: 'shotline_model',
} as const;

export interface ClipMetadata {
  title: string;
  prompt: string | null;
  seed: number | null;
  provider: string;
  model: string | null;
}

/** What reading a file's tags found: the values that passed, and a note naming any that did not. */
export interface MetadataRead {
  /** Null when the file was not exported by Shotline. */
  metadata: Partial<ClipMetadata> | null;
  note: string | null;
}

/** Containers that keep arbitrary tags through a stream copy, by the MIME type the library records. */
const CONTAINERS: Record<string, { extension: string; mp4Family: boolean }> = {
  'video/mp4': { extension: 'mp4', mp4Family: true },
  'video/quicktime': { extension: 'mov', mp4Family: true },
  'audio/mp4': { extension: 'm4a', mp4Family: true },
  'video/webm': { extension: 'webm', mp4Family: false },
  'video/x-matroska': { extension: 'mkv', mp4Family: false },
  'audio/webm': { extension: 'webm', mp4Family: false },
};

/** The extension an exported copy gets, and whether Shotline can write its tags into it. */
export function exportContainer(mimeType: string): { extension: string; tagged: boolean } {
  const known = CONTAINERS[mimeType];
  if (known) return { extension: known.extension, tagged: true };
  const fallback: Record<string, string> = {
    'audio/mpeg': 'mp3',
    'audio/wav': 'wav',
    'audio/flac': 'flac',
    'audio/ogg': 'ogg',
    'video/ogg': 'ogv',
    'audio/aac': 'aac',
    'video/x-msvideo': 'avi',
  };
  return { extension: fallback[mimeType] ?? 'bin', tagged: false };
}

/**
 * ffmpeg's arguments for a tagged copy: every picture and sound stream copied as it is, the
 * source's own tags kept, ours set (an empty value removes a tag the source carried, so an
 * imported file's old prompt never survives under a new clip).
 */
export function embedArgs(source: string, target: string, mimeType: string, meta: ClipMetadata): string[] {
  const container = CONTAINERS[mimeType];
  if (!container)
    throw new StudioError('unsupported_media', `Shotline cannot write tags into ${withArticle(mimeType)} file.`);
  const tags: [string, string][] = [
    [TAG.marker, METADATA_VERSION],
    [TAG.title, meta.title],
    [TAG.prompt, meta.prompt ?? ''],
    [TAG.seed, meta.seed === null ? '' : String(meta.seed)],
    [TAG.provider, meta.provider],
    [TAG.model, meta.model ?? ''],
  ];
  return ffmpegArgs(
    'errors',
    '-i',
    source,
    '-map',
    '0:v?',
    '-map',
    '0:a?',
    '-c',
    'copy',
    '-map_metadata',
    '0',
    ...tags.flatMap(([key, value]) => ['-metadata', `${key}=${value}`]),
    // Without use_metadata_tags the MP4 muxer keeps only the keys iTunes knows and drops ours.
    ...(container.mp4Family ? ['-movflags', '+use_metadata_tags+faststart'] : []),
    target,
  );
}

/** Writes `target`: the stored clip with its metadata, by stream copy. */
export async function writeTaggedCopy(
  source: string,
  target: string,
  mimeType: string,
  meta: ClipMetadata,
  signal?: AbortSignal,
): Promise<void> {
  await runTool(mediaTools().ffmpeg, embedArgs(source, target, mimeType, meta), signal);
}

const MAX_MODEL_CHARS = 200;
const MAX_SEED = Number.MAX_SAFE_INTEGER;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

type Check<T> = (value: string) => { ok: true; value: T } | { ok: false; why: string };

const checks: { [K in keyof ClipMetadata]: Check<ClipMetadata[K]> } = {
  title: (value) => {
    const parsed = ClipTitle.safeParse(value);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, why: 'not a usable title' };
  },
  prompt: (value) => {
    if (value.length > MAX_PROMPT_CHARS)
      return {
        ok: false,
        why: `longer than the ${MAX_PROMPT_CHARS.toLocaleString('en')} characters a prompt may have`,
      };
    if (CONTROL.test(value)) return { ok: false, why: 'contains control characters' };
    return { ok: true, value: value === '' ? null : value };
  },
  seed: (value) => {
    if (value === '') return { ok: true, value: null };
    if (!/^\d{1,16}$/.test(value) || Number(value) > MAX_SEED)
      return { ok: false, why: `not a whole number from 0 to ${MAX_SEED}` };
    return { ok: true, value: Number(value) };
  },
  // 'import': a clip that came into Shotline as a file and goes out again.
  provider: (value) =>
    value === 'import' || ProviderId.safeParse(value).success
      ? { ok: true, value }
      : { ok: false, why: `not a provider Shotline knows (${ProviderId.options.join(', ')})` },
  model: (value) => {
    if (value.length > MAX_MODEL_CHARS || CONTROL.test(value) || value.includes('\n'))
      return { ok: false, why: `not a model name (one line, at most ${MAX_MODEL_CHARS} characters)` };
    return { ok: true, value: value === '' ? null : value };
  },
};

const FIELD_LABEL: Record<keyof ClipMetadata, string> = {
  title: 'title',
  prompt: 'prompt',
  seed: 'seed',
  provider: 'provider',
  model: 'model',
};

/** Shortened for a note: a tampered tag can be megabytes long. */
const quote = (value: string): string => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

/** Reads Shotline's tags from ffprobe's `format.tags` (any key case: Matroska upper-cases them). */
export function readClipMetadata(tags: Readonly<Record<string, unknown>> | undefined, name: string): MetadataRead {
  const lower = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tags ?? {})) lower.set(key.toLowerCase(), value);
  const marker = lower.get(TAG.marker);
  if (marker === undefined) return { metadata: null, note: null };
  if (marker !== METADATA_VERSION) {
    return {
      metadata: null,
      note: `${name} was tagged by a Shotline whose metadata this version cannot read (version ${quote(typeof marker === 'string' ? marker : JSON.stringify(marker))}); imported without its prompt, seed, provider and model.`,
    };
  }
  const metadata: Partial<ClipMetadata> = {};
  const problems: string[] = [];
  for (const field of Object.keys(checks) as (keyof ClipMetadata)[]) {
    const raw = lower.get(TAG[field]);
    if (raw === undefined) continue;
    if (typeof raw !== 'string') {
      problems.push(`its ${FIELD_LABEL[field]} is not text`);
      continue;
    }
    const checked = checks[field](raw);
    if (checked.ok) Object.assign(metadata, { [field]: checked.value });
    else problems.push(`its ${FIELD_LABEL[field]} ${quote(raw)} is ${checked.why}`);
  }
  const note =
    problems.length === 0
      ? null
      : `${name} carries Shotline metadata that was changed or damaged: ${problems.join('; ')}. Imported without ${problems.length === 1 ? 'that value' : 'those values'}.`;
  return { metadata, note };
}
