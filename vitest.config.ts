import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: ['e2e/**', 'node_modules/**', 'out/**'],
    testTimeout: 30_000,
    // A warm engine the developer left running is not used by the tests' renders.
    env: { SHOTLINE_ENGINE_SOCKET: '' },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['src/renderer/**', 'e2e/**', 'node_modules/**', 'out/**'],
          environment: 'node',
        },
      },
      {
        // The renderer runs in a browser: its tests get a DOM, and a desktop bridge stands in
        // for the studio so importing the client opens no socket.
        extends: true,
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['src/renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
    ],
  },
});
