import { describe, expect, test } from 'vitest';
import { callChannel, isBridgedCall } from './bridge';
import { callNames } from './contract';

describe('isBridgedCall', () => {
  test('accepts every call of the contract', () => {
    expect(callNames.length).toBeGreaterThan(0);
    for (const name of callNames) expect(isBridgedCall(name)).toBe(true);
  });

  test('refuses names that are not calls, prototype keys among them', () => {
    for (const name of ['toString', '__proto__', 'hasOwnProperty', 'constructor', 'clips', 'clips.', '', 42, null]) {
      expect(isBridgedCall(name)).toBe(false);
    }
  });
});

describe('callChannel', () => {
  test('is the call name under the studio: prefix', () => {
    expect(callChannel('clips.list')).toBe('studio:clips.list');
    expect(callChannel('jobs.moveToFront')).toBe('studio:jobs.moveToFront');
  });
});
