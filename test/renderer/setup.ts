// Runs before each renderer test file: the client module picks the desktop bridge when
// `window.studio` exists, so it must be in place before the first import of the client.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { fakeStudio } from './fakeStudio';

(window as unknown as { studio: unknown }).studio = fakeStudio.bridge;

afterEach(() => {
  cleanup();
  fakeStudio.reset();
  localStorage.clear();
});
