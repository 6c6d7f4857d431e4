import { useId, useState, type SyntheticEvent, type JSX } from 'react';
import type { KeyStatus, StudioSettings, TestResult } from '../../../../shared/settings';
import { studio } from '../../api/client';
import { messageOf } from '../../api/messages';

/** "Set, ends in …1234 (saved in Shotline)": all of a key the screen ever shows. */
export function describeKey(status: KeyStatus): string {
  if (status.origin === null || status.endsWith === null) return 'Not set';
  const where =
    status.origin === 'saved'
      ? 'saved in Shotline'
      : status.origin === 'environment'
        ? `from ${status.envVar} in the environment`
        : 'from settings.json';
  return `Set, ends in …${status.endsWith} (${where})`;
}

function KeyRow({ status, onChange }: { status: KeyStatus; onChange: (next: KeyStatus) => void }): JSX.Element {
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<TestResult | null>(null);

  async function run(work: () => Promise<void>): Promise<void> {
    setBusy(true);
    setAnswer(null);
    try {
      await work();
    } catch (error) {
      setAnswer({ ok: false, message: messageOf(error, 'key') });
    } finally {
      setBusy(false);
    }
  }

  function save(event: SyntheticEvent<HTMLFormElement>): void {
    event.preventDefault();
    void run(async () => {
      onChange(await studio.call('settings.setKey', { provider: status.provider, key: draft }));
      setDraft('');
    });
  }

  return (
    <form className="settings-key" aria-label={status.label} onSubmit={save}>
      <div className="settings-key__head">
        <label className="settings-key__label" htmlFor={inputId}>
          {status.label}
        </label>
        <span className="settings-key__status" data-set={status.origin !== null}>
          {describeKey(status)}
        </span>
      </div>
      <div className="settings-row">
        <input
          id={inputId}
          className="field settings-key__input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={status.origin === null ? 'Paste the API key' : 'Paste a new key to replace it'}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="btn btn--primary btn--sm" disabled={busy || draft.trim() === ''}>
          Save key
        </button>
        <button
          type="button"
          className="btn btn--sm"
          disabled={busy || status.origin === null}
          title="One free request with the key; nothing is generated"
          onClick={() =>
            void run(async () => setAnswer(await studio.call('settings.testKey', { provider: status.provider })))
          }
        >
          {busy ? 'Working…' : 'Test'}
        </button>
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          disabled={busy || status.origin !== 'saved'}
          title={status.origin === 'environment' ? `Unset ${status.envVar} to remove this key` : undefined}
          onClick={() =>
            void run(async () => onChange(await studio.call('settings.removeKey', { provider: status.provider })))
          }
        >
          Remove
        </button>
      </div>
      {answer && (
        <p role="status" className={`settings-answer settings-answer--${answer.ok ? 'ok' : 'failed'}`}>
          {answer.message}
        </p>
      )}
    </form>
  );
}

/** One row per cloud provider: enter, test and remove its key. */
export function KeysSection({
  settings,
  onKeyChange,
}: {
  settings: StudioSettings;
  onKeyChange: (next: KeyStatus) => void;
}): JSX.Element {
  return (
    <section className="settings-section" aria-labelledby="settings-keys">
      <h3 id="settings-keys" className="eyebrow">
        API keys
      </h3>
      <p className="settings-hint">
        Keys are kept in {settings.keyStorage.description}. They never leave this computer except to their service, and
        this screen only ever shows their last four characters.
      </p>
      {settings.keys.map((status) => (
        <KeyRow key={status.provider} status={status} onChange={onKeyChange} />
      ))}
    </section>
  );
}
