// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layers } from './eslint.layers.js';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.cache/**',
      'native/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs', 'bin/*.mjs', 'scripts/*.mjs'],
          // The plain JavaScript files above, with room to grow; each is checked on its own.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
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
  ...layers,
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/main/hosts/electron/ipc.ts', 'src/preload/index.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'ipcMain', message: 'Register IPC only in src/main/hosts/electron/ipc.ts, from the contract.' },
        { object: 'ipcRenderer', message: 'Use IPC only in src/preload/index.ts, from the contract.' },
      ],
    },
  },
);
