import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy } from './csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split('; ').map((part) => {
      const [name = '', ...values] = part.split(' ');
      return [name, values];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  test('allows only the page’s own scripts, and no plugins, base changes or form posts, for both hosts', () => {
    for (const mediaScheme of [true, false]) {
      for (const delivery of ['header', 'meta'] as const) {
        const policy = directives(contentSecurityPolicy({ mediaScheme, delivery }));
        expect(policy.get('default-src')).toEqual(["'self'"]);
        expect(policy.get('script-src')).toEqual(["'self'"]);
        expect(policy.get('connect-src')).toEqual(["'self'"]);
        expect(policy.get('object-src')).toEqual(["'none'"]);
        expect(policy.get('base-uri')).toEqual(["'none'"]);
        expect(policy.get('form-action')).toEqual(["'none'"]);
        expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
        expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
      }
    }
  });

  test('lets the desktop app play shotline-media:// and keeps the browser studio to its own origin', () => {
    const desktop = directives(contentSecurityPolicy({ mediaScheme: true, delivery: 'header' }));
    expect(desktop.get('media-src')).toEqual(["'self'", 'blob:', 'shotline-media:']);
    expect(desktop.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'shotline-media:']);
    const web = directives(contentSecurityPolicy({ mediaScheme: false, delivery: 'header' }));
    expect(web.get('media-src')).toEqual(["'self'", 'blob:']);
    expect([...web.values()].flat()).not.toContain('shotline-media:');
  });

  test('forbids framing in a header and leaves frame-ancestors out of a meta tag, where browsers ignore it', () => {
    expect(
      directives(contentSecurityPolicy({ mediaScheme: false, delivery: 'header' })).get('frame-ancestors'),
    ).toEqual(["'none'"]);
    expect(directives(contentSecurityPolicy({ mediaScheme: true, delivery: 'meta' })).has('frame-ancestors')).toBe(
      false,
    );
  });

  test('is the policy both hosts use: no other policy string is written in their code', async () => {
    for (const file of ['web/server.ts', 'electron/trust.ts', 'electron/main.ts', 'electron/ipc.ts']) {
      const source = await readFile(join(import.meta.dirname, file), 'utf8');
      expect(source, file).not.toMatch(/default-src|script-src/);
      if (file !== 'electron/main.ts' && file !== 'electron/ipc.ts')
        expect(source, file).toContain('contentSecurityPolicy(');
    }
  });
});
