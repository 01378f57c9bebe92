/**
 * What the overlay should show, as a pure function of what the server pushed (plus the few local overrides a
 * CasparCG operator can set). No DOM, no pixi: easy to unit test.
 */
import { EMPTY_LAYERS, LayerName, type Channel, type ChannelGraphics, type Layers, type LeadChange, type OverlaySnapshot, type RaceView } from '../../shared/index.js';
import { raceContent } from './graphics/race/content.js';
import { resolveGraphic, type LayerContent } from './graphics/registry.js';

/** Every layer (the shared list). */
export const LAYER_NAMES: readonly LayerName[] = LayerName.options;

export interface OverlayState {
  channel: Channel;
  /** The channel's layers as last accepted from the server. */
  layers: Layers;
  /** Revision of the last accepted snapshot/graphics push; -1 before the first snapshot. */
  graphicsRevision: number;
  races: Readonly<Record<string, RaceView>>;
  leadChanges: Readonly<Record<string, LeadChange>>;
  /** A snapshot has been received since the page loaded. */
  ready: boolean;
  /** CasparCG `stop()`: every layer off until `play()`. */
  stopped: boolean;
  /** CasparCG `update({ raceId })`: a lower third chosen by the template instead of the server. */
  pinnedRaceId: string | null;
}

export const initialState = (channel: Channel): OverlayState => ({
  channel,
  layers: EMPTY_LAYERS,
  graphicsRevision: -1,
  races: {},
  leadChanges: {},
  ready: false,
  stopped: false,
  pinnedRaceId: null,
});

/** A snapshot replaces everything the server told us before: after a reconnect the new snapshot wins. */
export function applySnapshot(s: OverlayState, snap: OverlaySnapshot): OverlayState {
  if (snap.channel !== s.channel) return s;
  return {
    ...s,
    layers: snap.layers,
    graphicsRevision: snap.revision,
    races: { ...snap.races },
    leadChanges: { ...snap.leadChanges },
    ready: true,
  };
}

/** Another channel's graphics, or an older revision than the last accepted, change nothing. */
export function applyGraphics(s: OverlayState, g: ChannelGraphics): OverlayState {
  if (g.channel !== s.channel || g.revision < s.graphicsRevision) return s;
  return { ...s, layers: g.layers, graphicsRevision: g.revision };
}

/** A race view no newer than the one held changes nothing. */
export function applyRace(s: OverlayState, race: RaceView): OverlayState {
  const held = s.races[race.id];
  if (held && race.revision <= held.revision) return s;
  return { ...s, races: { ...s.races, [race.id]: race } };
}

export function applyLeadChange(s: OverlayState, lc: LeadChange): OverlayState {
  if (s.leadChanges[lc.id]) return s;
  return { ...s, leadChanges: { ...s.leadChanges, [lc.id]: lc } };
}

export const setStopped = (s: OverlayState, stopped: boolean): OverlayState => (s.stopped === stopped ? s : { ...s, stopped });

export const setPinnedRace = (s: OverlayState, raceId: string | null): OverlayState =>
  s.pinnedRaceId === raceId ? s : { ...s, pinnedRaceId: raceId };

/** Switching channel forgets the old channel's layers until its snapshot arrives. */
export const setChannel = (s: OverlayState, channel: Channel): OverlayState =>
  s.channel === channel ? s : { ...initialState(channel), stopped: s.stopped, pinnedRaceId: s.pinnedRaceId };

export type { LayerContent } from './graphics/registry.js';
export { sameContent } from './graphics/registry.js';

/**
 * Resolves a layer to drawable content, or null when it is empty, stopped, or its data has not arrived yet
 * (a graphic is never drawn half-known; it appears once its race or lead change arrives). Each kind resolves its own.
 */
export function resolveLayer(s: OverlayState, layer: LayerName): LayerContent | null {
  if (s.stopped) return null;
  if (layer === 'lowerThird' && s.pinnedRaceId !== null) {
    const race = s.races[s.pinnedRaceId];
    return race ? raceContent(race) : null;
  }
  if (!s.ready) return null;
  const g = s.layers[layer];
  return g ? resolveGraphic(g, s, layer) : null;
}
