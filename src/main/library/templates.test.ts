import { readdirSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test, vi } from 'vitest';
import { lint } from '../../shared/prompt/index';
import { checkTemplate, fillTemplate, readTemplateJson, usedVariables } from '../../shared/prompt/template';
import { createStudio, type Studio } from '../core/studio';
import { expectStudioError, libraryDb, rejectionOf, tempDir } from '../../../test/support/fixtures';
import { builtinTemplatesDir, copyName, fileSlug, loadBuiltinTemplates } from './templates';
import { log } from '../log/logger';

async function open(options: { templatesDir?: string } = {}): Promise<{ studio: Studio; events: unknown[][] }> {
  const dir = await tempDir();
  const studio = await createStudio({ dataDir: join(dir, 'data'), ...options });
  onTestFinished(() => studio.close());
  const events: unknown[][] = [];
  studio.onEvent((name, payload) => events.push([name, payload]));
  return { studio, events };
}

const BODY = 'Scene: {{boat}} leaves the harbour at dawn.\nCamera: Wide shot from the pier.';
const VARIABLES = [{ name: 'boat', default: 'A trawler', description: 'What sails out' }];

function count(studio: Studio): number {
  return libraryDb(studio.dataDir).prepare<[], { n: number }>('SELECT count(*) AS n FROM templates').get()?.n ?? -1;
}

describe('built-in templates', () => {
  test('ship at least the five-line template and eight more, all loaded without problems', async () => {
    const files = (await readdir(builtinTemplatesDir)).filter((f) => f.endsWith('.json'));
    const { templates, problems } = await loadBuiltinTemplates();
    expect(problems).toEqual([]);
    expect(templates).toHaveLength(files.length);
    expect(templates.length).toBeGreaterThanOrEqual(9);
    expect(templates[0]?.id).toBe('builtin:cinematic-five-line');
    const names = templates.map((t) => t.name);
    for (const wanted of [
      'Cinematic five-line',
      'Dialogue scene',
      'Two-shot conversation',
      'Product reel',
      'Nature documentary',
      'Music-video beat cut',
      'Establishing drone shot',
      'Tutorial / explainer',
      'Horror sting',
    ]) {
      expect(names).toContain(wanted);
    }
  });

  test('the five-line template has Scene, Camera, Motion, Audio and Style lines', async () => {
    const { templates } = await loadBuiltinTemplates();
    const five = templates.find((t) => t.id === 'builtin:cinematic-five-line');
    expect(five?.body.split('\n').map((line) => line.split(':')[0])).toEqual([
      'Scene',
      'Camera',
      'Motion',
      'Audio',
      'Style',
    ]);
  });

  test.each(readdirSync(builtinTemplatesDir).filter((f) => f.endsWith('.json')))(
    '%s declares every variable it uses, and uses every one it declares',
    async (file) => {
      const raw = JSON.parse(await readFile(join(builtinTemplatesDir, file), 'utf8')) as {
        id: string;
        body: string[];
        variables: { name: string; description: string }[];
      };
      expect(`${raw.id}.json`).toBe(file);
      const body = raw.body.join('\n');
      expect(
        checkTemplate(
          body,
          raw.variables.map((v) => ({ ...v, default: '' })),
        ),
      ).toEqual([]);
      expect(usedVariables(body).sort()).toEqual(raw.variables.map((v) => v.name).sort());
      expect(usedVariables(body).length).toBeGreaterThan(0);
      for (const v of raw.variables) expect(v.description, `${v.name} needs a description`).not.toBe('');
    },
  );

  test('each filled with its defaults parses and lints without a finding', async () => {
    const { templates } = await loadBuiltinTemplates();
    for (const template of templates) {
      const text = fillTemplate(template.body, template.variables);
      expect(text, template.name).not.toMatch(/\{\{|\}\}/);
      const result = lint(text, { provider: 'local' });
      expect(
        result.diagnostics.map((d) => `${template.name}: ${d.code} at line ${d.range.line}: ${d.message}`),
      ).toEqual([]);
      expect(result.doc.shots.every((s) => s.scene !== '' && s.camera !== '')).toBe(true);
    }
  });

  test('a broken file is reported by name and left out; the rest still load', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'a-good.json'),
      JSON.stringify({ id: 'a-good', name: 'Good', body: 'Scene: x', variables: [] }),
    );
    await writeFile(join(dir, 'b-bad.json'), '{ not json');
    await writeFile(
      join(dir, 'c-unused.json'),
      JSON.stringify({ id: 'c-unused', name: 'Unused', body: 'Scene: x', variables: [{ name: 'y', default: '' }] }),
    );
    await writeFile(join(dir, 'notes.txt'), 'ignored');
    const { templates, problems } = await loadBuiltinTemplates(dir);
    expect(templates.map((t) => t.id)).toEqual(['builtin:a-good']);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^b-bad\.json: not valid JSON/);
    expect(problems[1]).toBe('c-unused.json: body: variable "y" is declared but the body never uses {{y}}');
  });

  test('a missing folder leaves the studio working with no built-ins', async () => {
    const dir = await tempDir();
    const logged = vi.spyOn(log, 'warn').mockImplementation(() => undefined);
    onTestFinished(() => logged.mockRestore());
    const { studio } = await open({ templatesDir: join(dir, 'nowhere') });
    expect(await studio.call('templates.list', {})).toEqual([]);
    expect(logged).toHaveBeenCalledWith(
      expect.stringMatching(/^built-in templates: The built-in templates folder .* cannot be read/),
    );
  });
});

