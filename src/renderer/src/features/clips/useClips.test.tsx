import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { JSX, ReactNode } from 'react';
import { describe, expect, test } from 'vitest';
import { StudioError } from '../../../../shared/errors';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip } from '../../../../../test/renderer/records';
import { ToastProvider } from '../../components/Toasts';
import { useClips } from './useClips';

const wrapper = ({ children }: { children: ReactNode }): JSX.Element => <ToastProvider>{children}</ToastProvider>;

const listCalls = (): number => fakeStudio.calls.filter((c) => c.name === 'clips.list').length;

describe('useClips', () => {
  test('loads the project’s clips, and reloads once for a burst of changes to that project', async () => {
    let clips = [aClip({ id: 1, title: 'Dawn' })];
    fakeStudio.answer('clips.list', () => clips);
    const { result } = renderHook(() => useClips(4, ''), { wrapper });
    expect(result.current.clips).toBeNull();
    await waitFor(() => expect(result.current.clips?.map((c) => c.title)).toEqual(['Dawn']));

    clips = [...clips, aClip({ id: 2, title: 'Dusk' })];
    act(() => {
      // An import of three files, and a change in another project.
      for (let i = 0; i < 3; i++) fakeStudio.emit('clips.changed', { projectId: 4 });
      fakeStudio.emit('clips.changed', { projectId: 5 });
    });
    await waitFor(() => expect(result.current.clips?.map((c) => c.title)).toEqual(['Dawn', 'Dusk']));
    expect(listCalls()).toBe(2);
    expect(fakeStudio.calls.at(-1)).toEqual({ name: 'clips.list', input: { projectId: 4 } });
  });

  test('a search asks the studio for hits within the project', async () => {
    fakeStudio.answer('clips.search', ({ query }) => [aClip({ title: `Hit for ${query}` })]);
    const { result } = renderHook(() => useClips(4, 'harbour'), { wrapper });
    await waitFor(() => expect(result.current.clips?.map((c) => c.title)).toEqual(['Hit for harbour']));
    expect(result.current.query).toBe('harbour');
    expect(fakeStudio.calls).toEqual([{ name: 'clips.search', input: { query: 'harbour', projectId: 4 } }]);
  });

  test('a failed load leaves an empty list and tells the creator why', async () => {
    fakeStudio.answer('clips.list', () => {
      throw new StudioError('not_found', 'clips.list: there is no project 4');
    });
    function Probe(): JSX.Element {
      const { clips } = useClips(4, '');
      return <p>{clips === null ? 'loading' : `${clips.length} clips`}</p>;
    }
    render(
      <ToastProvider>
        <Probe />
      </ToastProvider>,
    );
    expect(await screen.findByText('0 clips')).toBeTruthy();
    expect(screen.getByText('Could not load the clips')).toBeTruthy();
    expect(screen.getByText('there is no project 4')).toBeTruthy();
  });
});
