/**
 * Loads the theme's assets for the on-air page: images as pixi textures, a WOFF2 as a FontFace. A load that fails
 * answers null (the graphic then wears the default look), never an error; each URL is loaded once.
 */
import { Texture } from 'pixi.js';
import type { ThemeState } from '../../../shared/index.js';

/** The URL of an asset the theme names, versioned by its hash (a new upload is a new URL); null when it is missing. */
export function assetUrl(s: ThemeState, name: string | undefined): string | null {
  if (name === undefined) return null;
  const v = s.assets[name];
  return v ? `/assets/${encodeURIComponent(name)}?v=${v.sha256.slice(0, 16)}` : null;
}

/** How long one asset may take to load before the look goes on without it (a hung request never holds a theme). */
const LOAD_TIMEOUT_MS = 8_000;

/** `p`, or null once it fails or takes longer than `LOAD_TIMEOUT_MS`. */
function settled<T>(p: Promise<T>): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), LOAD_TIMEOUT_MS)));
  return Promise.race([p.catch(() => null), late]).finally(() => clearTimeout(timer));
}

const textures = new Map<string, Promise<Texture | null>>();
const fonts = new Map<string, Promise<string | null>>();

export function loadTexture(url: string | null): Promise<Texture | null> {
  if (url === null) return Promise.resolve(null);
  let p = textures.get(url);
  if (!p) {
    const img = new Image();
    img.src = url;
    p = settled(img.decode().then(() => Texture.from(img)));
    textures.set(url, p);
  }
  return p;
}

/** Registers an uploaded font under a family of its own; answers that family, or null when it does not load. */
export function loadFont(url: string | null): Promise<string | null> {
  if (url === null) return Promise.resolve(null);
  let p = fonts.get(url);
  if (!p) {
    const family = `LeadWire Station ${fonts.size + 1}`;
    p = settled(
      (async () => {
        const face = new FontFace(family, `url("${url}") format("woff2")`);
        await face.load();
        document.fonts.add(face);
        return family;
      })(),
    );
    fonts.set(url, p);
  }
  return p;
}
