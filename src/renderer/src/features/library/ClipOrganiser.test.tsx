import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type JSX } from 'react';
import { expect, test } from 'vitest';
import type { Clip } from '../../../../shared/domain';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip } from '../../../../../test/renderer/records';
import { ToastProvider } from '../../components/Toasts';
import { ClipOrganiser } from './ClipOrganiser';
import { OrganiseHistory } from './OrganiseHistory';
import { OrganiseKeys } from './useOrganiseKeys';

/** The inspector's organiser over one clip that each organising call changes, as the studio would. */
function Inspector({ initial }: { initial: Clip }): JSX.Element {
  const [clip, setClip] = useState(initial);
  fakeStudio.answer('library.setRating', ({ rating }) => {
    setClip((c) => ({ ...c, rating: rating === 0 ? null : rating }));
    return { changed: 1 };
  });
  fakeStudio.answer('library.setColor', ({ color }) => {
    setClip((c) => ({ ...c, colorLabel: color }));
    return { changed: 1 };
  });
  fakeStudio.answer('library.removeTags', ({ tags }) => {
    setClip((c) => ({ ...c, tags: c.tags.filter((t) => !tags.includes(t)) }));
    return { changed: 1 };
  });
  fakeStudio.answer('library.addTags', ({ tags }) => {
    setClip((c) => ({ ...c, tags: [...c.tags, ...tags] }));
    return { changed: 1 };
  });
  return (
    <ToastProvider>
      <OrganiseHistory find={(id) => (id === clip.id ? clip : undefined)}>
        <ClipOrganiser clip={clip} />
      </OrganiseHistory>
    </ToastProvider>
  );
}

test('the arrows in Rating and Colour label move the focus with the choice, and each group is one Tab stop', async () => {
  const user = userEvent.setup();
  fakeStudio.answer('library.tags', () => []);
  render(<Inspector initial={aClip({ id: 3, rating: 2, colorLabel: null, tags: [] })} />);
  const star = (name: string): HTMLElement => screen.getByRole('radio', { name });
  star('2 stars').focus();
  await user.keyboard('{ArrowRight}');
  expect(document.activeElement).toBe(star('3 stars'));
  await waitFor(() => expect(star('3 stars').getAttribute('aria-checked')).toBe('true'));
  await user.keyboard('{ArrowRight}{ArrowLeft}{ArrowLeft}');
  await waitFor(() => expect(star('2 stars').getAttribute('aria-checked')).toBe('true'));
  expect(document.activeElement).toBe(star('2 stars'));

  // Tab leaves the stars for Pick and Reject, then lands on the one colour radio that is checked.
  await user.tab();
  await user.tab();
  await user.tab();
  expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'No label' }));
  await user.keyboard('{ArrowRight}');
  expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Red' }));
  await waitFor(() => expect(screen.getByRole('radio', { name: 'Red' }).getAttribute('aria-checked')).toBe('true'));
  await user.keyboard('{ArrowLeft}{ArrowLeft}');
  await waitFor(() => expect(document.activeElement?.getAttribute('aria-checked')).toBe('true'));
  const colors = screen.getAllByRole('radio').filter((r) => r.closest('[aria-label="Colour label"]'));
  expect(document.activeElement).toBe(colors.at(-1));
  expect(colors.filter((r) => r.tabIndex === 0)).toEqual([document.activeElement]);
  await user.tab();
  expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Add tag' }));
});

test('a tag removed from the keyboard hands the focus to the next tag, then the one before, then “Add tag”, never to the page', async () => {
  const user = userEvent.setup();
  render(<Inspector initial={aClip({ id: 1, tags: ['dawn', 'harbour', 'rain'] })} />);
  screen.getByRole('button', { name: 'Remove tag harbour' }).focus();
  await user.keyboard('{Enter}');
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove tag rain' })));
  await user.keyboard('{Enter}');
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove tag dawn' })));
  await user.keyboard(' ');
  await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Add tag')));
  expect(screen.queryAllByRole('button', { name: /^Remove tag/ })).toHaveLength(0);
});

