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

const textures = new Map<string, Promise<Texture | null>>();
const fonts = new Map<string, Promise<string | null>>();

export function loadTexture(url: string | null): Promise<Texture | null> {
  if (url === null) return Promise.resolve(null);
  let p = textures.get(url);
  if (!p) {
    p = (async () => {
      const img = new Image();
      img.src = url;
      try {
        await img.decode();
        return Texture.from(img);
      } catch {
        return null;
      }
    })();
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
    p = (async () => {
      try {
        const face = new FontFace(family, `url("${url}") format("woff2")`);
        await face.load();
        document.fonts.add(face);
        return family;
      } catch {
        return null;
      }
    })();
    fonts.set(url, p);
  }
  return p;
}
