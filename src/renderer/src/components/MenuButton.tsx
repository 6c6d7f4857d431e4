import { useEffect, useRef, useState, type JSX, type ReactNode } from 'react';
import './MenuButton.css';

export interface MenuItem {
  label: string;
  /** A shortcut or hint shown at the item's end. */
  hint?: string;
  /** The one of a set in use (the library's Grid or List): marked, and told as current. */
  current?: boolean;
  run: () => void;
}

interface Props {
  /** The button's content. */
  children: ReactNode;
  /** The button's and the menu's accessible name. */
  label: string;
  items: readonly MenuItem[];
  title?: string;
  /** The open menu's accessible name, when it should differ from the button's. */
  menuLabel?: string;
  disabled?: boolean;
}

/**
 * A button that opens a menu of actions: arrows move, Enter runs, Escape or a click elsewhere
 * closes, and focus goes back to the button.
 */
export function MenuButton({ children, label, items, title, menuLabel, disabled = false }: Props): JSX.Element {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent): void => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', close);
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => window.removeEventListener('pointerdown', close);
  }, [open]);

  function close(): void {
    setOpen(false);
    button.current?.focus();
  }

  return (
    <div className="menu-button" ref={root}>
      <button
        ref={button}
        type="button"
        className="btn btn--sm"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={label}
        title={title}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        {children}
      </button>
      {open && (
        <div
          className="menu-button__list"
          role="menu"
          aria-label={menuLabel ?? label}
          onKeyDown={(event) => {
            const found = root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]');
            const list = found ? [...found] : [];
            const at = list.indexOf(document.activeElement as HTMLElement);
            if (event.key === 'Escape') {
              // The menu closes; the selection it belongs to stays.
              event.preventDefault();
              event.stopPropagation();
              close();
            } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              list[(at + (event.key === 'ArrowDown' ? 1 : -1) + list.length) % list.length]?.focus();
            } else if (event.key === 'Tab') setOpen(false);
          }}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              aria-current={item.current === true ? 'true' : undefined}
              onClick={() => {
                close();
                item.run();
              }}
            >
              {item.label}
              {item.current === true && (
                <span className="menu-button__hint" aria-hidden="true">
                  ✓
                </span>
              )}
              {item.hint !== undefined && (
                <span className="menu-button__hint" aria-hidden="true">
                  {item.hint}
                </span>
              )}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
