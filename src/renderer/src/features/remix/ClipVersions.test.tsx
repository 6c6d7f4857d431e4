import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { JSX, ReactNode } from 'react';
import { describe, expect, test, vi } from 'vitest';
import type { LineageNode } from '../../../../shared/remix/calls';
import { promptDiff } from '../../../../shared/remix/promptDiff';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip, aJob } from '../../../../../test/renderer/records';
import { ToastProvider } from '../../components/Toasts';
import { ClipVersions, type VersionActions } from './ClipVersions';
import { otherBranchNote, otherBranchVersions } from './lineageTree';

const wrapper = ({ children }: { children: ReactNode }): JSX.Element => <ToastProvider>{children}</ToastProvider>;

function node(id: number, parentId: number | null, depth: number, title: string, version = id): LineageNode {
  return {
    id,
    parentId,
    projectId: 1,
    title,
    provider: 'local',
    model: 'builtin',
    seed: 1,
    durationMs: 2000,
    posterId: null,
    rating: id === 2 ? 4 : null,
    createdAt: 1_700_000_000_000 + id,
    trashedAt: null,
    depth,
    version,
  };
}

function actions() {
  return {
    onRemix: vi.fn<VersionActions['onRemix']>(),
    onRestore: vi.fn<VersionActions['onRestore']>(),
    onSelectVersion: vi.fn<VersionActions['onSelectVersion']>(),
    onCompare: vi.fn<VersionActions['onCompare']>(),
    onVersions: vi.fn<VersionActions['onVersions']>(),
  } satisfies VersionActions;
}

