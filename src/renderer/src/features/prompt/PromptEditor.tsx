import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, redo, redoDepth, undo, undoDepth } from '@codemirror/commands';
import { forceLinting, lintGutter, lintKeymap } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view';
import { useEffect, useImperativeHandle, useRef, type JSX, type Ref } from 'react';
import type { Diagnostic, QuickFix } from '../../../../shared/prompt/index';
import type { EngineVocabulary } from '../../../../shared/contract';
import { studio } from '../../api/client';
import type { Analysis, Target } from './analysis';
import { editorTheme } from './editor/editorTheme';
import { promptCompletions } from './editor/promptCompletion';
import { promptSyntax } from './editor/promptLanguage';
import { applyQuickFix, promptLinter } from './editor/promptLint';

export interface PromptEditorHandle {
  /** Replaces the whole prompt as one undoable step. */
  replaceAll(text: string): void;
  /** Inserts at the cursor (replacing a selection) as one undoable step. */
  insertAtCursor(text: string): void;
  /** Selects a range, scrolls it into view and focuses the editor. */
  select(from: number, to?: number): void;
  applyFix(diagnostic: Diagnostic, fix: QuickFix): void;
  undo(): void;
  redo(): void;
  focus(): void;
  text(): string;
  isEmpty(): boolean;
}

export interface HistoryDepth {
  undo: number;
  redo: number;
}

interface PromptEditorProps {
  initialText: string;
  target: Target;
  onChange: (text: string) => void;
  onAnalysed: (analysis: Analysis) => void;
  onHistory: (depth: HistoryDepth) => void;
  /** Mod-Enter; absent until there is somewhere to send the prompt. */
  onQueue?: (() => void) | undefined;
  /** The text or the cursor changed (and once when the editor opens), for the live preview. */
  onEdit?: ((snapshot: { text: string; cursor: number }) => void) | undefined;
  ref?: Ref<PromptEditorHandle>;
}

const PLACEHOLDER = [
  'Title: Lantern at dusk',
  'Scene: who and what, where, doing what',
  'Camera: framing, height, lens and move',
  'Motion: what moves, in verbs',
  'Audio: ambience, and timed sounds: rain, wind chime at 00:06',
  'Dialogue: [00:02] Girl: "Go on, fly!"',
  'Style: light, colour and texture',
  '',
  'Or start from a template.',
].join('\n');

/** CodeMirror 6 with the prompt language, lint with quick fixes, autocomplete and history. */
export function PromptEditor({
  initialText,
  target,
  onChange,
  onAnalysed,
  onHistory,
  onQueue,
  onEdit,
  ref,
}: PromptEditorProps): JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ target, onChange, onAnalysed, onHistory, onQueue, onEdit });
  const initial = useRef(initialText);
  const vocabulary = useRef<EngineVocabulary | null>(null);

  // The engine's words for autocomplete; the editor works without them until they arrive.
  useEffect(() => {
    let live = true;
    studio.call('engine.vocabulary', {}).then(
      (words) => {
        if (live) vocabulary.current = words;
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    latest.current = { target, onChange, onAnalysed, onHistory, onQueue, onEdit };
  });

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const state = EditorState.create({
      doc: initial.current,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        lintGutter(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        EditorView.lineWrapping,
        placeholder(PLACEHOLDER),
        promptSyntax(),
        autocompletion({ override: [promptCompletions(() => vocabulary.current)], icons: false }),
        promptLinter({
          target: () => latest.current.target,
          onAnalysed: (analysis: Analysis) => latest.current.onAnalysed(analysis),
        }),
        keymap.of([
          {
            key: 'Mod-Enter',
            run: () => {
              const queue = latest.current.onQueue;
              if (!queue) return false;
              queue();
              return true;
            },
          },
          // Redo as every editor on every platform knows it; CodeMirror binds it on macOS only.
          { key: 'Mod-Shift-z', run: redo, preventDefault: true },
          ...completionKeymap,
          ...lintKeymap,
          ...searchKeymap,
          ...historyKeymap,
          ...defaultKeymap,
        ]),
        EditorView.contentAttributes.of({
          'aria-label': 'Prompt editor',
          spellcheck: 'true',
          autocapitalize: 'sentences',
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          if (update.docChanged || update.selectionSet)
            latest.current.onEdit?.({ text: update.state.doc.toString(), cursor: update.state.selection.main.head });
          if (update.docChanged || update.transactions.length > 0) {
            latest.current.onHistory({ undo: undoDepth(update.state), redo: redoDepth(update.state) });
          }
        }),
        editorTheme,
      ],
    });
    const created = new EditorView({ state, parent });
    view.current = created;
    latest.current.onEdit?.({ text: state.doc.toString(), cursor: state.selection.main.head });
    return () => {
      created.destroy();
      if (view.current === created) view.current = null;
    };
  }, []);

  // A new provider or model changes what the linter checks: read the prompt again now.
  useEffect(() => {
    if (view.current) forceLinting(view.current);
  }, [target.provider, target.model]);

  useImperativeHandle(
    ref,
    (): PromptEditorHandle => ({
      replaceAll(text) {
        const v = view.current;
        if (!v) return;
        v.dispatch({
          changes: { from: 0, to: v.state.doc.length, insert: text },
          selection: { anchor: 0 },
          scrollIntoView: true,
          userEvent: 'input.replace',
        });
        v.focus();
      },
      insertAtCursor(text) {
        const v = view.current;
        if (!v) return;
        v.dispatch(v.state.replaceSelection(text), { scrollIntoView: true, userEvent: 'input.paste' });
        v.focus();
      },
      select(from, to = from) {
        const v = view.current;
        if (!v) return;
        const length = v.state.doc.length;
        v.dispatch({
          selection: { anchor: Math.min(from, length), head: Math.min(to, length) },
          scrollIntoView: true,
        });
        v.focus();
      },
      applyFix(diagnostic, fix) {
        const v = view.current;
        if (!v) return;
        applyQuickFix(v, diagnostic, fix);
        v.focus();
      },
      undo() {
        if (view.current) undo(view.current);
      },
      redo() {
        if (view.current) redo(view.current);
      },
      focus() {
        view.current?.focus();
      },
      text() {
        return view.current?.state.doc.toString() ?? '';
      },
      isEmpty() {
        return (view.current?.state.doc.toString().trim() ?? '') === '';
      },
    }),
    [],
  );

  return <div ref={host} className="prompt-editor" />;
}
