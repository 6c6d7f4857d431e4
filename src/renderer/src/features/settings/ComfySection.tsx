import { useId, useState, type ChangeEvent, type SyntheticEvent, type JSX } from 'react';
import type {
  ComfySettings,
  NodeInputRef,
  TestResult,
  WorkflowNode,
  WorkflowReading,
} from '../../../../shared/settings';
import { studio } from '../../api/client';
import { messageOf } from '../../api/messages';

type Slot = 'positive' | 'negative' | 'seed' | 'width' | 'height' | 'length' | 'fps';

const SLOTS: { id: Slot; label: string }[] = [
  { id: 'positive', label: 'Prompt' },
  { id: 'negative', label: 'Negative prompt' },
  { id: 'seed', label: 'Seed' },
  { id: 'width', label: 'Width' },
  { id: 'height', label: 'Height' },
  { id: 'length', label: 'Length' },
  { id: 'fps', label: 'Frame rate' },
];

const SEP = '\u0000';
const refKey = (ref: NodeInputRef | undefined): string => (ref ? `${ref.node}${SEP}${ref.input}` : '');

function optionLabel(node: WorkflowNode, input: WorkflowNode['inputs'][number]): string {
  const value = typeof input.value === 'string' ? `“${input.value.slice(0, 24)}”` : String(input.value);
  return `#${node.id} ${node.title ?? node.classType} · ${input.name} = ${value}`;
}

/** Picks which node input takes each part of the request; only inputs with a value (not links) are offered. */
function MappingPickers({
  nodes,
  mapping,
  onChange,
}: {
  nodes: WorkflowNode[];
  mapping: WorkflowReading['mapping'];
  onChange: (next: WorkflowReading['mapping']) => void;
}): JSX.Element {
  const baseId = useId();
  function pick(slot: Slot, value: string): void {
    const [node, input] = value.split(SEP);
    const rest = Object.fromEntries(Object.entries(mapping).filter(([key]) => key !== slot));
    if (!node || !input) onChange(rest);
    else if (slot === 'length') {
      onChange({ ...rest, length: { unit: 'frames', multipleOf: 1, offset: 0, ...mapping.length, node, input } });
    } else onChange({ ...rest, [slot]: { node, input } });
  }
  return (
    <div className="settings-mapping">
      {SLOTS.map((slot) => (
        <label key={slot.id} className="settings-mapping__row" htmlFor={`${baseId}-${slot.id}`}>
          <span>{slot.label}</span>
          <select
            id={`${baseId}-${slot.id}`}
            className="field"
            value={refKey(mapping[slot.id])}
            onChange={(event) => pick(slot.id, event.target.value)}
          >
            <option value="">{slot.id === 'positive' ? 'Choose an input…' : 'Not mapped'}</option>
            {nodes.map((node) =>
              node.inputs
                .filter((input) => input.value !== null)
                .map((input) => (
                  <option key={`${node.id}-${input.name}`} value={refKey({ node: node.id, input: input.name })}>
                    {optionLabel(node, input)}
                  </option>
                )),
            )}
          </select>
        </label>
      ))}
    </div>
  );
}

interface Pending {
  text: string;
  name: string;
  reading: WorkflowReading;
  mapping: WorkflowReading['mapping'];
}

/** The ComfyUI server, the workflow file and its mapping, and a test render. */
export function ComfySection({
  comfy,
  onChange,
  onTestRender,
  canTestRender,
}: {
  comfy: ComfySettings;
  onChange: (next: ComfySettings) => void;
  onTestRender: () => void;
  canTestRender: boolean;
}): JSX.Element {
  const urlId = useId();
  const [url, setUrl] = useState(comfy.url);
  const [pending, setPending] = useState<Pending | null>(null);
  const [answer, setAnswer] = useState<TestResult | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<void>): Promise<void> {
    setBusy(true);
    setAnswer(null);
    try {
      await work();
    } catch (error) {
      setAnswer({ ok: false, message: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  function saveUrl(event: SyntheticEvent<HTMLFormElement>): void {
    event.preventDefault();
    void run(async () => onChange(await studio.call('settings.setComfyUrl', { url: url.trim() || null })));
  }

  function chooseFile(event: ChangeEvent<HTMLInputElement>): void {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    void run(async () => {
      const text = await file.text();
      const reading = await studio.call('settings.readWorkflow', { text, fileName: file.name });
      setPending({ text, name: reading.name, reading, mapping: reading.mapping });
    });
  }

  function saveWorkflow(): void {
    if (!pending?.mapping.positive) return;
    const mapping = { ...pending.mapping, positive: pending.mapping.positive };
    void run(async () => {
      onChange(await studio.call('settings.saveWorkflow', { name: pending.name, text: pending.text, mapping }));
      setPending(null);
      setAnswer({ ok: true, message: `Saved “${pending.name}”. ComfyUI jobs now use it.` });
    });
  }

  return (
    <section className="settings-section" aria-labelledby="settings-comfy">
      <h3 id="settings-comfy" className="eyebrow">
        ComfyUI
      </h3>
      <form className="settings-row" onSubmit={saveUrl}>
        <label htmlFor={urlId} className="settings-row__label">
          Server URL
        </label>
        <input
          id={urlId}
          className="field"
          type="url"
          value={url}
          disabled={comfy.urlFromEnvironment}
          onChange={(event) => setUrl(event.target.value)}
        />
        <button type="submit" className="btn btn--sm" disabled={busy || comfy.urlFromEnvironment}>
          Save URL
        </button>
        <button
          type="button"
          className="btn btn--sm"
          disabled={busy}
          onClick={() => void run(async () => setAnswer(await studio.call('settings.testComfy', {})))}
        >
          Test server
        </button>
      </form>
      {comfy.urlFromEnvironment && <p className="settings-hint">SHOTLINE_COMFYUI_URL is set and wins.</p>}

      <div className="settings-row">
        <span className="settings-row__label">Workflow</span>
        <span className="settings-row__value">
          {pending ? `${pending.name} (not saved yet)` : (comfy.workflow?.name ?? 'None chosen')}
        </span>
        <label className="btn btn--sm">
          Choose workflow file…
          <input type="file" accept=".json,application/json" hidden onChange={chooseFile} />
        </label>
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          disabled={busy || comfy.workflow === null}
          onClick={() => void run(async () => onChange(await studio.call('settings.removeWorkflow', {})))}
        >
          Remove workflow
        </button>
      </div>
      <p className="settings-hint">
        In ComfyUI, use Workflow → Export (API) and choose that file. Then say which input takes each part of the
        prompt.
      </p>
      {pending && (
        <>
          <MappingPickers
            nodes={pending.reading.nodes}
            mapping={pending.mapping}
            onChange={(mapping) => setPending({ ...pending, mapping })}
          />
          <div className="settings-row">
            <button
              type="button"
              className="btn btn--primary btn--sm"
              disabled={busy || !pending.mapping.positive}
              onClick={saveWorkflow}
            >
              Save workflow
            </button>
            <button type="button" className="btn btn--ghost btn--sm" onClick={() => setPending(null)}>
              Discard
            </button>
          </div>
        </>
      )}
      <div className="settings-row">
        <button
          type="button"
          className="btn btn--sm"
          disabled={busy || comfy.workflow === null || !canTestRender}
          title={canTestRender ? 'Queues a 2-second clip in the open project' : 'Open a project first'}
          onClick={onTestRender}
        >
          Test render
        </button>
      </div>
      {answer && (
        <p role="status" className={`settings-answer settings-answer--${answer.ok ? 'ok' : 'failed'}`}>
          {answer.message}
        </p>
      )}
    </section>
  );
}
