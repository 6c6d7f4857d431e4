import { expect, test } from 'vitest';
import { directedSounds, listenWindows } from './drift';

const PROMPT = [
  'Title: Hallway',
  'Scene: An empty hallway.',
  'Audio: room tone, door slam at 00:02, knock at 00:02.500',
  'Duration: 3s',
  '',
  'Shot 2: Stairs',
  'Scene: A stairwell.',
  'Audio: footsteps from 00:00.250 to 00:02, bell at 00:01',
  'Duration: 3s',
].join('\n');

test('lists each timed sound in clip time, shots placed by their durations, untimed ambience left out', () => {
  expect(directedSounds(PROMPT, 6000)).toEqual([
    { shot: 0, label: 'door slam', askedMs: 2000 },
    { shot: 0, label: 'knock', askedMs: 2500 },
    { shot: 1, label: 'footsteps', askedMs: 3250 },
    { shot: 1, label: 'bell', askedMs: 4000 },
  ]);
});

test('places shots where a render report says they start, and leaves out sounds past the clip', () => {
  expect(directedSounds(PROMPT, 4100, [0, 3100]).map((d) => [d.label, d.askedMs])).toEqual([
    ['door slam', 2000],
    ['knock', 2500],
    ['footsteps', 3350],
  ]);
  // A report for another number of shots says nothing about these.
  expect(directedSounds(PROMPT, 6000, [0]).map((d) => d.askedMs)).toEqual([2000, 2500, 3250, 4000]);
});

test('a prompt without timed sounds, or no prompt at all, asks for nothing', () => {
  expect(directedSounds('Scene: A field.\nAudio: wind, birdsong', 4000)).toEqual([]);
  expect(directedSounds('', 4000)).toEqual([]);
});

test('listens within the window of each time, and no nearer a neighbour than halfway', () => {
  const sounds = directedSounds(PROMPT, 6000);
  expect(listenWindows(sounds, 6000, 1000)).toEqual([
    { fromMs: 1000, toMs: 2250, nearMs: 2000 },
    { fromMs: 2250, toMs: 2875, nearMs: 2500 },
    { fromMs: 2875, toMs: 3625, nearMs: 3250 },
    { fromMs: 3625, toMs: 5000, nearMs: 4000 },
  ]);
  // Two sounds asked at one time share their window; the clip's ends bound it.
  const same = [
    { shot: 0, label: 'a', askedMs: 300 },
    { shot: 0, label: 'b', askedMs: 300 },
  ];
  expect(listenWindows(same, 800, 1000)).toEqual([
    { fromMs: 0, toMs: 800, nearMs: 300 },
    { fromMs: 0, toMs: 800, nearMs: 300 },
  ]);
});

test('lists dialogue lines given a time, by speaker and line; a line placed after the one before is not an ask', () => {
  const prompt = [
    'Title: Kitchen',
    'Scene: A kitchen at night.',
    'Audio: kettle click at 00:01',
    'Dialogue: [00:03] Ana: "Meet me at 10:30."',
    'Dialogue: Ben: "Fine."',
    'Duration: 5s',
    '',
    'Shot 2: Yard',
    'Scene: A yard.',
    'Dialogue:',
    '[00:01.250] Ana: "Now."',
    'Mia: "Wait."',
    'Duration: 3s',
  ].join('\n');
  expect(directedSounds(prompt, 8000)).toEqual([
    { shot: 0, label: 'kettle click', askedMs: 1000 },
    { shot: 0, label: 'Ana: "Meet me at 10:30."', askedMs: 3000, kind: 'dialogue' },
    { shot: 1, label: 'Ana: "Now."', askedMs: 6250, kind: 'dialogue' },
  ]);
});
