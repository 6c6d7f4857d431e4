// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'stream', 'url', 'util', 'worker_threads'];

/** @param {string[]} patterns @param {string} message */
const banImports = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**', 'native/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'bin/*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['*.config.ts', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  // Layering (docs/architecture.md): where code may run decides what it may import.
  {
    files: ['src/shared/**/*.ts'],
    rules: banImports([...nodeBuiltins, 'electron', '**/main/**', '**/renderer/**', '**/preload/**', 'react', 'react-dom'],
      'src/shared runs everywhere: no Node modules, no Electron, no DOM, no other layer.'),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...banImports([...nodeBuiltins, 'electron', '**/main/**', '**/preload/**'],
        'The renderer is sandboxed: import only src/shared and browser packages.'),
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: banImports([...nodeBuiltins, '**/main/**', '**/renderer/**'], 'The preload imports only electron and src/shared.'),
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/host/electron.ts'],
    rules: banImports(['electron', '**/renderer/**', '**/preload/**'],
      'Only src/main/index.ts and src/main/host/electron.ts import Electron; the studio core runs without it.'),
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/main/host/electron.ts', 'src/preload/index.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'ipcMain', message: 'Register IPC only in src/main/host/electron.ts, from the contract.' },
        { object: 'ipcRenderer', message: 'Use IPC only in src/preload/index.ts, from the contract.' },
      ],
    },
  },
);
