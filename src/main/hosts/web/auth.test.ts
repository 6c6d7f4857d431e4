import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { base64url, hmacSha256, mediaSignature, sha256 } from '../../../shared/mediaSignature';
import { signMedia, validMediaSignature } from './auth';

describe('media signatures', () => {
  test('the page’s SHA-256 matches node:crypto at every padding boundary', () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + length) % 256);
      expect(Buffer.from(sha256(bytes)).toString('hex'), `length ${length}`).toBe(
        createHash('sha256').update(bytes).digest('hex'),
      );
    }
  });

  test('the page’s HMAC and base64url match node:crypto for any key and message', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 150 }), fc.uint8Array({ maxLength: 300 }), (key, message) => {
        const expected = createHmac('sha256', key).update(message).digest();
        expect(Buffer.from(hmacSha256(key, message)).equals(expected)).toBe(true);
        expect(base64url(message)).toBe(Buffer.from(message).toString('base64url'));
      }),
    );
  });

  test('a link signed in the page opens its own media id and no other', () => {
    const token = 'a-token-of-forty-three-characters-0123456789';
    const id = 'ab'.repeat(32);
    expect(mediaSignature(token, id)).toBe(signMedia(token, id));
    expect(validMediaSignature(token, id, mediaSignature(token, id))).toBe(true);
    expect(validMediaSignature(token, 'cd'.repeat(32), mediaSignature(token, id))).toBe(false);
    expect(validMediaSignature(`${token}x`, id, mediaSignature(token, id))).toBe(false);
    expect(validMediaSignature(token, id, null)).toBe(false);
    expect(mediaSignature(token, id)).not.toContain(token);
  });
});
