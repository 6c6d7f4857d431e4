import { describe, expect, test } from 'vitest';
import { callNames, calls, describeIssues } from './contract';
import { ClipTitle, cleanTitle, ImportSource, ProjectName } from './domain';
import { EnqueueJob, jobTitle } from './jobs';

describe('call inputs', () => {
  test.each(callNames)('%s refuses a field it does not know, by name', (name) => {
    const parsed = calls[name].input.safeParse({ notAField: 1 });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(describeIssues(parsed.error)).toContain('notAField: unknown field, not part of this call');
  });

  test('nested inputs refuse unknown fields too, naming where they are', () => {
    const imported = calls['clips.import'].input.safeParse({
      projectId: 1,
      taskId: 't',
      sources: [{ kind: 'path', path: '/clips/a.mp4', mode: 'move' }],
    });
    expect(imported.success).toBe(false);
    if (!imported.success)
      expect(describeIssues(imported.error)).toBe('sources.0.mode: unknown field, not part of this call');
    const enqueued = EnqueueJob.safeParse({
      projectId: 1,
      provider: 'local',
      promptText: 'Scene: a harbour',
      options: { seed: 1, quality: 'max' },
    });
    expect(enqueued.success).toBe(false);
    if (!enqueued.success) expect(describeIssues(enqueued.error)).toContain('options.quality');
    const decided = calls['jobs.decide'].input.safeParse({ id: 1, decision: { action: 'abandon', refund: true } });
    expect(decided.success).toBe(false);
    expect(ImportSource.safeParse({ kind: 'upload', uploadId: '0'.repeat(32), name: 'a.mp4' }).success).toBe(true);
  });

  test('a well-formed input still passes, with its defaults', () => {
    expect(calls['projects.list'].input.parse({})).toEqual({ includeArchived: false });
    expect(calls['clips.rename'].input.parse({ id: 3, title: 'Harbour' })).toEqual({ id: 3, title: 'Harbour' });
  });
});

describe('titles', () => {
  test('controls become spaces and bidirectional formatting characters go', () => {
    expect(cleanTitle('Harbour\nat\tdawn')).toBe('Harbour at dawn');
    expect(cleanTitle('evil\u0000name\u007f\u0085end')).toBe('evil name end');
    expect(cleanTitle('invoice\u202Egpj.exe')).toBe('invoicegpj.exe');
    expect(cleanTitle('\u2066a\u2069 \u200Fb\u061C\u2028c')).toBe('a b c');
    expect(cleanTitle('  Lantern   festival  ')).toBe('Lantern festival');
    expect(cleanTitle('Café 夜市 🎬')).toBe('Café 夜市 🎬');
  });

  test('the clip title and project name schemas clean before they measure', () => {
    expect(ClipTitle.parse('Door\r\nslam\u202E')).toBe('Door slam');
    expect(ProjectName.parse('\u202ENight\u0000market')).toBe('Night market');
    expect(ClipTitle.safeParse('\n\u202E\t').success).toBe(false);
    expect(calls['clips.rename'].input.parse({ id: 1, title: 'a\u0000b' })).toEqual({ id: 1, title: 'a b' });
  });

  test('a generated clip is named with a clean first line', () => {
    expect(jobTitle('Rain\u202E on\u0000glass', 'ignored')).toBe('Rain on glass');
    expect(jobTitle(null, '\n\u202E\n  Scene: storm\tat sea\n')).toBe('storm at sea');
    expect(jobTitle(null, 'Camera: slow push-in\nScene: Rain on a window.')).toBe('Rain on a window.');
    expect(jobTitle(null, 'A lighthouse at dusk, waves below')).toBe('A lighthouse at dusk, waves below');
    expect(jobTitle(null, 'Duration: 8s')).toBe('8s');
    expect(jobTitle(null, '  \n')).toBe('Generated clip');
  });
});
