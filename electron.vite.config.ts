import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      // The engine renders in a worker thread; render.ts loads engine-worker.js from beside index.js.
      rolldownOptions: {
        input: { index: resolve('src/main/hosts/electron/main.ts'), 'engine-worker': resolve('src/main/engine/worker.ts') },
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
