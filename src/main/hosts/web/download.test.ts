import { expect, test } from 'vitest';
import { attachmentDisposition } from './download';

test('a download keeps its exact name in filename* and a safe ASCII one beside it', () => {
  expect(attachmentDisposition('Café "noir" 2026-12-03 2014.mp4')).toBe(
    `attachment; filename="Cafe noir 2026-12-03 2014.mp4"; filename*=UTF-8''Caf%C3%A9%20%22noir%22%202026-12-03%202014.mp4`,
  );
  expect(attachmentDisposition('港.mp4')).toBe(`attachment; filename=".mp4"; filename*=UTF-8''%E6%B8%AF.mp4`);
  expect(attachmentDisposition('a\r\nSet-Cookie: x.mp4')).not.toMatch(/[\r\n]/);
});
