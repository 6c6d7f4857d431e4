import { useCallback, useEffect, useRef, useState, type JSX, type RefObject } from 'react';
import { Icon } from '../../components/Icon';
import { modKey } from '../../format/shortcuts';

const SEARCH_DEBOUNCE_MS = 220;

/**
 * The clip search field. Mount it with a key per project so each project starts with an empty search.
 * `value` is the search in force: one set elsewhere (a smart collection, Clear filters) shows here.
 */
export function SearchBox({
  value,
  onQueryChange,
  disabled,
  inputRef,
}: {
  value: string;
  onQueryChange: (query: string) => void;
  disabled: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
}): JSX.Element {
  const [text, setText] = useState(value);
  // The search last sent or shown, so typing and a search set elsewhere never undo each other.
  const known = useRef(value);
  // The text as typed, for sending it at once when the field is left or the page goes away.
  const typed = useRef(value);

  useEffect(() => {
    if (value === known.current) return;
    known.current = value;
    typed.current = value;
    setText(value);
  }, [value]);

  const flush = useCallback(() => {
    const trimmed = typed.current.trim();
    if (trimmed === known.current) return;
    known.current = trimmed;
    onQueryChange(trimmed);
  }, [onQueryChange]);

  useEffect(() => {
    if (text.trim() === known.current) return;
    const timer = setTimeout(flush, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, flush]);

  // An edit still waiting when the page goes away (a reload) is sent, so it is kept.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [flush]);

  return (
    <div className="search">
      <Icon name="search" size={14} className="search__icon" />
      <input
        ref={inputRef}
        className="field search__field"
        type="search"
        aria-label="Search clips"
        placeholder="Search clips"
        title={`Search clips in this project (${modKey('F')})`}
        value={text}
        disabled={disabled}
        spellCheck={false}
        onChange={(event) => {
          typed.current = event.target.value;
          setText(event.target.value);
        }}
        // Leaving the field (for another project, say) sends what was typed at once.
        onBlur={flush}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text !== '') {
            event.preventDefault();
            typed.current = '';
            setText('');
          }
        }}
      />
    </div>
  );
}
