// @ts-check
// The import rules that keep each layer in its place (docs/architecture.md). Kept apart from
// eslint.config.js so a test can lint planted files with exactly these rules.
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'net',
  'stream',
  'url',
  'util',
  'worker_threads',
];

/**
 * One `no-restricted-imports` rule from several bans. ESLint keeps only the last matching
 * config's setting of a rule, so a narrower layer repeats the bans of the wider one.
 * @param {{ group: string[], message: string }[]} bans
 */
const banImports = (...bans) => ({ 'no-restricted-imports': ['error', { patterns: bans }] });

/** A ban on the `electron` package itself (a group pattern would also match the hosts/electron folder). */
const electronBan = {
  regex: '^electron(/.*)?$',
  message: 'Only src/main/hosts/electron imports Electron; the studio core runs without it.',
};
const mainBan = {
  group: ['**/renderer/**', '**/preload/**'],
  message: 'src/main never imports the renderer or the preload.',
};
const serviceBan = {
  group: ['**/core/**', '**/hosts/**', '**/cli/**'],
  message:
    'Services (db, library, storage, media, jobs, providers, engine) never import core, hosts or cli: data flows core → services.',
};
const engineBan = {
  group: ['**/providers/**', '**/shared/contract', '**/shared/contract.ts'],
  message:
    'The engine knows neither its providers nor the contract: it takes an EngineInput and returns a clip and a report.',
};

/**
 * The engine's threads load only what drawing and mixing need as they start: a validation
 * library costs each of them a tenth of a second of CPU on the way to the first frame.
 */
const engineStartBan = {
  group: ['zod', 'zod/*'],
  message: "The engine's threads start without a validation library: the caller validates, the engine checks by hand.",
};

export const services = ['db', 'library', 'storage', 'media', 'jobs', 'providers', 'engine'];

/** @type {import('eslint').Linter.Config[]} */
export const layers = [
  {
    files: ['src/shared/**/*.ts'],
    rules: banImports({
      group: [...nodeBuiltins, 'electron', '**/main/**', '**/renderer/**', '**/preload/**', 'react', 'react-dom'],
      message: 'src/shared runs everywhere: no Node modules, no Electron, no DOM, no other layer.',
    }),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...banImports({
        group: [...nodeBuiltins, 'electron', '**/main/**', '**/preload/**'],
        message: 'The renderer is sandboxed: import only src/shared and browser packages.',
      }),
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: banImports({
      group: [...nodeBuiltins, '**/main/**', '**/renderer/**'],
      message: 'The preload imports only electron and src/shared.',
    }),
  },
  { files: ['src/main/**/*.ts'], ignores: ['src/main/hosts/electron/**'], rules: banImports(electronBan, mainBan) },
  // Tests may wire a service into a whole studio; the rule is for production code.
  {
    files: services.map((s) => `src/main/${s}/**/*.ts`),
    ignores: ['**/*.test.ts'],
    rules: banImports(electronBan, mainBan, serviceBan),
  },
  {
    files: ['src/main/engine/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: banImports(electronBan, mainBan, serviceBan, engineBan, engineStartBan),
  },
  {
    // Every thread that reports an error loads this file, the engine's workers among them.
    files: ['src/shared/errors.ts'],
    rules: banImports({
      regex: '.*',
      message: 'src/shared/errors.ts imports nothing: every thread loads it as it starts.',
    }),
  },
];
