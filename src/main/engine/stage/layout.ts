/** Where the ground, water, walls, trees and buildings are for each setting, metres from the camera. */
import type { ShotScene } from '../scene';
import type { WaterRegion } from '../simulate';
import type { SettingId } from '../vocabulary/world';
import { placeLayouts } from './placeLayouts';

export type GroundKind =
  | 'grass'
  | 'sand'
  | 'water'
  | 'road'
  | 'sidewalk'
  | 'floor'
  | 'dirt'
  | 'snow'
  | 'forest'
  | 'rock'
  | 'roof'
  | 'planks'
  | 'seabed'
  | 'rails';

export interface Band {
  zNear: number;
  zFar: number;
  kind: GroundKind;
}

export interface Layout {
  bands: Band[];
  water: (WaterRegion & { kind: 'river' | 'lake' | 'ocean' }) | null;
  /** Where figures stand, metres from the camera. */
  subjectZ: number;
  interior: { backWallZ: number; halfWidth: number; height: number } | null;
  treeLineZ: number | null;
  buildingsZ: number | null;
}

/** One layout per setting; each call returns fresh objects, so a shot may adjust its own. */
const settingLayouts: Record<SettingId, (scene: ShotScene) => Layout> = {
  riverside: () => ({
    bands: [
      { zNear: -6, zFar: 8.2, kind: 'grass' },
      { zNear: 8.2, zFar: 26, kind: 'water' },
      { zNear: 26, zFar: 4000, kind: 'grass' },
    ],
    water: { kind: 'river', xMin: -400, xMax: 400, zMin: 8.2, zMax: 26 },
    subjectZ: 6.4,
    interior: null,
    treeLineZ: 40,
    buildingsZ: null,
  }),
  lakeside: () => ({
    bands: [
      { zNear: -6, zFar: 8, kind: 'grass' },
      { zNear: 8, zFar: 140, kind: 'water' },
      { zNear: 140, zFar: 4000, kind: 'grass' },
    ],
    water: { kind: 'lake', xMin: -800, xMax: 800, zMin: 8, zMax: 140 },
    subjectZ: 6.2,
    interior: null,
    treeLineZ: 150,
    buildingsZ: null,
  }),
  beach: () => ({
    bands: [
      { zNear: -6, zFar: 9.5, kind: 'sand' },
      { zNear: 9.5, zFar: 6000, kind: 'water' },
    ],
    water: { kind: 'ocean', xMin: -4000, xMax: 4000, zMin: 9.5, zMax: 6000 },
    subjectZ: 6.5,
    interior: null,
    treeLineZ: null,
    buildingsZ: null,
  }),
  desert: () => ({
    bands: [{ zNear: -6, zFar: 6000, kind: 'sand' }],
    water: null,
    subjectZ: 6.5,
    interior: null,
    treeLineZ: null,
    buildingsZ: null,
  }),
  forest: () => ({
    bands: [{ zNear: -6, zFar: 6000, kind: 'forest' }],
    water: null,
    subjectZ: 6.5,
    interior: null,
    treeLineZ: 18,
    buildingsZ: null,
  }),
  street: () => ({
    bands: [
      { zNear: -6, zFar: 4.5, kind: 'sidewalk' },
      { zNear: 4.5, zFar: 12.5, kind: 'road' },
      { zNear: 12.5, zFar: 15, kind: 'sidewalk' },
      { zNear: 15, zFar: 6000, kind: 'road' },
    ],
    water: null,
    subjectZ: 3.6,
    interior: null,
    treeLineZ: null,
    buildingsZ: 15,
  }),
  interior: (scene) =>
    /warehouse|gym|museum|gallery/i.test(scene.settingWord ?? '')
      ? {
          bands: [{ zNear: -6, zFar: 20, kind: 'floor' }],
          water: null,
          subjectZ: 6,
          interior: { backWallZ: 20, halfWidth: 8, height: 7 },
          treeLineZ: null,
          buildingsZ: null,
        }
      : /hall|corridor/i.test(scene.settingWord ?? '')
        ? {
            bands: [{ zNear: -6, zFar: 15, kind: 'floor' }],
            water: null,
            subjectZ: 4.5,
            interior: { backWallZ: 15, halfWidth: 1.5, height: 2.7 },
            treeLineZ: null,
            buildingsZ: null,
          }
        : {
            bands: [{ zNear: -6, zFar: 9, kind: 'floor' }],
            water: null,
            subjectZ: 5.2,
            interior: { backWallZ: 9, halfWidth: 3.2, height: 3 },
            treeLineZ: null,
            buildingsZ: null,
          },
  nightsky: (scene) => openLayout(scene),
  field: (scene) => openLayout(scene),
  ...placeLayouts,
};

/** A field or a hilltop under the sky: snow or grass, with a pond and trees if the prompt names them. */
export function openLayout(scene: ShotScene): Layout {
  const env = scene.environment;
  return {
    bands: [{ zNear: -6, zFar: 6000, kind: env.snow !== undefined ? 'snow' : 'grass' }],
    water:
      env.lake !== undefined || env.river !== undefined
        ? { kind: 'lake', xMin: -60, xMax: 60, zMin: 14, zMax: 40 }
        : null,
    subjectZ: 6.5,
    interior: null,
    treeLineZ: env.trees !== undefined ? 45 : null,
    buildingsZ: null,
  };
}

/** The shot's layout: its setting's, with the water the prompt names added where the setting has none. */
export function layoutFor(scene: ShotScene): Layout {
  return withWater(settingLayouts[scene.setting](scene), scene);
}

function withWater(layout: Layout, scene: ShotScene): Layout {
  const env = scene.environment;
  const wants =
    env.river !== undefined ? 'river' : env.lake !== undefined ? 'lake' : env.ocean !== undefined ? 'ocean' : null;
  if (layout.water || wants === null || layout.interior) return layout;
  const zMin = layout.subjectZ + 3;
  const zMax = wants === 'river' ? zMin + 16 : 6000;
  const bands: Band[] = [];
  for (const b of layout.bands) {
    if (b.zFar <= zMin || b.zNear >= zMax) bands.push(b);
    else {
      if (b.zNear < zMin) bands.push({ ...b, zFar: zMin });
      if (b.zFar > zMax) bands.push({ ...b, zNear: zMax });
    }
  }
  bands.push({ zNear: zMin, zFar: zMax, kind: 'water' });
  bands.sort((a, b) => a.zNear - b.zNear);
  return { ...layout, bands, water: { kind: wants, xMin: -4000, xMax: 4000, zMin, zMax } };
}

/** The kind of ground at depth z. */
export function groundAt(layout: Layout, z: number): GroundKind {
  return layout.bands.find((b) => z >= b.zNear && z < b.zFar)?.kind ?? 'grass';
}
