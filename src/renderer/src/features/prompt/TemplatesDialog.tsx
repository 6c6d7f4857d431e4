import { useId, useMemo, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { fillTemplate, type Template } from '../../../../shared/prompt/template';
import { studio } from '../../api/client';
import { messageOf } from '../../api/messages';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { InlineEdit } from '../../components/InlineEdit';
import { useToaster } from '../../components/Toasts';
import { modKey } from '../../format/shortcuts';
import { Modal } from './Modal';
import type { TemplatesState } from './useTemplates';
import { variableLabel } from './variableLabel';

export type UseMode = 'replace' | 'insert';

interface TemplatesDialogProps {
  projectName: string;
  templates: TemplatesState;
  /** Whether the editor holds text that "Use template" would replace. */
  editorHasText: boolean;
  onUse: (text: string, mode: UseMode, template: Template) => void;
  onClose: () => void;
}

const GROUPS: { scope: Template['scope']; label: string }[] = [
  { scope: 'project', label: 'This project' },
  { scope: 'global', label: 'All projects' },
  { scope: 'builtin', label: 'Built-in' },
];

function matches(template: Template, query: string): boolean {
  if (query === '') return true;
  const q = query.toLowerCase();
  return template.name.toLowerCase().includes(q) || template.description.toLowerCase().includes(q);
}

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function VariablesForm({
  template,
  values,
  onChange,
  onSubmit,
}: {
  template: Template;
  values: Record<string, string>;
  onChange: (name: string, value: string) => void;
  onSubmit: () => void;
}): JSX.Element {
  const baseId = useId();
  if (template.variables.length === 0) {
    return <p className="templates__hint">This template has no variables; use it as it is.</p>;
  }
  return (
    <form
      className="variables"
      aria-label="Variables"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {template.variables.map((v, i) => {
        const id = `${baseId}-${i}`;
        const helpId = `${id}-help`;
        return (
          <div key={v.name} className={`variables__field${v.default.length > 36 ? ' variables__field--wide' : ''}`}>
            <label htmlFor={id} className="variables__label">
              {variableLabel(v.name)}
              <code className="variables__token">{`{{${v.name}}}`}</code>
            </label>
            <input
              id={id}
              className="field"
              type="text"
              value={values[v.name] ?? v.default}
              spellCheck
              autoComplete="off"
              aria-describedby={v.description !== '' ? helpId : undefined}
              onChange={(event) => onChange(v.name, event.target.value)}
            />
            {v.description !== '' && (
              <p id={helpId} className="variables__help">
                {v.description}
              </p>
            )}
          </div>
        );
      })}
      <button type="submit" hidden tabIndex={-1} aria-hidden="true" />
    </form>
  );
}

/** Pick a template, fill its variables, and put it in the editor; manage, import and export the creator's own. */
export function TemplatesDialog({
  projectName,
  templates: state,
  editorHasText,
  onUse,
  onClose,
}: TemplatesDialogProps): JSX.Element {
  const toaster = useToaster();
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, Record<string, string>>>({});
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const all = state.templates;
  const visible = useMemo(() => (all ?? []).filter((t) => matches(t, query.trim())), [all, query]);
  const selected = visible.find((t) => t.id === selectedId) ?? visible[0] ?? null;
  const filled = selected ? fillTemplate(selected.body, selected.variables, values[selected.id] ?? {}) : '';

  const renaming = selected !== null && renamingId === selected.id;

  async function run<T>(what: string, action: () => Promise<T>): Promise<T | null> {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (caught) {
      setError(`${what}: ${messageOf(caught)}`);
      return null;
    } finally {
      setBusy(false);
    }
  }

  function select(id: string, focus = false): void {
    setSelectedId(id);
    if (focus) {
      requestAnimationFrame(() =>
        list.current?.querySelector<HTMLElement>(`[data-template-id="${CSS.escape(id)}"]`)?.focus(),
      );
    }
  }

  function onListKey(event: KeyboardEvent<HTMLUListElement>): void {
    if (!selected) return;
    const index = visible.findIndex((t) => t.id === selected.id);
    let next: Template | undefined;
    if (event.key === 'ArrowDown') next = visible[index + 1];
    else if (event.key === 'ArrowUp') next = visible[index - 1];
    else if (event.key === 'Home') next = visible[0];
    else if (event.key === 'End') next = visible[visible.length - 1];
    else if (event.key === 'Enter') {
      event.preventDefault();
      apply('replace');
      return;
    } else return;
    event.preventDefault();
    if (next) select(next.id, true);
  }

  function apply(mode: UseMode): void {
    if (!selected) return;
    onUse(filled, mode, selected);
  }

  async function duplicate(template: Template): Promise<void> {
    const copy = await run('Could not duplicate', () =>
      studio.call('templates.duplicate', {
        id: template.id,
        ...(template.scope === 'builtin' ? { projectId: null } : {}),
      }),
    );
    if (!copy) return;
    state.refresh();
    setQuery('');
    setSelectedId(copy.id);
    toaster.show('success', `Duplicated as “${copy.name}”`);
  }

  async function exportTemplate(template: Template): Promise<void> {
    const exported = await run('Could not export', () => studio.call('templates.export', { id: template.id }));
    if (exported) download(exported.fileName, exported.json);
  }

  async function importFile(file: File): Promise<void> {
    const json = await file.text();
    const imported = await run(`Could not import ${file.name}`, () =>
      studio.call('templates.import', { json, projectId: null }),
    );
    if (!imported) return;
    state.refresh();
    setQuery('');
    setSelectedId(imported.id);
    toaster.show('success', `Imported “${imported.name}”`, 'It is available in every project.');
  }

  const grouped = GROUPS.map((g) => ({ ...g, items: visible.filter((t) => t.scope === g.scope) })).filter(
    (g) => g.items.length > 0,
  );

  return (
    <Modal
      title="Templates"
      className="templates"
      onClose={onClose}
      busy={busy}
      actions={
        <>
          <button
            type="button"
            className="btn btn--sm"
            onClick={() => fileInput.current?.click()}
            disabled={busy}
            title="Import a template from a .json file"
          >
            <Icon name="import" size={14} />
            Import…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            aria-label="Choose a template file to import"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </>
      }
    >
      <div className="templates__body">
        <div className="templates__side">
          <div className="search templates__search">
            <Icon name="search" size={14} className="search__icon" />
            <input
              className="field search__field"
              type="search"
              placeholder="Find a template"
              aria-label="Find a template"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          </div>
          {all === null ? (
            <p className="templates__hint">{state.error ?? 'Loading templates…'}</p>
          ) : visible.length === 0 ? (
            <EmptyState icon="search" title="No templates match" compact>
              Try other words.
            </EmptyState>
          ) : (
            <ul ref={list} className="templates__list" role="listbox" aria-label="Template list" onKeyDown={onListKey}>
              {grouped.map((group) => (
                <li key={group.scope} role="presentation" className="templates__group">
                  <span className="templates__group-name eyebrow" id={`group-${group.scope}`}>
                    {group.scope === 'project' ? `${group.label} · ${projectName}` : group.label}
                  </span>
                  <ul role="group" aria-labelledby={`group-${group.scope}`}>
                    {group.items.map((t) => {
                      const isSelected = t.id === selected?.id;
                      return (
                        <li
                          key={t.id}
                          role="option"
                          aria-selected={isSelected}
                          aria-label={t.name}
                          tabIndex={isSelected ? 0 : -1}
                          data-template-id={t.id}
                          className={`templates__item${isSelected ? ' templates__item--selected' : ''}`}
                          onClick={() => select(t.id)}
                          onDoubleClick={() =>
                            onUse(fillTemplate(t.body, t.variables, values[t.id] ?? {}), 'replace', t)
                          }
                          {...(isSelected && selectedId === null ? { 'data-autofocus': true } : {})}
                        >
                          <span className="templates__item-name truncate">{t.name}</span>
                          {t.description !== '' && (
                            <span className="templates__item-desc truncate">{t.description}</span>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </div>

        <div className="templates__detail">
          {selected === null ? (
            <EmptyState icon="folder" title="Choose a template" compact />
          ) : (
            <>
              <div className="templates__detail-head">
                {renaming ? (
                  <InlineEdit
                    label="Template name"
                    field="name"
                    initial={selected.name}
                    onSubmit={async (name) => {
                      await studio.call('templates.rename', { id: selected.id, name });
                      state.refresh();
                      setRenamingId(null);
                    }}
                    onCancel={() => setRenamingId(null)}
                    className="templates__rename"
                  />
                ) : (
                  <h3 className="templates__name">{selected.name}</h3>
                )}
                <span className="badge">
                  {selected.scope === 'builtin'
                    ? 'Built-in'
                    : selected.scope === 'global'
                      ? 'All projects'
                      : 'This project'}
                </span>
                <span className="templates__spacer" />
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={`Duplicate ${selected.name}`}
                  title="Duplicate"
                  disabled={busy}
                  onClick={() => void duplicate(selected)}
                >
                  <Icon name="copy" size={14} />
                </button>
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={`Export ${selected.name}`}
                  title="Export as JSON"
                  disabled={busy}
                  onClick={() => void exportTemplate(selected)}
                >
                  <Icon name="export" size={14} />
                </button>
                {selected.scope !== 'builtin' && (
                  <>
                    <button
                      type="button"
                      className="icon-btn"
                      aria-label={`Rename ${selected.name}`}
                      title="Rename"
                      disabled={busy}
                      onClick={() => setRenamingId(selected.id)}
                    >
                      <Icon name="pencil" size={14} />
                    </button>
                    <button
                      type="button"
                      className="icon-btn icon-btn--danger"
                      aria-label={`Delete ${selected.name}`}
                      title="Delete"
                      disabled={busy}
                      onClick={() => setConfirmDelete(true)}
                    >
                      <Icon name="trash" size={14} />
                    </button>
                  </>
                )}
              </div>
              {selected.description !== '' && <p className="templates__desc">{selected.description}</p>}
              {error !== null && (
                <p className="templates__error" role="alert">
                  {error}
                </p>
              )}
              <div className="templates__scroll">
                <h4 className="eyebrow templates__section">Fill in</h4>
                <VariablesForm
                  key={selected.id}
                  template={selected}
                  values={values[selected.id] ?? {}}
                  onChange={(name, value) =>
                    setValues((all) => ({ ...all, [selected.id]: { ...(all[selected.id] ?? {}), [name]: value } }))
                  }
                  onSubmit={() => apply('replace')}
                />
                <h4 className="eyebrow templates__section">Preview</h4>
                <pre className="templates__preview" aria-label="Template preview">
                  {filled}
                </pre>
              </div>
              <footer className="templates__foot">
                <span className="templates__foot-hint">
                  {editorHasText ? `Use template replaces the prompt; ${modKey('Z')} brings it back.` : ''}
                </span>
                <button type="button" className="btn" onClick={() => apply('insert')} disabled={busy}>
                  Insert at cursor
                </button>
                <button type="button" className="btn btn--primary" onClick={() => apply('replace')} disabled={busy}>
                  Use template
                </button>
              </footer>
            </>
          )}
        </div>
      </div>

      {confirmDelete && selected && (
        <ConfirmDialog
          title="Delete template?"
          confirmLabel="Delete"
          onCancel={() => setConfirmDelete(false)}
          onConfirm={async () => {
            await studio.call('templates.delete', { id: selected.id });
            setConfirmDelete(false);
            setSelectedId(null);
            state.refresh();
          }}
        >
          Delete “{selected.name}”? Prompts already written from it stay as they are.
        </ConfirmDialog>
      )}
    </Modal>
  );
}
