import { EditorView } from '@codemirror/view';
import { fireEvent, render, waitFor } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { ToastProvider } from '../../components/Toasts';
import { PromptStudio } from './PromptStudio';

test('opened with the focus nowhere (Remix, from a control now gone), the Prompt view puts it in the editor', async () => {
  fakeStudio.answer('drafts.get', () => ({ text: 'Scene: a pier', updatedAt: 1 }));
  fakeStudio.answer('templates.list', () => []);
  fakeStudio.answer('engine.vocabulary', () => ({ scene: [], camera: [], motion: [], audio: [], style: [] }));
  (document.activeElement as HTMLElement | null)?.blur();
  const project = { id: 3, name: 'Harbour', createdAt: 1, updatedAt: 1, archived: false, clipCount: 0 };
  render(
    <ToastProvider>
      <PromptStudio project={project} viewSwitch={null} />
    </ToastProvider>,
  );
  await waitFor(() => expect(document.querySelector('.cm-content')?.textContent).toContain('a pier'));
  await waitFor(() => expect(document.activeElement?.closest('.cm-editor')).not.toBeNull());
});

test('Queue gives the focus back to the editor, where the draft stays for the next take', async () => {
  fakeStudio.answer('drafts.get', () => ({ text: 'Scene: a pier', updatedAt: 1 }));
  fakeStudio.answer('templates.list', () => []);
  fakeStudio.answer('engine.vocabulary', () => ({ scene: [], camera: [], motion: [], audio: [], style: [] }));
  const project = { id: 3, name: 'Harbour', createdAt: 1, updatedAt: 1, archived: false, clipCount: 0 };
  const queued: string[] = [];
  const view = render(
    <ToastProvider>
      <PromptStudio
        project={project}
        viewSwitch={null}
        onQueue={(text) => {
          queued.push(text);
          return Promise.resolve();
        }}
      />
    </ToastProvider>,
  );
  await waitFor(() => expect(document.querySelector('.cm-content')?.textContent).toContain('a pier'));
  const queue = view.getByRole('button', { name: 'Queue' });
  queue.focus();
  fireEvent.click(queue);
  await waitFor(() => expect(queued).toEqual(['Scene: a pier']));
  await waitFor(() => expect((queue as HTMLButtonElement).disabled).toBe(false));
  expect(document.activeElement?.closest('.cm-editor')).not.toBeNull();
});

test('Queue on an empty editor says what to write instead of the queue’s refusal, and sends nothing', async () => {
  fakeStudio.answer('drafts.get', () => ({ text: '  \n ', updatedAt: 1 }));
  fakeStudio.answer('templates.list', () => []);
  fakeStudio.answer('engine.vocabulary', () => ({ scene: [], camera: [], motion: [], audio: [], style: [] }));
  const project = { id: 3, name: 'Harbour', createdAt: 1, updatedAt: 1, archived: false, clipCount: 0 };
  const queued: string[] = [];
  const view = render(
    <ToastProvider>
      <PromptStudio
        project={project}
        viewSwitch={null}
        onQueue={(text) => {
          queued.push(text);
          return Promise.reject(new Error('jobs.enqueue: promptText: prompt must not be empty'));
        }}
      />
    </ToastProvider>,
  );
  await waitFor(() => expect(document.querySelector('.cm-content')).not.toBeNull());
  fireEvent.click(view.getByRole('button', { name: 'Queue' }));
  const alert = await view.findByRole('alert');
  expect(alert.textContent).toContain('Write a prompt first: a Scene line at least');
  expect(alert.textContent).not.toContain('must not be empty');
  expect(queued).toEqual([]);
  expect(document.activeElement?.closest('.cm-editor')).not.toBeNull();

  // Written and queued: the note that there was nothing to queue goes with it.
  const element = document.querySelector<HTMLElement>('.cm-editor');
  const editor = element ? EditorView.findFromDOM(element) : null;
  if (!editor) throw new Error('no editor');
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: 'Scene: a pier at dawn' } });
  fireEvent.click(view.getByRole('button', { name: 'Queue' }));
  await waitFor(() => expect(queued).toEqual(['Scene: a pier at dawn']));
  await waitFor(() => expect(view.queryByText('Nothing to queue')).toBeNull());
});
