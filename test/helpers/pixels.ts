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

/** Counts pixels with any opacity that lie outside every one of `boxes` (several graphics on screen at once). */
export function countOpaqueOutside(png: Buffer, boxes: readonly Box[]): number {
  const img = PNG.sync.read(png);
  let n = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (boxes.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1)) continue;
      if (img.data[(y * img.width + x) * 4 + 3]! > 0) n++;
    }
  }
  return n;
}

/**
 * A box of a screenshot as black ink on white, `scale` times larger, with a white margin: light text (luminance at
 * least `threshold` of 255) becomes ink and everything else paper, which is what OCR reads best.
 */
export function inkOnWhite(png: Buffer, box: Box, scale = 2, threshold = 200): Buffer {
  const img = PNG.sync.read(png);
  const margin = 24;
  const w = (box.x1 - box.x0) * scale + 2 * margin;
  const h = (box.y1 - box.y0) * scale + 2 * margin;
  const out = new PNG({ width: w, height: h });
  out.data.fill(255);
  for (let y = 0; y < (box.y1 - box.y0) * scale; y++) {
    for (let x = 0; x < (box.x1 - box.x0) * scale; x++) {
      const sx = box.x0 + Math.floor(x / scale);
      const sy = box.y0 + Math.floor(y / scale);
      if (sx >= img.width || sy >= img.height) continue;
      const i = (sy * img.width + sx) * 4;
      const lum = 0.2126 * img.data[i]! + 0.7152 * img.data[i + 1]! + 0.0722 * img.data[i + 2]!;
      const ink = img.data[i + 3]! > 0 && lum >= threshold;
      const o = ((y + margin) * w + x + margin) * 4;
      out.data[o] = out.data[o + 1] = out.data[o + 2] = ink ? 0 : 255;
      out.data[o + 3] = 255;
    }
  }
  return PNG.sync.write(out);
}
