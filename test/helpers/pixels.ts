import { PNG } from 'pngjs';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Counts pixels with any opacity in a PNG, inside a box or outside it. */
export function countOpaque(png: Buffer, where: { inside?: Box; outside?: Box } = {}): number {
  const img = PNG.sync.read(png);
  let n = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const inBox = (b: Box) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1;
      if (where.inside && !inBox(where.inside)) continue;
      if (where.outside && inBox(where.outside)) continue;
      if (img.data[(y * img.width + x) * 4 + 3]! > 0) n++;
    }
  }
  return n;
}

/** How many pixels differ between two same-size PNGs. */
export function diffPixels(a: Buffer, b: Buffer): number {
  const A = PNG.sync.read(a);
  const B = PNG.sync.read(b);
  if (A.width !== B.width || A.height !== B.height) return Number.POSITIVE_INFINITY;
  let n = 0;
  for (let i = 0; i < A.data.length; i += 4) {
    if (A.data[i] !== B.data[i] || A.data[i + 1] !== B.data[i + 1] || A.data[i + 2] !== B.data[i + 2] || A.data[i + 3] !== B.data[i + 3]) n++;
  }
  return n;
}
