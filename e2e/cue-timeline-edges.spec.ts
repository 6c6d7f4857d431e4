import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makeBurstClip } from '../test/support/bursts';
import { expect, importClips, importInto, makeClip, test } from './studio';

/** Moves the player as its own controls do: the timeline learns it from the media element. */
async function scrubPlayer(page: Page, seconds: number): Promise<void> {
  await page.evaluate(async (at) => {
    const video = document.querySelector<HTMLVideoElement>('video[aria-label="Player"]');
    if (!video) throw new Error('no player');
    const seeked = new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
    video.currentTime = at;
    await seeked;
  }, seconds);
}

/** Runs in the page: asks for waveform peaks wait until the test lets them go. */
function holdPeaks(): void {
  const send = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'send')?.value as (
    this: WebSocket,
    data: string | ArrayBufferLike | Blob | ArrayBufferView,
  ) => void;
  const held: [WebSocket, string][] = [];
  let holding = true;
  WebSocket.prototype.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
    if (holding && typeof data === 'string' && /"name":"cues\.peak(s|Level)"/.test(data)) held.push([this, data]);
    else send.call(this, data);
  };
  (window as unknown as { releasePeaks: () => void }).releasePeaks = () => {
    holding = false;
    for (const [socket, data] of held.splice(0)) send.call(socket, data);
  };
}

test('the first M marks the time the player shows, even before the waveform is drawn', async ({
  page,
  studio,
  workDir,
}) => {
  // The waveform's peaks are held back, as while they are still being computed for a new import.
  await page.addInitScript(holdPeaks);
  await importInto(page, studio.url, makeClip(join(workDir, 'Door slam.mp4'), 6), 'Door slam');

  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  // Either waiting state: the import's own peaks run may report its progress first.
  await expect(timeline.getByText(/Drawing the waveform…|Computing waveform…/)).toBeVisible();
  await expect(timeline.locator('canvas')).toHaveCount(0);
  const playhead = timeline.getByRole('status', { name: 'Playhead' });
  await scrubPlayer(page, 3);
  await expect(playhead).toHaveText('00:03.000');
  await playhead.click();
  await page.keyboard.press('m');
  const label = timeline.getByRole('textbox', { name: 'Cue label' });
  await expect(label).toBeFocused();
  await page.keyboard.type('door slam');
  await page.keyboard.press('Enter');
  const list = timeline.getByRole('list', { name: 'Cues' });
  await expect(list.getByRole('listitem')).toHaveText([/00:03\.000\s*door slam/]);

  // Once drawn, the marker sits at 3 s of 6, and the stored time is still 3 s.
  await page.evaluate(() => (window as unknown as { releasePeaks: () => void }).releasePeaks());
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });
  const markerLeft = (): Promise<string[]> =>
    page.evaluate(() => {
      const host = document.querySelector('.cue-timeline__wave > div');
      const parts = host?.shadowRoot?.querySelectorAll<HTMLElement>('[part~="marker"]') ?? [];
      return [...parts].map((element) => element.style.left);
    });
  await expect.poll(markerLeft).toEqual(['50%']);
  await page.reload();
  const again = page.getByRole('region', { name: 'Cue timeline' });
  if (!(await again.isVisible()))
    await page.getByRole('list', { name: 'Clips' }).getByRole('listitem').filter({ hasText: 'Door slam' }).click();
  await expect(again.getByRole('list', { name: 'Cues' }).getByRole('listitem')).toHaveText([/00:03\.000\s*door slam/]);
});

