/**
 * Highlighting for prompt text: keys, timestamps, dialogue speakers and quotes, template
 * variables and shot headings. A small stream tokenizer is enough: the parser in
 * src/shared/prompt owns what the text means; this only colours it.
 */
import { HighlightStyle, StreamLanguage, syntaxHighlighting, type StringStream } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { tags } from '@lezer/highlight';
import { resolveKey, type PromptKey } from '../../../../../shared/prompt/index';

interface State {
  /** The key of the line being read, carried onto continuation lines. */
  key: PromptKey | null;
  /** In a dialogue line, right after its [time]: the speaker comes next. */
  speakerNext: boolean;
}

const TIME = /^(?:\d{1,2}:)?\d{1,4}:\d{2}(?:\.\d{1,3})?(?![\d:])/;
const UNIT_TIME = /^\d{1,5}(?:\.\d{1,3})?(?:ms|s)\b/;
const MINUTE_TIME = /^\d{1,4}m(?:\d{1,2}(?:\.\d{1,3})?s)?\b/;
const SIZE = /^\d{1,5}\s*[x×]\s*\d{1,5}\b/;
const KEY = /^[A-Za-z][A-Za-z-]{0,19}(?: [A-Za-z][A-Za-z-]{0,19})?(?=[ \t]*:)/;
const HEADING = /^shot[ \t]+\d{1,4}\b.*$/i;
const SEPARATOR = /^-{3,}[ \t]*$/;
const VARIABLE = /^\{\{[^{}\n]{0,80}\}\}/;

function token(stream: StringStream, state: State): string | null {
  if (stream.sol()) {
    state.speakerNext = false;
    stream.eatSpace();
    if (stream.match(SEPARATOR) || stream.match(HEADING)) {
      state.key = null;
      return 'heading';
    }
    const key = stream.match(KEY);
    if (key && typeof key !== 'boolean') {
      const resolved = resolveKey(key[0]);
      if (resolved) {
        state.key = resolved;
        return 'promptKey';
      }
      // Not one of ours: the linter says so; keep reading the line as a value.
      stream.backUp(key[0].length);
    }
    if (stream.eol()) return null;
  }
  if (stream.eatSpace()) return null;
  if (stream.match(VARIABLE)) return 'variable';
  if (stream.peek() === ':' && stream.column() < 48 && isRightAfterKey(stream)) {
    stream.next();
    return 'punctuation';
  }
  if (state.key === 'dialogue') {
    if (stream.match(/^\[[^\]\n]{0,40}\]/)) {
      state.speakerNext = true;
      return 'promptTime';
    }
    if (state.speakerNext) {
      state.speakerNext = false;
      if (stream.match(/^[^:"“\n[\]]{1,60}(?=:)/)) return 'speaker';
    }
    if (stream.match(/^["“„][^"”“\n]*["”“]?/)) return 'quote';
  }
  if (state.key === 'size' && stream.match(SIZE)) return 'promptTime';
  if (stream.match(TIME) || stream.match(UNIT_TIME) || stream.match(MINUTE_TIME)) return 'promptTime';
  // Skip a word at a time so a digit inside a word ("50mm", "4k") is not read as a time.
  if (!stream.match(/^[^\s{[:"“„]+/)) stream.next();
  return null;
}

/** The colon that ends a key: only spaces and the key itself before it on the line. */
function isRightAfterKey(stream: StringStream): boolean {
  const before = stream.string.slice(0, stream.pos).trim();
  return before !== '' && KEY.test(`${before}:`) && resolveKey(before) !== null;
}

export const promptLanguage = StreamLanguage.define<State>({
  name: 'shotline-prompt',
  startState: () => ({ key: null, speakerNext: false }),
  copyState: (state) => ({ ...state }),
  token,
  blankLine: (state) => {
    state.speakerNext = false;
  },
  tokenTable: {
    promptKey: tags.keyword,
    promptTime: tags.number,
    speaker: tags.labelName,
    quote: tags.string,
    variable: tags.special(tags.variableName),
    heading: tags.heading,
    punctuation: tags.punctuation,
  },
  languageData: { commentTokens: {} },
});

/** Colours come from the design tokens (theme/tokens.css), never from here. */
const promptHighlight = HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--syntax-key)', fontWeight: 'var(--weight-semibold)' },
  { tag: tags.number, color: 'var(--syntax-time)' },
  { tag: tags.labelName, color: 'var(--syntax-speaker)', fontWeight: 'var(--weight-semibold)' },
  { tag: tags.string, color: 'var(--syntax-quote)' },
  {
    tag: tags.special(tags.variableName),
    color: 'var(--syntax-variable)',
    backgroundColor: 'var(--syntax-variable-bg)',
  },
  { tag: tags.heading, color: 'var(--syntax-heading)', fontWeight: 'var(--weight-semibold)' },
  { tag: tags.punctuation, color: 'var(--text-3)' },
]);

export function promptSyntax(): Extension {
  return [promptLanguage, syntaxHighlighting(promptHighlight)];
}
