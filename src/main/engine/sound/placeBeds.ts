/** The ambience the wider places make on their own: a city's hum below a rooftop, a market's crowd, a waterfall's roar. */
import type { ShotScene } from '../scene';
import type { BedId } from '../vocabulary/sound';
import type { SettingId } from '../vocabulary/world';

/** Places with no open air around them, where no wind or crickets are heard. */
export const quietPlaces: ReadonlySet<SettingId> = new Set(['interior', 'underwater', 'space']);

/** Places in a town, where the night has traffic rather than crickets. */
export const urbanPlaces: ReadonlySet<SettingId> = new Set([
  'street',
  'alley',
  'rooftop',
  'market',
  'station',
  'harbor',
]);

export function placeBeds(setting: SettingId, env: ShotScene['environment']): { id: BedId; level: number }[] {
  const out: { id: BedId; level: number }[] = [];
  const add = (id: BedId, level: number): void => void out.push({ id, level });
  switch (setting) {
    case 'underwater':
      add('underwater', 1);
      break;
    case 'rooftop':
      add('traffic', 0.45);
      add('wind', 0.6);
      break;
    case 'alley':
      add('traffic', 0.3);
      break;
    case 'market':
      add('crowd', 0.9);
      add('traffic', 0.25);
      break;
    case 'station':
      add('crowd', 0.55);
      add('traffic', 0.3);
      break;
    case 'mountain':
    case 'snowfield':
    case 'canyon':
    case 'cliff':
    case 'desert':
      add('wind', 0.8);
      break;
    default:
      break;
  }
  if (env.waterfall !== undefined) add('river', 1.3);
  return out;
}
