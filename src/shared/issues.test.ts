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

  test('a value over or under a limit is told the limit, in zod’s words or ours', () => {
    const Call = z.strictObject({
      prefix: z.string().max(40),
      limit: z.number().int().min(1).max(200),
      ids: z.array(z.number()).min(1).max(500),
      key: z.string().min(8, 'the key is too short: paste the whole key').max(4096, 'the key is too long'),
      title: z.string().max(200, 'clip title must be at most 200 characters'),
      name: z.string().min(1),
      speed: z.number().positive(),
    });
    const parsed = Call.safeParse({
      prefix: 'x'.repeat(41),
      limit: 500,
      ids: [],
      key: 'k'.repeat(5000),
      title: 't'.repeat(201),
      name: '',
      speed: 0,
    });
    if (parsed.success) throw new Error('expected the value to be refused');
    expect(describeIssues(parsed.error).split('; ')).toEqual([
      'prefix: must be at most 40 characters',
      'limit: must be at most 200',
      'ids: must not be empty',
      'key: the key is too long (at most 4,096 characters)',
      'title: clip title must be at most 200 characters',
      'name: must not be empty',
      'speed: must be more than 0',
    ]);
    const short = Call.shape.key.safeParse('abc');
    if (short.success) throw new Error('expected the key to be refused');
    expect(describeIssues(short.error)).toBe(
      'input: the key is too short: paste the whole key (at least 8 characters)',
    );
  });
});
