import { useEffect, useRef, type JSX } from 'react';
import type { Clip } from '../../../../shared/domain';
import { COLOR_LABELS, type ColorLabel } from '../../../../shared/library/labels';
import { useToaster } from '../../components/Toasts';
import { COLOR_NAMES } from './ClipMarks';
import { useOrganise } from './OrganiseHistory';
import { TagInput } from './TagInput';
import './ClipOrganiser.css';

const STAR_NAMES = ['1 star', '2 stars', '3 stars', '4 stars', '5 stars'] as const;
/** The colour label choices in order: none, then the labels. */
const COLORS: readonly (ColorLabel | null)[] = [null, ...COLOR_LABELS];

/** The radios of a radio group, in order. */
function radios(group: HTMLElement): HTMLElement[] {
  return [...group.querySelectorAll<HTMLElement>('[role="radio"]')];
}

/** Rating, pick/reject, colour label and tags of the clip in the inspector. */
export function ClipOrganiser({ clip }: { clip: Clip }): JSX.Element {
  const toaster = useToaster();
  const organise = useOrganise();
  const ids = [clip.id];
  const fail = (what: string) => (error: unknown) => toaster.error(what, error);

  // A tag removed from its own chip: once the chips show it gone, the focus goes to the chip now
  // at its place (the next tag, else the one before), or to "Add tag" when none is left.
  const tagsBox = useRef<HTMLDivElement>(null);
  const refocusTagAt = useRef<{ at: number; tag: string } | null>(null);
  useEffect(() => {
    const pending = refocusTagAt.current;
    const box = tagsBox.current;
    if (pending === null || box === null || clip.tags.includes(pending.tag)) return;
    refocusTagAt.current = null;
    const active = document.activeElement;
    if (active !== null && active !== document.body && box.contains(active)) return;
    const chips = box.querySelectorAll<HTMLButtonElement>('.tag-chip--removable');
    const next = chips[Math.min(pending.at, chips.length - 1)] ?? box.querySelector<HTMLInputElement>('input');
    next?.focus();
  }, [clip.tags]);

  const rating = clip.rating ?? 0;
  // A rating set by a key (1–5, 0) while a star has the focus: the focus follows to the checked
  // star (the first with none), the group's one Tab stop, as an arrow would take it.
  const starsGroup = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const group = starsGroup.current;
    const active = document.activeElement;
    if (!group || !(active instanceof HTMLElement) || !group.contains(active)) return;
    const stop = radios(group)[Math.max(1, rating) - 1];
    if (stop && stop !== active) stop.focus();
  }, [rating]);

  return (
    <section className="organiser" aria-label="Organise">
      <div className="organiser__row">
        <div
          ref={starsGroup}
          role="radiogroup"
          aria-label="Rating"
          className="organiser__stars"
          title="Rating: keys 1–5, 0 clears"
          onKeyDown={(event) => {
            const step = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[event.key];
            const edge = { Home: 1, End: 5 }[event.key];
            if (step === undefined && edge === undefined) return;
            event.preventDefault();
            // From the checked star, or with none checked from the focused one (the first, as the
            // Tab stop): an arrow moves to the next star and checks it, as in any radio group.
            const focused = radios(event.currentTarget).indexOf(event.target as HTMLElement) + 1;
            const from = rating > 0 ? rating : Math.max(1, focused);
            const next = edge ?? Math.max(1, Math.min(5, from + (step ?? 0)));
            // The chosen star takes the focus, as in any radio group.
            radios(event.currentTarget)[next - 1]?.focus();
            void organise.rate(ids, next).catch(fail('Could not rate the clip'));
          }}
        >
          {STAR_NAMES.map((name, i) => {
            const value = i + 1;
            return (
              <button
                key={name}
                type="button"
                role="radio"
                aria-label={name}
                aria-checked={rating === value}
                tabIndex={rating === value || (rating === 0 && value === 1) ? 0 : -1}
                className={`organiser__star${value <= rating ? ' organiser__star--on' : ''}`}
                // Clicking the stars it has again clears the rating, like most media managers; Space
                // or Enter on the checked star (a click with no pointer) leaves it checked, as a radio.
                onClick={(event) => {
                  if (rating === value && event.detail === 0) return;
                  void organise.rate(ids, rating === value ? 0 : value).catch(fail('Could not rate the clip'));
                }}
              >
                ★
              </button>
            );
          })}
        </div>
        <div className="organiser__flags">
          <button
            type="button"
            className={`chip-btn${clip.flag === 'pick' ? ' chip-btn--pick' : ''}`}
            aria-pressed={clip.flag === 'pick'}
            title="Pick (P)"
            onClick={() => void organise.toggleFlag(ids, 'pick').catch(fail('Could not flag the clip'))}
          >
            Pick
          </button>
          <button
            type="button"
            className={`chip-btn${clip.flag === 'reject' ? ' chip-btn--reject' : ''}`}
            aria-pressed={clip.flag === 'reject'}
            title="Reject (X)"
            onClick={() => void organise.toggleFlag(ids, 'reject').catch(fail('Could not flag the clip'))}
          >
            Reject
          </button>
        </div>
      </div>
      <div
        role="radiogroup"
        aria-label="Colour label"
        className="organiser__colors"
        // One Tab stop, the label the clip has; the arrows move to the next and label the clip with it.
        onKeyDown={(event) => {
          const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
          const edge = { Home: 0, End: COLORS.length - 1 }[event.key];
          if (step === undefined && edge === undefined) return;
          event.preventDefault();
          const at = COLORS.indexOf(clip.colorLabel);
          const next = edge ?? (at + (step ?? 0) + COLORS.length) % COLORS.length;
          radios(event.currentTarget)[next]?.focus();
          void organise.color(ids, COLORS[next] ?? null).catch(fail('Could not label the clip'));
        }}
      >
        {COLORS.map((color) => (
          <ColorRadio
            key={color ?? 'none'}
            color={color}
            checked={clip.colorLabel === color}
            onPick={(c) => organise.color(ids, c).catch(fail('Could not label the clip'))}
          />
        ))}
      </div>
      {/* Backspace in the empty "Add tag" box goes to the last tag, where a second one takes it off. */}
      <div
        className="organiser__tags"
        ref={tagsBox}
        onKeyDown={(event) => {
          const field = event.target;
          if (event.key !== 'Backspace' || !(field instanceof HTMLInputElement) || field.value !== '') return;
          const chips = event.currentTarget.querySelectorAll<HTMLButtonElement>('.tag-chip--removable');
          const last = chips[chips.length - 1];
          if (!last) return;
          event.preventDefault();
          last.focus();
        }}
      >
        <ul className="organiser__tag-list" aria-label="Tags">
          {clip.tags.map((tag, index) => (
            <li key={tag}>
              <button
                type="button"
                className="tag-chip tag-chip--removable"
                aria-label={`Remove tag ${tag}`}
                title={`Remove “${tag}”`}
                onClick={() => {
                  refocusTagAt.current = { at: index, tag };
                  void organise.removeTag(ids, tag).catch(fail('Could not remove the tag'));
                }}
                // Backspace or Delete on a tag takes it off, as a click does (not the clip: the
                // library's Delete is left out here).
                onKeyDown={(event) => {
                  if (event.key !== 'Backspace' && event.key !== 'Delete') return;
                  event.preventDefault();
                  event.currentTarget.click();
                }}
              >
                {tag}
                <span aria-hidden="true"> ×</span>
              </button>
            </li>
          ))}
        </ul>
        <TagInput
          className="organiser__tag-input"
          label="Add tag"
          placeholder="Add tags, separated by commas"
          have={clip.tags}
          onAdd={(tags) => {
            void organise.addTags(ids, tags).catch(fail('Could not add the tag'));
          }}
        />
      </div>
    </section>
  );
}

function ColorRadio({
  color,
  checked,
  onPick,
}: {
  color: ColorLabel | null;
  checked: boolean;
  onPick: (color: ColorLabel | null) => Promise<unknown>;
}): JSX.Element {
  const name = color === null ? 'No label' : COLOR_NAMES[color];
  return (
    <button
      type="button"
      role="radio"
      aria-label={name}
      aria-checked={checked}
      tabIndex={checked ? 0 : -1}
      title={name}
      className={`organiser__color${checked ? ' organiser__color--on' : ''}`}
      onClick={() => void onPick(color)}
    >
      <span className={color === null ? 'color-dot color-dot--none' : `color-dot color-dot--${color}`} />
    </button>
  );
}
