/** What the linter says of a prompt written as prose: where each phrase went, and the keyed form it offers. */
import type { Finding, QuickFix } from './diagnostics';
import { format } from './format';
import type { ProsePhrase } from './prose';
import type { PromptDoc } from './types';

/** Each prose finding offers to rewrite the prompt in keyed form, exactly as it was read. */
export function offerStructured(findings: Finding[], text: string, doc: PromptDoc): void {
  const prose = findings.filter((f) => f.code === 'text-outside-key');
  if (prose.length === 0) return;
  const fix: QuickFix = { title: 'Convert to structured', from: 0, to: text.length, insert: format(doc) };
  for (const f of prose) f.fixes = [fix];
}

const TARGET_NAMES: Readonly<Record<ProsePhrase['target'], string>> = {
  scene: 'Scene',
  camera: 'Camera',
  style: 'Style',
  audio: 'Audio',
  dialogue: 'Dialogue',
  negative: 'Negative',
};

/** The lint message for a prose paragraph: what went where, so nothing is taken silently. */
export function describeReading(phrases: readonly ProsePhrase[]): string {
  const routed = phrases.filter((p) => p.target !== 'scene');
  const shown = routed.slice(0, 4).map((p) => {
    const text = p.text.length > 40 ? `${p.text.slice(0, 39)}…` : p.text;
    return `"${text.replace(/[.!?]\s/g, ', ')}" as ${TARGET_NAMES[p.target]}`;
  });
  if (routed.length > 4) shown.push(`${routed.length - 4} more`);
  const scene = phrases.some((p) => p.target === 'scene');
  if (shown.length === 0) return 'This text is under no key, so the engine reads all of it as the Scene.';
  return `This text is under no key, so the engine reads it as prose: ${shown.join(', ')}${scene ? ', and the rest as the Scene' : ''}.`;
}
