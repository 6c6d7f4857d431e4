/**
 * Child-process half of the render scratch test: starts a built-in render into the library's
 * media store, prints "rendering" once the render has made its scratch folder, and waits to be
 * SIGKILLed. Usage: node --import tsx render-until-killed.ts <dataDir>
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyShot } from '../../src/main/engine/input';
import { renderClip } from '../../src/main/engine/render';
import { MediaStore } from '../../src/main/storage/store';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: render-until-killed <dataDir>');
const store = await MediaStore.open(dataDir);
const input = { shots: [emptyShot({ durationMs: 20_000, scene: 'a lantern glows on a table' })] };
let told = false;
void renderClip(input, {
  outPath: store.tempPath('.mp4'),
  width: 320,
  height: 180,
  fps: 12,
  onProgress: () => {
    if (told) return;
    void readdir(join(store.root, '.tmp')).then((names) => {
      if (!told && names.some((name) => name.startsWith('.shotline-render-'))) {
        told = true;
        process.stdout.write('rendering\n');
      }
    });
  },
});
