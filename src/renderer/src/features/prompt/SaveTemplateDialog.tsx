import { useId, useState, type JSX } from 'react';
import { variablesFor, type Template, type TemplateVariable } from '../../../../shared/prompt/template';
import { studio } from '../../api/client';
import { messageOf } from '../../api/messages';
import { Modal } from './Modal';
import { variableLabel } from './variableLabel';

interface SaveTemplateDialogProps {
  projectId: number;
  projectName: string;
  /** The prompt to save; its {{variables}} become the template's. */
  body: string;
  onSaved: (template: Template) => void;
  onClose: () => void;
}

/** Saves the current prompt as a template for this project or for every project. */
export function SaveTemplateDialog({
  projectId,
  projectName,
  body,
  onSaved,
  onClose,
}: SaveTemplateDialogProps): JSX.Element {
  const id = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [scope, setScope] = useState<'project' | 'global'>('project');
  const [variables, setVariables] = useState<TemplateVariable[]>(() => variablesFor(body));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const empty = body.trim() === '';

  function setVariable(index: number, change: Partial<TemplateVariable>): void {
    setVariables((all) => all.map((v, i) => (i === index ? { ...v, ...change } : v)));
  }

  async function save(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const saved = await studio.call('templates.save', {
        name,
        description,
        body,
        variables,
        projectId: scope === 'project' ? projectId : null,
      });
      onSaved(saved);
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(false);
    }
  }

  return (
    <Modal title="Save as template" className="save-template" onClose={onClose} busy={busy}>
      <form
        className="save-template__form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="form-row">
          <label htmlFor={`${id}-name`}>Template name</label>
          <input
            id={`${id}-name`}
            className="field"
            type="text"
            value={name}
            maxLength={120}
            autoComplete="off"
            data-autofocus
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-description`}>Description</label>
          <input
            id={`${id}-description`}
            className="field"
            type="text"
            value={description}
            maxLength={500}
            placeholder="What it is for, in a sentence"
            autoComplete="off"
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        <fieldset className="form-row save-template__scope">
          <legend>Available in</legend>
          <label className="radio">
            <input
              type="radio"
              name={`${id}-scope`}
              checked={scope === 'project'}
              onChange={() => setScope('project')}
            />
            This project <span className="save-template__project">({projectName})</span>
          </label>
          <label className="radio">
            <input type="radio" name={`${id}-scope`} checked={scope === 'global'} onChange={() => setScope('global')} />
            All projects
          </label>
        </fieldset>
        {variables.length > 0 && (
          <fieldset className="form-row save-template__variables">
            <legend>Variables</legend>
            <p className="save-template__hint">Each {'{{name}}'} in the prompt is filled in a form before use.</p>
            {variables.map((v, i) => (
              <div key={v.name} className="save-template__variable">
                <code className="variables__token">{`{{${v.name}}}`}</code>
                <input
                  className="field"
                  type="text"
                  aria-label={`Default for ${variableLabel(v.name)}`}
                  placeholder="Default"
                  value={v.default}
                  onChange={(event) => setVariable(i, { default: event.target.value })}
                />
                <input
                  className="field"
                  type="text"
                  aria-label={`Description of ${variableLabel(v.name)}`}
                  placeholder="What goes here"
                  value={v.description}
                  onChange={(event) => setVariable(i, { description: event.target.value })}
                />
              </div>
            ))}
          </fieldset>
        )}
        {empty && <p className="save-template__hint">Write a prompt first; an empty prompt cannot be a template.</p>}
        {error !== null && (
          <p className="templates__error sentence" role="alert">
            {error}
          </p>
        )}
        <footer className="modal__foot">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy || empty || name.trim() === ''}>
            Save template
          </button>
        </footer>
      </form>
    </Modal>
  );
}
