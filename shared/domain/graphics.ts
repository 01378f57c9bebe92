import type { Alert } from '../schema/alert.js';
import { graphicIdentity, type Channel, type Graphic, type GraphicsState, type LayerName, type Layers } from '../schema/graphics.js';

export const EMPTY_LAYERS: Layers = Object.freeze({ fullscreen: null, ticker: null, lowerThird: null, alert: null });
export const EMPTY_GRAPHICS: GraphicsState = Object.freeze({ program: EMPTY_LAYERS, preview: EMPTY_LAYERS, revision: 0 });

export class NothingCued extends Error {
  constructor(readonly layer: LayerName) {
    super(`nothing is cued on the preview ${layer} layer`);
  }
}

const withLayer = (s: GraphicsState, channel: Channel, layer: LayerName, g: Graphic | null): GraphicsState => ({
  ...s,
  [channel]: { ...s[channel], [layer]: g },
  revision: s.revision + 1,
});

/** Puts a graphic on preview. */
export const cue = (s: GraphicsState, layer: LayerName, g: Graphic) => withLayer(s, 'preview', layer, g);

/** Sends preview's graphic to program; it stays cued in preview. */
export function take(s: GraphicsState, layer: LayerName): GraphicsState {
  const g = s.preview[layer];
  if (!g) throw new NothingCued(layer);
  return withLayer(s, 'program', layer, g);
}

/** Empties a layer of one channel. */
export const clear = (s: GraphicsState, layer: LayerName, channel: Channel) => withLayer(s, channel, layer, null);

/** Straight to program, bypassing preview. */
export const air = (s: GraphicsState, layer: LayerName, g: Graphic) => withLayer(s, 'program', layer, g);

export class NoTicker extends Error {
  constructor(readonly channel: Channel) {
    super(`no ticker is on the ${channel} ticker layer`);
  }
}

/**
 * Holds (`paused` true) or resumes the ticker of a channel. The flag travels on the graphic, so every overlay
 * learns it from the `graphics` push it already follows; an unchanged state is returned as it is (nothing to write).
 */
export function holdTicker(s: GraphicsState, channel: Channel, paused: boolean): GraphicsState {
  const g = s[channel].ticker;
  if (!g || g.type !== 'ticker') throw new NoTicker(channel);
  if ((g.paused === true) === paused) return s;
  const { paused: _was, ...rest } = g;
  return withLayer(s, channel, 'ticker', paused ? { ...rest, paused: true } : rest);
}

/** True when two graphics show the same thing (both empty counts as the same): same type, same kind identity. */
export function sameGraphic(a: Graphic | null, b: Graphic | null): boolean {
  if (a === null || b === null) return a === b;
  return graphicIdentity(a) === graphicIdentity(b);
}

/** The graphic an alert airs on the alert layer: its lead-change banner, or the projected-winner banner. */
export function alertGraphic(alert: Alert): Graphic {
  return alert.kind === 'leadChange' ? { type: 'leadChange', leadChangeId: alert.leadChangeId } : { type: 'call', raceId: alert.raceId };
}
