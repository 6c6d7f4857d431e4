/**
 * Prompt templates: a prompt with `{{variables}}`, each with a default and a description that
 * the creator fills in a form before use. The schemas here check built-in template files, user
 * templates and the JSON a creator imports or exports; the functions fill and check placeholders.
 * Everything is pure, so the studio core and the renderer agree on what a template means.
 */
import { z } from 'zod';
import { RowId } from '../domain';
import { MAX_PROMPT_CHARS } from './parse';

/** A `{{placeholder}}` between double braces; bounded so a hostile text scans in linear time. */
const PLACEHOLDER = /\{\{([^{}\n]{0,80})\}\}/g;
const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const BUILTIN_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const MAX_TEMPLATE_VARIABLES = 40;
/** The version of the template JSON format that export writes and import reads. */
export const TEMPLATE_FORMAT_VERSION = 1;

export const VariableName = z
  .string()
  .regex(VARIABLE_NAME, 'must start with a letter and hold only letters, digits and underscores, at most 40');

const OneLine = z.string().refine((s) => !/[\r\n]/.test(s), 'must be one line');

export const TemplateVariable = z.strictObject({
  name: VariableName,
  default: OneLine.max(500, 'a default must be at most 500 characters'),
  description: OneLine.max(300, 'a description must be at most 300 characters').default(''),
});
export type TemplateVariable = z.infer<typeof TemplateVariable>;

export const TemplateName = z
  .string()
  .trim()
  .min(1, 'template name must not be empty')
  .max(120, 'template name must be at most 120 characters');

export const TemplateDescription = z
  .string()
  .trim()
  .max(500, 'template description must be at most 500 characters')
  .default('');

export const TemplateBody = z
  .string()
  .max(MAX_PROMPT_CHARS, `template body must be at most ${MAX_PROMPT_CHARS} characters`)
  .refine((s) => s.trim() !== '', 'template body must not be empty');

export const TemplateVariables = z
  .array(TemplateVariable)
  .max(MAX_TEMPLATE_VARIABLES, `a template holds at most ${MAX_TEMPLATE_VARIABLES} variables`)
  .superRefine((variables, ctx) => {
    const seen = new Set<string>();
    variables.forEach((v, i) => {
      if (seen.has(v.name))
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `variable "${v.name}" is declared twice` });
      seen.add(v.name);
    });
  });

/** What a creator saves or imports: a template before it has an id. */
export const TemplateDraft = z
  .object({
    name: TemplateName,
    description: TemplateDescription,
    body: TemplateBody,
    variables: TemplateVariables,
  })
  .superRefine((draft, ctx) => {
    for (const message of checkTemplate(draft.body, draft.variables))
      ctx.addIssue({ code: 'custom', path: ['body'], message });
  });
export type TemplateDraft = z.infer<typeof TemplateDraft>;

/** "builtin:cinematic-five-line" for templates shipped with Shotline, "user:12" for the creator's own. */
export const TemplateId = z
  .string()
  .regex(
    /^(?:builtin:[a-z0-9-]{1,60}|user:[1-9]\d{0,15})$/,
    'must be a template id like builtin:cinematic-five-line or user:12',
  );
export type TemplateId = z.infer<typeof TemplateId>;

/** Built-in templates ship with Shotline; global ones are for every project; project ones for one. */
export const TemplateScope = z.enum(['builtin', 'global', 'project']);
export type TemplateScope = z.infer<typeof TemplateScope>;

