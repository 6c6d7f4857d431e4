import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const CSS = readFileSync(join(import.meta.dirname, '../src/renderer/src/components/MiddleTitle.css'), 'utf8');

// As MiddleTitle renders them: no space between the parts, which a `white-space: pre` row would keep.
const PARTS =
  '<span class="middle-title__head">Über-long title: the harbour at</span>' +
  '<span class="middle-title__tail"> dusk, part 3 of 7</span>';

/** A cut title's start and end as drawn in a column `width` px wide, with the real stylesheet. */
async function drawn(page: Page, width: number) {
  await page.setContent(`<style>${CSS} body { font: 14px sans-serif; } .cell { display: flex; overflow: hidden; }</style>
    <div class="cell" style="width: ${width}px"><span class="middle-title">${PARTS}</span></div>`);
  return page.evaluate(() => {
    const part = (name: string) => {
      const el = document.querySelector<HTMLElement>(`.middle-title__${name}`);
      if (!el) throw new Error(name);
      return { shown: el.getBoundingClientRect().width, whole: el.scrollWidth, cut: el.scrollWidth > el.clientWidth };
    };
    const cell = document.querySelector<HTMLElement>('.cell')?.getBoundingClientRect();
    const title = document.querySelector<HTMLElement>('.middle-title')?.getBoundingClientRect();
    return { head: part('head'), tail: part('tail'), overflows: (title?.right ?? 0) > (cell?.right ?? 0) + 0.5 };
  });
}

test('a title cut in the middle keeps its start and its end whole while the end fits', async ({ page }) => {
  const d = await drawn(page, 170);
  expect(d.tail.cut).toBe(false);
  expect(d.head.cut).toBe(true);
  expect(d.head.shown).toBeGreaterThan(20);
  expect(d.overflows).toBe(false);
});

test('in a column too narrow for its end, the start keeps its first letters and the end is cut with an ellipsis', async ({
  page,
}) => {
  const d = await drawn(page, 90);
  expect(d.head.shown).toBeGreaterThan(20);
  expect(d.head.cut).toBe(true);
  expect(d.tail.cut).toBe(true);
  expect(d.overflows).toBe(false);
});
