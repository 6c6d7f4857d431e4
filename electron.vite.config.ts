import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      // The command line runs this build on Node as well as Electron: Node's oldest supported version.
      target: 'node20.19',
      // zod goes into the build rather than being loaded from node_modules: as some 150 files it
      // took `shotline render` about a tenth of a second of CPU to load, bundled a fraction of that.
      externalizeDeps: { exclude: ['zod'] },
      rolldownOptions: {
        // cli.js is the `shotline` command (bin/shotline.mjs runs it). The engine renders in a worker thread.
        input: {
          index: resolve('src/main/hosts/electron/main.ts'),
          cli: resolve('src/main/cli/index.ts'),
          'engine-worker': resolve('src/main/engine/worker.ts'),
          'preview-worker': resolve('src/main/engine/preview/worker.ts'),
        },
        // Chunks sit beside the entries, not in chunks/: render.ts finds engine-worker.js beside
        // itself and appPaths.ts finds the app two folders up, wherever the bundler puts them.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be CommonJS.
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    base: './',
    build: {
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
