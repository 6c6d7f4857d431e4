/**
 * Where the ground, water and walls are in the wider places: mountains, canyons, cliffs, snowfields,
 * under the sea, in space, on a rooftop, in an alley, a market, a harbour and a station.
 */
import type { ShotScene } from '../scene';
import type { SettingId } from '../vocabulary/world';
import type { Layout } from './layout';

type PlaceSetting = Exclude<
  SettingId,
  'riverside' | 'forest' | 'street' | 'interior' | 'beach' | 'desert' | 'field' | 'nightsky' | 'lakeside'
>;

const outdoors = { interior: null, treeLineZ: null, buildingsZ: null } as const;

/** Snow underfoot when the place is snowy, else its own ground. */
function underfoot(scene: ShotScene, kind: Layout['bands'][number]['kind']): Layout['bands'][number]['kind'] {
  return scene.environment.snow !== undefined || scene.weather === 'snow' ? 'snow' : kind;
}

export const placeLayouts: Record<PlaceSetting, (scene: ShotScene) => Layout> = {
  mountain: (scene) => ({
    ...outdoors,
    bands: [{ zNear: -6, zFar: 6000, kind: underfoot(scene, 'rock') }],
    water: null,
    subjectZ: 6.5,
    treeLineZ: scene.environment.trees !== undefined ? 60 : null,
  }),
  canyon: (scene) => ({
    ...outdoors,
    bands: [{ zNear: -6, zFar: 6000, kind: underfoot(scene, 'dirt') }],
    water: null,
    subjectZ: 6.5,
  }),
  // The sea far below the edge: the ground stops at the lip and the water starts beyond it.
  cliff: (scene) => ({
    ...outdoors,
    bands: [
      { zNear: -6, zFar: 10, kind: underfoot(scene, 'grass') },
      { zNear: 10, zFar: 6000, kind: 'water' },
    ],
    water: { kind: 'ocean', xMin: -4000, xMax: 4000, zMin: 10, zMax: 6000 },
    subjectZ: 6.5,
  }),
  snowfield: () => ({
    ...outdoors,
    bands: [{ zNear: -6, zFar: 6000, kind: 'snow' }],
    water: null,
    subjectZ: 6.5,
  }),
  underwater: () => ({
    ...outdoors,
    bands: [{ zNear: -6, zFar: 6000, kind: 'seabed' }],
    water: null,
    subjectZ: 6.5,
  }),
  // Nothing underfoot in space.
  space: () => ({ ...outdoors, bands: [], water: null, subjectZ: 6.5 }),
  rooftop: () => ({
    ...outdoors,
    bands: [{ zNear: -6, zFar: 10, kind: 'roof' }],
    water: null,
    subjectZ: 5.5,
  }),
  alley: () => ({
    ...outdoors,
    bands: [{ zNear: -6, zFar: 6000, kind: 'sidewalk' }],
    water: null,
    subjectZ: 4.5,
    buildingsZ: 34,
  }),
  market: () => ({
    ...outdoors,
    bands: [{ zNear: -6, zFar: 6000, kind: 'sidewalk' }],
    water: null,
    subjectZ: 4.5,
    buildingsZ: 16,
  }),
  harbor: () => ({
    ...outdoors,
    bands: [
      { zNear: -6, zFar: 8, kind: 'planks' },
      { zNear: 8, zFar: 600, kind: 'water' },
      { zNear: 600, zFar: 6000, kind: 'grass' },
    ],
    water: { kind: 'lake', xMin: -4000, xMax: 4000, zMin: 8, zMax: 600 },
    subjectZ: 5.5,
  }),
  station: () => ({
    ...outdoors,
    bands: [
      { zNear: -6, zFar: 6.5, kind: 'sidewalk' },
      { zNear: 6.5, zFar: 10.5, kind: 'rails' },
      { zNear: 10.5, zFar: 14, kind: 'sidewalk' },
      { zNear: 14, zFar: 6000, kind: 'road' },
    ],
    water: null,
    subjectZ: 4.5,
    buildingsZ: 16,
  }),
};