describe('ClipVersions', () => {
  test('the lineage is a tree of the versions, the clip marked; ancestors can be restored; a click selects', async () => {
    // 1 → 2 → 3 (the clip) → 4
    fakeStudio.answer('lineage.get', () => ({
      clipId: 3,
      nodes: [node(1, null, 0, 'Original'), node(2, 1, 1, 'Second'), node(3, 2, 2, 'Third'), node(4, 3, 3, 'Fourth')],
    }));
    fakeStudio.answer('lineage.changes', () =>
      promptDiff(
        {
          promptText: 'Scene: a pier\nStyle: warm',
          provider: 'local',
          model: 'builtin',
          seed: 1,
          width: 64,
          height: 64,
        },
        {
          promptText: 'Scene: a pier\nStyle: noir',
          provider: 'local',
          model: 'builtin',
          seed: 2,
          width: 64,
          height: 64,
        },
      ),
    );
    const act = actions();
    const clip = aClip({ id: 3, projectId: 1, parentId: 2, title: 'Third' });
    render(<ClipVersions clip={clip} actions={act} />, { wrapper });

    const lineage = screen.getByRole('region', { name: 'Lineage' });
    await waitFor(() => expect(within(lineage).getAllByRole('listitem')).toHaveLength(4));
    // Nested: each version's list item holds its remixes.
    const [original] = within(lineage).getAllByRole('listitem');
    expect(within(original as HTMLElement).getAllByRole('listitem')).toHaveLength(3);
    const current = within(lineage).getByRole('button', { current: true });
    expect(current.textContent).toContain('Third');
    // Each version is numbered in its family, the original v1 too.
    expect(
      within(lineage)
        .getAllByRole('button', { name: /^v\d+ / })
        .map((b) => b.querySelector('.version-badge')?.textContent),
    ).toEqual(['v1', 'v2', 'v3', 'v4']);
    expect(within(lineage).getByRole('button', { name: /^v3 Third/ })).toBe(current);
    expect(within(lineage).getByRole('button', { name: /Second/ }).textContent).toContain('★★★★☆');
    // The rating is named apart from the date before it.
    expect(within(lineage).getByRole('button', { name: /\S \u00b7 4 stars$/ })).toBeTruthy();
    expect(within(lineage).getAllByRole('button', { name: 'Restore this version' })).toHaveLength(2);
    expect((await screen.findByText(/Shot 1: Style · Seed/)).textContent).toContain('Changed');

    const user = userEvent.setup();
    await user.click(within(lineage).getByRole('button', { name: /Fourth/ }));
    expect(act.onSelectVersion).toHaveBeenCalledWith(4);
    await user.click(within(lineage).getAllByRole('button', { name: 'Restore this version' })[0] as HTMLElement);
    expect(act.onRestore).toHaveBeenCalledWith(1);
    // Compare defaults to the parent (A) and the clip (B).
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    expect(act.onCompare).toHaveBeenCalledWith(2, 3);
    await user.click(screen.getByRole('button', { name: 'Remix' }));
    expect(act.onRemix).toHaveBeenCalledWith(clip);
  });

  test('a version in the Trash is marked so and offers no prompt restore; a click still asks to open it', async () => {
    fakeStudio.answer('lineage.get', () => ({
      clipId: 3,
      nodes: [
        node(1, null, 0, 'Original'),
        { ...node(2, 1, 1, 'Second'), trashedAt: 1_700_000_100_000 },
        node(3, 2, 2, 'Third'),
      ],
    }));
    fakeStudio.answer('lineage.changes', () => null);
    const act = actions();
    render(<ClipVersions clip={aClip({ id: 3, projectId: 1, parentId: 2 })} actions={act} />, { wrapper });
    const lineage = screen.getByRole('region', { name: 'Lineage' });
    const trashed = await within(lineage).findByRole('button', { name: /Second/ });
    expect(trashed.textContent).toContain('In Trash');
    expect(trashed.title).toBe('“Second” is in the Trash: restore it to open it');
    expect(within(lineage).getByRole('button', { name: /Original/ }).textContent).not.toContain('In Trash');
    // Only the live ancestor's prompt can be restored.
    expect(within(lineage).getAllByRole('button', { name: 'Restore this version' })).toHaveLength(1);
    await userEvent.setup().click(trashed);
    expect(act.onSelectVersion).toHaveBeenCalledWith(2);
  });

  test('an original with no remixes says so, and Compare and Versions wait for a second version', async () => {
    fakeStudio.answer('lineage.get', () => ({ clipId: 7, nodes: [node(7, null, 0, 'Alone', 1)] }));
    render(<ClipVersions clip={aClip({ id: 7, projectId: 1, parentId: null })} actions={actions()} />, { wrapper });
    expect(await screen.findByText(/No other versions yet/)).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Compare' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Versions' }).disabled).toBe(true);
    expect(fakeStudio.calls.some((c) => c.name === 'lineage.changes')).toBe(false);
  });

  test('a remix queued or rendering shows under the clip it remixes, numbered after the family, until it lands or is cancelled', async () => {
    // The line 1 → 2 (the clip); the family has a third version, 3, a sibling outside the line.
    fakeStudio.answer('lineage.get', ({ scope }) => ({
      clipId: 2,
      nodes:
        scope === 'family'
          ? [node(1, null, 0, 'Harbour'), node(2, 1, 1, 'Harbour v2'), node(3, 1, 1, 'Harbour v3')]
          : [node(1, null, 0, 'Harbour'), node(2, 1, 1, 'Harbour v2')],
    }));
    fakeStudio.answer('lineage.changes', () => null);
    const clip = aClip({ id: 2, title: 'Harbour v2', parentId: 1 });
    const rendering = aJob({ id: 7, title: 'Harbour', state: 'running', progress: 0.4, parentClipId: 1 });
    const queued = aJob({ id: 8, title: 'Harbour at night', state: 'queued', parentClipId: 2 });
    const elsewhere = aJob({ id: 9, title: 'Pier', state: 'queued', parentClipId: 40 });
    const landed = aJob({ id: 6, title: 'Harbour', state: 'succeeded', progress: 1, parentClipId: 2, clipId: 3 });
    const view = render(
      <ClipVersions clip={clip} actions={actions()} jobs={[rendering, queued, elsewhere, landed]} />,
      { wrapper },
    );
    const region = await screen.findByRole('region', { name: 'Lineage' });
    // Numbered once the family is read: after its three versions, in the order the queue runs them.
    await waitFor(() => expect(region.textContent).toContain('v5'));
    const items = within(region).getAllByRole('listitem');
    const texts = items.map((item) => item.textContent);
    expect(texts).toHaveLength(4);
    // Each under the clip it remixes: the rendering one under the original, the queued one under the clip.
    const original = items[0];
    const current = items.find((item) => item.textContent.startsWith('v2'));
    if (!original || !current) throw new Error('no original or clip in the lineage');
    const underOriginal = within(original)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(underOriginal.some((t) => /^v4 .*Harbour.*rendering 40% · Built-in engine$/.test(t))).toBe(true);
    expect(within(current).getByRole('listitem').textContent).toMatch(
      /^v5 .*Harbour at night.*queued · Built-in engine$/,
    );
    expect(region.textContent).not.toContain('Pier');

    // Cancelled, the queued one goes; the rendering one moves on.
    view.rerender(
      <ClipVersions
        clip={clip}
        actions={actions()}
        jobs={[
          { ...rendering, progress: 0.7 },
          { ...queued, state: 'canceled' },
        ]}
      />,
    );
    await waitFor(() => expect(region.textContent).toContain('rendering 70%'));
    expect(region.textContent).not.toContain('Harbour at night');
    expect(within(region).getAllByRole('listitem')).toHaveLength(3);
  });

  test('an original with a remix on its way shows the two, not “No other versions yet”', async () => {
    fakeStudio.answer('lineage.get', () => ({ clipId: 1, nodes: [node(1, null, 0, 'Harbour')] }));
    const job = aJob({ id: 3, title: 'Harbour', state: 'queued', parentClipId: 1 });
    render(<ClipVersions clip={aClip({ id: 1, title: 'Harbour' })} actions={actions()} jobs={[job]} />, { wrapper });
    const region = await screen.findByRole('region', { name: 'Lineage' });
    await waitFor(() => expect(region.textContent).toContain('v2'));
    expect(region.textContent).not.toContain('No other versions yet');
    expect(
      within(region)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([expect.stringMatching(/^v1 Harbour/), expect.stringMatching(/^v2 Harbour.*queued · Built-in engine$/)]);
  });

  test('versions of the family on other branches are named under the line, so a gap in the numbers is told', async () => {
    // 1 → 2 → 4 (the clip); 3 is a remix of 1 on another branch, 5 a remix of 3.
    fakeStudio.answer('lineage.get', () => ({
      clipId: 4,
      nodes: [node(1, null, 0, 'Original'), node(2, 1, 1, 'Second'), node(4, 2, 2, 'Fourth')],
    }));
    fakeStudio.answer('lineage.changes', () => null);
    render(<ClipVersions clip={aClip({ id: 4, projectId: 1, parentId: 2 })} actions={actions()} />, { wrapper });
    const lineage = screen.getByRole('region', { name: 'Lineage' });
    expect(
      await within(lineage).findByText('v3 is on another branch of this family: Versions shows them all.'),
    ).toBeTruthy();
  });
});

describe('otherBranchNote', () => {
  test('names up to three versions and counts the rest', () => {
    expect(otherBranchNote([])).toBeNull();
    expect(otherBranchNote([3, 5])).toBe('v3 and v5 are on other branches of this family: Versions shows them all.');
    expect(otherBranchNote([2, 3, 6])).toBe(
      'v2, v3 and v6 are on other branches of this family: Versions shows them all.',
    );
    expect(otherBranchNote([2, 3, 6, 7, 9])).toBe(
      'v2, v3, v6 and 2 more are on other branches of this family: Versions shows them all.',
    );
    expect(otherBranchVersions([node(1, null, 0, 'A'), node(4, 1, 1, 'B')])).toEqual([2, 3]);
  });
});
