/**
 * Draws a shot frame by frame: the world steps forward, the camera moves, and the layered scene is
 * composited back to front, then post effects. Frames must be asked for in time order.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { cameraAt, orbitAngle, project, projectDirection, type CameraState } from '../camera';
import { hashString, noise1, Random } from '../random';
import { stepSeconds, World, type WorldSetup } from '../simulate';
import { heldPosition } from '../stage/handheld';
import { handAt, poseAt, type Pose } from '../stage/pose';
import type { Stage, StagedFigure } from '../stage/types';
import { alongDrive } from '../stage/vehicles';
import { lipSyncRate } from '../sound/soundtrack';
import { drawAnimal, drawFigure } from './figures';
import { LabelBoard, type LabelBox } from './labels';
import { drawLayer, type OrbitScroll } from './layers';
import { add, hex, scale, Palette, type RGB } from './palette';
import { drawParticles } from './particles';
import { drawGlows, drawProp, lightAt, type LightSource, type PropDraw } from './props';
import { Post } from './post';
import { drawGroundAndLayers } from './scenery/ground';
import { drawPlaceBehind, drawPlaceInFront } from './scenery/placeLive';
import { buildScenery, drawSky, type Scenery } from './scenery/scenery';

interface HairSpring {
  angle: number;
  velocity: number;
  lastX: number;
  lastVx: number;
}

export interface ShotRendererOptions {
  width: number;
  height: number;
  /** Ripples the sound plan puts on the water (splashes), shot-local seconds. */
  ripplesAt: WorldSetup['ripplesAt'];
  lipSync: ReadonlyMap<string, Float32Array>;
  /** A quick look: no film grain, which costs a full-frame fill and the encoder's time. */
  draft?: boolean;
}

export class ShotRenderer {
  readonly canvas: Canvas;
  private readonly ctx: SKRSContext2D;
  private readonly palette: Palette;
  private readonly scenery: Scenery;
  private readonly world: World;
  private readonly post: Post;
  private readonly hair = new Map<string, HairSpring>();
  /** Where the last frame's stand-in labels went, none overlapping another. */
  labelBoxes: LabelBox[] = [];
  private hairTime = 0;

  constructor(
    readonly stage: Stage,
    private readonly o: ShotRendererOptions,
  ) {
    this.canvas = createCanvas(o.width, o.height);
    this.ctx = this.canvas.getContext('2d');
    this.palette = new Palette(stage.scene);
    const cams: CameraState[] = [];
    // The set is painted for the view a full orbit starts from; the orbit slides it (see draw).
    for (let i = 0; i <= 16; i++)
      cams.push(cameraAt(stage, (stage.duration * i) / 16, o.width, o.height, { orbit: 'held' }));
    this.scenery = buildScenery(stage, this.palette, cams);
    this.world = new World({ ...stage.world, ripplesAt: o.ripplesAt });
    this.post = new Post(o.width, o.height, this.palette, hashString(`post${stage.scene.index}`, stage.seed), {
      grain: o.draft !== true,
    });
    for (const f of stage.figures) this.hair.set(f.key, { angle: 0, velocity: 0, lastX: f.x, lastVx: 0 });
  }