describe('templates calls', () => {
  test('list gives built-ins, then globals, then the project’s own, and not other projects’', async () => {
    const { studio } = await open();
    const a = await studio.call('projects.create', { name: 'A' });
    const b = await studio.call('projects.create', { name: 'B' });
    await studio.call('templates.save', { name: 'Only B', body: 'Scene: b', projectId: b.id });
    await studio.call('templates.save', { name: 'Only A', body: 'Scene: a', projectId: a.id });
    await studio.call('templates.save', { name: 'everywhere', body: 'Scene: g', projectId: null });

    const forA = await studio.call('templates.list', { projectId: a.id });
    const user = forA.filter((t) => t.scope !== 'builtin');
    expect(user.map((t) => [t.name, t.scope, t.projectId])).toEqual([
      ['everywhere', 'global', null],
      ['Only A', 'project', a.id],
    ]);
    expect(forA.slice(0, forA.length - 2).every((t) => t.scope === 'builtin')).toBe(true);
    const global = await studio.call('templates.list', {});
    expect(global.filter((t) => t.scope !== 'builtin').map((t) => t.name)).toEqual(['everywhere']);
  });

  test('save stores the template with its variables and announces it', async () => {
    const { studio, events } = await open();
    const p = await studio.call('projects.create', { name: 'Harbour' });
    const saved = await studio.call('templates.save', {
      name: '  Dawn departure ',
      description: 'Boats leave',
      body: BODY,
      variables: VARIABLES,
      projectId: p.id,
    });
    expect(saved).toMatchObject({
      scope: 'project',
      projectId: p.id,
      name: 'Dawn departure',
      description: 'Boats leave',
      body: BODY,
      variables: VARIABLES,
    });
    expect(saved.id).toMatch(/^user:\d+$/);
    expect(saved.createdAt).toBeGreaterThan(0);
    expect(events).toContainEqual(['templates.changed', { projectId: p.id }]);
    expect(await studio.call('templates.list', { projectId: p.id })).toContainEqual(saved);
  });

  test('save refuses a body whose variables do not match, naming the variable, and stores nothing', async () => {
    const { studio } = await open();
    const error = await rejectionOf(
      studio.call('templates.save', {
        name: 'T',
        body: 'Scene: {{boat}} and {{crew}}',
        variables: VARIABLES,
        projectId: null,
      }),
    );
    expectStudioError(error, 'invalid_input', 'the body uses {{crew}} but no variable "crew" is declared');
    expect(count(studio)).toBe(0);
  });

  test('save names the field that is wrong', async () => {
    const { studio } = await open();
    expectStudioError(
      await rejectionOf(studio.call('templates.save', { name: '', body: 'Scene: x', projectId: null })),
      'invalid_input',
      'templates.save: name: template name must not be empty',
    );
    expectStudioError(
      await rejectionOf(studio.call('templates.save', { name: 'x', body: 'Scene: x', projectId: 999 })),
      'not_found',
      'Project 999 does not exist',
    );
  });

  test('rename changes the name and keeps the rest', async () => {
    const { studio } = await open();
    const saved = await studio.call('templates.save', {
      name: 'Old',
      body: BODY,
      variables: VARIABLES,
      projectId: null,
    });
    const renamed = await studio.call('templates.rename', { id: saved.id, name: 'New' });
    expect(renamed).toMatchObject({ id: saved.id, name: 'New', body: BODY, variables: VARIABLES });
  });

  test('duplicate copies user and built-in templates into a user template', async () => {
    const { studio } = await open();
    const p = await studio.call('projects.create', { name: 'P' });
    const saved = await studio.call('templates.save', {
      name: 'Mine',
      body: BODY,
      variables: VARIABLES,
      projectId: p.id,
    });
    const copy = await studio.call('templates.duplicate', { id: saved.id });
    expect(copy).toMatchObject({
      name: 'Mine copy',
      scope: 'project',
      projectId: p.id,
      body: BODY,
      variables: VARIABLES,
    });
    expect(copy.id).not.toBe(saved.id);
    const again = await studio.call('templates.duplicate', { id: copy.id });
    expect(again.name).toBe('Mine copy 2');

    const builtinCopy = await studio.call('templates.duplicate', {
      id: 'builtin:horror-sting',
      name: 'My sting',
      projectId: null,
    });
    expect(builtinCopy).toMatchObject({ name: 'My sting', scope: 'global', projectId: null });
    const builtin = (await studio.call('templates.list', {})).find((t) => t.id === 'builtin:horror-sting');
    expect(builtinCopy.body).toBe(builtin?.body);
    expect(builtinCopy.variables).toEqual(builtin?.variables);
  });

  test('delete removes a user template; a built-in cannot be deleted or renamed', async () => {
    const { studio, events } = await open();
    const saved = await studio.call('templates.save', {
      name: 'Gone soon',
      body: BODY,
      variables: VARIABLES,
      projectId: null,
    });
    expect(await studio.call('templates.delete', { id: saved.id })).toEqual({ ok: true });
    expect(count(studio)).toBe(0);
    expect(events.filter(([name]) => name === 'templates.changed')).toHaveLength(2);
    expectStudioError(
      await rejectionOf(studio.call('templates.delete', { id: saved.id })),
      'not_found',
      `Template ${saved.id} does not exist`,
    );
    expectStudioError(
      await rejectionOf(studio.call('templates.delete', { id: 'builtin:cinematic-five-line' })),
      'conflict',
      '“Cinematic five-line” is a built-in template and cannot be deleted; duplicate it to make a copy of your own.',
    );
    expectStudioError(
      await rejectionOf(studio.call('templates.rename', { id: 'builtin:cinematic-five-line', name: 'x' })),
      'conflict',
      'cannot be renamed',
    );
    expectStudioError(
      await rejectionOf(studio.call('templates.delete', { id: 'builtin:nope' })),
      'not_found',
      'Template builtin:nope does not exist',
    );
  });

  test('a malformed id is refused before anything runs', async () => {
    const { studio } = await open();
    expectStudioError(
      await rejectionOf(studio.call('templates.delete', { id: '12' })),
      'invalid_input',
      'templates.delete: id: must be a template id like builtin:cinematic-five-line or user:12',
    );
  });

  test('export then import makes an equal template, in the chosen scope', async () => {
    const { studio } = await open();
    const p = await studio.call('projects.create', { name: 'P' });
    const saved = await studio.call('templates.save', {
      name: 'Dawn departure',
      description: 'Boats leave',
      body: BODY,
      variables: VARIABLES,
      projectId: null,
    });
    const exported = await studio.call('templates.export', { id: saved.id });
    expect(exported.fileName).toBe('dawn-departure.shotline-template.json');
    expect(readTemplateJson(exported.json)).toEqual({
      ok: true,
      template: { name: 'Dawn departure', description: 'Boats leave', body: BODY, variables: VARIABLES },
    });
    const imported = await studio.call('templates.import', { json: exported.json, projectId: p.id });
    expect(imported).toMatchObject({
      scope: 'project',
      projectId: p.id,
      name: 'Dawn departure',
      description: 'Boats leave',
      body: BODY,
      variables: VARIABLES,
    });
    expect(imported.id).not.toBe(saved.id);
  });

  test('a built-in exports like any other template', async () => {
    const { studio } = await open();
    const { json } = await studio.call('templates.export', { id: 'builtin:product-reel' });
    const read = readTemplateJson(json);
    expect(read.ok && read.template.name).toBe('Product reel');
  });

  test.each([
    ['not JSON', '{"name": "x",', /^The file is not valid JSON \(/],
    ['an array', '[]', /^A template file holds one JSON object/],
    ['a missing body', '{"name": "x"}', /^The template file is not valid: body: /],
    [
      'an undeclared variable',
      '{"name": "x", "body": "Scene: {{who}}"}',
      'The template file is not valid: body: the body uses {{who}} but no variable "who" is declared.',
    ],
    [
      'a bad variable',
      '{"name": "x", "body": "Scene: y", "variables": [{"name": "a b", "default": ""}]}',
      'variables.0.name',
    ],
  ])('import refuses %s with a clear message and stores nothing', async (_what, json, message) => {
    const { studio, events } = await open();
    const error = await rejectionOf(studio.call('templates.import', { json }));
    expectStudioError(error, 'invalid_input', message);
    expect(count(studio)).toBe(0);
    expect(events).toEqual([]);
  });

  test('deleting a project deletes its templates', async () => {
    const { studio } = await open();
    const p = await studio.call('projects.create', { name: 'P' });
    await studio.call('templates.save', { name: 'Mine', body: 'Scene: x', projectId: p.id });
    await studio.call('templates.save', { name: 'Shared', body: 'Scene: x', projectId: null });
    await studio.call('projects.delete', { id: p.id });
    expect((await studio.call('templates.list', {})).filter((t) => t.scope !== 'builtin').map((t) => t.name)).toEqual([
      'Shared',
    ]);
  });

  test('user templates survive a restart', async () => {
    const dir = await tempDir();
    const dataDir = join(dir, 'data');
    const first = await createStudio({ dataDir });
    const saved = await first.call('templates.save', {
      name: 'Kept',
      body: BODY,
      variables: VARIABLES,
      projectId: null,
    });
    await first.close();
    const second = await createStudio({ dataDir });
    onTestFinished(() => second.close());
    expect(await second.call('templates.list', {})).toContainEqual(saved);
  });
});

describe('names', () => {
  test.each([
    ['Teaser', 'Teaser copy'],
    ['Teaser copy', 'Teaser copy 2'],
    ['Teaser copy 9', 'Teaser copy 10'],
    ['x'.repeat(120), 'x'.repeat(120)],
  ])('copyName(%s) is %s', (name, expected) => expect(copyName(name)).toBe(expected));

  test.each([
    ['Dawn departure', 'dawn-departure'],
    ['Café — noir!', 'cafe-noir'],
    ['???', 'template'],
  ])('fileSlug(%s) is %s', (name, expected) => expect(fileSlug(name)).toBe(expected));
});
