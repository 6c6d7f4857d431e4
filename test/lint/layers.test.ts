import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, test } from 'vitest';
import { layers } from '../../eslint.layers.js';
import { repoRoot } from '../support/fixtures';

/** Lints planted source text at a path with exactly the project's layer rules. */
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: repoRoot,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } }, ...layers],
  });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  const planted: [string, string, RegExp][] = [
    ['src/main/engine/planted.ts', "import { x } from '../providers/types';", /engine knows neither its providers/],
    ['src/main/engine/planted.ts', "import { calls } from '../../shared/contract';", /nor the contract/],
    [
      'src/main/engine/draw/planted.ts',
      "import type { Provider } from '../../providers/types';",
      /engine knows neither its providers/,
    ],
    ['src/main/engine/planted.ts', "import { z } from 'zod';", /start without a validation library/],
    ['src/shared/errors.ts', "import { z } from 'zod';", /imports nothing/],
    ['src/main/jobs/planted.ts', "import { createStudio } from '../core/studio';", /never import core, hosts or cli/],
    ['src/main/library/planted.ts', "import { main } from '../cli/index';", /never import core, hosts or cli/],
    ['src/main/storage/planted.ts', "import { serveMedia } from '../hosts/media';", /never import core, hosts or cli/],
    ['src/main/core/planted.ts', "import { app } from 'electron';", /Only src\/main\/hosts\/electron imports Electron/],
    ['src/shared/planted.ts', "import { readFile } from 'node:fs';", /src\/shared runs everywhere/],
    ['src/renderer/src/planted.ts', "import { createStudio } from '../../main/core/studio';", /renderer is sandboxed/],
  ];
  test.each(planted)('%s: %s is refused', async (path, code, message) => {
    const messages = await restrictedImports(path, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  test('imports that run the right way pass', async () => {
    expect(await restrictedImports('src/main/core/planted.ts', "import { Clips } from '../library/clips';")).toEqual(
      [],
    );
    expect(
      await restrictedImports('src/main/jobs/planted.ts', "import { ProviderError } from '../providers/errors';"),
    ).toEqual([]);
    expect(await restrictedImports('src/main/hosts/electron/planted.ts', "import { app } from 'electron';")).toEqual(
      [],
    );
    expect(
      await restrictedImports('src/main/cli/planted.ts', "import { electronBinary } from '../hosts/electron/runtime';"),
    ).toEqual([]);
    expect(
      await restrictedImports('src/main/engine/planted.ts', "import { isErrorCode } from '../../shared/errors';"),
    ).toEqual([]);
  });
});
