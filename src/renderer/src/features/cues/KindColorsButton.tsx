import { useState, type JSX } from 'react';
import { CUE_KINDS, DEFAULT_KIND_COLORS, type CueKind } from '../../../../shared/cues/types';
import type { KindColors } from './kindColors';

/**
 * "Kind colours": each kind's colour, to change for every clip's timeline at once. A cue given
 * its own colour in the editor keeps it.
 */
export function KindColorsButton({
  kindColors,
  onChange,
}: {
  kindColors: KindColors;
  /** A kind's new colour, or null for its default. */
  onChange: (kind: CueKind, color: string | null) => void;
}): JSX.Element {
  const [open, setOpen] = useState(false);
  return (
    <div className="cue-menu">
      {/* Its face is the kinds' colours themselves: small, and it says what it changes. */}
      <button
        type="button"
        className="btn btn--sm btn--ghost cue-kind-colors__button"
        aria-label="Kind colours"
        title="Kind colours"
        aria-expanded={open}
        onClick={() => setOpen((shown) => !shown)}
      >
        {CUE_KINDS.map((kind) => (
          <span key={kind} className="cue-kind-colors__dot" style={{ background: kindColors[kind] }} />
        ))}
      </button>
      {open && (
        <div
          className="menu-button__list cue-kind-colors"
          role="group"
          aria-label="Kind colours"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              setOpen(false);
            }
          }}
        >
          <p className="cue-menu__ask">Each kind’s colour on every clip. A cue with its own colour keeps it.</p>
          {CUE_KINDS.map((kind) => (
            <div key={kind} className="cue-kind-colors__row">
              <input
                type="color"
                aria-label={`${kind} colour`}
                value={kindColors[kind]}
                onChange={(event) => onChange(kind, event.target.value)}
              />
              <span className="cue-kind-colors__kind">{kind}</span>
              {kindColors[kind] !== DEFAULT_KIND_COLORS[kind] && (
                <button
                  type="button"
                  className="btn btn--ghost btn--sm"
                  aria-label={`Reset ${kind} colour`}
                  onClick={() => onChange(kind, null)}
                >
                  Reset
                </button>
              )}
            </div>
          ))}
          <button type="button" onClick={() => setOpen(false)}>
            Done
          </button>
        </div>
      )}
    </div>
  );
}
