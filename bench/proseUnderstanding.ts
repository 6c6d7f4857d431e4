/**
 * How much of real-world prose the engine understands: for each prompt of the prose corpus, the
 * nouns and verbs understood (stand-ins do not count) and the misreadings against its expected
 * reading; then the share over the whole corpus. `npx tsx bench/proseUnderstanding.ts [--verbose]`
 */
import { PROSE_CORPUS } from '../test/prose/corpus';
import { readProsePrompt } from '../test/prose/reading';

const verbose = process.argv.includes('--verbose');
let understood = 0;
let missed = 0;
let misreadings = 0;
for (const prompt of PROSE_CORPUS) {
  const r = readProsePrompt(prompt);
  understood += r.understood.length;
  missed += r.missed.length;
  misreadings += r.misreadings.length;
  const share = r.understood.length / Math.max(1, r.understood.length + r.missed.length);
  console.log(`${prompt.name.padEnd(22)} ${(share * 100).toFixed(0).padStart(3)}%  misread ${r.misreadings.length}`);
  if (verbose) {
    if (r.missed.length > 0) console.log(`    not understood: ${r.missed.join(', ')}`);
    for (const m of r.misreadings) console.log(`    misreading: ${m}`);
  }
}
const share = understood / Math.max(1, understood + missed);
console.log(
  `\n${PROSE_CORPUS.length} prompts: ${understood} of ${understood + missed} nouns and verbs understood ` +
    `(${(share * 100).toFixed(1)}%), ${misreadings} misreadings`,
);
