/**
 * Vehicles: cars of several bodies (sedan, SUV, convertible, pickup, van, taxi, sports car),
 * buses, bicycles and motorcycles with their riders, trains and boats. Each shows the side it presents: its
 * profile while crossing, its back driving away, its front coming toward the camera.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Projected } from '../camera';
import { isTram, travelView, type TravelView } from '../stage/vehicles';
import type { StagedProp } from '../stage/types';
import { carBodies } from '../vocabulary/subjects';
import type { LightSource, PropDraw } from './props';
import { hex, mix, scale, type Palette, type RGB } from './palette';
import { drawRider } from './riders';
import { sketchAt, type Sketch } from './sketch';

/** Everything a vehicle drawing needs: where it stands on screen, how it is lit, which way it faces. */
export interface VehicleCanvas {
  ctx: SKRSContext2D;
  p: Palette;
  pr: Projected;
  /** Pixels per metre. */
  s: number;
  d: PropDraw;
  t: number;
  /** An albedo under the local light, hazed by distance. */
  lit: (c: RGB, k?: number) => string;
}

export function drawVehicle(v: VehicleCanvas): LightSource[] {
  const { view, facing } = travelView(v.d.prop.drive);
  // Drawn in metres around the vehicle's ground point: x along its facing, y up.
  const sk = sketchAt(v.ctx, v.pr, v.s, view === 'side' ? facing : 1);
  switch (v.d.prop.element) {
    case 'bus':
      return drawBus(v, sk, view);
    case 'bicycle':
      drawBicycle(v, sk, view);
      return [];
    case 'motorcycle':
      return drawMotorcycle(v, sk, view);
    case 'train':
      drawTrain(v, sk);
      return [];
    case 'boat':
      drawBoat(v, sk);
      return [];
    default:
      return drawCar(v, sk, view);
  }
}

function colourOf(prop: StagedProp, fallback: string): RGB {
  return hex(prop.color ?? fallback);
}

function glass(v: VehicleCanvas): string {
  return v.p.css(mix(v.p.sky(0.4), [20, 30, 40], 0.55), 0.92);
}

function shadowUnder(v: VehicleCanvas, halfWidth: number): void {
  v.ctx.fillStyle = v.p.css([0, 0, 0], 0.28);
  v.ctx.beginPath();
  v.ctx.ellipse(v.pr.x, v.pr.y, halfWidth * v.s, 0.14 * v.s, 0, 0, Math.PI * 2);
  v.ctx.fill();
}

function wheel(v: VehicleCanvas, k: Sketch, x: number, r: number): void {
  k.circle(x, r, r, v.p.css([18, 18, 20]));
  k.circle(x, r, r * 0.55, v.lit([150, 150, 155]));
  const a = v.d.spin * 3;
  k.line(
    [
      [x + Math.cos(a) * r * 0.5, r + Math.sin(a) * r * 0.5],
      [x - Math.cos(a) * r * 0.5, r - Math.sin(a) * r * 0.5],
    ],
    v.p.css([60, 60, 64]),
    0.04,
  );
}

type Body = (typeof carBodies)[string];

/** Heights of each body in metres: [sill, belt line, roof] and its half-length and wheel radius. */
const BODY: Record<Body, { belt: number; roof: number; half: number; wheelR: number; colour: string }> = {
  sedan: { belt: 0.95, roof: 1.45, half: 2.2, wheelR: 0.34, colour: '#2f5d9a' },
  taxi: { belt: 0.95, roof: 1.45, half: 2.2, wheelR: 0.34, colour: '#e8b820' },
  suv: { belt: 1.15, roof: 1.85, half: 2.3, wheelR: 0.42, colour: '#3c4a3a' },
  convertible: { belt: 0.85, roof: 0.85, half: 2.2, wheelR: 0.33, colour: '#c0262c' },
  truck: { belt: 1.05, roof: 1.75, half: 2.6, wheelR: 0.42, colour: '#8a2a22' },
  van: { belt: 1.0, roof: 2.05, half: 2.4, wheelR: 0.36, colour: '#e8e6e0' },
  sports: { belt: 0.75, roof: 1.15, half: 2.2, wheelR: 0.32, colour: '#d8a010' },
};

export function bodyOf(noun: string): Body {
  const singular = noun.replace(/s$/, '');
  return carBodies[noun] ?? carBodies[singular] ?? 'sedan';
}

