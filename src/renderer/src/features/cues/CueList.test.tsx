import { render, screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import type { Cue } from '../../../../shared/cues/calls';
import { CueList } from './CueList';
import { cueFlag } from './useCueRegions';
import { diffRegions, regionSignature } from './regionSync';

const cue = (id: number, label: string, inherited?: boolean): Cue => ({
  id,
  clipId: 1,
  startMs: id * 1000,
  endMs: null,
  label,
  note: '',
  kind: 'sfx',
  color: null,
  createdAt: 0,
  updatedAt: 0,
  ...(inherited === undefined ? {} : { inherited }),
});

test('a cue copied from the parent at remix is tagged "inherited" in the cue list; the creator’s own are not', () => {
  render(
    <CueList
      cues={[cue(1, 'gull cry', true), cue(2, 'door slam', false), cue(3, 'wind')]}
      selected={new Set()}
      focusId={null}
      filter="all"
      onFilterChange={() => undefined}
      onPick={() => undefined}
    />,
  );
  const rows = within(screen.getByRole('list', { name: 'Cues' })).getAllByRole('listitem');
  expect(rows.map((row) => row.textContent)).toEqual([
    expect.stringContaining('inheritedgull cry') as unknown,
    expect.not.stringContaining('inherited') as unknown,
    expect.not.stringContaining('inherited') as unknown,
  ]);
});

test('on the waveform an inherited cue’s flag is marked, and a change of the mark redraws it', () => {
  const inherited = cueFlag(cue(1, 'gull cry', true), 0);
  expect(inherited.classList.contains('cue-flag--inherited')).toBe(true);
  expect(inherited.title).toMatch(/^gull cry \(inherited\)\nCopied from the parent clip/);
  expect(cueFlag(cue(1, 'gull cry'), 0).classList.contains('cue-flag--inherited')).toBe(false);

  const shown = new Map([[1, regionSignature(cue(1, 'gull cry', true), 0)]]);
  expect(diffRegions(shown, [cue(1, 'gull cry', false)], new Map([[1, 0]])).change).toHaveLength(1);
  expect(diffRegions(shown, [cue(1, 'gull cry', true)], new Map([[1, 0]])).change).toHaveLength(0);
});
