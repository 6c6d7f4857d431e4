/**
 * The plain POSIX tar (ustar) a project bundle is written in, so any archive tool can list and
 * unpack one. Written as a stream (a file's bytes are never held whole) and read by offsets: the
 * index is read from the headers first, then each entry is streamed from its place in the file.
 */
import type { FileHandle } from 'node:fs/promises';

export const BLOCK = 512;

export interface TarEntrySource {
  name: string;
  size: number;
  /** The entry's bytes; must yield exactly `size` of them. */
  body: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

export interface TarEntry {
  name: string;
  size: number;
  /** Where the entry's bytes start in the file. */
  offset: number;
}

/** Thrown for an archive that is not a well-formed tar: the message says what is wrong. */
export class TarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarError';
  }
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

export function tarHeader(name: string, size: number, mtimeMs: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new TarError(`entry name too long for tar: ${name}`);
  if (!Number.isSafeInteger(size) || size < 0 || size >= 8 ** 11)
    throw new TarError(`entry too large for tar: ${name}`);
  const header = Buffer.alloc(BLOCK, 0);
  nameBytes.copy(header, 0);
  header.write(octal(0o644, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(Math.floor(mtimeMs / 1000), 12), 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write('0', 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  header.write(octal(checksum(header), 7) + ' ', 148, 'ascii');
  return header;
}

function checksum(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (header[i] ?? 0);
  return sum;
}

const padding = (size: number): number => (BLOCK - (size % BLOCK)) % BLOCK;

/** The archive as a stream of chunks: each entry's header, its bytes and padding, then the end blocks. */
export async function* tarStream(
  entries: AsyncIterable<TarEntrySource> | Iterable<TarEntrySource>,
  mtimeMs = Date.now(),
): AsyncGenerator<Uint8Array> {
  for await (const entry of entries) {
    yield tarHeader(entry.name, entry.size, mtimeMs);
    let written = 0;
    for await (const chunk of entry.body()) {
      written += chunk.length;
      if (written > entry.size) throw new TarError(`${entry.name} grew while it was written`);
      yield chunk;
    }
    if (written !== entry.size) throw new TarError(`${entry.name} changed size while it was written`);
    const pad = padding(entry.size);
    if (pad > 0) yield Buffer.alloc(pad, 0);
  }
  yield Buffer.alloc(BLOCK * 2, 0);
}

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

function readOctal(header: Buffer, start: number, length: number, what: string): number {
  const text = field(header, start, length).trim();
  if (!/^[0-7]+$/.test(text)) throw new TarError(`a header's ${what} is not a number`);
  return parseInt(text, 8);
}

/**
 * Every entry of the archive, from its headers: refuses a header whose checksum fails, an entry
 * that runs past the end of the file (a truncated download), and an archive without its end blocks.
 */
export async function readTarIndex(file: FileHandle, fileSize: number): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  const header = Buffer.alloc(BLOCK);
  let position = 0;
  // A file too small to hold one header is no archive at all (a note, an empty file), not a cut one.
  if (fileSize < BLOCK) throw new TarError('it is not a Shotline project bundle (the file is not an archive)');
  for (;;) {
    if (position + BLOCK > fileSize) throw new TarError('the file ends before the archive does (it was cut short)');
    const { bytesRead } = await file.read(header, 0, BLOCK, position);
    if (bytesRead !== BLOCK) throw new TarError('the file ends before the archive does (it was cut short)');
    if (header.every((byte) => byte === 0)) return entries;
    if (position === 0 && field(header, 257, 6) !== 'ustar')
      throw new TarError('it is not a Shotline project bundle (the file is not an archive)');
    if (readOctal(header, 148, 8, 'checksum') !== checksum(header))
      throw new TarError(`the header at byte ${position} is damaged (its checksum does not match)`);
    const type = String.fromCharCode(header[156] ?? 0);
    if (type !== '0' && type !== '\0')
      throw new TarError(`the archive holds something other than plain files (type ${JSON.stringify(type)})`);
    const name = field(header, 0, 100);
    const size = readOctal(header, 124, 12, 'size');
    const offset = position + BLOCK;
    if (offset + size > fileSize) {
      // Media entries are named by their hash, which says nothing to a creator.
      const what = name.startsWith('media/') ? 'a media file in it' : name;
      throw new TarError(`${what} is cut short: the file ends inside it (the copy or download did not finish)`);
    }
    entries.push({ name, size, offset });
    position = offset + size + padding(size);
  }
}
