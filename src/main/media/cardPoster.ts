/**
 * A clip's poster at the size of a library card: CARD_POSTER_WIDTH wide (never wider than the
 * poster), JPEG. A grid scrolled over 100,000 clips decodes a picture per card it shows; at a
 * quarter of the poster's pixels the decoding fits between frames. Made in this process with
 * @napi-rs/canvas from the stored poster (a few milliseconds; ffmpeg's start alone costs more).
 */
import { readFile } from 'node:fs/promises';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { StudioError } from '../../shared/errors';
import { CARD_POSTER_WIDTH } from '../../shared/library/cardPoster';
import type { MediaStore, StoredObject } from '../storage/store';

export { CARD_POSTER_WIDTH } from '../../shared/library/cardPoster';

/** JPEG quality of a card poster: a card shows it at its own size, so artefacts stay small. */
const QUALITY = 82;

/** The card-sized JPEG of a poster image (JPEG or PNG bytes). */
export async function cardPosterOf(poster: Uint8Array): Promise<Buffer> {
  const image = await loadImage(poster);
  if (image.width === 0 || image.height === 0) throw new Error('the poster has no pixels');
  const width = Math.min(CARD_POSTER_WIDTH, image.width);
  const height = Math.max(1, Math.round((image.height * width) / image.width));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, 0, 0, width, height);
  return canvas.encode('jpeg', QUALITY);
}

/** Makes and stores the card poster of a stored poster. */
export async function storeCardPoster(store: MediaStore, posterId: string, signal?: AbortSignal): Promise<StoredObject> {
  const path = store.pathOf(posterId);
  if (path === null || !(await store.has(posterId)))
    throw new StudioError('not_found', `The poster ${posterId.slice(0, 12)} is missing from the library's store.`);
  let bytes: Buffer;
  try {
    bytes = await cardPosterOf(await readFile(path, signal ? { signal } : {}));
  } catch (error) {
    signal?.throwIfAborted();
    const reason = error instanceof Error ? error.message : String(error);
    throw new StudioError('unsupported_media', `The poster ${posterId.slice(0, 12)} could not be read as a picture: ${reason}`);
  }
  return store.putBuffer(bytes, signal ? { signal } : {});
}
