import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../support/fixtures';

/** Static imports (not `import type`, not `import()`) of one source file, as written. */
function staticImports(source: string): string[] {
  const out: string[] = [];
  const from = /^[ \t]*(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+'([^']+)'/gms;
  const bare = /^[ \t]*import\s+'([^']+)'/gm;
  for (const m of source.matchAll(from)) if (m[1]) out.push(m[1]);
  for (const m of source.matchAll(bare)) if (m[1]) out.push(m[1]);
  return out;
}

function resolveSource(from: string, specifier: string): string | null {
  const base = join(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base])
    if (existsSync(candidate) && candidate.endsWith('.ts')) return candidate;
  return null;
}

/**
 * Every package a module loads before its first line runs: its static imports and theirs, all
 * the way down. Dynamic imports are left out; they load when their code runs.
 */
function packagesLoadedBy(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [join(repoRoot, entry)];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const next = resolveSource(file, specifier);
        if (next) queue.push(next);
      } else if (!packages.has(specifier)) packages.set(specifier, relative(repoRoot, file));
    }
  }
  return packages;
}

describe('what a thread loads before its work starts', () => {
  test('the engine worker (render and mix) loads no validation library', () => {
    expect(packagesLoadedBy('src/main/engine/worker.ts').get('zod')).toBeUndefined();
  });

  test('`shotline render` starts the engine worker before it loads the prompt tooling', () => {
    // The command's module is loaded before the worker can be started; the prompt's reader and
    // compiler (with zod) are imported after it, so they load beside the worker.
    const packages = packagesLoadedBy('src/main/cli/render.ts');
    expect(packages.get('zod')).toBeUndefined();
    expect(packagesLoadedBy('src/shared/prompt/lint.ts').get('zod')).toBeDefined();
  });
});
