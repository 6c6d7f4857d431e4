import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, onTestFinished, test, vi } from 'vitest';
import { Clip } from '../../shared/domain';
import { openDatabase } from '../db/connection';
import { expectStudioError, sha256, tempDir, thrownBy } from '../../../test/support/fixtures';
import { Clips, mayMatchScope, searchWords, type NewClip } from './clips';
import { Projects } from './projects';
import { refreshCueSearch } from './cueSearch';

async function library(): Promise<{ db: Database; clips: Clips; projects: Projects }> {
  const dir = await tempDir();
  const db = openDatabase(join(dir, 'library.db'));
  onTestFinished(() => {
    db.close();
  });
  return { db, clips: new Clips(db), projects: new Projects(db) };
}

let mediaCounter = 0;
function media(clips: Clips, mimeType = 'video/mp4'): string {
  const id = sha256(Buffer.from(`media ${++mediaCounter}`));
  clips.upsertMedia({
    id,
    mimeType,
    bytes: 1000,
    durationMs: 2000,
    width: 320,
    height: 240,
    fps: 24,
    videoCodec: 'h264',
    audioCodec: 'aac',
  });
  return id;
}

function newClip(clips: Clips, projectId: number, overrides: Partial<NewClip> = {}): NewClip {
  return {
    projectId,
    title: 'Untitled',
    provider: 'import',
    durationMs: 2000,
    width: 320,
    height: 240,
    fps: 24,
    mediaId: media(clips),
    posterId: null,
    ...overrides,
  };
}

function ids(found: readonly Clip[]): number[] {
  return found.map((clip) => clip.id).sort((a, b) => a - b);
}

function tag(db: Database, clipId: number, name: string): number {
  db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(name);
  const tagId = db.prepare<[string], number>('SELECT id FROM tags WHERE name = ?').pluck().get(name);
  if (tagId === undefined) throw new Error(`tag ${name} missing`);
  db.prepare('INSERT INTO clip_tags (clip_id, tag_id) VALUES (?, ?)').run(clipId, tagId);
  return tagId;
}

function cue(db: Database, clipId: number, label: string, note = ''): number {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO cues (clip_id, start_ms, label, note, created_at, updated_at) VALUES (?, 500, ?, ?, 0, 0)')
    .run(clipId, label, note);
  return Number(lastInsertRowid);
}