function drawCar(v: VehicleCanvas, k: Sketch, view: TravelView): LightSource[] {
  const body = bodyOf(v.d.prop.noun);
  const b = BODY[body];
  const col = colourOf(v.d.prop, b.colour);
  const night = v.p.night > 0.4;
  if (view !== 'side') {
    drawCarEnd(v, k, body, col, view);
  } else {
    shadowUnder(v, b.half);
    drawCarSide(v, k, body, col);
  }
  const lights: LightSource[] = [];
  if (night && view !== 'back') {
    const ahead = view === 'front' ? 0 : b.half * (travelView(v.d.prop.drive).facing === 1 ? 1 : -1);
    lights.push({
      at: { x: v.d.at.x + ahead, y: 0.7, z: v.d.at.z - (view === 'front' ? 2 : 0) },
      color: [255, 240, 200],
      intensity: 0.9,
      radius: 3,
    });
  }
  return lights;
}

function drawCarSide(v: VehicleCanvas, k: Sketch, body: Body, col: RGB): void {
  const b = BODY[body];
  const paint = v.lit(col);
  const h = b.half;
  const r = b.wheelR;
  const sill = r * 0.9;
  // Lower body: a long rounded slab, a little higher at the back.
  k.poly(
    [
      [-h, sill],
      [h, sill],
      [h, b.belt - 0.2],
      [h - 0.15, b.belt - 0.05],
      [-h + 0.1, b.belt],
      [-h, b.belt - 0.1],
    ],
    paint,
  );
  const cab: Record<Body, [number, number][]> = {
    sedan: [
      [-1.35, b.belt],
      [-0.95, b.roof],
      [0.55, b.roof],
      [1.15, b.belt],
    ],
    taxi: [
      [-1.35, b.belt],
      [-0.95, b.roof],
      [0.55, b.roof],
      [1.15, b.belt],
    ],
    suv: [
      [-h + 0.1, b.belt],
      [-h + 0.15, b.roof],
      [0.7, b.roof],
      [1.2, b.belt],
    ],
    truck: [
      [-0.1, b.belt],
      [0.05, b.roof],
      [0.95, b.roof],
      [1.35, b.belt],
    ],
    van: [
      [-h + 0.05, b.belt],
      [-h + 0.05, b.roof],
      [1.0, b.roof],
      [h - 0.1, b.belt],
    ],
    sports: [
      [-1.0, b.belt],
      [-0.4, b.roof],
      [0.3, b.roof],
      [1.0, b.belt],
    ],
    convertible: [],
  };
  const cabin = cab[body];
  if (cabin.length > 0) {
    k.poly(cabin, paint);
    // Windows inset in the cabin, split by a pillar.
    const inset = cabin.map(([x, y], i): [number, number] => [
      x + (i === 0 ? 0.12 : i === 3 ? -0.12 : i === 1 ? 0.08 : -0.08),
      i === 0 || i === 3 ? y + 0.04 : y - 0.07,
    ]);
    k.poly(inset, glass(v));
    const mid = ((inset[1]?.[0] ?? 0) + (inset[2]?.[0] ?? 0)) / 2;
    k.rect(mid - 0.05, b.belt, 0.1, b.roof - b.belt, paint);
  } else {
    // A convertible: no roof, a raked windscreen, and the driver's head above the door.
    k.line(
      [
        [0.75, b.belt],
        [0.35, b.belt + 0.38],
      ],
      glass(v),
      0.06,
    );
    k.rect(-0.55, b.belt - 0.02, 0.12, 0.34, v.lit([40, 30, 28]));
    const rider = v.d.prop.rider;
    k.circle(-0.1, b.belt + 0.38, 0.13, v.lit(hex(rider?.skin ?? '#d9a27a')));
    k.circle(-0.13, b.belt + 0.44, 0.13, v.lit(hex(rider?.hair ?? '#3a2a1e')));
  }
  if (body === 'truck') {
    // The open bed behind the cab.
    k.rect(-h, b.belt - 0.04, h - 0.15, 0.08, v.lit(scale(col, 0.7)));
  }
  if (body === 'taxi') {
    k.rect(-0.5, b.roof, 1, 0.2, v.p.night > 0.4 ? v.p.css([255, 236, 170]) : v.lit([235, 225, 200]), 0.05);
    for (let c = 0; c < 14; c++)
      k.rect(-1.8 + c * 0.26, b.belt - 0.32, 0.26, 0.08, c % 2 ? v.p.css([25, 25, 25]) : v.lit([240, 240, 235]));
  }
  // Lights: white-yellow at the front, red at the back; a door seam; bumpers.
  k.rect(h - 0.12, b.belt - 0.32, 0.12, 0.14, v.p.night > 0.4 ? v.p.css([255, 246, 210]) : v.lit([240, 235, 210]));
  k.rect(-h, b.belt - 0.3, 0.1, 0.14, v.p.css(v.p.night > 0.4 ? [255, 40, 30] : [190, 30, 25]));
  k.line(
    [
      [0.05, sill + 0.05],
      [0.05, b.belt - 0.05],
    ],
    v.lit(scale(col, 0.6)),
    0.025,
  );
  k.rect(-h - 0.03, sill, 0.2, 0.14, v.lit([60, 60, 62]));
  k.rect(h - 0.17, sill, 0.2, 0.14, v.lit([60, 60, 62]));
  wheel(v, k, -h + 0.8, r);
  wheel(v, k, h - 0.75, r);
}

