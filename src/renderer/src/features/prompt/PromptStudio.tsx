import { useCallback, useEffect, useMemo, useRef, useState, type JSX, type ReactNode } from 'react';
import type { ProviderStatus } from '../../../../shared/jobs';
import type { Project } from '../../../../shared/domain';
import { ProviderId, type CompileOptions } from '../../../../shared/prompt/index';
import type { Template } from '../../../../shared/prompt/template';
import { readStored, writeStored } from '../../app/storage';
import { useToaster } from '../../components/Toasts';
import { modalOpen, modKey } from '../../format/shortcuts';
import { analyse, DEFAULT_TARGET, targetFor, type Analysis, type Target } from './analysis';
import { CompiledPanel } from './CompiledPanel';
import { PreviewPanel } from './preview/PreviewPanel';
import { useLivePreview } from './preview/useLivePreview';
import { ProblemsPanel } from './ProblemsPanel';
import { ReadingPanel } from './ReadingPanel';
import { PromptEditor, type HistoryDepth, type PromptEditorHandle } from './PromptEditor';
import { Icon } from '../../components/Icon';
import { SaveTemplateDialog } from './SaveTemplateDialog';
import { ShotsView } from './ShotsView';
import { TemplatesDialog, type UseMode } from './TemplatesDialog';
import { useDraft, type DraftStatus } from './useDraft';
import { useTemplates } from './useTemplates';
import { useSingleFlight } from './useSingleFlight';
import './PromptStudio.css';

/** What Queue says of an empty editor. */
export const EMPTY_PROMPT =
  'Write a prompt first: a Scene line at least (“Scene: a harbour at dawn”), or pick one from Templates, then Queue.';

/** Where the Prompt view remembers its provider and model; Settings' default provider writes it too. */
export const TARGET_KEY = 'shotline.prompt.target';

function storedTarget(): Target {
  try {
    const raw = JSON.parse(readStored(TARGET_KEY) ?? 'null') as { provider?: unknown; model?: unknown } | null;
    const provider = ProviderId.safeParse(raw?.provider);
    if (!provider.success) return DEFAULT_TARGET;
    return targetFor(provider.data, typeof raw?.model === 'string' ? raw.model : null);
  } catch {
    return DEFAULT_TARGET;
  }
}

function statusText(status: DraftStatus): { text: string; title?: string } {
  switch (status.kind) {
    case 'loading':
      return { text: 'Opening draft…' };
    case 'pending':
      return { text: 'Unsaved changes' };
    case 'saving':
      return { text: 'Saving…' };
    case 'failed':
      return { text: 'Draft not saved', title: status.message };
    case 'saved':
      return status.at === null
        ? { text: 'New draft' }
        : { text: 'Draft saved', title: `Saved ${new Date(status.at).toLocaleString()}` };
  }
}

interface PromptStudioProps {
  project: Project;
  /** The Library / Prompt switch, shown at the start of the toolbar. */
  viewSwitch: ReactNode;
  /** Sends the prompt to the job queue (Mod-Enter); absent until the studio has one. */
  /** Answers with a promise that settles once the job is queued (or refused); Queue waits for it. */
  onQueue?: (text: string, target: Target) => unknown;
  /** Whether each provider can take a job now, and if not, what to do. */
  providers?: readonly ProviderStatus[] | null;
  onOpenSettings?: () => void;
  /** What a job from this draft sends beside the prompt (a remix's kept seed and size). */
  requestOptions?: (text: string, target: Target) => CompileOptions;
  /** Shown between the toolbar and the editor (the remix the draft belongs to); given the chosen provider and model. */
  banner?: ReactNode | ((target: Target) => ReactNode);
}