test('an import asks the format of an unnamed file, offers the Resolve EDL, and Tab walks every cue both ways', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(120_000);
  await importInto(page, studio.url, makeClip(join(workDir, 'Hallway.mp4'), 8), 'Hallway');
  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });

  const pickFile = async (name: string, text: string): Promise<void> => {
    await timeline
      .getByLabel('Cue file')
      .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });
  };
  await pickFile(
    'markers from the grade',
    'TITLE: Timeline 1\nFCM: NON-DROP FRAME\n\n001  001      V     C        01:00:05:12 01:00:05:13 01:00:05:12 01:00:05:13  \n' +
      'lands late |C:ResolveColorBlue |M:door slam |D:1\n',
  );
  // A laptop-sized window: the whole list, the Resolve EDL last, must be on screen.
  await page.setViewportSize({ width: 1280, height: 680 });
  const ask = page.getByRole('group', { name: 'Which format is markers from the grade?' });
  const edl = ask.getByRole('button', { name: 'DaVinci Resolve EDL' });
  await expect(edl).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: 'test-results/cue-import-format.png' });
  await edl.click();
  await expect(timeline.getByRole('status').filter({ hasText: 'Imported' })).toHaveText('Imported 1 cue.');

  // Points and ranges, three of them starting together at 2 s.
  await pickFile(
    'more.csv',
    'start,end,label,kind\n0.500,,knock,sfx\n1.000,6.000,rain bed,ambience\n2.000,2.500,gasp,dialogue\n' +
      '2.000,,glass,sfx\n2.000,4.000,strings,music\n3.000,,step,sfx\n',
  );
  await expect(timeline.getByRole('status').filter({ hasText: 'Imported' })).toHaveText('Imported 6 cues.');
  const rows = timeline.getByRole('list', { name: 'Cues' }).getByRole('listitem');
  await expect(rows).toHaveCount(7);
  const order = ['knock', 'rain bed', 'gasp', 'glass', 'strings', 'step', 'door slam'];
  const selectedLabel = async (): Promise<string> =>
    (
      (await timeline
        .getByRole('listitem')
        .and(page.locator('[aria-selected="true"]'))
        .locator('.cue-row__label')
        .textContent()) ?? ''
    ).trim();

  await timeline.getByRole('status', { name: 'Playhead' }).click();
  await page.keyboard.press('Home');
  const forward: string[] = [];
  for (let i = 0; i < order.length; i++) {
    await page.keyboard.press('Tab');
    await expect.poll(selectedLabel).not.toBe(forward.at(-1) ?? '');
    forward.push(await selectedLabel());
  }
  expect(forward).toEqual(order);
  const back: string[] = [];
  for (let i = 0; i < order.length - 1; i++) {
    await page.keyboard.press('Shift+Tab');
    await expect.poll(selectedLabel).not.toBe(back.at(-1) ?? 'door slam');
    back.push(await selectedLabel());
  }
  expect(back).toEqual(order.slice(0, -1).reverse());

  // With the selection gone, the walk starts from the playhead and takes the cues sitting on it.
  await rows.filter({ hasText: 'glass' }).click();
  await expect(timeline.getByRole('status', { name: 'Playhead' })).toHaveText('00:02.000');
  await page.keyboard.press('Delete');
  await expect(rows).toHaveCount(6);
  await page.keyboard.press('Shift+Tab');
  await expect.poll(selectedLabel).toBe('strings');
  await page.keyboard.press('Shift+Tab');
  await expect.poll(selectedLabel).toBe('gasp');
});

test('a clip without sound shows its timeline with the reason, and takes cues against the picture', async ({
  page,
  studio,
  workDir,
}) => {
  const clipPath = await makeBurstClip(join(workDir, 'Silent take.mp4'), { seconds: 4, burstsMs: [], silent: true });
  await importInto(page, studio.url, clipPath, 'Silent take');
  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  await expect(timeline.getByRole('note', { name: 'No sound' })).toContainText('This clip has no sound');
  await timeline.screenshot({ path: 'test-results/cue-timeline-silent.png' });
  await scrubPlayer(page, 2);
  const playhead = timeline.getByRole('status', { name: 'Playhead' });
  await expect(playhead).toHaveText('00:02.000');
  await playhead.click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('m');
  await expect(timeline.getByRole('textbox', { name: 'Cue label' })).toBeFocused();
  await page.keyboard.type('cut to wide');
  await page.keyboard.press('Enter');
  // One frame on from 2 s at 12 fps: 2.083 s, a frame start.
  await expect(timeline.getByRole('list', { name: 'Cues' }).getByRole('listitem')).toHaveText([
    /00:02\.083\s*cut to wide/,
  ]);
});

