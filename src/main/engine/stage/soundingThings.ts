/**
 * Things that sound when the prompt says they do: a phone or an alarm clock that rings, a kettle
 * that whistles, a pot that boils, a figure who whistles or hums a tune, rings a bell or sweeps.
 * Each sound comes from where the thing stands, at the moment the prompt gives (else spread
 * through the shot like other moments).
 */
import type { SceneAction, SceneEntity } from '../scene';
import type { EffectId } from '../vocabulary/sound';
import { actionTime, panOf, type Staging } from './staging';
import type { StagedFigure, StagedProp } from './types';

/** The sound a thing makes for a verb, or null where the thing has no sound of its own for it. */
export function soundOf(e: Pick<SceneEntity, 'element'>, verb: SceneAction['verb'], figure: boolean): EffectId | null {
  if (verb === 'whistle') {
    if (figure) return 'whistle';
    if (e.element === 'kettle') return 'kettleWhistle';
    if (e.element === 'bird') return 'birdCall';
    return null;
  }
  if (verb === 'hum') return figure ? 'hum' : null;
  // A kettle on the boil whistles; a pot (or anything else on the heat) bubbles. Both draw their steam.
  if (verb === 'boil') return figure ? null : e.element === 'kettle' ? 'kettleWhistle' : 'boil';
  if (verb === 'ring') {
    if (e.element === 'phone' || e.element === 'clock') return 'phoneRing';
    // "She rings the bell", "the bell rings out": a bell struck or rung.
    return 'bell';
  }
  return null;
}

/** Adds the sounds of every ringing, whistling, humming, boiling or sweeping thing in the shot. */
export function stageSoundingThings(s: Staging, figures: readonly StagedFigure[], props: readonly StagedProp[]): void {
  for (const e of s.scene.entities) {
    const figure = figures.find((f) => f.key === e.key || f.key.startsWith(`${e.key}#`));
    const prop = props.find((p) => p.key === e.key);
    const x = figure?.x ?? prop?.instances[0]?.x ?? 0;
    for (const a of e.actions) {
      // A figure who sweeps is heard sweeping: the broom's strokes.
      const sweeps = a.verb === 'work' && figure !== undefined && /^sweep/i.test(a.word);
      if (a.verb !== 'ring' && a.verb !== 'whistle' && a.verb !== 'hum' && a.verb !== 'boil' && !sweeps) continue;
      const effect = sweeps ? 'sweep' : soundOf(e, a.verb, figure !== undefined);
      if (effect === null) continue;
      s.sounds.push({
        t: actionTime(a, s.defaults, s.duration * 0.25),
        effect,
        level: 0.9 * Math.min(1.4, a.intensity),
        label: `${e.label} ${a.word}`,
        source: 'action',
        pan: panOf(s, x),
      });
    }
  }
}
