import { useEffect, useId, useRef, useState, type JSX } from 'react';
import { cleanTitle } from '../../../../shared/domain';
import { MAX_TAG_CHARS, TagName } from '../../../../shared/library/organise';
import { studio } from '../../api/client';
import './TagInput.css';

/** Tags typed into one box: commas separate them ("golden hour, blue" is two tags). */
export function splitTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of text.split(',')) {
    const tag = part.trim().replace(/\s+/g, ' ');
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

/** How many characters of a tag a message quotes: enough to know it by, short enough to stay on a line or two. */
const QUOTED_CHARS = 24;

/** A tag as a message quotes it: its start, cut with "…" when longer (the whole tag stays in the box). */
export function quoteTag(tag: string): string {
  // Cut between characters as a reader sees them, never inside an emoji or an accented letter.
  const chars = Array.from(
    new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(cleanTitle(tag)),
    (s) => s.segment,
  );
  return chars.length > QUOTED_CHARS ? `“${chars.slice(0, QUOTED_CHARS).join('').trimEnd()}…”` : `“${tag}”`;
}

/**
 * What is wrong with the tags typed, said for the creator, or null when the studio can store every
 * one (the contract's own rule for a tag decides).
 */
export function tagsProblem(tags: readonly string[]): string | null {
  const wrong = tags.filter((tag) => !TagName.safeParse(tag).success);
  const [first] = wrong;
  if (first === undefined) return null;
  const long = wrong.every((tag) => cleanTitle(tag).length > MAX_TAG_CHARS);
  if (wrong.length === 1)
    return long
      ? `Tag ${quoteTag(first)} is too long: at most ${MAX_TAG_CHARS} characters`
      : `Tag ${quoteTag(first)} cannot be used: ${TagName.safeParse(first).error?.issues[0]?.message ?? 'it is not a valid tag'}`;
  const named = wrong.map(quoteTag).join(', ');
  return long
    ? `Tags ${named} are too long: at most ${MAX_TAG_CHARS} characters each`
    : `Tags ${named} cannot be used: a tag must be 1 to ${MAX_TAG_CHARS} characters`;
}

const MAX_SUGGESTIONS = 8;

/** The tag being typed: the text after the last comma. */
function lastTag(text: string): string {
  return (text.split(',').at(-1) ?? '').trim();
}

/** The suggestions shown of the tags found: not those the clip has, nor those typed already. */
function offered(names: readonly string[], text: string, have: readonly string[]): string[] {
  const prefix = lastTag(text);
  const typed = new Set(splitTags(text).map((t) => t.toLowerCase()));
  const owned = new Set(have.map((t) => t.toLowerCase()));
  return names
    .filter((name) => !owned.has(name.toLowerCase()) && (!typed.has(name.toLowerCase()) || name === prefix))
    .slice(0, MAX_SUGGESTIONS);
}

type Move = 'down' | 'up';

/** The suggestion highlighted after Down or Up from `chosen` (-1: none yet); the list wraps round. */
function moved(chosen: number, move: Move, count: number): number {
  return move === 'down' ? (chosen + 1) % count : chosen <= 0 ? count - 1 : chosen - 1;
}

/**
 * Down, Up and Enter pressed while the suggestions for `prefix` are still on their way: they act
 * on the suggestions once those arrive, as if they had been pressed then.
 */
interface Waiting {
  prefix: string;
  moves: Move[];
  enter: boolean;
}

interface Props {
  /** The box's accessible name ("Add tag", "Tag selected"). */
  label: string;
  placeholder: string;
  /** Tags not to suggest (the ones the clip has). */
  have?: readonly string[];
  onAdd: (tags: string[]) => void;
  /** Escape in the box with nothing typed and no suggestions open (the selection bar clears the choice). */
  onEscapeEmpty?: () => void;
  className?: string;
}

/**
 * A tag box with autocomplete from the library's tags, as a combobox: the suggestions for the
 * tag being typed (after the last comma) are a listbox, Up and Down move through them, Enter
 * takes the one chosen or the text as typed, Escape closes them, then empties the box, then (with
 * `onEscapeEmpty`) leaves it. Up or Down pressed before the
 * suggestions have come counts once they come, and so does an Enter after it: Down then Enter,
 * however quick, takes the first suggestion (or the text as typed when there is none).
 */
export function TagInput({ label, placeholder, have = [], onAdd, onEscapeEmpty, className = '' }: Props): JSX.Element {
  const id = useId();
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ prefix: string; names: string[] }>({ prefix: '', names: [] });
  const [active, setActive] = useState(-1);
  const [closed, setClosed] = useState(false);
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  // Why the tags typed were not added; they stay in the box to be put right.
  const [problem, setProblem] = useState<string | null>(null);
  const prefix = lastTag(text);
  const suggestions = prefix === '' || closed || found.prefix !== prefix ? [] : offered(found.names, text, have);
  const open = suggestions.length > 0;
  const chosen = open && active >= 0 && active < suggestions.length ? active : -1;
  // Suggestions for the tag being typed have been asked for (or soon will be) and are not in yet.
  const loading = prefix !== '' && !closed && found.prefix !== prefix;

  // What keys waiting for the suggestions do once they come; set after each render, so it reads the latest.
  const arrived = useRef<(forPrefix: string, names: readonly string[]) => void>(() => undefined);
  useEffect(() => {
    arrived.current = (forPrefix, names) => {
      if (waiting === null || waiting.prefix !== forPrefix || forPrefix !== prefix) return;
      setWaiting(null);
      const list = offered(names, text, have);
      const at = list.length === 0 ? -1 : waiting.moves.reduce((from, move) => moved(from, move, list.length), -1);
      if (waiting.enter) commit(at >= 0 ? list[at] : undefined);
      else setActive(at);
    };
  });

  useEffect(() => {
    if (prefix === '') return;
    let live = true;
    const timer = setTimeout(() => {
      studio.call('library.tags', { prefix, limit: 20 }).then(
        (tags) => {
          if (!live) return;
          const names = tags.map((t) => t.name);
          setFound({ prefix, names });
          arrived.current(prefix, names);
        },
        // None to offer: keys waiting for them act on an empty list (Enter takes the text as typed).
        () => {
          if (!live) return;
          setFound({ prefix, names: [] });
          arrived.current(prefix, []);
        },
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [prefix]);

  function change(next: string): void {
    setText(next);
    setActive(-1);
    setClosed(false);
    setProblem(null);
    setWaiting(null);
  }

  /** Down or Up before the suggestions are in is kept for when they are. */
  function wait(move: Move | 'enter'): void {
    setWaiting((before) => {
      const kept = before?.prefix === prefix ? before : { prefix, moves: [], enter: false };
      return move === 'enter' ? { ...kept, enter: true } : { ...kept, moves: [...kept.moves, move] };
    });
  }

  /**
   * Adds every tag in the box that can be stored, the one being typed replaced by a chosen
   * suggestion; those that cannot stay in the box, saying why.
   */
  function commit(suggestion?: string): void {
    const parts = text.split(',');
    if (suggestion !== undefined) parts[parts.length - 1] = suggestion;
    const tags = splitTags(parts.join(','));
    if (tags.length === 0) return;
    const wrong = tags.filter((tag) => !TagName.safeParse(tag).success);
    const good = tags.filter((tag) => !wrong.includes(tag));
    if (wrong.length === 0) change('');
    else {
      setText(wrong.join(', '));
      setActive(-1);
      setClosed(true);
      setProblem(tagsProblem(wrong));
    }
    if (good.length > 0) onAdd(good);
  }

  return (
    <div className={`tag-input ${className}`}>
      <input
        className="field tag-input__field"
        type="text"
        // A textbox (the name creators and checks know it by) that offers a listbox of suggestions.
        aria-label={label}
        aria-autocomplete="list"
        aria-controls={`${id}-list`}
        aria-activedescendant={chosen >= 0 ? `${id}-option-${chosen}` : undefined}
        aria-describedby={problem === null ? `${id}-hint` : `${id}-problem ${id}-hint`}
        aria-invalid={problem !== null}
        placeholder={placeholder}
        title="Separate tags with commas"
        maxLength={400}
        value={text}
        spellCheck={false}
        onChange={(event) => change(event.target.value)}
        onBlur={() => setClosed(true)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            const move = event.key === 'ArrowDown' ? 'down' : 'up';
            if (open) {
              event.preventDefault();
              setActive(moved(chosen, move, suggestions.length));
            } else if (loading) {
              event.preventDefault();
              wait(move);
            }
          } else if (event.key === 'Enter') {
            event.preventDefault();
            // After Down or Up that is still waiting, Enter takes what they will highlight.
            if (chosen < 0 && loading && waiting?.prefix === prefix && waiting.moves.length > 0) wait('enter');
            else commit(chosen >= 0 ? suggestions[chosen] : undefined);
          } else if (event.key === 'Escape' && (open || text !== '')) {
            event.preventDefault();
            event.stopPropagation();
            if (open) setClosed(true);
            else change('');
          } else if (event.key === 'Escape' && onEscapeEmpty) {
            event.preventDefault();
            event.stopPropagation();
            onEscapeEmpty();
          }
        }}
      />
      <span id={`${id}-hint`} className="visually-hidden">
        Separate tags with commas.
      </span>
      {problem !== null && (
        <p id={`${id}-problem`} className="tag-input__problem field-error sentence" role="alert">
          {problem}
        </p>
      )}
      <ul id={`${id}-list`} role="listbox" aria-label="Tag suggestions" className="tag-input__list" hidden={!open}>
        {suggestions.map((name, i) => (
          <li
            key={name}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === chosen}
            className={`tag-input__option${i === chosen ? ' tag-input__option--active' : ''}`}
            // Keeps the focus in the box, so the list stays a part of it.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => commit(name)}
          >
            {name}
          </li>
        ))}
      </ul>
    </div>
  );
}
