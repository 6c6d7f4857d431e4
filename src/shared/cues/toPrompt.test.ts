import { describe, expect, it } from 'vitest';
import { parse } from '../prompt/parse';
import { cuesToPrompt, dialogueOf, promptCueCounts, promptCueReport, type PromptCue } from './toPrompt';

const cue = (startMs: number, label: string, kind: PromptCue['kind'], extra: Partial<PromptCue> = {}): PromptCue => ({
  startMs,
  endMs: null,
  label,
  note: '',
  kind,
  ...extra,
});

describe('cuesToPrompt', () => {
  it('adds sound cues to the Audio line of a one-shot prompt as "label at mm:ss"', () => {
    const prompt = 'Scene: A kitchen at night.\nAudio: Refrigerator hum, chair creak at 00:01.\nDuration: 8s\n';
    const out = cuesToPrompt(prompt, [cue(5000, 'door slam', 'sfx'), cue(2250, 'kettle', 'sfx')], {
      title: 'Kitchen',
      durationMs: 8000,
    });
    expect(out).toBe(
      'Scene: A kitchen at night.\nAudio: Refrigerator hum, chair creak at 00:01, kettle at 00:02.250, door slam at 00:05.\nDuration: 8s\n',
    );
    const events = parse(out).doc.shots[0]?.audio.events ?? [];
    expect(events.map((e) => [e.label, e.startMs])).toEqual([
      ['chair creak', 1000],
      ['kettle', 2250],
      ['door slam', 5000],
    ]);
  });

  it('puts sound cues on a new Audio line before the shot’s dialogue, never on the Dialogue line', () => {
    for (const prompt of [
      'Scene: A storm.\nDialogue: [00:00.5] Ben: "Hi"\nDuration: 5s\n',
      'Scene: A storm.\nDuration: 5s\nDialogue: [00:00.5] Ben: "Hi"\n',
      'Scene: A storm.\nDuration: 5s\nDialogue:\n  [00:00.5] Ben: "Hi"\n',
    ]) {
      const out = cuesToPrompt(
        prompt,
        [
          cue(2000, 'thunder', 'sfx'),
          cue(3500, 'rain', 'ambience'),
          cue(4250, 'strings', 'music'),
          cue(1000, 'Anna: Run!', 'dialogue'),
        ],
        { title: 'Storm', durationMs: 5000 },
      );
      expect(out).toContain('Audio: thunder at 00:02, rain at 00:03.500, strings at 00:04.250\n');
      const shot = parse(out).doc.shots[0];
      expect(shot?.audio.events.map((e) => [e.label, e.startMs])).toEqual([
        ['thunder', 2000],
        ['rain', 3500],
        ['strings', 4250],
      ]);
      expect(shot?.dialogue.map((d) => [d.speaker, d.line, d.atMs])).toEqual([
        ['Ben', 'Hi', 500],
        ['Anna', 'Run!', 1000],
      ]);
    }
  });

  it('writes a line that is already quoted, or given with its time, without stray quotes', () => {
    const out = cuesToPrompt(
      'Scene: A street.\nDuration: 8s\n',
      [
        cue(1000, "'Run!'", 'dialogue'),
        cue(2000, 'Anna: "Run!"', 'dialogue'),
        cue(3000, '[00:05] Anna: "Run!"', 'dialogue'),
        cue(4000, 'Ben: “Over here!”', 'dialogue', { note: 'shouted from the stairs' }),
        cue(5000, 'Cleo: "It\'s "fine""', 'dialogue'),
      ],
      { title: 'Street', durationMs: 8000 },
    );
    expect(out).toBe(
      'Scene: A street.\nDuration: 8s\nDialogue: [00:01] Voice: "Run!"\nDialogue: [00:02] Anna: "Run!"\n' +
        'Dialogue: [00:03] Anna: "Run!"\nDialogue: [00:04] Ben: "Over here!"\nDialogue: [00:05] Cleo: "It\'s \'fine\'"\n',
    );
  });

  it('places each cue in the shot it falls in, with times relative to that shot', () => {
    const prompt = 'Scene: Street.\nDuration: 4s\n---\nScene: Door.\nAudio: rain\nDuration: 4s\n';
    const out = cuesToPrompt(
      prompt,
      [cue(1000, 'horn', 'sfx'), cue(5500, 'knock', 'sfx'), cue(6000, 'Maya: Who is it?', 'dialogue')],
      { title: 'Street', durationMs: 8000 },
    );
    const { doc, diagnostics } = parse(out);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(doc.shots[0]?.audio.events).toEqual([{ label: 'horn', startMs: 1000, endMs: null }]);
    expect(doc.shots[1]?.audio.events).toEqual([{ label: 'knock', startMs: 1500, endMs: null }]);
    expect(doc.shots[1]?.audio.ambience).toEqual(['rain']);
    expect(doc.shots[1]?.dialogue).toEqual([{ atMs: 2000, speaker: 'Maya', line: 'Who is it?' }]);
    expect(out).toContain('Audio: rain, knock at 00:01.500\n');
    expect(out).toContain('Dialogue: [00:02] Maya: "Who is it?"');
  });

  it('appends dialogue under an existing Dialogue field and writes range cues as from…to', () => {
    const prompt = 'Scene: Table.\nDialogue: [00:01] Tom: "Hi."\nDuration: 6s';
    const out = cuesToPrompt(
      prompt,
      [cue(3000, 'Maya: Read this.', 'dialogue'), cue(2000, 'rain', 'ambience', { endMs: 5000 })],
      { title: 'Table', durationMs: 6000 },
    );
    expect(out).toBe(
      'Scene: Table.\nAudio: rain from 00:02 to 00:05\nDialogue: [00:01] Tom: "Hi."\n[00:03] Maya: "Read this."\nDuration: 6s',
    );
    expect(parse(out).doc.shots[0]?.dialogue).toHaveLength(2);
  });

  it('writes a new prompt for a clip without one and leaves note cues out', () => {
    const out = cuesToPrompt('', [cue(3000, 'boom', 'sfx'), cue(1000, 'fix the colour', 'note')], {
      title: 'tone',
      durationMs: 6000,
    });
    expect(out).toBe('Title: tone\nDuration: 6s\nAudio: boom at 00:03\n');
    expect(parse(out).doc.shots[0]?.audio.events).toEqual([{ label: 'boom', startMs: 3000, endMs: null }]);
  });

  it('keeps commas and semicolons in labels, writing such a sound in quotes, and the parser reads them back', () => {
    const out = cuesToPrompt(
      'Duration: 4s',
      [
        cue(0, 'glass, breaking', 'sfx'),
        cue(1000, 'Ann: Wait, no; stop', 'dialogue'),
        cue(2000, 'rain; "heavy", far', 'ambience', { endMs: 3000 }),
        cue(3000, 'door at 5s', 'sfx'),
      ],
      { title: 'x', durationMs: 4000 },
    );
    expect(out).toBe(
      'Duration: 4s\nAudio: "glass, breaking" at 00:00, "rain; \'heavy\', far" from 00:02 to 00:03, "door at 5s" at 00:03\n' +
        'Dialogue: [00:01] Ann: "Wait, no; stop"',
    );
    const { doc, diagnostics } = parse(out);
    expect(diagnostics).toEqual([]);
    expect(doc.shots[0]?.audio).toEqual({
      ambience: [],
      events: [
        { label: 'glass, breaking', startMs: 0, endMs: null },
        { label: "rain; 'heavy', far", startMs: 2000, endMs: 3000 },
        { label: 'door at 5s', startMs: 3000, endMs: null },
      ],
    });
    expect(doc.shots[0]?.dialogue).toEqual([{ atMs: 1000, speaker: 'Ann', line: 'Wait, no; stop' }]);
  });

  it('turns double quotes in dialogue single', () => {
    const out = cuesToPrompt('Duration: 4s', [cue(1000, 'Ann: Say "no"', 'dialogue')], {
      title: 'x',
      durationMs: 4000,
    });
    expect(out).toBe('Duration: 4s\nDialogue: [00:01] Ann: "Say \'no\'"');
  });
});

