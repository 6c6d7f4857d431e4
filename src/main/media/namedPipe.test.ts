import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { rejectionOf, tempDir, thrownBy } from '../../../test/support/fixtures';
import { NamedPipe } from './namedPipe';
import { runTool } from './tools';

/** A ring in shared memory, at an offset as a scanner's memory would hold it. */
function ringOf(extra = 0): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(NamedPipe.RING_BYTES + extra + 64), 64, NamedPipe.RING_BYTES + extra);
}

async function pipeOrSkip(): Promise<NamedPipe> {
  const pipe = await NamedPipe.create();
  if (pipe === null) throw new Error('this system has named pipes (mkfifo)');
  return pipe;
}

test('what a child process writes arrives whole and in order, the ring going round several times', async () => {
  const dir = await tempDir();
  // 9.5 MB: more than twice round the 4 MB ring, with a last block that is not full.
  const source = randomBytes(9_500_000);
  const file = join(dir, 'source.bin');
  await writeFile(file, source);
  const pipe = await pipeOrSkip();
  const got: Buffer[] = [];
  const ring = ringOf();
  const reading = pipe.read(ring, (block) => {
    expect(block.buffer).toBe(ring.buffer);
    got.push(Buffer.from(block));
  });
  await runTool('cp', [file, pipe.path]);
  await pipe.release();
  await reading;
  await pipe.remove();
  expect(Buffer.concat(got).equals(source)).toBe(true);
  // Blocks are a quarter of a megabyte each but for the last.
  expect(got.length).toBe(Math.ceil(9_500_000 / (1 << 18)));
  expect(got.slice(0, -1).every((block) => block.length === 1 << 18)).toBe(true);
  expect(existsSync(dirname(pipe.path))).toBe(false);
});

test('a writer that fails before opening the pipe leaves no reader waiting for it', async () => {
  const pipe = await pipeOrSkip();
  let blocks = 0;
  const reading = pipe.read(ringOf(), () => blocks++);
  // cp fails on a missing source before it opens its destination.
  expect(await rejectionOf(runTool('cp', ['/nonexistent/sound.wav', pipe.path]))).toBeInstanceOf(Error);
  await pipe.release();
  await reading;
  await pipe.remove();
  expect(blocks).toBe(0);
});

test('an error in the block handler is reported once the writer is done, and the writer is never held up', async () => {
  const dir = await tempDir();
  const file = join(dir, 'source.bin');
  await writeFile(file, randomBytes(6_000_000));
  const pipe = await pipeOrSkip();
  let calls = 0;
  const reading = pipe.read(ringOf(), () => {
    calls++;
    throw new Error('no room for these samples');
  });
  const failure = rejectionOf(reading);
  // The writer finishes: the reader keeps reading after the handler failed.
  await runTool('cp', [file, pipe.path]);
  await pipe.release();
  expect(String(await failure)).toContain('no room for these samples');
  expect(calls).toBe(1);
  await pipe.remove();
});

test('the ring must be shared memory of the size the reader uses', async () => {
  const pipe = await pipeOrSkip();
  expect(String(thrownBy(() => pipe.read(new Uint8Array(NamedPipe.RING_BYTES), () => undefined)))).toContain(
    'shared memory',
  );
  const small = new Uint8Array(new SharedArrayBuffer(1024));
  expect(thrownBy(() => pipe.read(small, () => undefined))).toBeInstanceOf(RangeError);
  await pipe.remove();
});