test('Rating as a radio group: with none checked an arrow moves on from the first star, Home and End go to the ends, and Space keeps the checked star checked', async () => {
  const user = userEvent.setup();
  fakeStudio.answer('library.tags', () => []);
  render(<Inspector initial={aClip({ id: 4, rating: null, colorLabel: null, tags: [] })} />);
  const star = (name: string): HTMLElement => screen.getByRole('radio', { name });
  await user.tab();
  expect(document.activeElement).toBe(star('1 star'));
  await user.keyboard('{ArrowRight}');
  expect(document.activeElement).toBe(star('2 stars'));
  await waitFor(() => expect(star('2 stars').getAttribute('aria-checked')).toBe('true'));
  await user.keyboard('{End}');
  expect(document.activeElement).toBe(star('5 stars'));
  await waitFor(() => expect(star('5 stars').getAttribute('aria-checked')).toBe('true'));
  await user.keyboard('{Home}');
  expect(document.activeElement).toBe(star('1 star'));
  await waitFor(() => expect(star('1 star').getAttribute('aria-checked')).toBe('true'));
  await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
  await waitFor(() => expect(star('4 stars').getAttribute('aria-checked')).toBe('true'));
  // Space on the checked star keeps it, and it stays the group's one Tab stop.
  await user.keyboard(' ');
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(star('4 stars').getAttribute('aria-checked')).toBe('true');
  expect(screen.getAllByRole('radio').filter((r) => r.closest('[aria-label="Rating"]') && r.tabIndex === 0)).toEqual([
    star('4 stars'),
  ]);
  // A click on the checked star still clears the rating, as in most media managers.
  await user.click(star('4 stars'));
  await waitFor(() => expect(star('4 stars').getAttribute('aria-checked')).toBe('false'));
  // The colour labels go to their ends too.
  const colours = screen.getByRole('radiogroup', { name: 'Colour label' });
  screen.getByRole('radio', { name: 'No label' }).focus();
  await user.keyboard('{End}');
  await waitFor(() => expect(document.activeElement?.getAttribute('aria-checked')).toBe('true'));
  const radiosOfColour = screen.getAllByRole('radio').filter((r) => colours.contains(r));
  expect(document.activeElement).toBe(radiosOfColour.at(-1));
});

test('Backspace in the empty “Add tag” box goes to the last tag, and Backspace or Delete on a tag takes it off', async () => {
  const user = userEvent.setup();
  fakeStudio.answer('library.tags', () => []);
  render(<Inspector initial={aClip({ id: 2, tags: ['dawn', 'rain'] })} />);
  screen.getByLabelText('Add tag').focus();
  await user.keyboard('{Backspace}');
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove tag rain' }));
  await user.keyboard('{Backspace}');
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove tag rain' })).toBeNull());
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove tag dawn' })));
  await user.keyboard('{Delete}');
  await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Add tag')));
  expect(fakeStudio.calls.filter((c) => c.name === 'library.trash')).toEqual([]);
});

test('a rating set by key while a star has the focus moves the focus to the checked star', async () => {
  const user = userEvent.setup();
  fakeStudio.answer('library.tags', () => []);
  fakeStudio.answer('library.setRating', () => ({ changed: 1 }));
  function Keyed(): JSX.Element {
    const [clip, setClip] = useState(aClip({ id: 6, rating: null, tags: [] }));
    fakeStudio.answer('library.setRating', ({ rating }) => {
      setClip((c) => ({ ...c, rating: rating === 0 ? null : rating }));
      return { changed: 1 };
    });
    return (
      <ToastProvider>
        <OrganiseHistory find={(id) => (id === clip.id ? clip : undefined)}>
          <OrganiseKeys ids={[clip.id]} onError={() => undefined} />
          <ClipOrganiser clip={clip} />
        </OrganiseHistory>
      </ToastProvider>
    );
  }
  render(<Keyed />);
  const star = (name: string): HTMLElement => screen.getByRole('radio', { name });
  star('1 star').focus();
  await user.keyboard('5');
  await waitFor(() => expect(star('5 stars').getAttribute('aria-checked')).toBe('true'));
  await waitFor(() => expect(document.activeElement).toBe(star('5 stars')));
  await user.keyboard('0');
  await waitFor(() => expect(star('5 stars').getAttribute('aria-checked')).toBe('false'));
  await waitFor(() => expect(document.activeElement).toBe(star('1 star')));
});
