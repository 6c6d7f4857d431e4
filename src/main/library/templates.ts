/**
 * Prompt templates: the built-ins shipped under resources/templates/ (read once, validated,
 * never written) and the creator's own in the `templates` table, global (project_id NULL) or
 * for one project.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { StudioError } from '../../shared/errors';
import { describeIssues } from '../../shared/issues';
import {
  BuiltinTemplateFile,
  readTemplateJson,
  TemplateDraft,
  writeTemplateJson,
  type Template,
  type TemplateVariable,
} from '../../shared/prompt/template';
import { appRoot } from '../appPaths';

/** Where the built-in templates ship. */
export const builtinTemplatesDir = join(appRoot, 'resources', 'templates');

export interface BuiltinLoad {
  templates: Template[];
  /** One sentence per file that could not be read; those files are left out. */
  problems: string[];
}

/**
 * Reads every `*.json` in the folder, in file-name order, except that the cinematic
 * five-line template leads, since it is where most prompts start.
 */
export async function loadBuiltinTemplates(dir: string = builtinTemplatesDir): Promise<BuiltinLoad> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { templates: [], problems: [`The built-in templates folder ${dir} cannot be read: ${detail}`] };
  }
  const templates: Template[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(join(dir, name), 'utf8'));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      problems.push(`${name}: not valid JSON (${detail})`);
      continue;
    }
    const parsed = BuiltinTemplateFile.safeParse(raw);
    if (!parsed.success) {
      problems.push(`${name}: ${describeIssues(parsed.error)}`);
      continue;
    }
    const file = parsed.data;
    if (seen.has(file.id)) {
      problems.push(`${name}: the id "${file.id}" is already used by another built-in template`);
      continue;
    }
    seen.add(file.id);
    templates.push({
      id: `builtin:${file.id}`,
      scope: 'builtin',
      projectId: null,
      name: file.name,
      description: file.description,
      body: file.body,
      variables: file.variables,
      createdAt: 0,
      updatedAt: 0,
    });
  }
  const lead = templates.findIndex((t) => t.id === 'builtin:cinematic-five-line');
  if (lead > 0) templates.unshift(...templates.splice(lead, 1));
  return { templates, problems };
}

interface TemplateRow {
  id: number;
  project_id: number | null;
  name: string;
  description: string;
  body: string;
  variables_json: string;
  created_at: number;
  updated_at: number;
}

const SELECT = `SELECT id, project_id, name, description, body, variables_json, created_at, updated_at FROM templates`;

function toTemplate(row: TemplateRow): Template {
  let variables: TemplateVariable[] = [];
  try {
    variables = JSON.parse(row.variables_json) as TemplateVariable[];
  } catch {
    // Written by this module, so always JSON; an edited database should not make the list fail.
    variables = [];
  }
  return {
    id: `user:${row.id}`,
    scope: row.project_id === null ? 'global' : 'project',
    projectId: row.project_id,
    name: row.name,
    description: row.description,
    body: row.body,
    variables,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function rowIdOf(id: string): number | null {
  return id.startsWith('user:') ? Number(id.slice('user:'.length)) : null;
}

export interface TemplateInput {
  name: string;
  description: string;
  body: string;
  variables: TemplateVariable[];
  projectId: number | null;
}

export class Templates {
  private readonly builtins: ReadonlyMap<string, Template>;

  constructor(
    private readonly db: Database,
    builtins: readonly Template[],
  ) {
    this.builtins = new Map(builtins.map((t) => [t.id, t]));
  }

  /** Built-ins first, then templates for every project, then the given project's; each by name. */
  list(projectId: number | null): Template[] {
    const rows = this.db
      .prepare<[number | null], TemplateRow>(
        `${SELECT} WHERE project_id IS NULL OR project_id = ?
         ORDER BY project_id IS NOT NULL, name COLLATE NOCASE, id`,
      )
      .all(projectId);
    return [...this.builtins.values(), ...rows.map(toTemplate)];
  }

  get(id: string): Template {
    const builtin = this.builtins.get(id);
    if (builtin) return builtin;
    const rowId = rowIdOf(id);
    const row =
      rowId === null ? undefined : this.db.prepare<[number], TemplateRow>(`${SELECT} WHERE id = ?`).get(rowId);
    if (!row) throw new StudioError('not_found', `Template ${id} does not exist; it may have been deleted.`);
    return toTemplate(row);
  }

  save(input: TemplateInput, now = Date.now()): Template {
    const draft = this.check(input);
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO templates (project_id, name, description, body, variables_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.projectId, draft.name, draft.description, draft.body, JSON.stringify(draft.variables), now, now);
    return this.get(`user:${Number(lastInsertRowid)}`);
  }

  rename(id: string, name: string): Template {
    const rowId = this.ownRowId(id, 'renamed');
    this.db.prepare('UPDATE templates SET name = ?, updated_at = ? WHERE id = ?').run(name, Date.now(), rowId);
    return this.get(id);
  }

  /** A user copy of any template, built-ins included; in the source's scope unless told otherwise. */
  duplicate(id: string, options: { name?: string | undefined; projectId?: number | null | undefined } = {}): Template {
    const source = this.get(id);
    const projectId = options.projectId !== undefined ? options.projectId : source.projectId;
    return this.save({
      name: options.name ?? copyName(source.name),
      description: source.description,
      body: source.body,
      variables: source.variables,
      projectId,
    });
  }

  delete(id: string): Template {
    const template = this.get(id);
    const rowId = this.ownRowId(id, 'deleted');
    this.db.prepare('DELETE FROM templates WHERE id = ?').run(rowId);
    return template;
  }

  /** Reads an exported template and stores it; nothing is stored when the JSON is refused. */
  import(json: string, projectId: number | null): Template {
    const read = readTemplateJson(json);
    if (!read.ok) throw new StudioError('invalid_input', read.error);
    return this.save({ ...read.template, projectId });
  }

  export(id: string): { json: string; fileName: string } {
    const template = this.get(id);
    return { json: writeTemplateJson(template), fileName: `${fileSlug(template.name)}.shotline-template.json` };
  }

  private check(input: TemplateInput): TemplateDraft {
    const parsed = TemplateDraft.safeParse(input);
    if (!parsed.success)
      throw new StudioError('invalid_input', `The template is not valid: ${describeIssues(parsed.error)}.`);
    return parsed.data;
  }

  private ownRowId(id: string, verb: string): number {
    const template = this.get(id);
    const rowId = rowIdOf(template.id);
    if (template.scope === 'builtin' || rowId === null) {
      throw new StudioError(
        'conflict',
        `“${template.name}” is a built-in template and cannot be ${verb}; duplicate it to make a copy of your own.`,
      );
    }
    return rowId;
  }
}

/** "Teaser" → "Teaser copy", "Teaser copy" → "Teaser copy 2". */
export function copyName(name: string): string {
  const m = /^(.*) copy(?: (\d+))?$/.exec(name);
  const next = m ? `${m[1] ?? ''} copy ${Number(m[2] ?? '1') + 1}` : `${name} copy`;
  return next.length > 120 ? next.slice(0, 120).trimEnd() : next;
}

/** A file name from a template name: lowercase words joined by hyphens. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'template' : slug;
}
