/**
 * CSV (RFC 4180): a header row, then one row per cue: start and end in seconds (end empty for
 * a point cue), label, kind, note, colour. Fields with commas, quotes or line breaks are quoted.
 */
import { readSeconds, seconds } from './clock';
import { excerpt } from './fileText';
import { CUE_KINDS, CueFileError, readEach, type CueFileFormat, type ReadCue } from './types';

export const CSV_HEADER = ['start', 'end', 'label', 'kind', 'note', 'color'] as const;

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is
 * written with a leading apostrophe, which spreadsheets show as text; reading removes it again.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unguardFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function field(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows of fields with the line each row starts on; quoted fields may span lines. */
export function readCsvRows(text: string): { fields: string[]; line: number }[] {
  const rows: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let value = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = (): void => {
    fields.push(value);
    if (fields.length > 1 || fields[0] !== '') rows.push({ fields, line: rowLine });
    fields = [];
    value = '';
  };
  while (i < text.length) {
    const c = text[i] ?? '';
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === '\n') line += 1;
        value += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && value === '') quoted = true;
    else if (c === ',') {
      fields.push(value);
      value = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else value += c;
    i += 1;
  }
  if (quoted) throw new CueFileError(rowLine, 'a quoted field is never closed');
  if (value !== '' || fields.length > 0) endRow();
  return rows;
}

export const csvCues: CueFileFormat = {
  id: 'csv',
  label: 'CSV',
  article: 'a',
  extension: 'csv',
  mimeType: 'text/csv',
  write(cues) {
    const rows = cues.map((cue) =>
      [
        seconds(cue.startMs, 3),
        cue.endMs === null ? '' : seconds(cue.endMs, 3),
        guardFormula(cue.label),
        cue.kind,
        guardFormula(cue.note),
        cue.color ?? '',
      ]
        .map(field)
        .join(','),
    );
    return `${[CSV_HEADER.join(','), ...rows].join('\r\n')}\r\n`;
  },
  read(text) {
    const [header, ...rows] = readCsvRows(text.replace(/^\uFEFF/, ''));
    const names = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
    const at = (name: (typeof CSV_HEADER)[number]): number => names.indexOf(name);
    if (at('start') < 0 || at('label') < 0) {
      throw new CueFileError(
        header?.line ?? 1,
        `the first row must name the columns, at least "start" and "label" (${CSV_HEADER.join(',')})`,
      );
    }
    return readEach(rows, ({ fields, line }): ReadCue => {
      const get = (name: (typeof CSV_HEADER)[number]): string => (at(name) < 0 ? '' : (fields[at(name)] ?? ''));
      const startMs = readSeconds(get('start'));
      if (startMs === null) throw new CueFileError(line, `"${excerpt(get('start'))}" is not a start time in seconds`);
      const endText = get('end').trim();
      const endMs = endText === '' ? null : readSeconds(endText);
      if (endMs === null && endText !== '')
        throw new CueFileError(line, `"${excerpt(endText)}" is not an end time in seconds`);
      const kindText = get('kind').trim().toLowerCase();
      const kind = CUE_KINDS.find((k) => k === kindText);
      if (kindText !== '' && !kind)
        throw new CueFileError(line, `"${excerpt(kindText)}" is not a cue kind (${CUE_KINDS.join(', ')})`);
      const color = get('color').trim().toLowerCase();
      return {
        line,
        startMs,
        endMs,
        label: unguardFormula(get('label')),
        note: unguardFormula(get('note')),
        ...(kind ? { kind } : {}),
        color: color === '' ? null : color,
      };
    });
  },
};
