import { useEffect, useId, useState, type SyntheticEvent, type JSX } from 'react';
import { PROVIDER_IDS, PROVIDERS, type ProviderId } from '../../../../shared/prompt/index';
import type { KeyStatus, StudioSettings } from '../../../../shared/settings';
import { studio } from '../../api/client';
import { messageOf } from '../../api/messages';
import { Modal } from '../prompt/Modal';
import { ComfySection } from './ComfySection';
import { KeysSection } from './KeysSection';
import './Settings.css';

/** The monthly budget and the provider the Prompt view starts with. */
function GeneralSection({
  defaultProvider,
  onDefaultProvider,
}: {
  defaultProvider: ProviderId;
  onDefaultProvider: (provider: ProviderId) => void;
}): JSX.Element {
  const providerId = useId();
  const budgetId = useId();
  const [budget, setBudget] = useState('');
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    studio.call('jobs.spend', {}).then(
      (spend) => setBudget(spend.budgetUsd === null ? '' : String(spend.budgetUsd)),
      () => undefined,
    );
  }, []);

  function saveBudget(event: SyntheticEvent<HTMLFormElement>): void {
    event.preventDefault();
    const text = budget.trim();
    const monthlyUsd = text === '' ? null : Number(text);
    if (monthlyUsd !== null && !(monthlyUsd > 0)) {
      setNote('The budget must be a positive amount in US dollars, or empty for none.');
      return;
    }
    studio.call('jobs.setBudget', { monthlyUsd }).then(
      () => setNote(monthlyUsd === null ? 'No monthly budget.' : `Monthly budget: $${monthlyUsd.toFixed(2)}.`),
      (error: unknown) => setNote(messageOf(error, 'monthlyUsd')),
    );
  }

  return (
    <section className="settings-section" aria-labelledby="settings-general">
      <h3 id="settings-general" className="eyebrow">
        Generation
      </h3>
      <div className="settings-row">
        <label htmlFor={providerId} className="settings-row__label">
          Default provider
        </label>
        <select
          id={providerId}
          className="field"
          value={defaultProvider}
          onChange={(event) => onDefaultProvider(event.target.value as ProviderId)}
        >
          {PROVIDER_IDS.map((id) => (
            <option key={id} value={id}>
              {PROVIDERS[id].label}
            </option>
          ))}
        </select>
      </div>
      <form className="settings-row" onSubmit={saveBudget}>
        <label htmlFor={budgetId} className="settings-row__label">
          Monthly budget (USD)
        </label>
        <input
          id={budgetId}
          className="field settings-row__number"
          inputMode="decimal"
          placeholder="No budget"
          value={budget}
          onChange={(event) => setBudget(event.target.value)}
        />
        <button type="submit" className="btn btn--sm">
          Save budget
        </button>
      </form>
      {note && (
        <p role="status" className="settings-hint">
          {note}
        </p>
      )}
    </section>
  );
}

/** Keys, ComfyUI, budget and default provider; opened with Ctrl+, or the status bar's Settings button. */
export function SettingsDialog({
  onClose,
  onDefaultProvider,
  onTestRender,
  canTestRender,
}: {
  onClose: () => void;
  /** Called after the default provider is saved, so the Prompt view can start from it. */
  onDefaultProvider: (provider: ProviderId) => void;
  onTestRender: () => void;
  canTestRender: boolean;
}): JSX.Element {
  const [settings, setSettings] = useState<StudioSettings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    studio.call('settings.get', {}).then(setSettings, (error: unknown) => setProblem(messageOf(error)));
  }, []);

  function keyChanged(next: KeyStatus): void {
    setSettings((current) =>
      current ? { ...current, keys: current.keys.map((k) => (k.provider === next.provider ? next : k)) } : current,
    );
  }

  function chooseDefault(provider: ProviderId): void {
    studio.call('settings.setDefaultProvider', { provider }).then(
      () => {
        setSettings((current) => (current ? { ...current, defaultProvider: provider } : current));
        onDefaultProvider(provider);
      },
      (error: unknown) => setProblem(messageOf(error)),
    );
  }

  return (
    <Modal title="Settings" onClose={onClose} className="settings">
      <div className="settings__body">
        {problem && (
          <p role="alert" className="settings-answer settings-answer--failed">
            {problem}
          </p>
        )}
        {settings === null ? (
          !problem && <p className="settings-hint">Loading…</p>
        ) : (
          <>
            <KeysSection settings={settings} onKeyChange={keyChanged} />
            <ComfySection
              comfy={settings.comfyui}
              onChange={(comfyui) => setSettings({ ...settings, comfyui })}
              onTestRender={onTestRender}
              canTestRender={canTestRender}
            />
            <GeneralSection defaultProvider={settings.defaultProvider} onDefaultProvider={chooseDefault} />
          </>
        )}
      </div>
    </Modal>
  );
}
