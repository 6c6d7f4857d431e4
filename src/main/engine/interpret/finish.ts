/**
 * Finishing a shot once every field is read: the setting, time and weather it implies, what the
 * setting and weather add to the environment and what the prompt removed, who does the actions
 * that had no subject, and the camera plan.
 */
import { settingDefaults, type CameraMove, type ShotScene } from '../scene';
import type { ElementId, SettingId, TimeOfDay, Weather } from '../vocabulary/world';
import type { ShotBuilder } from './builder';
import { isCockpit } from '../vocabulary/places';

export function finishShot(b: ShotBuilder, startMs: number): ShotScene {
  const setting: SettingId = b.setting ?? b.settingVotes[0] ?? (b.timeOfDay === 'night' ? 'nightsky' : 'field');
  const timeOfDay: TimeOfDay = b.timeOfDay ?? impliedTime(b.environment, setting) ?? 'noon';
  const env = new Map(b.environment);
  const weather = settleWeather(b, env, setting, timeOfDay);
  return {
    index: b.index,
    startMs,
    durationMs: b.shot.durationMs,
    setting,
    settingWord: b.settingWord,
    timeOfDay,
    weather,
    wind: b.wind > 0 ? b.wind : weather === 'storm' ? 1.3 : 0.25,
    entities: castOf(b),
    environment: Object.fromEntries(env),
    hair: b.hair ?? (b.wind > 0.5 ? 0.8 : 0.35),
    camera: cameraPlan(b),
    style: b.style,
    beds: [...b.beds.values()],
    cues: b.cues,
    dialogue: [],
    ...(b.echo ? { echo: true } : {}),
  };
}

/** Stars or a moon asked for by name mean night; fireflies mean dusk. */
function impliedTime(asked: ReadonlyMap<ElementId, number>, setting: SettingId): TimeOfDay | null {
  if (asked.has('stars') || asked.has('moon')) return 'night';
  if (asked.has('fireflies')) return 'dusk';
  return setting === 'nightsky' || setting === 'space' ? 'night' : null;
}

/**
 * Fills the environment with what the setting, weather and time bring, then takes out what the
 * prompt removed; returns the weather left once removals are applied. A storm also raises the wind.
 */
function settleWeather(b: ShotBuilder, env: Map<ElementId, number>, setting: SettingId, timeOfDay: TimeOfDay): Weather {
  let weather: Weather = b.weather ?? 'clear';
  // A cockpit is drawn with its own windscreen, not a room's door and window (draw/scenery/cockpit.ts).
  const defaults = setting === 'interior' && isCockpit(b.settingWord ?? '') ? [] : settingDefaults[setting];
  for (const id of defaults) if (!env.has(id)) env.set(id, 1);
  if (weather === 'storm') {
    env.set('rain', Math.max(env.get('rain') ?? 0, 1.3));
    env.set('lightning', env.get('lightning') ?? 1);
    env.set('clouds', Math.max(env.get('clouds') ?? 0, 1.5));
    b.wind = Math.max(b.wind, 1.3);
  }
  if (weather === 'rain') {
    env.set('rain', env.get('rain') ?? 1);
    env.set('clouds', Math.max(env.get('clouds') ?? 0, 1.2));
  }
  if (weather === 'snow') env.set('snow', env.get('snow') ?? 1);
  if (weather === 'fog') env.set('fog', env.get('fog') ?? 1);
  const overcast = weather === 'rain' || weather === 'storm' || (env.get('clouds') ?? 0) > 1.2;
  if (!underRoofOrSea.has(setting) && !overcast) addSky(env, timeOfDay);
  for (const id of b.removed) env.delete(id);
  if (b.removed.has('rain') && (weather === 'rain' || weather === 'storm')) weather = 'clear';
  if (b.removed.has('snow') && weather === 'snow') weather = 'clear';
  if (b.removed.has('fog') && weather === 'fog') weather = 'clear';
  if (env.has('ripples') && !env.has('river') && !env.has('lake') && !env.has('ocean')) {
    env.set(setting === 'beach' ? 'ocean' : 'lake', 1);
  }
  return weather;
}

/** Places with no open sky of their own to add a sun or moon to. */
const underRoofOrSea = new Set<SettingId>(['interior', 'underwater', 'space']);

/** A clear sky outdoors: stars and a moon at night, a few stars at dusk, else the sun. */
function addSky(env: Map<ElementId, number>, timeOfDay: TimeOfDay): void {
  if (timeOfDay === 'night') {
    if (!env.has('stars')) env.set('stars', 1);
    if (!env.has('moon')) env.set('moon', 1);
  } else if (timeOfDay === 'dusk') {
    if (!env.has('stars')) env.set('stars', 0.4);
  } else if (!env.has('sun')) env.set('sun', 1);
}

/** The entities left after removals; actions with no subject go to the first figure, else the first entity. */
function castOf(b: ShotBuilder): ShotScene['entities'] {
  const entities = [...b.entities.values()].filter(
    (e) => !(e.element !== null && b.removed.has(e.element)) && !b.removedKeys.has(e.key),
  );
  const lead =
    entities.find((e) => e.element === 'person' || e.element === 'child' || e.standIn === 'figure') ?? entities[0];
  if (lead) for (const a of b.implicitActions) lead.actions.push(a);
  else for (const a of b.implicitActions) b.report.miss('motion', a.word, 'no one in the scene to do this');
  return entities;
}

function cameraPlan(b: ShotBuilder): ShotScene['camera'] {
  let lensMm = b.lensMm ?? 35;
  if (b.lensCap !== null) lensMm = Math.min(lensMm, b.lensCap);
  const moves = [...b.moves.entries()]
    .filter(([id]) => id !== 'static' || b.moves.size === 1)
    .map(([id, intensity]): CameraMove => ({ id, intensity, onset: b.sudden.has(id) ? 'sudden' : 'eased' }));
  const dof = b.depth ?? (b.moves.has('rackFocus') ? 0.7 : 0.25);
  return {
    moves: moves.length > 0 ? moves : [{ id: 'static', intensity: 1, onset: 'eased' }],
    fullOrbit: b.fullOrbit && b.moves.has('orbit'),
    angle: b.angle ?? 'eye',
    closeUp: b.closeUp,
    lensMm,
    depthOfField: dof,
  };
}
