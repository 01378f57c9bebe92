/**
 * What the overlay should show, as a pure function of what the server pushed (plus the few local overrides a
 * CasparCG operator can set). No DOM, no pixi: easy to unit test.
 */
import type { Channel, ChannelGraphics, LayerName, Layers, LeadChange, OverlaySnapshot, RaceView } from '../../shared/index.js';

export const LAYER_NAMES: readonly LayerName[] = ['lowerThird', 'alert', 'ticker'];

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
  layers: { lowerThird: null, alert: null, ticker: null },
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

/** What one layer shows, with everything needed to draw it. `key` names the graphic: same key → update in place. */
export type LayerContent =
  | { kind: 'race'; key: string; race: RaceView }
  | { kind: 'leadChange'; key: string; leadChange: LeadChange; race: RaceView }
  | { kind: 'ticker'; key: string; races: RaceView[] }
  | { kind: 'call'; key: string; race: RaceView };

/**
 * Resolves a layer to drawable content, or null when it is empty, stopped, or its data has not arrived yet
 * (a graphic is never drawn half-known; it appears once its race or lead change arrives).
 */
export function resolveLayer(s: OverlayState, layer: LayerName): LayerContent | null {
  if (s.stopped) return null;
  if (layer === 'lowerThird' && s.pinnedRaceId !== null) {
    const race = s.races[s.pinnedRaceId];
    return race ? { kind: 'race', key: `race:${race.id}`, race } : null;
  }
  if (!s.ready) return null;
  const g = s.layers[layer];
  if (!g) return null;
  switch (g.type) {
    case 'race': {
      const race = s.races[g.raceId];
      return race ? { kind: 'race', key: `race:${race.id}`, race } : null;
    }
    case 'leadChange': {
      const leadChange = s.leadChanges[g.leadChangeId];
      const race = leadChange ? s.races[leadChange.raceId] : undefined;
      return leadChange && race ? { kind: 'leadChange', key: `leadChange:${leadChange.id}`, leadChange, race } : null;
    }
    case 'ticker': {
      const races = g.raceIds.map((id) => s.races[id]).filter((r): r is RaceView => r !== undefined);
      return races.length > 0 ? { kind: 'ticker', key: 'ticker', races } : null;
    }
    case 'call': {
      // A withdrawn call (race.call back to null) empties the layer: the banner never claims a winner the race lacks.
      const race = s.races[g.raceId];
      return race?.call ? { kind: 'call', key: `call:${race.id}`, race } : null;
    }
  }
}

/**
 * True when two contents draw the same thing: the same graphic fed the same objects (state updates keep
 * the objects they do not change, so an unrelated race's push leaves a layer's content the same).
 */
export function sameContent(a: LayerContent | null, b: LayerContent | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.key !== b.key || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'race':
      return b.kind === 'race' && a.race === b.race;
    case 'call':
      return b.kind === 'call' && a.race === b.race;
    case 'leadChange':
      return b.kind === 'leadChange' && a.leadChange === b.leadChange && a.race === b.race;
    case 'ticker':
      return b.kind === 'ticker' && a.races.length === b.races.length && a.races.every((r, i) => r === b.races[i]);
  }
}