describe('Clips', () => {
  test('insert returns the clip joined with its media', async () => {
    const { clips, projects } = await library();
    const project = projects.create('Trailer');
    const mediaId = media(clips);
    const posterId = media(clips, 'image/jpeg');
    const clip = clips.insert(
      newClip(clips, project.id, { title: 'Door slam', mediaId, posterId, promptText: 'a door slams' }),
      1234,
    );
    expect(Clip.parse(clip)).toEqual(clip);
    expect(clip).toMatchObject({
      projectId: project.id,
      title: 'Door slam',
      promptText: 'a door slams',
      provider: 'import',
      mediaId,
      posterId,
      mimeType: 'video/mp4',
      videoCodec: 'h264',
      audioCodec: 'aac',
      durationMs: 2000,
      parentId: null,
      createdAt: 1234,
    });
    expect(clips.get(clip.id)).toEqual(clip);
    expect(clips.mediaType(mediaId)).toBe('video/mp4');
    expect(clips.mediaType('0'.repeat(64))).toBeNull();
    expect(clips.mediaBytes(mediaId)).toBe(1000);
    expect(clips.mediaBytes('0'.repeat(64))).toBeNull();
  });

  test('titles are kept as one clean line, whoever names the clip', async () => {
    const { clips, projects } = await library();
    const project = projects.create('Titles');
    const clip = clips.insert(newClip(clips, project.id, { title: 'harbour\n\u0000\u202Egpj.mp4' }));
    expect(clip.title).toBe('harbour gpj.mp4');
    expect(clips.rename(clip.id, 'Door\tslam\u202D').title).toBe('Door slam');
    expect(clips.insert(newClip(clips, project.id, { title: '\u202E\n' })).title).toBe('Untitled clip');
  });

  test('list returns a project’s clips, newest first', async () => {
    const { clips, projects } = await library();
    const a = projects.create('A');
    const b = projects.create('B');
    const old = clips.insert(newClip(clips, a.id, { title: 'old' }), 1000);
    const newer = clips.insert(newClip(clips, a.id, { title: 'newer' }), 2000);
    const sameTime = clips.insert(newClip(clips, a.id, { title: 'same time, later id' }), 2000);
    clips.insert(newClip(clips, b.id, { title: 'elsewhere' }), 3000);
    expect(clips.list(a.id).map((c) => c.title)).toEqual([sameTime.title, newer.title, old.title]);
    expect(clips.list(999)).toEqual([]);
  });

  test('get, rename and delete report a missing clip as not found', async () => {
    const { clips } = await library();
    expectStudioError(
      thrownBy(() => clips.get(42)),
      'not_found',
      'Clip 42 does not exist',
    );
    expectStudioError(
      thrownBy(() => clips.rename(42, 'x')),
      'not_found',
      'Clip 42',
    );
    expectStudioError(
      thrownBy(() => clips.delete(42)),
      'not_found',
      'Clip 42',
    );
  });

  test('rename and delete', async () => {
    const { clips, projects } = await library();
    const project = projects.create('P');
    const clip = clips.insert(newClip(clips, project.id, { title: 'before' }));
    expect(clips.rename(clip.id, 'after').title).toBe('after');
    expect(clips.delete(clip.id)).toBe(project.id);
    expect(clips.list(project.id)).toEqual([]);
  });

  test('transaction rolls back every write when the function throws', async () => {
    const { clips, projects } = await library();
    const project = projects.create('P');
    expect(() =>
      clips.transaction(() => {
        clips.insert(newClip(clips, project.id));
        throw new Error('second half failed');
      }),
    ).toThrow('second half failed');
    expect(clips.list(project.id)).toEqual([]);
  });

  test('a clip must point at a stored media row', async () => {
    const { clips, projects } = await library();
    const project = projects.create('P');
    expect(() => clips.insert(newClip(clips, project.id, { mediaId: 'f'.repeat(64) }))).toThrow(/FOREIGN KEY/);
  });

  test('upsertMedia keeps the first description of an object', async () => {
    const { db, clips } = await library();
    const id = 'c'.repeat(64);
    const record = {
      id,
      mimeType: 'audio/wav',
      bytes: 10,
      durationMs: 1,
      width: null,
      height: null,
      fps: null,
      videoCodec: null,
      audioCodec: 'pcm_s16le',
    };
    clips.upsertMedia(record);
    clips.upsertMedia({ ...record, mimeType: 'audio/x-other', bytes: 99 });
    expect(db.prepare('SELECT mime_type, bytes FROM media WHERE id = ?').get(id)).toEqual({
      mime_type: 'audio/wav',
      bytes: 10,
    });
  });

  test('list uses the index of clips outside the Trash for both filter and order', async () => {
    const { db, clips, projects } = await library();
    const project = projects.create('P');
    for (let i = 0; i < 5; i++) clips.insert(newClip(clips, project.id), i);
    const prepare = vi.spyOn(db, 'prepare');
    clips.list(project.id);
    const sql = prepare.mock.calls.at(-1)?.[0];
    prepare.mockRestore();
    expect(sql).toBeDefined();
    const plan = db
      .prepare<[number], { detail: string }>(`EXPLAIN QUERY PLAN ${String(sql)}`)
      .all(project.id)
      .map((row) => row.detail);
    expect(plan).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SEARCH c USING INDEX clips_live_by_date \(project_id=\? AND trashed_at=\?\)/),
      ]),
    );
    expect(plan.join('\n')).not.toMatch(/SCAN c\b/);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});