/** A car seen from in front or behind: wheels at the corners, the glass above, lights either side. */
function drawCarEnd(v: VehicleCanvas, k: Sketch, body: Body, col: RGB, view: 'front' | 'back'): void {
  const b = BODY[body];
  const w = body === 'suv' || body === 'van' || body === 'truck' ? 0.95 : 0.9;
  const paint = v.lit(col);
  const dark = v.p.css([18, 18, 20]);
  shadowUnder(v, w * 1.1);
  k.rect(-w + 0.05, 0, 0.3, b.wheelR * 1.6, dark, 0.05);
  k.rect(w - 0.35, 0, 0.3, b.wheelR * 1.6, dark, 0.05);
  k.rect(-w, b.wheelR * 0.8, w * 2, b.belt - b.wheelR * 0.8, paint, 0.12);
  if (body !== 'convertible') {
    const top = body === 'van' ? 0.92 : 0.72;
    k.poly(
      [
        [-w * 0.9, b.belt],
        [-w * top, b.roof],
        [w * top, b.roof],
        [w * 0.9, b.belt],
      ],
      paint,
    );
    k.poly(
      [
        [-w * 0.8, b.belt + 0.04],
        [-w * (top - 0.06), b.roof - 0.07],
        [w * (top - 0.06), b.roof - 0.07],
        [w * 0.8, b.belt + 0.04],
      ],
      glass(v),
    );
  } else {
    k.line(
      [
        [-w * 0.8, b.belt + 0.3],
        [w * 0.8, b.belt + 0.3],
      ],
      glass(v),
      0.05,
    );
    const rider = v.d.prop.rider;
    k.circle(
      -0.3,
      b.belt + 0.3,
      0.13,
      v.lit(hex(view === 'back' ? (rider?.hair ?? '#3a2a1e') : (rider?.skin ?? '#d9a27a'))),
    );
  }
  if (body === 'taxi')
    k.rect(-0.25, b.roof, 0.5, 0.18, v.p.night > 0.4 ? v.p.css([255, 236, 170]) : v.lit([235, 225, 200]), 0.04);
  const lampY = b.belt - 0.28;
  const lamp =
    view === 'front'
      ? v.p.night > 0.4
        ? v.p.css([255, 248, 220])
        : v.lit([235, 232, 215])
      : v.p.css(v.p.night > 0.4 ? [255, 40, 30] : [190, 30, 25]);
  k.rect(-w + 0.08, lampY, 0.34, 0.14, lamp, 0.04);
  k.rect(w - 0.42, lampY, 0.34, 0.14, lamp, 0.04);
  if (view === 'front') k.rect(-0.35, lampY - 0.02, 0.7, 0.18, v.lit([30, 30, 32]), 0.03);
  // The number plate and the bumper.
  k.rect(-0.25, b.wheelR * 0.95, 0.5, 0.12, v.lit([235, 235, 225]));
  k.rect(-w, b.wheelR * 0.75, w * 2, 0.1, v.lit([50, 50, 52]), 0.04);
}

