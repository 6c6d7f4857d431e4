import type { JSX, ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import './EmptyState.css';

/** A calm, centred message that says what to do next. */
export function EmptyState({
  icon,
  title,
  children,
  action,
  compact = false,
  focusable = false,
}: {
  icon: IconName;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  compact?: boolean;
  /** Takes the focus from script (where it would otherwise be lost, as when the last clips shown go). */
  focusable?: boolean;
}): JSX.Element {
  return (
    <div className={`empty-state${compact ? ' empty-state--compact' : ''}`} tabIndex={focusable ? -1 : undefined}>
      <div className="empty-state__glyph">
        <Icon name={icon} size={compact ? 20 : 28} strokeWidth={1.2} />
      </div>
      <p className="empty-state__title">{title}</p>
      {children !== undefined && <p className="empty-state__text">{children}</p>}
      {action !== undefined && <div className="empty-state__action">{action}</div>}
    </div>
  );
}