  /** Draws the frame at shot time t (seconds) into `canvas`. `frame` numbers the frame in the clip, for grain. */
  draw(t: number, frame: number): Canvas {
    const { stage, ctx, palette: p } = this;
    const W = this.o.width;
    const H = this.o.height;
    this.world.advanceTo(t);
    this.stepHair(t);
    const cam = cameraAt(stage, t, W, H);
    // On a full orbit the set (sky, ground, layers, room) is drawn from where the orbit began and
    // slid sideways as it goes round; what stands in the scene is drawn from where the camera is.
    const angle = orbitAngle(stage, t);
    const setCam = angle === null ? cam : cameraAt(stage, t, W, H, { orbit: 'held' });
    const slide =
      angle === null
        ? null
        : (z: number): OrbitScroll => ({
            turn: angle / (2 * Math.PI),
            parallax: 2 * Math.PI * setCam.focal * ((z - stage.focus.z) / Math.max(0.5, z - setCam.z)),
          });

    // No clear: the backdrop (or an interior's fill) is opaque and covers the whole frame.
    ctx.save();
    drawSky(ctx, setCam, p, this.scenery, slide?.(this.scenery.backdrop?.z ?? 2000) ?? null);
    drawGroundAndLayers(ctx, setCam, p, stage, this.scenery, t, this.world.ripples, slide, this.o.draft !== true);
    if (stage.layout.interior) this.drawRoom(setCam);
    drawPlaceBehind(ctx, cam, p, stage, t);

    // Lights first, so figures near a lantern are lit by it.
    const propDraws = this.propDraws(t);
    const lights: LightSource[] = [];
    for (const d of propDraws) {
      if (d.prop.element === 'lantern')
        lights.push({ at: d.at, color: [255, 170, 80], intensity: 0.5 + 0.9 * p.night, radius: 2.2 });
      if (d.prop.element === 'fire')
        lights.push({ at: { ...d.at, y: 0.5 }, color: [255, 150, 60], intensity: 0.7 + 0.6 * p.night, radius: 3.5 });
    }
    const ambient = p.light.ambient;
    const labels = new LabelBoard(W, H);
    const drawables: { depth: number; draw: () => void }[] = [];
    for (const d of propDraws) {
      drawables.push({
        depth: d.depth,
        draw: () => {
          const local = add(ambient, scale(lightAt(d.at, lights), 0.6));
          const own = drawProp(ctx, cam, p, d, t, d.prop.element === 'lantern' ? [1, 1, 1] : local, stage.seed, labels);
          for (const l of own) if (d.prop.element !== 'lantern' && d.prop.element !== 'fire') lights.push(l);
        },
      });
    }
    for (const f of stage.figures) {
      const pose = angle === null ? poseAt(f, t, stage.seed) : seenFromOrbit(poseAt(f, t, stage.seed), angle);
      const depth = pose.z - cam.z;
      drawables.push({
        depth,
        draw: () => {
          const chest = { x: pose.x, y: f.height * 0.7, z: pose.z };
          const light = clampLight(add(ambient, lightAt(chest, lights)));
          const box = drawFigure(ctx, cam, p, f, pose, {
            light,
            hairAngle: this.hair.get(f.key)?.angle ?? 0,
            mouthOpen: this.mouth(f, t),
            t,
            seat: f.sitting && f.seatView === undefined ? (stage.layout.interior ? 'chair' : 'log') : null,
          });
          if (box && f.standIn && !/#[1-9]\d*$/.test(f.key)) labels.add(f.label, box.x, box.top - box.scale * 0.05);
        },
      });
    }
    for (const a of stage.animals) {
      const z = a.members[0]?.z ?? stage.layout.subjectZ;
      drawables.push({ depth: z - cam.z, draw: () => drawAnimal(ctx, cam, p, a, t, clampLight(ambient)) });
    }
    for (const ps of this.world.particles) {
      if (ps.kind === 'smoke')
        drawables.push({
          depth: stage.layout.subjectZ + 1.1 - cam.z,
          draw: () => drawParticles(ctx, cam, p, ps, lights),
        });
    }
    drawables.sort((a, b) => b.depth - a.depth);
    for (const d of drawables) d.draw();
    for (const ps of this.world.particles) if (ps.kind !== 'smoke') drawParticles(ctx, cam, p, ps, lights);
    for (const layer of this.scenery.near)
      drawLayer(ctx, setCam, layer, 1, true, slide?.(layer.z) ?? null, this.o.draft !== true);
    drawPlaceInFront(ctx, cam, p, stage, t);
    drawGlows(ctx, cam, p, lights, (x, z) => {
      const w = stage.layout.water;
      return w && this.world.waterAt(x, z) ? { zNear: w.zMin, zFar: Math.min(w.zMax, 400) } : null;
    });
    this.drawLightning(setCam, t);
    this.post.atmosphere(ctx, setCam, this.flash(t));
    this.labelBoxes = labels.draw(ctx);
    ctx.restore();
    this.post.finish(ctx, frame);
    return this.canvas;
  }

  private propDraws(t: number): PropDraw[] {
    const { stage } = this;
    const out: PropDraw[] = [];
    const camZ = 0;
    for (const prop of stage.props) {
      for (const inst of prop.instances) {
        let at = { x: inst.x, y: inst.y, z: inst.z };
        let spin = hashString(inst.id) % 100;
        if (inst.dynamic) {
          const s = this.world.state(inst.id);
          if (!s || s.sunk) continue;
          at = { x: s.x, y: s.y, z: s.z };
          spin = s.spin + spin;
        }
        if (prop.drive) {
          const along = alongDrive(prop.drive, t, at.x, at.z);
          at = { ...at, x: along.x, z: along.z };
          spin = along.x + along.z;
        }
        let hand = null;
        if (prop.heldBy !== null) {
          const fig = stage.figures.find((f) => f.key === prop.heldBy);
          const s = this.world.state(inst.id);
          if (fig && s?.held) hand = handAt(fig, t, stage.seed);
        }
        const holder = inst.dynamic ? undefined : stage.figures.find((f) => f.key === prop.heldBy);
        if (holder && prop.element !== null && prop.element !== 'umbrella')
          at = heldPosition(holder, prop.element, t, stage.seed);
        if (prop.element === 'umbrella' && prop.heldBy === null) {
          const fig = stage.figures[0];
          if (fig) at = { ...at, x: poseAt(fig, t, stage.seed).x, z: fig.z - 0.05 };
        }
        out.push({ prop, id: inst.id, at, spin, hand, depth: at.z - camZ });
      }
    }
    return out;
  }

  /** Hair follows its head like a damped spring, pushed by the wind and by the figure's motion. */
  private stepHair(t: number): void {
    const { stage } = this;
    const amount = stage.scene.hair;
    while (this.hairTime + stepSeconds <= t + 1e-9) {
      const now = this.hairTime + stepSeconds;
      const wind = this.world.windAt(now);
      for (const f of stage.figures) {
        const h = this.hair.get(f.key);
        if (!h) continue;
        const pose = poseAt(f, now, stage.seed);
        const vx = (pose.x - h.lastX) / stepSeconds;
        const ax = (vx - h.lastVx) / stepSeconds;
        h.lastX = pose.x;
        h.lastVx = vx;
        const flutter =
          noise1(hashString(f.key, stage.seed), now * 1.1) * 0.5 +
          noise1(hashString(f.key, stage.seed + 1), now * 3.3) * 0.2;
        const target = amount * (0.12 + -pose.facing * wind * 0.3 + flutter * 0.35) + Math.abs(vx) * 0.12;
        const k = 28;
        const c = 3.2;
        h.velocity += (k * (target - h.angle) - c * h.velocity + ax * pose.facing * 0.02) * stepSeconds;
        h.angle += h.velocity * stepSeconds;
      }
      this.hairTime = now;
    }
  }

  private mouth(f: StagedFigure, t: number): number {
    const key = f.key.split('#')[0] ?? f.key;
    const env = this.o.lipSync.get(key);
    if (!env) return 0;
    const i = Math.round(((this.stage.scene.startMs + t * 1000) / 1000) * lipSyncRate);
    return env[i] ?? 0;
  }

  private flash(t: number): number {
    let f = 0;
    for (const at of this.stage.lightning) {
      const d = t - at;
      if (d >= 0 && d < 0.4) f = Math.max(f, Math.exp(-d / 0.06) * 0.8 + (d > 0.12 && d < 0.2 ? 0.4 : 0));
    }
    return f;
  }

  /** A forked bolt in the sky while a flash lasts. */
  private drawLightning(cam: CameraState, t: number): void {
    const { ctx, stage } = this;
    for (const [k, at] of stage.lightning.entries()) {
      const d = t - at;
      if (d < 0 || d > 0.2 || stage.layout.interior) continue;
      const r = new Random(hashString(`bolt${k}`, stage.seed));
      const top = projectDirection(cam, r.range(-0.5, 0.5), 0.6);
      const bottom = projectDirection(cam, 0, 0.02);
      const alpha = d < 0.06 ? 1 : d > 0.12 && d < 0.17 ? 0.8 : 0.25;
      const pts: [number, number][] = [[top.x, Math.min(top.y, 0)]];
      const steps = 9;
      for (let i = 1; i <= steps; i++) {
        const y = pts[0]?.[1] ?? 0;
        const yy = y + ((bottom.y - y) * i) / steps;
        const prev = pts[pts.length - 1]?.[0] ?? top.x;
        pts.push([prev + r.range(-1, 1) * cam.width * 0.03, yy]);
      }
      for (const [width, a] of [
        [cam.width / 120, 0.25],
        [cam.width / 500, 1],
      ] as const) {
        ctx.strokeStyle = `rgba(235,240,255,${(a * alpha).toFixed(3)})`;
        ctx.lineWidth = Math.max(1, width);
        ctx.beginPath();
        pts.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
        ctx.stroke();
      }
    }
  }

  /** Walls and ceiling of an interior, as projected polygons. */
  private drawRoom(cam: CameraState): void {
    const room = this.stage.layout.interior;
    if (!room) return;
    const { ctx, palette: p } = this;
    const wall = hex('#c9b49a');
    /** A flat polygon in the room, lit by the scene (`k` darkens it), or glowing when `k` is null. */
    const poly = (pts: { x: number; y: number; z: number }[], colour: RGB, k: number | null): void => {
      const sp = pts.map((q) => project(cam, q));
      if (sp.some((q) => q === null)) return;
      ctx.fillStyle = k === null ? p.css(colour, 0.95) : p.css(p.lit(scale(colour, k)));
      ctx.beginPath();
      sp.forEach((q, i) => {
        if (!q) return;
        if (i === 0) ctx.moveTo(q.x, q.y);
        else ctx.lineTo(q.x, q.y);
      });
      ctx.closePath();
      ctx.fill();
    };
    const zb = room.backWallZ;
    const zn = cam.z + 1.2;
    const x = room.halfWidth;
    const h = room.height;
    poly(
      [
        { x: -x, y: 0, z: zb },
        { x, y: 0, z: zb },
        { x, y: h, z: zb },
        { x: -x, y: h, z: zb },
      ],
      wall,
      1,
    );
    poly(
      [
        { x: -x, y: 0, z: zn },
        { x: -x, y: 0, z: zb },
        { x: -x, y: h, z: zb },
        { x: -x, y: h, z: zn },
      ],
      wall,
      0.8,
    );
    poly(
      [
        { x, y: 0, z: zn },
        { x, y: 0, z: zb },
        { x, y: h, z: zb },
        { x, y: h, z: zn },
      ],
      wall,
      0.75,
    );
    poly(
      [
        { x: -x, y: h, z: zn },
        { x, y: h, z: zn },
        { x, y: h, z: zb },
        { x: -x, y: h, z: zb },
      ],
      hex('#e8e0d4'),
      0.85,
    );
    poly(
      [
        { x: -x, y: 0, z: zb - 0.01 },
        { x, y: 0, z: zb - 0.01 },
        { x, y: 0.12, z: zb - 0.01 },
        { x: -x, y: 0.12, z: zb - 0.01 },
      ],
      hex('#8a7a66'),
      1,
    );
    // Baseboards along the side walls and a runner down the floor.
    for (const side of [-1, 1]) {
      poly(
        [
          { x: side * x, y: 0, z: zn },
          { x: side * x, y: 0, z: zb },
          { x: side * x, y: 0.12, z: zb },
          { x: side * x, y: 0.12, z: zn },
        ],
        hex('#8a7a66'),
        0.9,
      );
    }
    const runner = Math.min(0.5, x * 0.35);
    poly(
      [
        { x: -runner, y: 0.002, z: zn },
        { x: runner, y: 0.002, z: zn },
        { x: runner, y: 0.002, z: zb - 0.4 },
        { x: -runner, y: 0.002, z: zb - 0.4 },
      ],
      hex('#6a2f2a'),
      0.9,
    );
    // A long, narrow room (a hallway) has doors along its walls and lights along its ceiling.
    if (x < 2 && zb - zn > 6) {
      for (let z = zb - 2.5, k = 0; z > zn + 1.5; z -= 3.4, k++) {
        const side = k % 2 === 0 ? -1 : 1;
        const wx = side * (x - 0.01);
        poly(
          [
            { x: wx, y: 0, z },
            { x: wx, y: 2.15, z },
            { x: wx, y: 2.15, z: z + 1.05 },
            { x: wx, y: 0, z: z + 1.05 },
          ],
          hex('#5a4030'),
          1,
        );
        poly(
          [
            { x: wx * 0.999, y: 0.05, z: z + 0.08 },
            { x: wx * 0.999, y: 2.07, z: z + 0.08 },
            { x: wx * 0.999, y: 2.07, z: z + 0.97 },
            { x: wx * 0.999, y: 0.05, z: z + 0.97 },
          ],
          hex('#8a5a3a'),
          1,
        );
      }
      for (let z = zb - 1.5; z > zn + 0.8; z -= 3)
        poly(
          [
            { x: -0.35, y: h - 0.005, z },
            { x: 0.35, y: h - 0.005, z },
            { x: 0.35, y: h - 0.005, z: z + 0.7 },
            { x: -0.35, y: h - 0.005, z: z + 0.7 },
          ],
          [255, 246, 225],
          null,
        );
    }
    // A picture on the back wall, so the room reads as lived in.
    poly(
      [
        { x: -0.4, y: 1.3, z: zb - 0.02 },
        { x: 0.5, y: 1.3, z: zb - 0.02 },
        { x: 0.5, y: 1.95, z: zb - 0.02 },
        { x: -0.4, y: 1.95, z: zb - 0.02 },
      ],
      hex('#4a3a2a'),
      1,
    );
    poly(
      [
        { x: -0.33, y: 1.36, z: zb - 0.03 },
        { x: 0.43, y: 1.36, z: zb - 0.03 },
        { x: 0.43, y: 1.89, z: zb - 0.03 },
        { x: -0.33, y: 1.89, z: zb - 0.03 },
      ],
      hex('#6a8aa0'),
      1,
    );
  }
}

/**
 * How a figure in profile is seen from a camera that has gone `angle` round it: from in front or
 * behind when it faces toward or away from the camera, else in profile, mirrored from the far side.
 */
export function seenFromOrbit(pose: Pose, angle: number): Pose {
  if (pose.view !== 'side') return pose;
  const toward = pose.facing * Math.sin(angle);
  if (toward > 0.75) return { ...pose, view: 'front' };
  if (toward < -0.75) return { ...pose, view: 'back' };
  return Math.cos(angle) >= 0 ? pose : { ...pose, facing: pose.facing === 1 ? -1 : 1 };
}

function clampLight(c: RGB): RGB {
  return [Math.min(1.35, c[0]), Math.min(1.35, c[1]), Math.min(1.35, c[2])];
}
