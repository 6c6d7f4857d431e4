/** RGBA frames of moving colour bars, different in every frame `k`, for encoder tests. */
export function colourBars(k: number, width: number, height: number): Buffer {
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      pixels[i] = (x * 3 + k * 11) & 255;
      pixels[i + 1] = (y * 5 + k * 7) & 255;
      pixels[i + 2] = ((x + y) * 2 + k * 13) & 255;
      pixels[i + 3] = 255;
    }
  return pixels;
}
