/** The colour of the ground, or of water, at a distance. */
import type { GroundKind } from '../../stage/layout';
import type { Stage } from '../../stage/types';
import { hex, mix, scale, type Palette, type RGB } from '../palette';

/** A ground colour at a distance: the same function for the baked far ground and the live near ground, so they meet without a seam. */
export function groundColor(p: Palette, stage: Stage, kind: GroundKind, z: number): RGB {
  if (kind === 'water') {
    const w = stage.layout.water;
    const tint = w?.kind === 'ocean' ? hex('#2d5a78') : w?.kind === 'river' ? hex('#3a5c66') : hex('#385f78');
    const farCol = mix(p.sky(0.04), p.lit(tint), 0.18);
    const nearCol = mix(scale(p.sky(0.55), 0.85), p.lit(tint), 0.4);
    const k = 1 - Math.exp(-Math.max(0, z - (w?.zMin ?? 0)) / 10);
    return mix(nearCol, farCol, k);
  }
  const base = p.ground(kind);
  return scale(p.lit(base, Math.min(z, 3000)), 0.92 + 0.08 * Math.min(1, z / 40));
}
