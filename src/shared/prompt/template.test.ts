import { describe, expect, test } from 'vitest';
import {
  BuiltinTemplateFile,
  checkTemplate,
  fillTemplate,
  placeholders,
  readTemplateJson,
  TemplateDraft,
  usedVariables,
  variablesFor,
  writeTemplateJson,
  type TemplateVariable,
} from './template';

const vars = (...names: string[]): TemplateVariable[] =>
  names.map((name) => ({ name, default: `<${name}>`, description: '' }));

describe('placeholders', () => {
  test('finds each {{name}} with its offsets, allowing spaces inside the braces', () => {
    expect(placeholders('Scene: {{who}} meets {{ whom }}.')).toEqual([
      { name: 'who', valid: true, from: 7, to: 14 },
      { name: 'whom', valid: true, from: 21, to: 31 },
    ]);
  });

  test('marks what is not a name as invalid and ignores single braces', () => {
    expect(placeholders('{{two words}} {x} {{9lives}} {{ok_1}}').map((p) => [p.name, p.valid])).toEqual([
      ['two words', false],
      ['9lives', false],
      ['ok_1', true],
    ]);
  });

  test('does not span lines', () => {
    expect(placeholders('{{a\nb}}')).toEqual([]);
  });

  test('lists used variables once, in order of first use', () => {
    expect(usedVariables('{{b}} {{a}} {{b}} {{ a }}')).toEqual(['b', 'a']);
  });

  test('scans a hostile text in linear time', () => {
    const hostile = '{{'.repeat(200_000) + 'x';
    const started = performance.now();
    expect(placeholders(hostile)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('fillTemplate', () => {
  test('uses the given values, else the defaults', () => {
    expect(fillTemplate('Scene: {{who}} at {{ where }}.', vars('who', 'where'), { who: 'A fox' })).toBe(
      'Scene: A fox at <where>.',
    );
  });

  test('keeps a value on one line so it cannot start a new key', () => {
    expect(fillTemplate('Scene: {{who}}', vars('who'), { who: 'a fox\nCamera: wide ' })).toBe(
      'Scene: a fox Camera: wide',
    );
  });

  test('leaves undeclared and malformed placeholders as written', () => {
    expect(fillTemplate('{{known}} {{unknown}} {{bad name}}', vars('known'))).toBe('<known> {{unknown}} {{bad name}}');
  });

  test('fills an undeclared placeholder when a value is given', () => {
    expect(fillTemplate('{{extra}}', [], { extra: 'yes' })).toBe('yes');
  });

  test('takes an empty value as given, not as missing', () => {
    expect(fillTemplate('[{{a}}]', vars('a'), { a: '' })).toBe('[]');
  });

  test('does not read values from the prototype', () => {
    expect(fillTemplate('{{constructor}}', [])).toBe('{{constructor}}');
  });
});

describe('checkTemplate', () => {
  test('is quiet when every variable is declared and used', () => {
    expect(checkTemplate('{{a}} {{b}}', vars('a', 'b'))).toEqual([]);
  });

  test('names a variable used but not declared', () => {
    expect(checkTemplate('{{a}} {{mood}}', vars('a'))).toEqual([
      'the body uses {{mood}} but no variable "mood" is declared',
    ]);
  });

  test('names a variable declared but never used', () => {
    expect(checkTemplate('{{a}}', vars('a', 'spare'))).toEqual([
      'variable "spare" is declared but the body never uses {{spare}}',
    ]);
  });

  test('names a placeholder that is not a variable name', () => {
    expect(checkTemplate('{{time of day}}', [])[0]).toMatch(/^\{\{time of day\}\} is not a variable name/);
  });
});

describe('variablesFor', () => {
  test('keeps what is known and starts new variables empty', () => {
    expect(variablesFor('{{new}} {{old}}', [{ name: 'old', default: 'x', description: 'd' }])).toEqual([
      { name: 'new', default: '', description: '' },
      { name: 'old', default: 'x', description: 'd' },
    ]);
  });
});

describe('schemas', () => {
  test('refuses duplicate variable names', () => {
    const result = TemplateDraft.safeParse({ name: 'T', body: '{{a}}', variables: [...vars('a'), ...vars('a')] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('variable "a" is declared twice');
  });

  test('refuses a blank name and a blank body', () => {
    const result = TemplateDraft.safeParse({ name: '  ', body: ' \n', variables: [] });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'template name must not be empty',
      'template body must not be empty',
    ]);
  });

  test('reads a built-in file whose body is written as lines', () => {
    const file = BuiltinTemplateFile.parse({
      id: 'two-lines',
      name: 'Two lines',
      description: '',
      variables: vars('x'),
      body: ['Scene: {{x}}', 'Camera: wide'],
    });
    expect(file.body).toBe('Scene: {{x}}\nCamera: wide');
  });

  test('refuses unknown fields and a bad id in a built-in file', () => {
    const result = BuiltinTemplateFile.safeParse({
      id: 'Bad Id',
      name: 'x',
      body: 'Scene: y',
      variables: [],
      extra: 1,
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.') || i.code);
    expect(paths).toContain('id');
    expect(result.error?.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
  });
});

describe('template JSON', () => {
  const template = {
    name: 'Harbour',
    description: 'Boats at dawn',
    variables: [{ name: 'boat', default: 'a trawler', description: 'What sails out' }],
    body: 'Scene: {{boat}} leaves the harbour.\nCamera: wide',
  };

  test('round-trips through export and import', () => {
    const read = readTemplateJson(writeTemplateJson(template));
    expect(read).toEqual({ ok: true, template });
  });

  test('writes a versioned, readable file', () => {
    const json = writeTemplateJson(template);
    expect(JSON.parse(json)).toMatchObject({ shotline: 'template', version: 1, name: 'Harbour' });
    expect(json).toContain('\n  "name": "Harbour"');
  });

  test('says when the file is not JSON', () => {
    const read = readTemplateJson('{ name: ');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(/^The file is not valid JSON \(.+\)\.$/);
  });

  test('says when the JSON is not one object', () => {
    const read = readTemplateJson('[1, 2]');
    expect(read).toEqual({
      ok: false,
      error: 'A template file holds one JSON object with a name, a body and its variables; this one does not.',
    });
  });

  test('names each wrong field', () => {
    const read = readTemplateJson(JSON.stringify({ name: '', body: 'Scene: {{x}}', variables: [{ name: '1x' }] }));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error).toMatch(/^The template file is not valid: /);
    expect(read.error).toContain('name: template name must not be empty');
    expect(read.error).toContain('variables.0.name: must start with a letter');
    expect(read.error).toContain('variables.0.default: ');
  });

  test('refuses a body that uses an undeclared variable', () => {
    const read = readTemplateJson(JSON.stringify({ name: 'x', body: 'Scene: {{who}}' }));
    expect(read).toEqual({
      ok: false,
      error: 'The template file is not valid: body: the body uses {{who}} but no variable "who" is declared.',
    });
  });

  test('refuses a file from a newer Shotline and a file of another kind', () => {
    const newer = readTemplateJson(JSON.stringify({ ...template, version: 2 }));
    expect(newer.ok || newer.error).toContain('version: was written by a newer Shotline');
    const other = readTemplateJson(JSON.stringify({ ...template, shotline: 'project' }));
    expect(other.ok || other.error).toContain('shotline: must be "template"');
  });
});