function drawBus(v: VehicleCanvas, k: Sketch, view: TravelView): LightSource[] {
  const noun = v.d.prop.noun;
  const decker = /double/.test(noun);
  const school = /school/.test(noun);
  const col = colourOf(v.d.prop, decker ? '#c0221c' : school ? '#f0b818' : '#2a6fb0');
  const paint = v.lit(col);
  const height = decker ? 4.3 : 3.1;
  const window = glass(v);
  if (view !== 'side') {
    const w = 1.25;
    shadowUnder(v, w * 1.1);
    k.rect(-w + 0.1, 0, 0.35, 0.9, v.p.css([18, 18, 20]));
    k.rect(w - 0.45, 0, 0.35, 0.9, v.p.css([18, 18, 20]));
    k.rect(-w, 0.3, w * 2, height - 0.3, paint, 0.15);
    if (view === 'front') {
      k.rect(-w + 0.12, 1.35, w * 2 - 0.24, 1.35, window, 0.08);
      k.rect(-w + 0.2, height - 0.45, w * 2 - 0.4, 0.3, v.p.css([30, 30, 30]));
      k.rect(-w + 0.15, 0.75, 0.35, 0.2, v.p.night > 0.4 ? v.p.css([255, 248, 220]) : v.lit([230, 230, 215]));
      k.rect(w - 0.5, 0.75, 0.35, 0.2, v.p.night > 0.4 ? v.p.css([255, 248, 220]) : v.lit([230, 230, 215]));
    } else {
      k.rect(-w + 0.3, 2.0, w * 2 - 0.6, 0.8, window, 0.06);
      k.rect(-w + 0.12, 0.75, 0.25, 0.35, v.p.css([190, 30, 25]));
      k.rect(w - 0.37, 0.75, 0.25, 0.35, v.p.css([190, 30, 25]));
    }
    if (decker) k.rect(-w + 0.12, 3.0, w * 2 - 0.24, 0.9, window, 0.06);
    return [];
  }
  const h = 6;
  shadowUnder(v, h);
  k.rect(-h, 0.35, h * 2, height - 0.35, paint, 0.25);
  // A row of windows (two rows on a double-decker), the door at the front, the route sign.
  const rows = decker ? [1.45, 3.05] : [1.45];
  for (const y of rows) for (let x = -h + 0.5; x < h - 2; x += 1.45) k.rect(x, y, 1.25, 0.95, window, 0.06);
  k.rect(h - 1.9, 0.5, 0.95, 2.0, v.lit([40, 45, 50]), 0.05);
  k.rect(h - 0.75, 1.2, 0.7, 1.3, window, 0.06);
  k.rect(h - 1.6, height - 0.45, 1.4, 0.3, v.p.night > 0.4 ? v.p.css([255, 190, 60]) : v.lit([40, 40, 40]));
  if (school) k.rect(-h, 1.1, h * 2, 0.12, v.p.css([20, 20, 20]));
  wheel(v, k, -h + 1.8, 0.5);
  wheel(v, k, h - 2.6, 0.5);
  return noun === 'bus' && v.p.night > 0.4
    ? [{ at: { x: v.d.at.x, y: 1.8, z: v.d.at.z }, color: [255, 235, 190], intensity: 0.5, radius: 4 }]
    : [];
}

/** A bicycle, ridden or leaning on its stand; its rider pedals while it moves. */
function drawBicycle(v: VehicleCanvas, k: Sketch, view: TravelView): void {
  const frame = v.lit(colourOf(v.d.prop, '#2b6f9a'));
  const tyre = v.p.css([22, 22, 24]);
  const moving = v.d.prop.drive !== null && v.t >= v.d.prop.drive.t0 && v.t <= v.d.prop.drive.t1;
  const crank = moving ? v.t * 7 : 0.6;
  const rider = v.d.prop.rider ?? null;
  if (view !== 'side') {
    // End on: a thin upright wheel, the handlebar across, the rider's back or front above.
    k.rect(-0.04, 0, 0.08, 0.68, tyre, 0.03);
    if (view === 'back') k.rect(-0.04, 0.5, 0.08, 0.06, v.p.css([220, 40, 30]));
    k.line(
      [
        [0, 0.35],
        [0, 0.95],
      ],
      frame,
      0.04,
    );
    k.line(
      [
        [-0.3, 1.0],
        [0.3, 1.0],
      ],
      v.lit([40, 40, 44]),
      0.035,
    );
    if (rider) drawRider(k, v.lit, rider, { mount: 'bicycle', view, phase: crank });
    return;
  }
  const R = 0.34;
  const back = -0.52;
  const front = 0.52;
  for (const x of [back, front]) {
    v.ctx.strokeStyle = tyre;
    v.ctx.lineWidth = Math.max(1, 0.05 * v.s);
    v.ctx.beginPath();
    v.ctx.arc(k.X(x), k.Y(R), R * v.s, 0, Math.PI * 2);
    v.ctx.stroke();
    k.line(
      [
        [x, R],
        [x + Math.cos(v.d.spin * 4) * R * 0.9, R + Math.sin(v.d.spin * 4) * R * 0.9],
      ],
      v.lit([170, 170, 175]),
      0.012,
    );
  }
  const crankAt: [number, number] = [0, R];
  const seat: [number, number] = [-0.18, 0.95];
  const bars: [number, number] = [0.42, 1.02];
  k.line([[back, R], crankAt, seat, [back, R]], frame, 0.04);
  k.line([crankAt, [0.38, 0.88], seat], frame, 0.04);
  k.line([[front, R], [0.38, 0.88], bars, [0.32, 1.04]], frame, 0.035);
  k.rect(seat[0] - 0.12, seat[1], 0.24, 0.05, v.lit([30, 30, 30]), 0.02);
  if (rider) drawRider(k, v.lit, rider, { mount: 'bicycle', view, phase: crank });
  else
    k.line(
      [
        [Math.cos(crank) * 0.16, R + Math.sin(crank) * 0.16],
        [-Math.cos(crank) * 0.16, R - Math.sin(crank) * 0.16],
      ],
      v.lit([50, 50, 52]),
      0.03,
    );
}

