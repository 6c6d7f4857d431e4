import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { describeIssues } from './issues';

const Shot = z.object({
  name: z.string().min(1, 'project name must not be empty'),
  shots: z.array(z.object({ seconds: z.number().positive('must be more than zero') })),
});

function errorOf(value: unknown): z.ZodError {
  const parsed = Shot.safeParse(value);
  if (parsed.success) throw new Error('expected the value to be refused');
  return parsed.error;
}

describe('describeIssues', () => {
  test('names each field by its path, nested ones with dots and indexes', () => {
    expect(describeIssues(errorOf({ name: '', shots: [{ seconds: 2 }, { seconds: -1 }] }))).toBe(
      'name: project name must not be empty; shots.1.seconds: must be more than zero',
    );
  });

  test('names a problem with the whole value "input"', () => {
    expect(describeIssues(errorOf([1, 2]))).toBe('input: Invalid input: expected object, received array');
  });

  test('with a limit, spells out the first issues and counts the rest', () => {
    const error = errorOf({ name: '', shots: [{ seconds: 0 }, { seconds: -1 }] });
    expect(describeIssues(error, 1)).toBe('name: project name must not be empty (and 2 more)');
    expect(describeIssues(error, 3)).not.toContain('(and');
  });

  test('reads a symbol key in a path instead of throwing', () => {
    const key = Symbol('take');
    expect(describeIssues({ issues: [{ path: ['shots', key], message: 'is wrong' }] })).toBe(
      'shots.Symbol(take): is wrong',
    );
  });
});