/** Runs in the page: a studio busy elsewhere answers cue edits a moment later than the keys come. */
function slowCueEdits(): void {
  const send = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'send')?.value as (
    this: WebSocket,
    data: string | ArrayBufferLike | Blob | ArrayBufferView,
  ) => void;
  WebSocket.prototype.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
    if (typeof data === 'string' && data.includes('"name":"cues.create"')) setTimeout(() => send.call(this, data), 150);
    else send.call(this, data);
  };
}

test('letters typed straight after M all land in the new cue’s label, none taken for a timeline key', async ({
  page,
  studio,
  workDir,
}) => {
  await page.addInitScript(slowCueEdits);
  await importInto(page, studio.url, makeClip(join(workDir, 'Kitchen.mp4'), 6), 'Kitchen');
  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });
  const playhead = timeline.getByRole('status', { name: 'Playhead' });
  await playhead.click();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(playhead).toHaveText('00:01.000');
  // No wait for the field: a creator types on at once ("o", "l", "k" and Space are timeline keys too).
  await page.keyboard.press('m');
  await page.keyboard.type('lock clonk', { delay: 3 });
  await page.keyboard.press('Enter');
  const rows = timeline.getByRole('list', { name: 'Cues' }).getByRole('listitem');
  await expect(rows).toHaveText([/00:01\.000\s*lock clonk/]);
  await expect(playhead).toHaveText('00:01.000');
  // "o" and "l" did nothing on the timeline: no out mark, no playback.
  await expect(timeline.locator('[aria-label="Range marks"]')).toHaveCount(0);
  expect(
    await page.evaluate(() => document.querySelector<HTMLVideoElement>('video[aria-label="Player"]')?.paused),
  ).toBe(true);
  // Committed, the label gives focus back to the timeline: the next cue and its label follow at once.
  await expect(timeline).toBeFocused();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('m');
  await page.keyboard.type('bell', { delay: 3 });
  await page.keyboard.press('Enter');
  await expect(rows).toHaveText([/00:01\.000\s*lock clonk/, /00:02\.000\s*bell/]);
  await expect(timeline).toBeFocused();

  // A label the studio cannot store says why beside the field and keeps what was typed.
  const label = timeline.getByRole('textbox', { name: 'Cue label' });
  const long = 'a creaking floorboard under the rug '.repeat(6).trim();
  await label.fill(long);
  await label.press('Enter');
  const problem = timeline.getByRole('alert');
  await expect(problem).toHaveText(/^This label is 215 characters; a cue label takes at most 200\. Shorten it by 15/);
  await expect(label).toHaveValue(long);
  await expect(label).toHaveAttribute('aria-invalid', 'true');
  await expect(rows).toHaveText([/00:01\.000\s*lock clonk/, /00:02\.000\s*bell/]);
});

/** The waveform's wrapper on screen: as wide as the whole clip at the current zoom. */
async function waveBox(page: Page): Promise<{ left: number; width: number; y: number }> {
  return page.evaluate(() => {
    const host = document.querySelector('.cue-timeline__wave > div');
    const wrapper = host?.shadowRoot?.querySelector('[part~="wrapper"]');
    if (!wrapper) throw new Error('no waveform');
    const rect = wrapper.getBoundingClientRect();
    return { left: rect.left, width: rect.width, y: rect.top + rect.height * 0.75 };
  });
}

const clockMs = (text: string): number => {
  const match = /(\d+):(\d+)\.(\d+)/.exec(text);
  if (!match) throw new Error(`no time in ${text}`);
  return (Number(match[1]) * 60 + Number(match[2])) * 1000 + Number(match[3]);
};