/**
 * A motorcycle: two fat tyres, the engine block low between them, the fuel tank ahead of the seat,
 * the front fork raked out to the wheel, an exhaust along the back and a headlight; its rider sits
 * astride with feet on the pegs. End on, it is a wheel, the handlebar across and the light.
 */
function drawMotorcycle(v: VehicleCanvas, k: Sketch, view: TravelView): LightSource[] {
  const paint = v.lit(colourOf(v.d.prop, '#b3261e'));
  const dark = v.lit([34, 34, 38]);
  const chrome = v.lit([185, 185, 190]);
  const tyre = v.p.css([20, 20, 22]);
  const rider = v.d.prop.rider ?? null;
  const lamp = v.p.night > 0.3;
  const light: LightSource[] = lamp
    ? [{ at: { x: v.d.at.x, y: 0.9, z: v.d.at.z }, color: [255, 240, 210], intensity: 0.6, radius: 4 }]
    : [];
  if (view !== 'side') {
    k.rect(-0.07, 0, 0.14, 0.66, tyre, 0.05);
    k.rect(-0.16, 0.4, 0.32, 0.3, dark, 0.06);
    k.line(
      [
        [-0.38, 1.0],
        [0.38, 1.0],
      ],
      dark,
      0.04,
    );
    if (view === 'front') k.circle(0, 0.82, 0.09, v.p.css([255, 244, 214]));
    else k.rect(-0.07, 0.74, 0.14, 0.06, v.p.css([220, 40, 30]));
    if (rider) drawRider(k, v.lit, rider, { mount: 'bicycle', view, phase: 0 });
    return light;
  }
  const R = 0.33;
  const back = -0.7;
  const front = 0.72;
  for (const x of [back, front]) {
    k.circle(x, R, R, tyre);
    k.circle(x, R, R * 0.55, chrome);
    k.circle(x, R, R * 0.2, dark);
  }
  // Swingarm, engine, exhaust.
  k.line(
    [
      [back, R],
      [-0.05, 0.45],
    ],
    dark,
    0.06,
  );
  k.rect(-0.22, 0.28, 0.44, 0.34, dark, 0.05);
  k.line(
    [
      [0.1, 0.3],
      [-0.35, 0.22],
      [-0.9, 0.3],
    ],
    chrome,
    0.07,
  );
  // Fork, tank, seat, tail, handlebar and headlight.
  k.line(
    [
      [front, R],
      [0.5, 1.0],
    ],
    chrome,
    0.05,
  );
  k.poly(
    [
      [-0.05, 0.62],
      [0.45, 0.7],
      [0.42, 0.92],
      [0.0, 0.9],
    ],
    paint,
  );
  k.rect(-0.55, 0.86, 0.58, 0.1, dark, 0.04);
  k.poly(
    [
      [-0.55, 0.86],
      [-0.85, 0.9],
      [-0.8, 0.98],
      [-0.5, 0.96],
    ],
    paint,
  );
  k.line(
    [
      [0.5, 1.0],
      [0.42, 1.04],
    ],
    dark,
    0.035,
  );
  k.circle(0.6, 0.85, 0.07, v.p.css(lamp ? [255, 244, 214] : [220, 220, 210]));
  if (rider) drawRider(k, v.lit, rider, { mount: 'bicycle', view, phase: 0 });
  return light;
}

