/** Drawing the particle systems: rain in batched streaks, snow, fluttering leaves, sparks, smoke, fireflies. */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { project, type CameraState } from '../camera';
import type { Particles } from '../simulate';
import type { LightSource } from './props';
import { hex, type Palette, type RGB } from './palette';

let smokeSprite: Canvas | null = null;

function smoke(): Canvas {
  if (smokeSprite) return smokeSprite;
  const c = createCanvas(64, 64);
  const ctx = c.getContext('2d');
  const g = ctx.createRadialGradient(32, 32, 0, 32, 32, 32);
  g.addColorStop(0, 'rgba(190,190,195,0.55)');
  g.addColorStop(0.6, 'rgba(170,170,175,0.22)');
  g.addColorStop(1, 'rgba(160,160,165,0)');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 64, 64);
  smokeSprite = c;
  return c;
}

const leafColours: RGB[] = ['#c8642a', '#d9a23a', '#a8402a', '#8a6a2a', '#e0b04a'].map(hex);

/** Draws one system. Sparks and fireflies also return themselves as small lights. */
export function drawParticles(
  ctx: SKRSContext2D,
  cam: CameraState,
  p: Palette,
  ps: Particles,
  lights: LightSource[],
): void {
  const n = ps.count;
  switch (ps.kind) {
    case 'rain': {
      const groups: [number, number, number][] = [
        [0, 4, 2.2],
        [4, 9, 1.4],
        [9, 1e9, 1],
      ];
      const col = p.light.night > 0.5 ? ([170, 185, 210] as RGB) : ([205, 215, 228] as RGB);
      for (const [lo, hi, width] of groups) {
        ctx.strokeStyle = p.css(col, lo === 0 ? 0.35 : 0.28);
        ctx.lineWidth = Math.max(1, (width * cam.width) / 1280);
        ctx.beginPath();
        for (let i = 0; i < n; i++) {
          const x = ps.x[i] ?? 0;
          const y = ps.y[i] ?? 0;
          const z = ps.z[i] ?? 0;
          const d = z - cam.z;
          if (d < lo || d >= hi) continue;
          const a = project(cam, { x, y, z });
          if (!a || a.x < -20 || a.x > cam.width + 20 || a.y < -40 || a.y > cam.height + 40) continue;
          const b = project(cam, { x: x - (ps.vx[i] ?? 0) * 0.025, y: y - (ps.vy[i] ?? 0) * 0.025, z });
          if (!b) continue;
          ctx.moveTo(a.x, a.y);
          ctx.lineTo(b.x, b.y);
        }
        ctx.stroke();
      }
      return;
    }
    case 'snow': {
      ctx.fillStyle = p.css([245, 248, 255], 0.85);
      ctx.beginPath();
      for (let i = 0; i < n; i++) {
        const a = project(cam, { x: ps.x[i] ?? 0, y: ps.y[i] ?? 0, z: ps.z[i] ?? 0 });
        if (!a || a.x < -5 || a.x > cam.width + 5 || a.y < -5 || a.y > cam.height + 5) continue;
        const r = Math.max(0.8, 0.018 * a.scale);
        ctx.moveTo(a.x + r, a.y);
        ctx.arc(a.x, a.y, r, 0, Math.PI * 2);
      }
      ctx.fill();
      return;
    }
    case 'leaves': {
      for (let i = 0; i < n; i++) {
        const a = project(cam, { x: ps.x[i] ?? 0, y: ps.y[i] ?? 0, z: ps.z[i] ?? 0 });
        if (!a || a.x < -20 || a.x > cam.width + 20 || a.y < -20 || a.y > cam.height + 20) continue;
        const angle = ps.angle[i] ?? 0;
        const r = Math.max(2, 0.06 * a.scale);
        ctx.fillStyle = p.css(p.lit(leafColours[i % leafColours.length] ?? [200, 100, 40], a.depth));
        ctx.beginPath();
        // A flutter is a leaf turning edge-on and back: its width follows the spin.
        ctx.ellipse(a.x, a.y, r, Math.max(0.6, r * 0.45 * Math.abs(Math.cos(angle * 1.7))), angle, 0, Math.PI * 2);
        ctx.fill();
      }
      return;
    }
    case 'sparks': {
      ctx.globalCompositeOperation = 'lighter';
      for (let i = 0; i < n; i++) {
        const life = ps.life[i] ?? 1;
        const k = 1 - (ps.age[i] ?? 0) / life;
        if (k <= 0) continue;
        const a = project(cam, { x: ps.x[i] ?? 0, y: ps.y[i] ?? 0, z: ps.z[i] ?? 0 });
        if (!a) continue;
        ctx.fillStyle = p.css([255, 190, 90], k);
        const r = Math.max(1, 0.012 * a.scale);
        ctx.fillRect(a.x - r, a.y - r, r * 2, r * 2);
      }
      ctx.globalCompositeOperation = 'source-over';
      return;
    }
    case 'smoke': {
      const sprite = smoke();
      for (let i = 0; i < n; i++) {
        const age = ps.age[i] ?? 0;
        const life = ps.life[i] ?? 1;
        const k = age / life;
        if (k >= 1) continue;
        const a = project(cam, { x: ps.x[i] ?? 0, y: ps.y[i] ?? 0, z: ps.z[i] ?? 0 });
        if (!a) continue;
        const size = (0.25 + k * 1.2) * a.scale;
        ctx.globalAlpha = Math.max(0, Math.min(1, (1 - k) * Math.min(1, k * 6) * 0.8 * ps.intensity));
        ctx.drawImage(sprite, a.x - size / 2, a.y - size / 2, size, size);
      }
      ctx.globalAlpha = 1;
      return;
    }
    case 'fireflies': {
      ctx.globalCompositeOperation = 'lighter';
      for (let i = 0; i < n; i++) {
        const blink = Math.max(0, Math.sin((ps.age[i] ?? 0) * 2.2 + (ps.life[i] ?? 0)));
        if (blink < 0.05) continue;
        const at = { x: ps.x[i] ?? 0, y: ps.y[i] ?? 0, z: ps.z[i] ?? 0 };
        const a = project(cam, at);
        if (!a) continue;
        const r = Math.max(2, 0.06 * a.scale);
        const g = ctx.createRadialGradient(a.x, a.y, 0, a.x, a.y, r);
        g.addColorStop(0, p.css([230, 255, 140], blink * (0.4 + 0.6 * p.night)));
        g.addColorStop(1, p.css([230, 255, 140], 0));
        ctx.fillStyle = g;
        ctx.fillRect(a.x - r, a.y - r, r * 2, r * 2);
        if (i % 4 === 0) lights.push({ at, color: [200, 255, 120], intensity: 0.08 * blink, radius: 0.6 });
      }
      ctx.globalCompositeOperation = 'source-over';
      return;
    }
  }
}