describe('Clips.search (FTS5 kept in step by triggers)', () => {
  test('finds a clip by title, prompt, tag name and cue label', async () => {
    const { db, clips, projects } = await library();
    const project = projects.create('P');
    const target = clips.insert(
      newClip(clips, project.id, { title: 'Lighthouse storm', promptText: 'waves crash against granite cliffs' }),
    );
    const other = clips.insert(
      newClip(clips, project.id, { title: 'Quiet meadow', promptText: 'bees hum over clover' }),
    );
    tag(db, target.id, 'nightshoot');
    cue(db, target.id, 'foghorn late', 'should land on the cut');

    expect(ids(clips.search('lighthouse'))).toEqual([target.id]);
    expect(ids(clips.search('granite'))).toEqual([target.id]);
    expect(ids(clips.search('nightshoot'))).toEqual([target.id]);
    expect(ids(clips.search('foghorn'))).toEqual([target.id]);
    expect(ids(clips.search('cut'))).toEqual([target.id]); // cue notes too
    expect(ids(clips.search('clover'))).toEqual([other.id]);
  });

  test('matches words as prefixes, all words required, ignoring case, punctuation and accents', async () => {
    const { clips, projects } = await library();
    const project = projects.create('P');
    const cafe = clips.insert(newClip(clips, project.id, { title: 'Café terrace at dusk' }));
    const dusk = clips.insert(newClip(clips, project.id, { title: 'Desert at dusk' }));
    expect(ids(clips.search('TERR'))).toEqual([cafe.id]);
    expect(ids(clips.search('cafe'))).toEqual([cafe.id]);
    expect(ids(clips.search('dusk'))).toEqual([cafe.id, dusk.id]);
    expect(ids(clips.search('dusk desert'))).toEqual([dusk.id]);
    // FTS query syntax in the text is not interpreted (and cannot break the query).
    expect(ids(clips.search('(desert* "dusk'))).toEqual([dusk.id]);
    expect(ids(clips.search('NOT desert'))).toEqual([]); // "not" is a word here, and no title has it
    expect(clips.search('  !!! ')).toEqual([]);
  });

  test('finds emoji and other symbols as words of their own', async () => {
    const { db, clips, projects } = await library();
    const project = projects.create('P');
    const fire = clips.insert(newClip(clips, project.id, { title: 'Campfire 🔥 at night' }));
    const astronaut = clips.insert(newClip(clips, project.id, { title: 'Walk', promptText: 'Scene: 👩‍🚀 floats by' }));
    const thumbs = clips.insert(newClip(clips, project.id, { title: 'Crowd 👍🏽🎉' }));
    const plain = clips.insert(newClip(clips, project.id, { title: 'Campfire at dawn' }));
    tag(db, plain.id, '⭐');
    expect(ids(clips.search('🔥'))).toEqual([fire.id]);
    expect(ids(clips.search('campfire 🔥'))).toEqual([fire.id]);
    expect(ids(clips.search('👩‍🚀'))).toEqual([astronaut.id]);
    expect(ids(clips.search('👍'))).toEqual([thumbs.id]);
    expect(ids(clips.search('👍🏽'))).toEqual([thumbs.id]);
    expect(ids(clips.search('⭐'))).toEqual([plain.id]);
    expect(ids(clips.search('🌊'))).toEqual([]);
  });

  test('a word typed without accents finds either; one typed with an accent requires it', async () => {
    const { db, clips, projects } = await library();
    const project = projects.create('P');
    const accented = clips.insert(newClip(clips, project.id, { title: 'Café terrace' }));
    const plain = clips.insert(newClip(clips, project.id, { title: 'Cafe racer' }));
    const upper = clips.insert(newClip(clips, project.id, { title: 'CAFÉ SIGN' }));
    const summer = clips.insert(newClip(clips, project.id, { title: 'Beach', promptText: 'Scene: an été afternoon' }));
    const evening = clips.insert(newClip(clips, project.id, { title: 'Evening echo' }));
    cue(db, evening.id, 'élan', 'on the beat');
    expect(ids(clips.search('cafe'))).toEqual([accented.id, plain.id, upper.id]);
    expect(ids(clips.search('café'))).toEqual([accented.id, upper.id]);
    expect(ids(clips.search('CAFÉ terr'))).toEqual([accented.id]);
    // Typed as e + a combining accent, the same.
    expect(ids(clips.search('cafe\u0301'))).toEqual([accented.id, upper.id]);
    // "é" alone starts only words that start with "é", not every word starting with "e".
    expect(ids(clips.search('é'))).toEqual([summer.id, evening.id]);
    expect(ids(clips.search('e'))).toEqual([summer.id, evening.id]);
    expect(ids(clips.search('éla'))).toEqual([evening.id]);
  });

  test('accented words: a lone accent, ñ, capitals, two accents in a word, and words with and without accents', async () => {
    const { clips, projects } = await library();
    const project = projects.create('P');
    const title = (text: string): number => clips.insert(newClip(clips, project.id, { title: text })).id;
    const nandu = title('Ñandú at dawn');
    const plainNandu = title('Nandu at dusk');
    // Written decomposed (n + U+0303 …), as a file name from some systems is.
    const decomposed = title('Ñandú river'.normalize('NFD'));
    const elan = title('ÉLAN VITAL');
    const brulee = title('crème brûlée');
    const plainBrulee = title('creme brulee');
    const caramel = title('Crème caramel');
    expect(ids(clips.search('Ñandú'))).toEqual([nandu, decomposed]);
    expect(ids(clips.search('ÑANDÚ'))).toEqual([nandu, decomposed]);
    expect(ids(clips.search('nandu'))).toEqual([nandu, plainNandu, decomposed]);
    expect(ids(clips.search('ñ'))).toEqual([nandu, decomposed]);
    expect(ids(clips.search('n\u0303and'))).toEqual([nandu, decomposed]);
    // A lone "é" (either case) starts only words that start with it.
    expect(ids(clips.search('é'))).toEqual([elan]);
    expect(ids(clips.search('É'))).toEqual([elan]);
    expect(ids(clips.search('élan vital'))).toEqual([elan]);
    // Both accents of "brûlée" as typed; a word typed with one of them finds the words that start so.
    expect(ids(clips.search('brûlée'))).toEqual([brulee]);
    expect(ids(clips.search('BRÛLÉE'))).toEqual([brulee]);
    expect(ids(clips.search('brûl'))).toEqual([brulee]);
    expect(ids(clips.search('brûlee'))).toEqual([]);
    expect(ids(clips.search('brulee'))).toEqual([brulee, plainBrulee]);
    // Words with and without accents together: each keeps its own rule.
    expect(ids(clips.search('creme brûlée'))).toEqual([brulee]);
    expect(ids(clips.search('crème brulee'))).toEqual([brulee]);
    expect(ids(clips.search('creme brulee'))).toEqual([brulee, plainBrulee]);
    expect(ids(clips.search('crème'))).toEqual([brulee, caramel]);
    expect(ids(clips.search('crème caramel'))).toEqual([caramel]);
    expect(ids(clips.search('ñandú dusk'))).toEqual([]);
    expect(ids(clips.search('nandu dusk'))).toEqual([plainNandu]);
  });

  test('finds with accents what checking each clip’s text for the accented words finds', async () => {
    const { db, clips, projects } = await library();
    const project = projects.create('P');
    const texts = [
      'Café terrace',
      'CAFÉ SIGN',
      'cafe racer',
      'Café au lait'.normalize('NFD'),
      'été sur la plage',
      'Été indien',
      'ete de nuit',
      'Ñandú en el río',
      'ñu y ÑANDÚ',
      'nandu',
      'crème brûlée',
      'Crème fraîche',
      'creme brulee',
      'naïve Zoë',
      'naive Zoe',
      'señor Señora',
      'élan',
      'Élégie',
      'electric',
      'Ærø island',
    ];
    const made = texts.map((text, i) => ({
      id: clips.insert(newClip(clips, project.id, { title: `take ${i}`, promptText: `Scene: ${text}` })).id,
      text,
    }));
    cue(db, made[0]?.id ?? 0, 'Éclair', 'sur la table');
    // The words of a clip's text as the search compares accented words with them: composed, lower case.
    const words = (id: number): string[] => {
      const text = db
        .prepare<[number], string>(
          `SELECT c.title || ' ' || coalesce(c.prompt_text, '') || ' ' ||
                  coalesce((SELECT group_concat(label || ' ' || note, ' ') FROM cues WHERE clip_id = c.id), '')
           FROM clips c WHERE c.id = ?`,
        )
        .pluck()
        .get(id);
      return searchWords((text ?? '').normalize('NFC').toLowerCase());
    };
    const stripped = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '');
    for (const query of [
      'é',
      'É',
      'éc',
      'café',
      'CAFÉ',
      'cafe\u0301',
      'ete',
      'été',
      'Été ind',
      'ñ',
      'ñandú',
      'ÑANDÚ río',
      'nandu',
      'crème brûlée',
      'creme brûlée',
      'fraî',
      'naïve zoë',
      'naive zoë',
      'señ',
      'élé',
      'Ærø',
      'ærø is',
    ]) {
      const accented = searchWords(query)
        .map((word) => word.toLowerCase())
        .filter((word) => word !== stripped(word));
      // Every clip the words find without their accents, kept when each accented word starts one of its words.
      const expected = ids(clips.search(stripped(query)))
        .filter((id) => accented.every((word) => words(id).some((own) => own.startsWith(word))))
        .sort((a, b) => a - b);
      expect(ids(clips.search(query)), query).toEqual(expected);
    }
    // The check above finds something for most of them.
    expect(ids(clips.search('éc'))).toEqual([made[0]?.id]);
    expect(ids(clips.search('café'))).toHaveLength(3);
  });

  test('the index that keeps accents follows titles, prompts, tags, renamed tags and cue text, and forgets deleted clips', async () => {
    const { db, clips, projects } = await library();
    const project = projects.create('P');
    const clip = clips.insert(newClip(clips, project.id, { title: 'Plain' })).id;
    const found = (text: string): number[] => ids(clips.search(text));
    db.prepare('UPDATE clips SET title = ? WHERE id = ?').run('Café', clip);
    expect(found('café')).toEqual([clip]);
    db.prepare('UPDATE clips SET prompt_text = ? WHERE id = ?').run('Scene: été', clip);
    expect([found('été'), found('café')]).toEqual([[clip], [clip]]);
    db.prepare('UPDATE clips SET title = ?, prompt_text = NULL WHERE id = ?').run('Cafe', clip);
    expect([found('café'), found('été'), found('cafe')]).toEqual([[], [], [clip]]);

    const tagId = tag(db, clip, 'señal');
    expect(found('señ')).toEqual([clip]);
    db.prepare('UPDATE tags SET name = ? WHERE id = ?').run('senal', tagId);
    expect([found('señ'), found('senal')]).toEqual([[], [clip]]);
    db.prepare('UPDATE tags SET name = ? WHERE id = ?').run('Señal', tagId);
    expect(found('señ')).toEqual([clip]);
    db.prepare('DELETE FROM clip_tags WHERE clip_id = ?').run(clip);
    expect(found('señ')).toEqual([]);

    const cueId = cue(db, clip, 'Ñu', 'crosses');
    expect(found('ñu')).toEqual([clip]);
    db.prepare('UPDATE cues SET label = ? WHERE id = ?').run('Nu', cueId);
    expect([found('ñu'), found('nu')]).toEqual([[], [clip]]);
    db.prepare('UPDATE cues SET note = ? WHERE id = ?').run('crosses the río', cueId);
    expect(found('río')).toEqual([clip]);
    db.prepare('DELETE FROM cues WHERE id = ?').run(cueId);
    expect(found('río')).toEqual([]);

    db.prepare('UPDATE clips SET title = ? WHERE id = ?').run('Crème', clip);
    const inAccentIndex = (): unknown =>
      db
        .prepare("SELECT count(*) FROM clip_search_accents WHERE clip_search_accents MATCH '\"crème\"'")
        .pluck()
        .get();
    expect(inAccentIndex()).toBe(1);
    db.prepare('DELETE FROM clips WHERE id = ?').run(clip);
    expect([inAccentIndex(), found('crème')]).toEqual([0, []]);
  });

  test('can be limited to one project', async () => {
    const { clips, projects } = await library();
    const a = projects.create('A');
    const b = projects.create('B');
    const inA = clips.insert(newClip(clips, a.id, { title: 'rain' }));
    const inB = clips.insert(newClip(clips, b.id, { title: 'rain' }));
    expect(ids(clips.search('rain'))).toEqual([inA.id, inB.id]);
    expect(ids(clips.search('rain', b.id))).toEqual([inB.id]);
  });

  test('follows clip title and prompt updates', async () => {
    const { db, clips, projects } = await library();
    const project = projects.create('P');
    const clip = clips.insert(newClip(clips, project.id, { title: 'Sunrise', promptText: 'golden light' }));
    clips.rename(clip.id, 'Moonrise');
    expect(clips.search('sunrise')).toEqual([]);
    expect(ids(clips.search('moonrise'))).toEqual([clip.id]);
    db.prepare('UPDATE clips SET prompt_text = ? WHERE id = ?').run('silver haze', clip.id);
    expect(clips.search('golden')).toEqual([]);
    expect(ids(clips.search('silver'))).toEqual([clip.id]);
    db.prepare('UPDATE clips SET prompt_text = NULL WHERE id = ?').run(clip.id);
    expect(clips.search('silver')).toEqual([]);
  });

  test('follows tags added, removed, renamed and deleted', async () => {
    const { db, clips, projects } = await library();
    const project = projects.create('P');
    const clip = clips.insert(newClip(clips, project.id, { title: 'Alley' }));
    const neon = tag(db, clip.id, 'neon');
    const rain = tag(db, clip.id, 'rainy');
    expect(ids(clips.search('neon rainy'))).toEqual([clip.id]);

    db.prepare('DELETE FROM clip_tags WHERE clip_id = ? AND tag_id = ?').run(clip.id, neon);
    expect(clips.search('neon')).toEqual([]);
    expect(ids(clips.search('rainy'))).toEqual([clip.id]);

    db.prepare('UPDATE tags SET name = ? WHERE id = ?').run('drizzle', rain);
    expect(clips.search('rainy')).toEqual([]);
    expect(ids(clips.search('drizzle'))).toEqual([clip.id]);

    db.prepare('DELETE FROM tags WHERE id = ?').run(rain); // cascades to clip_tags
    expect(clips.search('drizzle')).toEqual([]);
    expect(ids(clips.search('alley'))).toEqual([clip.id]);
  });

  test('a tag shared by several clips is found on each', async () => {
    const { db, clips, projects } = await library();
    const project = projects.create('P');
    const one = clips.insert(newClip(clips, project.id, { title: 'one' }));
    const two = clips.insert(newClip(clips, project.id, { title: 'two' }));
    const shared = tag(db, one.id, 'hero');
    db.prepare('INSERT INTO clip_tags (clip_id, tag_id) VALUES (?, ?)').run(two.id, shared);
    expect(ids(clips.search('hero'))).toEqual([one.id, two.id]);
    db.prepare('UPDATE tags SET name = ? WHERE id = ?').run('villain', shared);
    expect(ids(clips.search('villain'))).toEqual([one.id, two.id]);
  });

  test('follows cue text added, edited and deleted', async () => {
    const { db, clips, projects } = await library();
    const project = projects.create('P');
    const clip = clips.insert(newClip(clips, project.id, { title: 'Hallway' }));
    const slam = cue(db, clip.id, 'door slam');
    cue(db, clip.id, 'footsteps');
    expect(ids(clips.search('slam'))).toEqual([clip.id]);
    db.prepare('UPDATE cues SET label = ?, note = ? WHERE id = ?').run('door creak', 'too loud', slam);
    expect(clips.search('slam')).toEqual([]);
    expect(ids(clips.search('creak loud'))).toEqual([clip.id]);
    db.prepare('DELETE FROM cues WHERE id = ?').run(slam);
    expect(clips.search('creak')).toEqual([]);
    expect(ids(clips.search('footsteps'))).toEqual([clip.id]);
  });

  test('a deleted clip leaves the index, with its tags and cues', async () => {
    const { db, clips, projects } = await library();
    const project = projects.create('P');
    const clip = clips.insert(newClip(clips, project.id, { title: 'Ephemeral' }));
    tag(db, clip.id, 'temporary');
    cue(db, clip.id, 'vanishing');
    clips.delete(clip.id);
    expect(clips.search('ephemeral')).toEqual([]);
    expect(clips.search('temporary')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM clip_search').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM cues').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM clip_tags').pluck().get()).toBe(0);
  });

  test('the index holds exactly one document per clip, matching its rows', async () => {
    const { db, clips, projects } = await library();
    const project = projects.create('P');
    const clip = clips.insert(newClip(clips, project.id, { title: 'Doc', promptText: 'prompt words' }));
    tag(db, clip.id, 'alpha');
    tag(db, clip.id, 'beta');
    cue(db, clip.id, 'first', 'note one');
    // Cue text written straight to the table is indexed by the next refresh (a search runs one).
    refreshCueSearch(db);
    const documents = db
      .prepare<[], { id: number; title: string; prompt: string; tags: string; cues: string }>(
        'SELECT rowid AS id, title, prompt, tags, cues FROM clip_search',
      )
      .all();
    expect(documents).toHaveLength(1);
    const [document] = documents;
    expect(document).toMatchObject({ id: clip.id, title: 'Doc', prompt: 'prompt words', cues: 'first note one' });
    expect(document?.tags.split(' ').sort()).toEqual(['alpha', 'beta']);
  });
});