describe('dialogueOf', () => {
  it('reads the line from the label, its speaker from before a colon; the note is never spoken', () => {
    expect(dialogueOf(cue(0, 'Tom: Hello there', 'dialogue'), 0)).toEqual({
      atMs: 0,
      speaker: 'Tom',
      line: 'Hello there',
    });
    expect(dialogueOf(cue(0, 'Tom: "Hi"', 'dialogue', { note: 'softer' }), 500)).toEqual({
      atMs: 500,
      speaker: 'Tom',
      line: 'Hi',
    });
    expect(dialogueOf(cue(0, 'Where were you?', 'dialogue', { note: 'whispered' }), 0)).toEqual({
      atMs: 0,
      speaker: 'Voice',
      line: 'Where were you?',
    });
    expect(dialogueOf(cue(0, ': Hello', 'dialogue'), 0)).toEqual({ atMs: 0, speaker: 'Voice', line: ': Hello' });
  });
});

describe('promptCueCounts and promptCueReport', () => {
  it('counts what is written and what is left out, and says why', () => {
    const counts = promptCueCounts([
      cue(0, 'boom', 'sfx'),
      cue(0, 'Anna: "Run!"', 'dialogue'),
      cue(0, 'fix the grade', 'note'),
      cue(0, 'too dark', 'note'),
      cue(0, ',,', 'music'),
    ]);
    expect(counts).toEqual({ written: 2, notes: 2, empty: 1 });
    expect(promptCueReport(counts)).toEqual({
      title: 'Wrote 2 cues into the prompt draft',
      detail: '2 note cues left out: notes are not directions. 1 cue left out: its label has no words.',
    });
    expect(promptCueReport({ written: 1, notes: 0, empty: 0 })).toEqual({
      title: 'Wrote 1 cue into the prompt draft',
      detail: '',
    });
    expect(promptCueReport({ written: 0, notes: 1, empty: 2 })).toEqual({
      title: null,
      detail:
        'Nothing to write into the prompt: note cues are not directions, and 2 cues have no words in their labels. Give a cue the kind sfx, dialogue, music or ambience to write it as a direction.',
    });
  });
});
