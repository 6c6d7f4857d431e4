import { render, waitFor } from '@testing-library/react';
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