/** A tram or streetcar, not a train: one boxy car on rails, a pole from its roof to the wire overhead. */
function drawTram(v: VehicleCanvas, k: Sketch): void {
  const col = colourOf(v.d.prop, '#e8b923');
  const paint = v.lit(col);
  const window = glass(v);
  k.rect(-400, 0, 800, 0.05, v.lit([120, 120, 125]));
  // The wire it draws power from, across the view.
  k.line(
    [
      [-400, 5.4],
      [400, 5.4],
    ],
    v.lit([40, 40, 44]),
    0.03,
  );
  k.rect(-4.6, 0.45, 9.2, 2.7, paint, 0.25);
  k.rect(-4.6, 0.45, 9.2, 0.8, v.lit([236, 226, 200]), 0.1);
  k.rect(-4.3, 3.1, 8.6, 0.35, v.lit(scale(col, 0.75)), 0.15);
  for (let x = -4.1; x < 3.6; x += 1.25) k.rect(x, 1.75, 0.95, 1.05, window, 0.08);
  k.rect(3.75, 1.0, 0.6, 1.85, window, 0.05);
  k.rect(-4.6, 1.45, 9.2, 0.1, v.lit(scale(col, 0.6)));
  for (const wx of [-3.2, -2.2, 2.2, 3.2]) wheel(v, k, wx, 0.35);
  // The trolley pole, raked back from the roof to the wire.
  k.line(
    [
      [0.6, 3.45],
      [-1.4, 5.4],
    ],
    v.lit([30, 30, 32]),
    0.06,
  );
}

/** A train: a locomotive (steam when named so) pulling carriages, drawn where it is on screen. */
function drawTrain(v: VehicleCanvas, k: Sketch): void {
  if (isTram(v.d.prop.noun)) {
    drawTram(v, k);
    return;
  }
  const steam = /steam|locomotive/.test(v.d.prop.noun) || v.p.style.sepia > 0.3 || v.p.style.blackAndWhite;
  const col = colourOf(v.d.prop, steam ? '#26262a' : '#b8bec6');
  const paint = v.lit(col);
  const window = glass(v);
  const front = 40;
  // The rails it runs on, reaching past both edges of the view.
  k.rect(-400, 0, 800, 0.06, v.lit([70, 64, 58]));
  k.rect(-400, 0.12, 800, 0.05, v.lit([120, 120, 125]));
  // Carriages behind the engine, each 17 m with a small gap.
  for (let c = 0; c < 3; c++) {
    const x1 = front - 15 - c * 17.6;
    const x0 = x1 - 17;
    const carColour = steam ? v.lit([92, 40, 32]) : paint;
    k.rect(x0, 0.9, 17, 2.9, carColour, 0.2);
    k.rect(x0, 3.65, 17, 0.22, v.lit(scale(col, 0.7)), 0.1);
    for (let x = x0 + 1; x < x1 - 1.5; x += 1.8) k.rect(x, 2.1, 1.2, 1.0, window, 0.08);
    if (!steam) k.rect(x0, 1.6, 17, 0.18, v.lit([200, 40, 40]));
    for (const wx of [x0 + 2.2, x0 + 3.6, x1 - 3.6, x1 - 2.2]) wheel(v, k, wx, 0.45);
  }
  if (steam) {
    // Boiler, cab, chimney and cowcatcher: the shape anyone names a steam engine.
    k.rect(front - 15, 0.9, 4.5, 3.4, paint, 0.1);
    k.rect(front - 14.6, 3.0, 3.6, 1.0, window, 0.05);
    k.rect(front - 15.3, 4.3, 5.1, 0.25, v.lit([30, 30, 30]));
    k.rect(front - 10.5, 1.3, 9.5, 2.2, paint, 1.1);
    k.rect(front - 2.7, 3.4, 0.8, 1.3, paint, 0.1);
    k.rect(front - 2.9, 4.6, 1.2, 0.25, paint, 0.1);
    k.rect(front - 6, 3.4, 1.0, 0.5, paint, 0.4);
    k.poly(
      [
        [front - 1.2, 0.3],
        [front + 0.6, 0.3],
        [front - 1.2, 1.4],
      ],
      v.lit([120, 30, 25]),
    );
    for (const wx of [front - 9.5, front - 7.2, front - 4.9]) wheel(v, k, wx, 0.8);
    wheel(v, k, front - 2.5, 0.45);
    wheel(v, k, front - 13.5, 0.5);
    // Puffs of smoke drifting back from the chimney.
    for (let i = 0; i < 6; i++) {
      const age = (v.t * 1.6 + i / 6) % 1;
      const r = 0.5 + age * 1.6;
      v.ctx.fillStyle = v.p.css(mix(v.p.light.haze, [235, 235, 235], 0.5), 0.55 * (1 - age));
      v.ctx.beginPath();
      v.ctx.arc(k.X(front - 2.3 - age * 9), k.Y(5.2 + age * 2.5), r * v.s, 0, Math.PI * 2);
      v.ctx.fill();
    }
  } else {
    // A modern unit: a long body with a raked nose and a wide windscreen.
    k.poly(
      [
        [front - 15, 0.9],
        [front - 1, 0.9],
        [front, 1.6],
        [front - 2.2, 3.8],
        [front - 15, 3.8],
      ],
      paint,
    );
    k.poly(
      [
        [front - 0.9, 2.2],
        [front - 2.3, 3.6],
        [front - 3.4, 3.6],
        [front - 2.6, 2.2],
      ],
      window,
    );
    for (let x = front - 14; x < front - 5; x += 1.8) k.rect(x, 2.1, 1.2, 1.0, window, 0.08);
    k.rect(front - 15, 1.6, 14.6, 0.18, v.lit([200, 40, 40]));
    for (const wx of [front - 13, front - 11.6, front - 4.6, front - 3.2]) wheel(v, k, wx, 0.45);
  }
}