export const Template = z.object({
  id: TemplateId,
  scope: TemplateScope,
  projectId: RowId.nullable(),
  name: z.string(),
  description: z.string(),
  body: z.string(),
  variables: z.array(TemplateVariable),
  /** Milliseconds since the epoch; 0 for built-ins. */
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type Template = z.infer<typeof Template>;

/** A body written as one string, or as lines (easier to read and review in a JSON file). */
const BodyInput = z.union([z.string(), z.array(z.string())]).transform((b) => (Array.isArray(b) ? b.join('\n') : b));

/** One file under resources/templates/. */
export const BuiltinTemplateFile = z
  .object({
    id: z.string().regex(BUILTIN_SLUG, 'must be lowercase words joined by hyphens, like cinematic-five-line'),
    name: TemplateName,
    description: TemplateDescription,
    variables: TemplateVariables,
    body: BodyInput.pipe(TemplateBody),
  })
  .strict()
  .superRefine((file, ctx) => {
    for (const message of checkTemplate(file.body, file.variables))
      ctx.addIssue({ code: 'custom', path: ['body'], message });
  });
export type BuiltinTemplateFile = z.infer<typeof BuiltinTemplateFile>;

/** The JSON a template is exported as, and what import reads. */
const TemplateExchange = z
  .object({
    shotline: z.literal('template', { error: 'must be "template"' }).optional(),
    version: z
      .number({ error: 'must be a number' })
      .int()
      .min(1)
      .max(TEMPLATE_FORMAT_VERSION, {
        error: `was written by a newer Shotline (this one reads version ${TEMPLATE_FORMAT_VERSION})`,
      })
      .optional(),
    name: TemplateName,
    description: TemplateDescription,
    variables: TemplateVariables.default([]),
    body: BodyInput.pipe(TemplateBody),
  })
  .superRefine((file, ctx) => {
    for (const message of checkTemplate(file.body, file.variables))
      ctx.addIssue({ code: 'custom', path: ['body'], message });
  });

export interface Placeholder {
  /** What sits between the braces, trimmed. */
  name: string;
  /** Whether that is a usable variable name. */
  valid: boolean;
  from: number;
  to: number;
}

/** Every `{{…}}` in the body, in text order. */
export function placeholders(body: string): Placeholder[] {
  const out: Placeholder[] = [];
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(body); m; m = PLACEHOLDER.exec(body)) {
    const name = (m[1] ?? '').trim();
    out.push({ name, valid: VARIABLE_NAME.test(name), from: m.index, to: m.index + m[0].length });
  }
  return out;
}

/** The variable names a body uses, each once, in order of first use. */
export function usedVariables(body: string): string[] {
  return [
    ...new Set(
      placeholders(body)
        .filter((p) => p.valid)
        .map((p) => p.name),
    ),
  ];
}

/**
 * What is wrong between a body and its declared variables, one sentence each: a placeholder
 * that is not a name, a variable used but not declared, a variable declared but never used.
 */
export function checkTemplate(body: string, variables: readonly TemplateVariable[]): string[] {
  const problems: string[] = [];
  const found = placeholders(body);
  for (const bad of new Set(found.filter((p) => !p.valid).map((p) => p.name))) {
    problems.push(
      `{{${bad}}} is not a variable name; use letters, digits and underscores starting with a letter, like {{time_of_day}}`,
    );
  }
  const declared = new Set(variables.map((v) => v.name));
  const used = usedVariables(body);
  for (const name of used) {
    if (!declared.has(name)) problems.push(`the body uses {{${name}}} but no variable "${name}" is declared`);
  }
  const usedSet = new Set(used);
  for (const v of variables) {
    if (!usedSet.has(v.name)) problems.push(`variable "${v.name}" is declared but the body never uses {{${v.name}}}`);
  }
  return problems;
}

/** Values go into a prompt line, where a line break would start a new key: keep them on one line. */
function asLineValue(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * The body with each `{{name}}` replaced by the creator's value, else the variable's default.
 * A placeholder that is neither filled nor declared stays as written, so it is easy to spot.
 */
export function fillTemplate(
  body: string,
  variables: readonly TemplateVariable[],
  values: Readonly<Record<string, string>> = {},
): string {
  const defaults = new Map(variables.map((v) => [v.name, v.default]));
  let out = '';
  let at = 0;
  for (const p of placeholders(body)) {
    const value = p.valid ? (Object.hasOwn(values, p.name) ? values[p.name] : defaults.get(p.name)) : undefined;
    if (value === undefined) continue;
    out += body.slice(at, p.from) + asLineValue(value);
    at = p.to;
  }
  return out + body.slice(at);
}

/**
 * The variables a body needs, in order of first use, keeping what is already known about
 * each (default and description) and starting new ones empty.
 */
export function variablesFor(body: string, known: readonly TemplateVariable[] = []): TemplateVariable[] {
  const byName = new Map(known.map((v) => [v.name, v]));
  return usedVariables(body).map((name) => byName.get(name) ?? { name, default: '', description: '' });
}

function describeProblems(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export type TemplateJsonRead = { ok: true; template: TemplateDraft } | { ok: false; error: string };

/** Reads an exported template. Every refusal names what is wrong and where. */
export function readTemplateJson(json: string): TemplateJsonRead {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `The file is not valid JSON (${detail}).` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      error: 'A template file holds one JSON object with a name, a body and its variables; this one does not.',
    };
  }
  const parsed = TemplateExchange.safeParse(raw);
  if (!parsed.success)
    return { ok: false, error: `The template file is not valid: ${describeProblems(parsed.error)}.` };
  const { name, description, variables, body } = parsed.data;
  return { ok: true, template: { name, description, variables, body } };
}

/** The JSON a template is exported as: readable, versioned, and read back by readTemplateJson. */
export function writeTemplateJson(template: Pick<Template, 'name' | 'description' | 'variables' | 'body'>): string {
  return `${JSON.stringify(
    {
      shotline: 'template',
      version: TEMPLATE_FORMAT_VERSION,
      name: template.name,
      description: template.description,
      variables: template.variables,
      body: template.body,
    },
    null,
    2,
  )}\n`;
}
