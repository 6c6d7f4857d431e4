import { describe, expect, it } from 'vitest';
import { exportFileName, fileDate, safeBaseName, uniqueFileName } from './exportName';

describe('export file names', () => {
  it('keeps a readable title and adds the date without characters Windows forbids', () => {
    const at = new Date(2026, 11, 3, 20, 14).getTime();
    expect(fileDate(at)).toBe('2026-12-03 2014');
    expect(exportFileName('Harbour: dawn / take 2?', at, 'mp4')).toBe('Harbour dawn take 2 2026-12-03 2014.mp4');
  });

  it('refuses names that hide, climb out or are reserved', () => {
    expect(safeBaseName('../../etc/passwd')).toBe('etc passwd');
    expect(safeBaseName('.hidden.')).toBe('hidden');
    expect(safeBaseName('CON')).toBe('CON clip');
    expect(safeBaseName('  \u0000\t ')).toBe('Untitled clip');
    expect(safeBaseName('é'.repeat(300))).toHaveLength(80);
  });

  it('cuts a long title after a whole word and keeps the date', () => {
    const at = new Date(2026, 11, 3, 20, 14).getTime();
    const title =
      'The Lighthouse Keeper’s Daughter walks along the harbour wall at dawn, gulls wheeling over the boats';
    const name = exportFileName(title, at, 'mp4');
    expect(name).toBe(
      'The Lighthouse Keeper’s Daughter walks along the harbour wall at dawn, gulls 2026-12-03 2014.mp4',
    );
    // Every word in the name is a whole word of the title.
    const words = new Set(title.split(/[\s,]+/));
    for (const word of name.replace(/ 2026-12-03 2014\.mp4$/, '').split(/[\s,]+/)) expect(words).toContain(word);
    // Punctuation before the cut goes with it: no "dawn," right before the date.
    expect(safeBaseName(`${'a'.repeat(70)} harbour, ${'b'.repeat(20)}`)).toBe(`${'a'.repeat(70)} harbour`);
    // One word longer than the room is cut between letters.
    expect(safeBaseName('x'.repeat(200))).toBe('x'.repeat(80));
    // Text without spaces between its words is cut between words too.
    const japanese = '灯台守の娘は夜明けの港の堤防を歩く'.repeat(6);
    expect(japanese.startsWith(safeBaseName(japanese))).toBe(true);
    expect(safeBaseName(japanese).length).toBeLessThanOrEqual(80);
  });

  it('numbers a name already taken, ignoring case', () => {
    expect(uniqueFileName('a.mp4', new Set(['A.mp4', 'a (2).mp4']))).toBe('a (3).mp4');
    expect(uniqueFileName('b.mp4', new Set(['a.mp4']))).toBe('b.mp4');
  });
});
