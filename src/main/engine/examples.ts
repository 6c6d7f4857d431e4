/**
 * Example prompts for the built-in engine: the seed article's lantern scene and a spread of
 * settings, weathers, camera moves and sounds. The benchmark renders these; tests check each one
 * renders.
 */
import { emptyShot, type EngineInput } from './input';

export const examplePrompts: Record<string, EngineInput> = {
  lantern: {
    shots: [
      emptyShot({
        scene: 'A young girl releases a lantern by a riverside at dusk.',
        camera: 'Slow push-in, 50mm depth-of-field, hand-held feel.',
        motion: 'Hair gently moves; lantern rises; ripples form.',
        style: 'Soft lighting, warm tones, no grain, subtle vignette.',
        audio: {
          ambience: ['Crickets in the background'],
          events: [
            { label: 'soft water splash', startMs: null, endMs: null },
            { label: 'wind chime', startMs: 3000, endMs: null },
          ],
        },
        dialogue: [{ atMs: 5200, speaker: 'Girl', line: 'Fly away, little light.' }],
      }),
    ],
  },
  rainyStreet: {
    shots: [
      emptyShot({
        scene: 'A man walks down a rainy city street at night while a taxi drives past.',
        camera: 'Slow truck right, 35mm.',
        style: 'Neon, high contrast, film grain.',
        audio: {
          ambience: ['rain', 'distant city traffic'],
          events: [{ label: 'car horn', startMs: 3000, endMs: null }],
        },
      }),
    ],
  },
  hallway: {
    shots: [
      emptyShot({
        scene: 'A woman walks down a hallway and slams the door at 00:05.',
        camera: 'Static, 28mm.',
        style: 'Cool tones, letterbox.',
        audio: {
          ambience: ['room tone'],
          events: [
            { label: 'footsteps', startMs: 500, endMs: 4500 },
            { label: 'door slam', startMs: 5000, endMs: null },
          ],
        },
        dialogue: [{ atMs: 1500, speaker: 'Woman', line: 'I am not coming back.' }],
      }),
    ],
  },
  beach: {
    shots: [
      emptyShot({
        scene: 'A boy throws a red ball on the beach at golden hour while his dog barks.',
        camera: 'Pan left, wide angle.',
        style: 'Warm, vibrant.',
        audio: { ambience: ['ocean waves'], events: [{ label: 'dog bark', startMs: null, endMs: null }] },
      }),
    ],
  },
  forestStorm: {
    shots: [
      emptyShot({
        scene: 'Leaves fall in a forest during a storm.',
        camera: 'Handheld, crane up.',
        style: 'Muted, vignette.',
        audio: { ambience: ['rain', 'wind'], events: [] },
      }),
    ],
  },
  campfire: {
    shots: [
      emptyShot({
        scene: 'Two people sit by a campfire in the desert under the stars.',
        camera: 'Slow orbit, 35mm, shallow depth of field.',
        style: 'Warm, film grain.',
        audio: { ambience: ['fire crackle', 'crickets'], events: [] },
        dialogue: [
          { atMs: 1000, speaker: 'Ana', line: 'Do you hear that?' },
          { atMs: 4000, speaker: 'Ben', line: 'Only the fire.' },
        ],
      }),
    ],
  },
};