test('a range dragged out ends where the pointer let go and is selected; clicks seek where they land', async ({
  page,
  studio,
  workDir,
}) => {
  await importInto(page, studio.url, makeClip(join(workDir, 'Corridor.mp4'), 8), 'Corridor');
  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });
  await timeline.getByRole('checkbox', { name: 'Snap to frames' }).uncheck();
  const playhead = timeline.getByRole('status', { name: 'Playhead' });
  const rows = timeline.getByRole('list', { name: 'Cues' }).getByRole('listitem');
  const box = await waveBox(page);
  const xAt = (seconds: number): number => box.left + (box.width * seconds) / 8;
  // One pixel of the waveform, in ms: the most a pointer position can be off by.
  const pixelMs = 8000 / box.width;

  await page.mouse.move(xAt(2), box.y);
  await page.mouse.down();
  await page.mouse.move(xAt(3.5), box.y, { steps: 6 });
  await page.mouse.move(xAt(5), box.y, { steps: 6 });
  await page.mouse.up();
  await expect(rows).toHaveCount(1);
  const [start, end] = ((await rows.first().locator('.cue-row__time').textContent()) ?? '').split('–');
  expect(Math.abs(clockMs(start ?? '') - 2000)).toBeLessThanOrEqual(pixelMs);
  expect(Math.abs(clockMs(end ?? '') - 5000)).toBeLessThanOrEqual(pixelMs);
  // The new cue is the selected one, its label field ready: typing names it, as after M, and
  // sets off no shortcut (o would set an Out mark, p would flag the clip).
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.type('footsteps');
  await page.keyboard.press('Enter');
  await expect(rows.first()).toContainText('footsteps');
  await expect(timeline.getByLabel('Range marks')).toHaveCount(0);

  // A point cue at 6 s, added at the playhead.
  const seekTo = async (seconds: number): Promise<void> => {
    await page.mouse.click(xAt(seconds), box.y);
    await expect
      .poll(async () => Math.abs(clockMs((await playhead.textContent()) ?? '') - seconds * 1000))
      .toBeLessThanOrEqual(pixelMs);
  };
  await seekTo(6);
  await page.keyboard.press('m');
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(2);

  // A click inside the range seeks where it lands and selects the range.
  await page.mouse.click(xAt(3.5), box.y);
  await expect
    .poll(async () => Math.abs(clockMs((await playhead.textContent()) ?? '') - 3500))
    .toBeLessThanOrEqual(pixelMs);
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');

  // A click on the waveform away from the cues seeks there and lets the selection go, so Tab
  // goes on from the playhead (the range, first after 1 s), not from the cue selected before.
  await page.mouse.click(xAt(1), box.y);
  await expect(timeline.locator('.cue-row[aria-selected="true"]')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'false');

  // A click made while the media is still seeking to the one before lands too: two clicks in one
  // task (7 s, then 1 s), so the second always comes mid-seek. The picture and the playhead end at
  // the second, and Tab goes on from there.
  await page.evaluate(
    ([first, second, y]) => {
      const wrapper = document
        .querySelector('.cue-timeline__wave > div')
        ?.shadowRoot?.querySelector('[part~="wrapper"]');
      if (!wrapper) throw new Error('no waveform');
      for (const clientX of [first, second])
        wrapper.dispatchEvent(new MouseEvent('click', { clientX, clientY: y, bubbles: true, composed: true }));
    },
    [xAt(7), xAt(1), box.y] as const,
  );
  const video = page.locator('video');
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => (v.seeking ? -1 : Math.round(v.currentTime * 1000))))
    .toBeGreaterThanOrEqual(0);
  expect(Math.abs((await video.evaluate((v: HTMLVideoElement) => v.currentTime * 1000)) - 1000)).toBeLessThanOrEqual(
    pixelMs,
  );
  await expect
    .poll(async () => Math.abs(clockMs((await playhead.textContent()) ?? '') - 1000))
    .toBeLessThanOrEqual(pixelMs);
  await expect(timeline.locator('.cue-row[aria-selected="true"]')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');

  // With snapping on, a click seeks to the start of a frame (24 fps), on the waveform or on a cue.
  await timeline.getByRole('checkbox', { name: 'Snap to frames' }).check();
  for (const seconds of [1.013, 4.27]) {
    await page.mouse.click(xAt(seconds), box.y);
    await expect
      .poll(async () => {
        const ms = clockMs((await playhead.textContent()) ?? '');
        const frameStart = Math.round((Math.round((ms * 24) / 1000) * 1000) / 24);
        return Math.abs(ms - seconds * 1000) <= pixelMs + 21 && ms === frameStart;
      })
      .toBe(true);
  }
});

