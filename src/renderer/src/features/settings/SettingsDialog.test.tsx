import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { StudioError } from '../../../../shared/errors';
import type { KeyStatus, StudioSettings } from '../../../../shared/settings';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { SettingsDialog } from './SettingsDialog';

const KEY = 'key_runway_renderer_5678';

function key(provider: KeyStatus['provider'], label: string, envVar: string): KeyStatus {
  return { provider, label, envVar, origin: null, endsWith: null };
}

function settings(): StudioSettings {
  return {
    keys: [
      key('veo', 'Google Veo', 'GEMINI_API_KEY'),
      key('runway', 'Runway API', 'RUNWAYML_API_SECRET'),
      { ...key('openai-videos', 'OpenAI videos', 'OPENAI_API_KEY'), origin: 'environment', endsWith: '9999' },
    ],
    keyStorage: { kind: 'settings-file', description: 'settings.json in the library folder' },
    comfyui: { url: 'http://127.0.0.1:8188', urlFromEnvironment: false, workflow: null },
    defaultProvider: 'local',
  };
}

function serve(): void {
  fakeStudio.answer('settings.get', settings);
  fakeStudio.answer('jobs.spend', () => ({
    month: '2026-05',
    spentUsd: 0,
    reservedUsd: 0,
    budgetUsd: 25,
    remainingUsd: 25,
    byProject: [],
    byProvider: [],
  }));
}

function open(): ReturnType<typeof vi.fn> {
  const onDefaultProvider = vi.fn();
  render(
    <SettingsDialog
      onClose={() => undefined}
      onDefaultProvider={onDefaultProvider}
      onTestRender={() => undefined}
      canTestRender
    />,
  );
  return onDefaultProvider;
}

/** The text of the option a picker shows. */
function shown(name: string): string | null | undefined {
  return screen.getByRole<HTMLSelectElement>('combobox', { name }).selectedOptions[0]?.textContent;
}

describe('SettingsDialog', () => {
  test('saves a key, then shows only its ending; the field is emptied', async () => {
    serve();
    fakeStudio.answer('settings.setKey', ({ provider, key: saved }) => ({
      ...key(provider, 'Runway API', 'RUNWAYML_API_SECRET'),
      origin: 'saved',
      endsWith: saved.slice(-4),
    }));
    open();
    const runway = await screen.findByRole('form', { name: 'Runway API' });
    expect(runway.textContent).toContain('Not set');
    const user = userEvent.setup();
    await user.type(within(runway).getByLabelText('Runway API'), KEY);
    await user.click(within(runway).getByRole('button', { name: 'Save key' }));
    await waitFor(() => expect(runway.textContent).toContain('Set, ends in …5678 (saved in Shotline)'));
    expect(within(runway).getByLabelText<HTMLInputElement>('Runway API').value).toBe('');
    expect(document.body.innerHTML).not.toContain(KEY);
    expect(fakeStudio.calls.find((c) => c.name === 'settings.setKey')?.input).toEqual({ provider: 'runway', key: KEY });
    expect(within(runway).getByRole<HTMLButtonElement>('button', { name: 'Remove' }).disabled).toBe(false);
  });

  test('a key from the environment is shown with its variable and cannot be removed here', async () => {
    serve();
    open();
    const openai = await screen.findByRole('form', { name: 'OpenAI videos' });
    expect(openai.textContent).toContain('Set, ends in …9999 (from OPENAI_API_KEY in the environment)');
    expect(within(openai).getByRole<HTMLButtonElement>('button', { name: 'Remove' }).disabled).toBe(true);
    expect(within(openai).getByRole<HTMLButtonElement>('button', { name: 'Test' }).disabled).toBe(false);
  });

  test('shows what the service answered to a test, and the studio’s refusal of a bad key', async () => {
    serve();
    fakeStudio.answer('settings.testKey', () => ({ ok: false, message: 'Runway answered 401: Incorrect API key.' }));
    fakeStudio.answer('settings.setKey', () => {
      throw new StudioError('invalid_input', 'settings.setKey: key: the key must not contain spaces or line breaks');
    });
    open();
    const openai = await screen.findByRole('form', { name: 'OpenAI videos' });
    const user = userEvent.setup();
    await user.click(within(openai).getByRole('button', { name: 'Test' }));
    expect((await within(openai).findByRole('status')).textContent).toContain(
      'Runway answered 401: Incorrect API key.',
    );

    const veo = screen.getByRole('form', { name: 'Google Veo' });
    await user.type(within(veo).getByLabelText('Google Veo'), 'two words');
    await user.click(within(veo).getByRole('button', { name: 'Save key' }));
    expect((await within(veo).findByRole('status')).textContent).toContain(
      'the key must not contain spaces or line breaks',
    );
  });

  test('a chosen workflow file is read as text and its guessed mapping fills the pickers', async () => {
    serve();
    fakeStudio.answer('settings.readWorkflow', ({ fileName }) => ({
      name: (fileName ?? '').replace('.json', ''),
      nodes: [
        { id: '6', classType: 'CLIPTextEncode', title: 'Positive', inputs: [{ name: 'text', value: '' }] },
        { id: '3', classType: 'KSampler', title: null, inputs: [{ name: 'seed', value: 0 }] },
      ],
      mapping: { positive: { node: '6', input: 'text' }, seed: { node: '3', input: 'seed' } },
    }));
    open();
    const file = new File(['{"6": {"class_type": "CLIPTextEncode", "inputs": {"text": ""}}}'], 'wan.json', {
      type: 'application/json',
    });
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText('Choose workflow file…'), file);
    await screen.findByText('wan (not saved yet)');
    expect(fakeStudio.calls.find((c) => c.name === 'settings.readWorkflow')?.input).toEqual({
      text: '{"6": {"class_type": "CLIPTextEncode", "inputs": {"text": ""}}}',
      fileName: 'wan.json',
    });
    expect(shown('Prompt')).toBe('#6 Positive · text = “”');
    expect(shown('Seed')).toBe('#3 KSampler · seed = 0');
    expect(shown('Negative prompt')).toBe('Not mapped');
  });

  test('the default provider is saved and handed on; the budget shows what is set', async () => {
    serve();
    fakeStudio.answer('settings.setDefaultProvider', () => ({ ok: true }));
    const onDefaultProvider = open();
    const picker = await screen.findByRole('combobox', { name: 'Default provider' });
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Monthly budget (USD)' }).value).toBe('25'),
    );
    await userEvent.setup().selectOptions(picker, 'runway');
    await waitFor(() => expect(onDefaultProvider).toHaveBeenCalledWith('runway'));
    expect(fakeStudio.calls.find((c) => c.name === 'settings.setDefaultProvider')?.input).toEqual({
      provider: 'runway',
    });
  });
});