/** The prompt studio: editor and Problems on the left; shots and the compiled request on the right. */
export function PromptStudio({
  project,
  viewSwitch,
  onQueue,
  providers = null,
  onOpenSettings,
  requestOptions,
  banner,
}: PromptStudioProps): JSX.Element {
  const toaster = useToaster();
  const draft = useDraft(project.id);
  const templates = useTemplates(project.id);
  const editor = useRef<PromptEditorHandle>(null);
  const [target, setTargetState] = useState<Target>(storedTarget);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [history, setHistory] = useState<HistoryDepth>({ undo: 0, redo: 0 });
  const [dialog, setDialog] = useState<{ kind: 'templates' } | { kind: 'save'; body: string } | null>(null);
  const [hasText, setHasText] = useState<boolean | null>(null);

  const initialAnalysis = useMemo(
    () => (draft.initialText === null ? null : analyse(draft.initialText, target)),
    [draft.initialText, target],
  );
  const shown = analysis ?? initialAnalysis ?? analyse('', target);

  const setTarget = useCallback((next: Target) => {
    setTargetState(next);
    writeStored(TARGET_KEY, JSON.stringify(next));
  }, []);

  // The Prompt view opened by a control that is gone now (Remix, in the library's inspector): the
  // focus would be nowhere, so it goes to the editor once the draft is in it.
  const draftShown = draft.initialText !== null;
  useEffect(() => {
    if (draftShown && (document.activeElement === null || document.activeElement === document.body))
      editor.current?.focus();
  }, [draftShown]);

  const { changed } = draft;
  const onChange = useCallback(
    (text: string) => {
      changed(text);
      setHasText(text.trim() !== '');
    },
    [changed],
  );

  function applyTemplate(text: string, mode: UseMode, template: Template): void {
    const replacing = mode === 'replace' && editor.current?.isEmpty() === false;
    if (mode === 'replace') editor.current?.replaceAll(text);
    else editor.current?.insertAtCursor(text);
    setDialog(null);
    if (replacing)
      toaster.show('info', `Replaced the prompt with “${template.name}”`, `${modKey('Z')} brings the old one back.`);
  }

  // A choice in the banner may take itself away (Unlink, Remix again, Dismiss): the focus it held
  // goes to the editor, never to the page.
  const focusEditorIfLost = useCallback(() => {
    requestAnimationFrame(() => {
      if (document.activeElement === null || document.activeElement === document.body) editor.current?.focus();
    });
  }, []);
  const present = hasText ?? (draft.initialText ?? '').trim() !== '';
  // Once at a time: a double click on Queue queues one job.
  const { run: queueOnce, busy: queueing } = useSingleFlight(onQueue);
  const queueNow = useCallback(() => {
    const text = editor.current?.text() ?? '';
    if (text.trim() === '') {
      // Said here, in the creator's words, rather than the queue's refusal of an empty prompt.
      toaster.show('error', 'Nothing to queue', EMPTY_PROMPT);
      editor.current?.focus();
      return;
    }
    // The prompt has text now: an earlier "Nothing to queue" no longer holds.
    toaster.clear('Nothing to queue');
    queueOnce(text, target);
  }, [queueOnce, target, toaster]);
  const status = statusText(draft.status);
  const preview = useLivePreview(present);
  const { play: playPreview, stop: stopPreview } = preview;
  const playAll = useCallback(() => playPreview({ text: editor.current?.text() ?? '', shot: null }), [playPreview]);
  const playingAll =
    (preview.status.kind === 'playing' || preview.status.kind === 'drawing') && preview.status.target.shot === null;

  // Play / stop the whole prompt from anywhere in the Prompt view, the editor included.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || !event.shiftKey || event.altKey || event.key.toLowerCase() !== 'p' || modalOpen()) return;
      event.preventDefault();
      if (playingAll) stopPreview();
      else playAll();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [playingAll, playAll, stopPreview]);

  return (
    <main className="view view--full prompt-studio">
      <div className="toolbar prompt-toolbar">
        <div className="toolbar__title">
          {viewSwitch}
          <h1 className="truncate" title={project.name}>
            {project.name}
          </h1>
          <span
            className={`toolbar__meta prompt-toolbar__status--${draft.status.kind}`}
            role="status"
            title={status.title}
          >
            {status.text}
          </span>
        </div>
        <div className="prompt-toolbar__actions">
          <button
            type="button"
            className="icon-btn prompt-toolbar__icon"
            aria-label="Undo"
            title={`Undo (${modKey('Z')})`}
            disabled={history.undo === 0}
            onClick={() => editor.current?.undo()}
          >
            <Icon name="undo" />
          </button>
          <button
            type="button"
            className="icon-btn prompt-toolbar__icon"
            aria-label="Redo"
            title={`Redo (${modKey('Shift+Z')})`}
            disabled={history.redo === 0}
            onClick={() => editor.current?.redo()}
          >
            <Icon name="redo" />
          </button>
          <span className="prompt-toolbar__divider" aria-hidden="true" />
          {/* A narrow view shows these two as icons; the words stay their names (PromptStudio.css). */}
          <button
            type="button"
            className="btn prompt-toolbar__collapsible"
            title="Templates"
            onClick={() => setDialog({ kind: 'templates' })}
          >
            <Icon name="template" />
            <span className="btn__label">Templates</span>
          </button>
          <button
            type="button"
            className="btn prompt-toolbar__collapsible"
            title="Save as template"
            disabled={!present}
            onClick={() => setDialog({ kind: 'save', body: editor.current?.text() ?? '' })}
          >
            <Icon name="save" />
            <span className="btn__label">Save as template</span>
          </button>
          {onQueue && (
            <button
              type="button"
              className="btn btn--primary"
              title={`Queue (${modKey('Enter')})`}
              disabled={queueing}
              aria-busy={queueing}
              onClick={() => {
                // The draft stays in the editor after queueing, to write the next take or fix what was
                // refused (Mod-Enter queues again from there); the button, disabled meanwhile, would drop it.
                editor.current?.focus();
                queueNow();
              }}
            >
              Queue
            </button>
          )}
        </div>
      </div>

      <div className="prompt-studio__banner" onClick={focusEditorIfLost}>
        {typeof banner === 'function' ? banner(target) : banner}
      </div>
      <div className="prompt-studio__body">
        <div className="prompt-studio__main">
          <div className="prompt-studio__editor">
            {draft.initialText === null ? (
              <p className="prompt-studio__loading">Opening the draft…</p>
            ) : (
              <PromptEditor
                ref={editor}
                initialText={draft.initialText}
                target={target}
                onChange={onChange}
                onAnalysed={setAnalysis}
                onHistory={setHistory}
                onQueue={onQueue ? queueNow : undefined}
                onEdit={preview.edited}
              />
            )}
          </div>
          {draft.loadError !== null && (
            <p className="prompt-studio__error" role="alert">
              The saved draft could not be opened: {draft.loadError}
            </p>
          )}
          <ProblemsPanel
            diagnostics={shown.result.diagnostics}
            onJump={(d) => editor.current?.select(d.range.from, d.range.to)}
            onFix={(d, fix) => editor.current?.applyFix(d, fix)}
          />
          <ReadingPanel
            analysis={shown}
            onSelect={(from, to) => editor.current?.select(from, to)}
            onFix={(d, fix) => editor.current?.applyFix(d, fix)}
          />
        </div>
        <aside className="prompt-studio__side" aria-label="Prompt structure">
          <PreviewPanel
            preview={preview}
            onPlayAll={playAll}
            onReplay={(shot) => playPreview({ text: editor.current?.text() ?? '', shot })}
          />
          <ShotsView analysis={shown} onSelect={(from, to) => editor.current?.select(from, to)} />
          <CompiledPanel
            analysis={shown}
            {...(requestOptions ? { options: requestOptions(shown.text, target) } : {})}
            target={target}
            onTargetChange={setTarget}
            providers={providers}
            {...(onOpenSettings ? { onOpenSettings } : {})}
          />
        </aside>
      </div>

      {dialog?.kind === 'templates' && (
        <TemplatesDialog
          projectName={project.name}
          templates={templates}
          editorHasText={present}
          onUse={applyTemplate}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'save' && (
        <SaveTemplateDialog
          projectId={project.id}
          projectName={project.name}
          body={dialog.body}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            templates.refresh();
            toaster.show(
              'success',
              `Saved template “${saved.name}”`,
              saved.scope === 'global' ? 'Available in every project.' : `Available in ${project.name}.`,
            );
          }}
        />
      )}
    </main>
  );
}