test('Tab walks the cues and then leaves the timeline; Ctrl+A takes every cue, Delete and undo act on them all', async ({
  page,
  studio,
  workDir,
}) => {
  await importInto(page, studio.url, makeClip(join(workDir, 'Porch.mp4'), 8), 'Porch');
  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });
  const porch = Buffer.from('start,end,label,kind\n0.500,,knock,sfx\n1.000,6.000,rain bed,ambience\n3.000,,step,sfx\n');
  await timeline.getByLabel('Cue file').setInputFiles({ name: 'porch.csv', mimeType: 'text/csv', buffer: porch });
  const rows = timeline.getByRole('list', { name: 'Cues' }).getByRole('listitem');
  await expect(rows).toHaveCount(3);
  const selected = timeline.locator('.cue-row[aria-selected="true"] .cue-row__label');
  const inTimeline = (): Promise<boolean> =>
    page.evaluate(() => document.querySelector('.cue-timeline')?.contains(document.activeElement) ?? false);

  await timeline.getByRole('status', { name: 'Playhead' }).click();
  expect(await inTimeline()).toBe(true);
  await page.keyboard.press('Home');
  for (const label of ['knock', 'rain bed', 'step']) {
    await page.keyboard.press('Tab');
    await expect(selected).toHaveText([label]);
  }
  // Past the last cue, Tab goes on out of the timeline; the selection stays.
  await page.keyboard.press('Tab');
  await expect.poll(inTimeline).toBe(false);
  await expect(selected).toHaveText(['step']);

  // Shift+Tab back in, and before the first cue out the other way.
  await timeline.getByRole('status', { name: 'Playhead' }).click();
  for (const label of ['rain bed', 'knock']) {
    await page.keyboard.press('Shift+Tab');
    await expect(selected).toHaveText([label]);
  }
  await page.keyboard.press('Shift+Tab');
  await expect.poll(inTimeline).toBe(false);

  // Ctrl+A with the timeline focused selects every cue; Delete removes them as one edit.
  await timeline.getByRole('status', { name: 'Playhead' }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(selected).toHaveText(['knock', 'rain bed', 'step']);
  await page.keyboard.press('Delete');
  await expect(rows).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(rows).toHaveCount(3);
  await expect(timeline.locator('.cue-row__label')).toHaveText(['knock', 'rain bed', 'step']);

  // The same file again adds nothing twice, and says so.
  await timeline.getByLabel('Cue file').setInputFiles({ name: 'porch.csv', mimeType: 'text/csv', buffer: porch });
  await expect(timeline.getByRole('status').filter({ hasText: 'Nothing imported' })).toHaveText(
    'Nothing imported: all 3 cues of the file are on this clip already.',
  );
  await expect(rows).toHaveCount(3);
  // The import itself is one edit: undone, every cue it brought goes.
  await timeline.getByRole('status', { name: 'Playhead' }).click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(rows).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(timeline.locator('.cue-row__label')).toHaveText(['knock', 'rain bed', 'step']);
});

