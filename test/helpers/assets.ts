import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import { PRODUCER } from './server.js';

/** A PNG of `w`×`h` pixels of one colour (#rrggbb). */
export function solidPng(hex: string, w = 64, h = 64): Buffer {
  const png = new PNG({ width: w, height: h });
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  for (let i = 0; i < w * h; i++) png.data.set([r, g, b, 255], i * 4);
  return PNG.sync.write(png);
}

/** A real WOFF2 font: the bundled Barlow Condensed 700 (latin). */
export function realWoff2(): Buffer {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('@fontsource/barlow-condensed/files/barlow-condensed-latin-700-normal.woff2'));
}

/** The first bytes of a JPEG (enough for content sniffing, not for decoding). */
export const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01]);

/** PUTs an asset's bytes as they are (any content type), with the producer token unless told otherwise. */
export async function putAsset(base: string, name: string, bytes: Buffer, o: { token?: string | null; contentType?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': o.contentType ?? 'application/octet-stream' };
  if (o.token !== null) headers.authorization = `Bearer ${o.token ?? PRODUCER}`;
  const res = await fetch(`${base}/api/assets/${encodeURIComponent(name)}`, { method: 'PUT', headers, body: new Uint8Array(bytes) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: body as Record<string, unknown> };
}
