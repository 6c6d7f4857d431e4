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

  it('numbers a name already taken, ignoring case', () => {
    expect(uniqueFileName('a.mp4', new Set(['A.mp4', 'a (2).mp4']))).toBe('a (3).mp4');
    expect(uniqueFileName('b.mp4', new Set(['a.mp4']))).toBe('b.mp4');
  });
});