test('a clip opened by a double-click or Enter gives the arrow keys to its timeline; a click leaves them with the grid', async ({
  page,
  studio,
  workDir,
}) => {
  const grid = await importClips(
    page,
    studio.url,
    [makeClip(join(workDir, 'Take one.mp4'), 4), makeClip(join(workDir, 'Take two.mp4'), 5)],
    'Two takes',
  );
  const cardButton = (title: string) => grid.getByRole('button', { name: title, exact: true });
  await expect(cardButton('Take one')).toBeVisible({ timeout: 30_000 });
  await expect(cardButton('Take two')).toBeVisible({ timeout: 30_000 });

  // A click only chooses the clip: focus stays on its card, and Space plays it.
  await cardButton('Take one').click();
  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  await expect(timeline).toBeVisible();
  await expect(cardButton('Take one')).toBeFocused();
  const paused = (): Promise<boolean | undefined> =>
    page.evaluate(() => document.querySelector<HTMLVideoElement>('video[aria-label="Player"]')?.paused);
  await page.keyboard.press(' ');
  await expect.poll(paused).toBe(false);
  await page.keyboard.press(' ');
  await expect.poll(paused).toBe(true);
  await expect(cardButton('Take one')).toBeFocused();

  await cardButton('Take one').dblclick();
  await expect(timeline).toBeFocused();
  const playhead = timeline.getByRole('status', { name: 'Playhead' });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  await expect(playhead).toHaveText('00:04.000');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(playhead).toHaveText('00:01.000');
  // Still the clip that was clicked.
  await expect(cardButton('Take one')).toHaveAttribute('aria-current', 'true');
  // Enter on a card opens it too.
  await cardButton('Take one').focus();
  await page.keyboard.press('Enter');
  await expect(timeline).toBeFocused();
  // Chosen again by a click after another clip, the clip opened before leaves focus on its card.
  await cardButton('Take two').click();
  await cardButton('Take one').click();
  await expect(timeline).toBeVisible();
  await expect(cardButton('Take one')).toBeFocused();

  // With the grid focused (its ring showing), the arrows move between clips and stay there.
  await cardButton('Take one').focus();
  const order = await grid
    .getByRole('button', { name: /^Take / })
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
  const [first, second] = order as [string, string];
  await cardButton(first).focus();
  await page.keyboard.press('ArrowRight');
  await expect(cardButton(second)).toBeFocused();
  await expect(cardButton(second)).toHaveAttribute('aria-current', 'true');
  const ring = await cardButton(second).evaluate((b) => getComputedStyle(b).outlineStyle);
  expect(ring).not.toBe('none');
});

test('twenty cues of every kind, a kind given its own colour, and the editor saying what is wrong', async ({
  page,
  studio,
  workDir,
}) => {
  await importInto(page, studio.url, makeClip(join(workDir, 'Night market.mp4'), 20), 'Night market');
  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });
  const kinds = ['sfx', 'dialogue', 'music', 'ambience', 'note'];
  const labels = ['door slam', 'Ann: hello', 'strings swell', 'crowd murmur', 'cut to wide'];
  const lines = Array.from({ length: 20 }, (_, i) => {
    const start = (0.4 + i * 0.93).toFixed(3);
    const ranged = i % 3 === 1 ? (0.4 + i * 0.93 + 1.6).toFixed(3) : '';
    return `${start},${ranged},${labels[i % 5] ?? ''} ${i + 1},${kinds[i % 5] ?? ''}`;
  });
  await timeline.getByLabel('Cue file').setInputFiles({
    name: 'market.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`start,end,label,kind\n${lines.join('\n')}\n`),
  });
  const rows = timeline.getByRole('list', { name: 'Cues' }).getByRole('listitem');
  await expect(timeline.getByRole('status').filter({ hasText: 'Imported' })).toHaveText('Imported 20 cues.');

  // Music in a colour of the creator's: the list and the waveform both draw it, and it stays.
  await timeline.getByRole('button', { name: 'Kind colours' }).click();
  await timeline.getByRole('group', { name: 'Kind colours' }).getByLabel('music colour').fill('#ff8800');
  const swatch = rows.filter({ hasText: 'strings swell 3' }).locator('.cue-row__swatch');
  await expect(swatch).toHaveCSS('background-color', 'rgb(255, 136, 0)');
  await page.screenshot({ path: 'test-results/cue-kind-colours.png' });
  await timeline.getByRole('button', { name: 'Done' }).click();
  const flagColours = (): Promise<string[]> =>
    page.evaluate(() => {
      const host = document.querySelector('.cue-timeline__wave > div');
      const flags = host?.shadowRoot?.querySelectorAll<HTMLElement>('.cue-flag') ?? [];
      return [...flags]
        .filter((f) => f.title.startsWith('strings swell'))
        .map((f) => f.style.getPropertyValue('--cue-color'));
    });
  await expect.poll(flagColours).toEqual(['#ff8800', '#ff8800', '#ff8800', '#ff8800']);
  await timeline.screenshot({ path: 'test-results/cue-timeline-20-cues.png' });

  await rows.filter({ hasText: 'door slam 6' }).click();
  const label = timeline.getByRole('textbox', { name: 'Cue label' });
  await label.fill('door slam\tthen the bell');
  await label.press('Enter');
  await expect(timeline.getByRole('alert')).toHaveText(
    'A cue label is one line: remove the tab. Longer text can go in the note.',
  );
  await timeline
    .getByRole('region', { name: 'Cue editor' })
    .screenshot({ path: 'test-results/cue-editor-problem.png' });
  await timeline.screenshot({ path: 'test-results/cue-timeline-editor.png' });

  await page.reload();
  const again = page.getByRole('region', { name: 'Cue timeline' });
  if (!(await again.isVisible()))
    await page.getByRole('list', { name: 'Clips' }).getByRole('listitem').filter({ hasText: 'Night market' }).click();
  await expect(
    again
      .getByRole('list', { name: 'Cues' })
      .getByRole('listitem')
      .filter({ hasText: 'strings swell 3' })
      .locator('.cue-row__swatch'),
  ).toHaveCSS('background-color', 'rgb(255, 136, 0)');
});

