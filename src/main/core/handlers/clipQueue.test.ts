import { expect, test } from 'vitest';
import { clipQueue } from './clipQueue';
import type { BackgroundWork } from './context';

/** The studio's background work as it is: each run gets its own signal, aborted on close. */
function backgroundWork(): BackgroundWork & { close(): void } {
  const controllers = new Set<AbortController>();
  return {
    run(work) {
      const controller = new AbortController();
      controllers.add(controller);
      return work(controller.signal).finally(() => controllers.delete(controller));
    },
    close() {
      for (const controller of controllers) controller.abort();
    },
  };
}

interface Gate {
  open(): void;
  opened: Promise<void>;
}

function gate(): Gate {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** A maker whose clips finish only when the test opens their gate, recording what ran when. */
function maker(): {
  make: (clipId: number, signal: AbortSignal) => Promise<string>;
  gates: Map<number, Gate>;
  log: string[];
} {
  const gates = new Map<number, Gate>();
  const log: string[] = [];
  const make = async (clipId: number, signal: AbortSignal): Promise<string> => {
    log.push(`start ${clipId}`);
    const g = gates.get(clipId) ?? gate();
    gates.set(clipId, g);
    await Promise.race([
      g.opened,
      new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
    ]);
    gates.delete(clipId);
    log.push(`end ${clipId}`);
    return `made ${clipId}`;
  };
  return { make, gates, log };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

test('clips scheduled for later are made one after another, in order', async () => {
  const { make, gates, log } = maker();
  const queue = clipQueue(backgroundWork(), make);
  queue.later([1, 2, 3]);
  await settle();
  expect(log).toEqual(['start 1']);
  gates.get(1)?.open();
  await settle();
  expect(log).toEqual(['start 1', 'end 1', 'start 2']);
  gates.get(2)?.open();
  await settle();
  gates.get(3)?.open();
  await settle();
  expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
});

test('a clip asked for now starts at once, and the line does not make it again', async () => {
  const { make, gates, log } = maker();
  const queue = clipQueue(backgroundWork(), make);
  queue.later([1, 2, 3]);
  await settle();
  const three = queue.now(3);
  await settle();
  expect(log).toEqual(['start 1', 'start 3']);
  gates.get(3)?.open();
  await expect(three).resolves.toBe('made 3');
  gates.get(1)?.open();
  await settle();
  gates.get(2)?.open();
  await settle();
  await settle();
  expect(log.filter((line) => line === 'start 3')).toHaveLength(1);
  expect(log).toContain('end 2');
});

test('asking for a clip under way joins it instead of making it twice', async () => {
  const { make, gates, log } = maker();
  const queue = clipQueue(backgroundWork(), make);
  queue.later([7]);
  await settle();
  const asked = [queue.now(7), queue.now(7)];
  gates.get(7)?.open();
  await expect(Promise.all(asked)).resolves.toEqual(['made 7', 'made 7']);
  expect(log).toEqual(['start 7', 'end 7']);
  // Done, so a new ask makes it again (the maker decides whether a stored result is enough).
  const again = queue.now(7);
  await settle();
  expect(log).toEqual(['start 7', 'end 7', 'start 7']);
  gates.get(7)?.open();
  await expect(again).resolves.toBe('made 7');
});

test('when the studio closes, the line stops and later asks are canceled with a message', async () => {
  const { make, log } = maker();
  const background = backgroundWork();
  const queue = clipQueue(background, make);
  queue.later([1, 2]);
  await settle();
  background.close();
  await settle();
  await settle();
  expect(log).toEqual(['start 1']);
  queue.later([3]);
  await settle();
  expect(log).toEqual(['start 1']);
  await expect(queue.now(4)).rejects.toThrow('The studio is closing.');
});

test('a failed clip does not stop the line', async () => {
  const log: number[] = [];
  const queue = clipQueue(backgroundWork(), (clipId) => {
    log.push(clipId);
    return clipId === 1 ? Promise.reject(new Error('no sound')) : Promise.resolve(clipId);
  });
  queue.later([1, 2]);
  await settle();
  await settle();
  expect(log).toEqual([1, 2]);
  await expect(queue.now(1)).rejects.toThrow('no sound');
});
