/**
 * Word forms. The vocabulary tables list base forms only; `lemmas()` maps inflected forms
 * ("slammed", "rises", "leaves", "children") back to them, so each table names each idea once.
 * `phrases()` splits a table entry into its phrases; multi-word phrases match as a unit and the
 * longest wins.
 */

const irregular: Record<string, string[]> = {
  ran: ['run'],
  flew: ['fly'],
  flown: ['fly'],
  fell: ['fall'],
  fallen: ['fall'],
  threw: ['throw'],
  thrown: ['throw'],
  rose: ['rise', 'flower'],
  risen: ['rise'],
  sat: ['sit'],
  stood: ['stand'],
  broke: ['break'],
  broken: ['break'],
  spoke: ['speak'],
  spoken: ['speak'],
  said: ['say'],
  held: ['hold'],
  drove: ['drive'],
  driven: ['drive'],
  dove: ['dive', 'dove'],
  swam: ['swim'],
  lit: ['light'],
  sang: ['sing'],
  shook: ['shake'],
  shaken: ['shake'],
  blew: ['blow'],
  blown: ['blow'],
  went: ['go'],
  gone: ['go'],
  came: ['come'],
  left: ['left', 'leave'],
  let: ['let'],
  shut: ['shut'],
  children: ['child'],
  people: ['people', 'person'],
  men: ['man'],
  women: ['woman'],
  geese: ['goose', 'bird'],
  mice: ['mouse'],
  feet: ['foot'],
  teeth: ['tooth'],
  leaves: ['leaf', 'leave'],
  knelt: ['kneel'],
  leapt: ['leap'],
  swung: ['swing'],
  hung: ['hang'],
  grew: ['grow'],
  began: ['begin'],
  slid: ['slide'],
  struck: ['strike'],
  caught: ['catch'],
  brought: ['bring'],
  sank: ['sink'],
  sunk: ['sink'],
};

/** Candidate base forms of one lower-case word, most literal first. */
export function lemmas(word: string): string[] {
  const out: string[] = [word];
  const add = (w: string): void => {
    if (w.length >= 2 && !out.includes(w)) out.push(w);
  };
  for (const w of irregular[word] ?? []) add(w);
  const undouble = (w: string): void => {
    const n = w.length;
    if (n >= 3 && w[n - 1] === w[n - 2] && !'aeiouls'.includes(w[n - 1] ?? '')) add(w.slice(0, -1));
  };
  if (word.endsWith('ies') && word.length > 4) add(word.slice(0, -3) + 'y');
  if (word.endsWith('ves') && word.length > 4) {
    add(word.slice(0, -3) + 'f');
    add(word.slice(0, -3) + 'fe');
  }
  if (word.endsWith('es') && word.length > 3) add(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 2) add(word.slice(0, -1));
  if (word.endsWith('ied') && word.length > 4) add(word.slice(0, -3) + 'y');
  if (word.endsWith('ed') && word.length > 3) {
    const stem = word.slice(0, -2);
    add(stem);
    add(stem + 'e');
    undouble(stem);
  }
  if (word.endsWith('ing') && word.length > 4) {
    const stem = word.slice(0, -3);
    add(stem);
    add(stem + 'e');
    undouble(stem);
    if (stem.endsWith('y')) add(stem.slice(0, -1) + 'ie');
  }
  if (word.endsWith('ily') && word.length > 4) add(word.slice(0, -3) + 'y');
  if (word.endsWith('ly') && word.length > 3) {
    add(word.slice(0, -2));
    add(word.slice(0, -1) + 'e');
  }
  if (word.endsWith('er') && word.length > 4) add(word.slice(0, -2));
  return out;
}

const irregularPlurals: Record<string, string[]> = {
  children: ['child'],
  people: ['people', 'person'],
  men: ['man'],
  women: ['woman'],
  geese: ['goose', 'bird'],
  mice: ['mouse'],
  feet: ['foot'],
  teeth: ['tooth'],
  leaves: ['leaf'],
};

/** A word and its singulars only: the forms a noun can take. */
export function nounLemmas(word: string): string[] {
  const out: string[] = [word];
  const add = (w: string): void => {
    if (w.length >= 2 && !out.includes(w)) out.push(w);
  };
  for (const w of irregularPlurals[word] ?? []) add(w);
  if (word.endsWith('ies') && word.length > 4) add(word.slice(0, -3) + 'y');
  if (word.endsWith('ves') && word.length > 4) {
    add(word.slice(0, -3) + 'f');
    add(word.slice(0, -3) + 'fe');
  }
  if (word.endsWith('es') && word.length > 3) add(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 2) add(word.slice(0, -1));
  return out;
}

/** Splits a phrase table entry ("a|b c|d") into word lists. */
export function phrases(entry: string): string[][] {
  return entry
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => p.split(/[\s-]+/));
}
