import { describe, expect, test } from 'vitest';
import { StudioCallError } from './client';
import { messageOf } from './messages';

describe('messageOf', () => {
  test('drops the call name the studio puts before a validation message', () => {
    const error = new StudioCallError('projects.create', 'invalid_input', 'projects.create: name: must not be empty');
    expect(messageOf(error)).toBe('name: must not be empty');
  });

  test('with a field, drops the field name too, for a message shown under that field', () => {
    const error = new StudioCallError('projects.create', 'invalid_input', 'projects.create: name: must not be empty');
    expect(messageOf(error, 'name')).toBe('must not be empty');
  });

  test('keeps a prefix that names another field or another call', () => {
    const error = new StudioCallError('clips.rename', 'invalid_input', 'clips.rename: title: too long');
    expect(messageOf(error, 'name')).toBe('title: too long');
    const other = new StudioCallError('clips.rename', 'not_found', 'clips.get: no clip 4');
    expect(messageOf(other)).toBe('clips.get: no clip 4');
  });

  test('a plain error keeps its call-like prefix, since only the studio adds one', () => {
    expect(messageOf(new Error('clips.rename: title: too long'))).toBe('clips.rename: title: too long');
  });

  test('anything thrown that is not an Error is shown as text', () => {
    expect(messageOf('disk full')).toBe('disk full');
    expect(messageOf(42)).toBe('42');
  });
});