/** Boats by kind: a rowing boat with its rower, a sailing boat, a canoe, a ship or ferry. */
function drawBoat(v: VehicleCanvas, k: Sketch): void {
  const noun = v.d.prop.noun;
  const bob = Math.sin(v.t * 1.4 + v.d.spin) * 0.04;
  const big = /^(ship|ferry|yacht)s?$/.test(noun);
  const sail = /sail|yacht/.test(noun);
  const slim = /^(canoe|kayak)s?$/.test(noun);
  const col = colourOf(v.d.prop, big ? '#f0f0ec' : slim ? '#c8552a' : '#7a4a2a');
  const len = big ? 9 : slim ? 2.4 : 1.8;
  const deep = big ? 1.2 : 0.4;
  k.poly(
    [
      [-len, deep + bob],
      [len + (big ? 0.8 : 0.3), deep + 0.1 + bob],
      [len * 0.8, bob],
      [-len * 0.9, bob],
    ],
    v.lit(col),
  );
  k.rect(-len, deep - 0.06 + bob, len * 2 + 0.2, 0.07, v.lit(big ? [40, 40, 44] : [230, 225, 210], 0.9));
  if (big) {
    k.rect(-len * 0.5, deep + bob, len * 0.9, 1.3, v.lit([236, 236, 232]), 0.1);
    for (let x = -len * 0.45; x < len * 0.35; x += 0.8) k.rect(x, deep + 0.6 + bob, 0.45, 0.4, glass(v));
    k.rect(-len * 0.15, deep + 1.3 + bob, 0.8, 1.0, v.lit([200, 50, 40]));
  }
  if (sail) {
    const mastTop = (big ? 8 : 4) + bob;
    k.line(
      [
        [0, deep + bob],
        [0, mastTop],
      ],
      v.lit([60, 50, 40]),
      0.06,
    );
    k.poly(
      [
        [0.08, mastTop - 0.2],
        [0.08, deep + 0.35 + bob],
        [len * 0.9, deep + 0.35 + bob],
      ],
      v.lit([245, 242, 232]),
    );
    k.poly(
      [
        [-0.08, mastTop - 0.5],
        [-0.08, deep + 0.5 + bob],
        [-len * 0.6, deep + 0.5 + bob],
      ],
      v.lit([235, 232, 222]),
    );
  }
  const rider = v.d.prop.rider;
  if (rider)
    drawRider(k, v.lit, rider, {
      mount: slim ? 'canoe' : 'boat',
      view: 'side',
      phase: v.t * 2.2,
      base: deep + bob - 0.1,
    });
}
