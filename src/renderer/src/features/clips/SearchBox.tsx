import { useEffect, useState, type JSX, type RefObject } from 'react';
import { Icon } from '../../components/Icon';
import { modKey } from '../../format/shortcuts';

const SEARCH_DEBOUNCE_MS = 220;

/** The clip search field. Mount it with a key per project so each project starts with an empty search. */
export function SearchBox({
  onQueryChange,
  disabled,
  inputRef,
}: {
  onQueryChange: (query: string) => void;
  disabled: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
}): JSX.Element {
  const [text, setText] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => onQueryChange(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, onQueryChange]);

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
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text !== '') {
            event.preventDefault();
            setText('');
          }
        }}
      />
    </div>
  );
}
