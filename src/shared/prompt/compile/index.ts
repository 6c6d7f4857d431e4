/** compile(provider, doc, options): one pure function per provider behind one dispatcher. */
import type { Continuation } from '../continuation';
import type { ProviderId } from '../providers';
import type { PromptDoc } from '../types';
import { compileComfy, type ComfyCompiled } from './comfyui';
import { compileLocal, type LocalCompiled } from './local';
import { compileOpenAIVideos, type OpenAIVideosCompiled } from './openai-videos';
import { compileRunway, type RunwayCompiled } from './runway';
import type { CompileOptions } from './types';
import { compileVeo, type VeoCompiled } from './veo';

export type CompileResult = LocalCompiled | VeoCompiled | RunwayCompiled | ComfyCompiled | OpenAIVideosCompiled;

export interface CompileResultFor {
  local: LocalCompiled;
  veo: VeoCompiled;
  runway: RunwayCompiled;
  comfyui: ComfyCompiled;
  'openai-videos': OpenAIVideosCompiled;
}

type Compiler<P extends ProviderId> = (
  doc: PromptDoc,
  options: CompileOptions,
  continuation?: Continuation,
) => CompileResultFor[P];

/** The built-in engine and the OpenAI-compatible endpoint have no continuation; they ignore it. */
const COMPILERS: { [P in ProviderId]: Compiler<P> } = {
  local: (doc, options) => compileLocal(doc, options),
  veo: compileVeo,
  runway: compileRunway,
  comfyui: compileComfy,
  'openai-videos': (doc, options) => compileOpenAIVideos(doc, options),
};

export function compile<P extends ProviderId>(
  provider: P,
  doc: PromptDoc,
  options: CompileOptions = {},
  continuation?: Continuation,
): CompileResultFor[P] {
  const compiler: Compiler<P> = COMPILERS[provider];
  return compiler(doc, options, continuation);
}

export { compileComfy, compileLocal, compileOpenAIVideos, compileRunway, compileVeo };
export type { ComfyCompiled, LocalCompiled, OpenAIVideosCompiled, RunwayCompiled, VeoCompiled };
export type { ComfyRequest } from './comfyui';
export type { LocalRequest } from './local';
export type { OpenAIVideosRequest, VideoSeconds } from './openai-videos';
export type { RunwayRequest } from './runway';
export type { VeoRequest } from './veo';
export { CompileNote, CompileNoteKind, CompileOptions } from './types';
export type { Compiled, CompiledOutput } from './types';