describe('render reports', () => {
  const report = {
    engine: 'local',
    version: 1,
    durationMs: 2000,
    shots: [{ index: 0, startMs: 0, endMs: 2000 }],
    notUnderstood: [{ shot: 0, field: 'style', text: 'vaporwave', reason: 'not in the vocabulary' }],
    sounds: [{ shot: 0, timeMs: 1000, kind: 'bell', label: 'bell', source: 'directive', standIn: false }],
    notes: ['dialogue spoken by the built-in Flite voice'],
  };

  function store(db: Database, clipId: number, value: unknown): void {
    db.prepare('UPDATE clips SET report_json = ? WHERE id = ?').run(JSON.stringify(value), clipId);
  }

  test('a clip without one (imported, from a cloud provider) has none', async () => {
    const { clips, projects } = await library();
    const clip = clips.insert(newClip(clips, projects.create('P').id));
    expect(clips.report(clip.id)).toBeNull();
  });

  test('is read back as stored; what the studio does not show is left out', async () => {
    const { db, clips, projects } = await library();
    const clip = clips.insert(newClip(clips, projects.create('P').id, { provider: 'local' }));
    store(db, clip.id, { ...report, understood: [], loudness: { integratedLufs: -16, gainDb: 0 } });
    expect(clips.report(clip.id)).toEqual(report);
  });

  test.each([
    ['a missing list', { ...report, notes: undefined }, 'notes: '],
    ['an unknown sound source', { ...report, sounds: [{ ...report.sounds[0], source: 'magic' }] }, 'sounds.0.source: '],
    ['a reason that is not text', { ...report, notUnderstood: [{ ...report.notUnderstood[0], reason: 3 }] }, 'reason'],
    ['a report of another engine', { ...report, engine: 'veo' }, 'engine: '],
    ['not a report at all', [1, 2, 3], 'input: '],
    [
      'several problems (the first is named, the rest counted)',
      { ...report, engine: 'veo', version: 2, notes: 'none' },
      'engine: Invalid input: expected "local" (and 2 more)',
    ],
  ])('a stored report with %s is refused with a clear error, not half-shown', async (_what, stored, field) => {
    const { db, clips, projects } = await library();
    const clip = clips.insert(newClip(clips, projects.create('P').id, { provider: 'local' }));
    store(db, clip.id, stored);
    const error = thrownBy(() => clips.report(clip.id));
    expectStudioError(error, 'internal', `The render report stored with clip ${clip.id} cannot be read: `);
    expect(error.message).toContain(field);
    expect(error.message).toContain('The clip itself is fine');
  });

  test('of a clip that does not exist is not_found', async () => {
    const { clips } = await library();
    expectStudioError(
      thrownBy(() => clips.report(42)),
      'not_found',
      'Clip 42 does not exist',
    );
  });
});

describe('mayMatchScope', () => {
  test('is true for words a scope token starts with, as the index folds them, and false for the rest', () => {
    for (const word of ['p', 'P12', 'p1r', 'p1r3', 'tra', 'TRASHED', 'trâ'])
      expect(mayMatchScope([word]), word).toBe(true);
    for (const word of ['harbour', 'pier', 'p1x', 'pr', 'trashy', 'r3', '12'])
      expect(mayMatchScope([word]), word).toBe(false);
    expect(mayMatchScope(['harbour', 'p2'])).toBe(true);
    // A word matched as the one indexed word it starts is judged by that word.
    expect(mayMatchScope(['tras'], new Map([['tras', 'trashed']]))).toBe(true);
    expect(mayMatchScope(['harb'], new Map([['harb', 'harbour']]))).toBe(false);
  });
});