test('L at the clip’s end leaves the playhead there, where playing on would start again from 0', async ({
  page,
  studio,
  workDir,
}) => {
  await importInto(page, studio.url, makeClip(join(workDir, 'Last frame.mp4'), 3), 'Last frame');
  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });
  const playhead = timeline.getByRole('status', { name: 'Playhead' });
  const player = (): Promise<{ paused: boolean; ended: boolean; ms: number } | null> =>
    page.evaluate(() => {
      const video = document.querySelector<HTMLVideoElement>('video[aria-label="Player"]');
      return video ? { paused: video.paused, ended: video.ended, ms: Math.round(video.currentTime * 1000) } : null;
    });
  await playhead.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+ArrowLeft');
  // Played through to the end, as a creator shuttling with L gets there.
  await page.keyboard.press('l');
  await expect.poll(async () => (await player())?.ended, { timeout: 10_000 }).toBe(true);
  const end = await playhead.textContent();
  expect(end).toMatch(/^00:03\.\d{3}$/);
  // Every time the player passes through from here on, at the moment it does.
  await page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('video[aria-label="Player"]');
    const seen: number[] = [];
    (window as unknown as { seenMs: number[] }).seenMs = seen;
    for (const name of ['seeking', 'timeupdate', 'play'])
      video?.addEventListener(name, () => seen.push(Math.round(video.currentTime * 1000)));
  });
  await page.keyboard.press('l');
  // Long enough for a clip started again to have been seen near its start.
  await page.waitForTimeout(800);
  const seen = await page.evaluate(() => (window as unknown as { seenMs: number[] }).seenMs);
  expect(seen.filter((ms) => ms < 2900)).toEqual([]);
  expect(await playhead.textContent()).toBe(end);
  expect(await player()).toMatchObject({ paused: true });
  // J still shuttles back from there.
  await page.keyboard.press('j');
  await expect.poll(async () => (await playhead.textContent()) ?? '').not.toBe(end);
  await page.keyboard.press('k');
});

test('"." and → step to the same frame start, whichever was pressed before', async ({ page, studio, workDir }) => {
  await importInto(page, studio.url, makeClip(join(workDir, 'Steps.mp4'), 3), 'Steps');
  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });
  const playhead = timeline.getByRole('status', { name: 'Playhead' });
  await playhead.click();
  // At 24 fps frame 13 starts at 541.67 ms, shown (and stored by the arrow keys) as 542.
  for (let i = 0; i < 13; i++) await page.keyboard.press('ArrowRight');
  await expect(playhead).toHaveText('00:00.542');
  // Frame 14 starts at 583.33 ms, from either key: not 542 + 41.67 = 584.
  await page.keyboard.press('.');
  await expect(playhead).toHaveText('00:00.583');
  await page.keyboard.press('ArrowRight');
  await expect(playhead).toHaveText('00:00.625');
  await page.keyboard.press(',');
  await page.keyboard.press(',');
  await expect(playhead).toHaveText('00:00.542');
});
