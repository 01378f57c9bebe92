import type { Alert } from '../schema/alert.js';
import type { Channel, Graphic, GraphicsState, LayerName, Layers } from '../schema/graphics.js';

export const EMPTY_LAYERS: Layers = Object.freeze({ lowerThird: null, alert: null, ticker: null });
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

/** True when two graphics show the same thing (both empty counts as the same). */
export function sameGraphic(a: Graphic | null, b: Graphic | null): boolean {
  if (a === null || b === null) return a === b;
  switch (a.type) {
    case 'race':
      return b.type === 'race' && a.raceId === b.raceId;
    case 'leadChange':
      return b.type === 'leadChange' && a.leadChangeId === b.leadChangeId;
    case 'call':
      return b.type === 'call' && a.raceId === b.raceId;
    case 'ticker':
      return b.type === 'ticker' && a.raceIds.length === b.raceIds.length && a.raceIds.every((id, i) => id === b.raceIds[i]);
  }
}

/** The graphic an alert airs on the alert layer: its lead-change banner, or the projected-winner banner. */
export function alertGraphic(alert: Alert): Graphic {
  return alert.kind === 'leadChange' ? { type: 'leadChange', leadChangeId: alert.leadChangeId } : { type: 'call', raceId: alert.raceId };
}
