import { useEffect, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import type { Clip } from '../../../../shared/domain';
import { ClipCard } from './ClipCard';
import './ClipGrid.css';

interface ClipGridProps {
  clips: Clip[];
  selectedId: number | null;
  onSelect: (clip: Clip) => void;
  onRename: (clip: Clip, title: string) => Promise<void>;
  onAskDelete: (clip: Clip) => void;
}

/** Number of cards on the first row, so Up/Down can move by a whole row. */
function columnsOf(list: HTMLElement): number {
  const cards = list.children;
  const first = cards[0] as HTMLElement | undefined;
  if (!first) return 1;
  let columns = 0;
  for (const card of Array.from(cards)) {
    if ((card as HTMLElement).offsetTop !== first.offsetTop) break;
    columns += 1;
  }
  return Math.max(1, columns);
}

export function ClipGrid({ clips, selectedId, onSelect, onRename, onAskDelete }: ClipGridProps): JSX.Element {
  const [renamingId, setRenamingId] = useState<number | null>(null);
  const focusId = useRef<number | null>(null);
  const list = useRef<HTMLUListElement>(null);

  function focusClip(id: number): boolean {
    const button = list.current?.querySelector<HTMLButtonElement>(`button[data-clip-button="${id}"]`);
    button?.focus();
    return button !== null && button !== undefined;
  }

  // After a rename the card's button comes back on React's next commit; focus it then.
  useEffect(() => {
    const id = focusId.current;
    if (id !== null && id !== renamingId && focusClip(id)) focusId.current = null;
  });

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    const target = event.target as HTMLElement;
    const idText = target.closest<HTMLElement>('[data-clip-id]')?.dataset['clipId'];
    if (idText === undefined || !list.current) return;
    const index = clips.findIndex((c) => String(c.id) === idText);
    const clip = clips[index];
    if (!clip) return;
    const columns = columnsOf(list.current);
    let nextIndex: number | null = null;
    switch (event.key) {
      case 'ArrowRight':
        nextIndex = index + 1;
        break;
      case 'ArrowLeft':
        nextIndex = index - 1;
        break;
      case 'ArrowDown':
        nextIndex = index + columns;
        break;
      case 'ArrowUp':
        nextIndex = index - columns;
        break;
      case 'Home':
        nextIndex = 0;
        break;
      case 'End':
        nextIndex = clips.length - 1;
        break;
      case 'F2':
        event.preventDefault();
        setRenamingId(clip.id);
        return;
      case 'Delete':
      case 'Backspace':
        event.preventDefault();
        onAskDelete(clip);
        return;
      default:
        return;
    }
    event.preventDefault();
    const next = clips[Math.max(0, Math.min(clips.length - 1, nextIndex))];
    if (!next || next.id === clip.id) return;
    onSelect(next);
    focusClip(next.id);
  }

  const tabStopId = clips.some((c) => c.id === selectedId) ? selectedId : (clips[0]?.id ?? null);

  return (
    <ul ref={list} className="clip-grid" role="list" aria-label="Clips" onKeyDown={onKeyDown}>
      {clips.map((clip) => (
        <ClipCard
          key={clip.id}
          clip={clip}
          selected={clip.id === selectedId}
          tabStop={clip.id === tabStopId}
          renaming={clip.id === renamingId}
          onSelect={() => onSelect(clip)}
          onRenameStart={() => setRenamingId(clip.id)}
          onRenameEnd={() => {
            setRenamingId(null);
            focusId.current = clip.id;
          }}
          onRename={(title) => onRename(clip, title)}
          onAskDelete={() => onAskDelete(clip)}
        />
      ))}
    </ul>
  );
}
