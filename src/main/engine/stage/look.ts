/** How a figure looks: skin, hair and clothes, chosen from its name and the seed. */
import { isFeminine } from '../interpret/words';
import type { SceneEntity } from '../scene';
import { hashString, Random } from '../random';

export interface Look {
  skin: string;
  hair: string;
  top: string;
  bottom: string;
  shoes: string;
  hairLength: number;
  feminine: boolean;
}

const skins = ['#f1c7a5', '#e0ac85', '#c68a62', '#a86b45', '#7d4c2f', '#5a3622'];
const hairs = ['#2b1d14', '#4a3020', '#7a4b26', '#b07a3c', '#d8b26a', '#1a1a1a', '#8c2f1c', '#cfcfcf'];
const tops = [
  '#c8352c',
  '#3a6fc8',
  '#e8c53a',
  '#4d9a4a',
  '#7e4aa8',
  '#e07aa0',
  '#eeeeea',
  '#2f8f8a',
  '#e47b2a',
  '#22335c',
];
const bottoms = ['#2b2f3a', '#3b4b6b', '#6b5a45', '#1f1f22', '#5d6b7a', '#7a3b3b'];

/** A figure's look depends only on its name and the seed, so it is the same in every shot. */
export function lookFor(figure: Pick<SceneEntity, 'key' | 'label' | 'color' | 'gender' | 'hair'>, seed: number): Look {
  const { key, label, color } = figure;
  const r = new Random(hashString(key, seed));
  r.next(); // the coin isFeminine tosses when the prompt gives no gender
  const feminine = isFeminine(key, figure.gender, seed);
  const skin = r.pick(skins);
  const hair = r.pick(hairs);
  const look = {
    skin,
    hair: figure.hair ?? hair,
    top: color ?? r.pick(tops),
    bottom: r.pick(bottoms),
    shoes: '#2a2420',
    hairLength: feminine ? r.range(0.55, 1) : r.range(0.1, 0.3),
    feminine,
  };
  // A spacesuit: white from helmet to boots, the helmet drawn as close-cropped white hair.
  if (spacesuited.test(label))
    return { ...look, hair: '#f2f2ee', top: color ?? '#eeeeea', bottom: '#dcdcd6', shoes: '#b8b8b4', hairLength: 0.1 };
  return look;
}

const spacesuited = /\b(astronauts?|cosmonauts?|spacewalkers?)\b/i;
