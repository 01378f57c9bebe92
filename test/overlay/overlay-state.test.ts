import { describe, expect, it } from 'vitest';
import type { Channel, ChannelGraphics, Layers, OverlaySnapshot } from '../../shared/index.js';
import {
  applyGraphics,
  applyLeadChange,
  applyRace,
  applySnapshot,
  initialState,
  LAYER_NAMES,
  resolveLayer,
  sameContent,
  setChannel,
  setPinnedRace,
  setStopped,
  type OverlayState,
} from '../../overlay/onair/state.js';
import { gaBefore, gaFlip, gaLeadChange, paFlip, view } from './fixtures.js';

const EMPTY: Layers = { lowerThird: null, alert: null, ticker: null, fullscreen: null };
const GA_LT: Layers = { lowerThird: { type: 'race', raceId: 'ga-president-2020' }, alert: null, ticker: null, fullscreen: null };
const PA_LT: Layers = { lowerThird: { type: 'race', raceId: 'pa-president-2020' }, alert: null, ticker: null, fullscreen: null };
const ALERT: Layers = { lowerThird: null, alert: { type: 'leadChange', leadChangeId: 'lc-1' }, ticker: null, fullscreen: null };
const CALL: Layers = { lowerThird: null, alert: { type: 'call', raceId: 'ga-president-2020' }, ticker: null, fullscreen: null };
/** Georgia called for Biden, at a later revision. */
const gaCalled = (revision = 4) => ({ ...gaFlip(revision), status: 'called' as const, call: { winner: 'biden', at: '2020-11-07T16:25:00.000Z' } });

function snapshot(o: Partial<OverlaySnapshot> = {}): OverlaySnapshot {
  return {
    channel: 'program',
    layers: GA_LT,
    races: { 'ga-president-2020': gaBefore(2) },
    leadChanges: {},
    revision: 7,
    ...o,
  };
}

/** Program state after its first snapshot: Georgia rev 2 on the lower third, graphics revision 7. */
const synced = (o: Partial<OverlaySnapshot> = {}): OverlayState => applySnapshot(initialState('program'), snapshot(o));

const graphics = (channel: Channel, revision: number, layers: Layers): ChannelGraphics => ({ channel, layers, revision });

describe('initialState', () => {
  it('starts on its channel with every layer empty, not ready, playing, unpinned', () => {
    expect(initialState('preview')).toEqual({
      channel: 'preview',
      layers: EMPTY,
      graphicsRevision: -1,
      races: {},
      leadChanges: {},
      ready: false,
      stopped: false,
      pinnedRaceId: null,
    });
  });

  it('names the four layers back to front', () => {
    expect(LAYER_NAMES).toEqual(['fullscreen', 'ticker', 'lowerThird', 'alert']);
  });
});

describe('applySnapshot', () => {
  it('takes layers, races, lead changes and revision from its own channel’s snapshot and becomes ready', () => {
    const lc = gaLeadChange();
    const s = applySnapshot(initialState('program'), snapshot({ leadChanges: { 'lc-1': lc } }));
    expect(s).toEqual({
      channel: 'program',
      layers: GA_LT,
      graphicsRevision: 7,
      races: { 'ga-president-2020': gaBefore(2) },
      leadChanges: { 'lc-1': lc },
      ready: true,
      stopped: false,
      pinnedRaceId: null,
    });
  });

  it('ignores a snapshot for the other channel', () => {
    const before = initialState('program');
    expect(applySnapshot(before, snapshot({ channel: 'preview' }))).toBe(before);
  });

  it.each([
    {
      does: 'replaces the layers, races and lead changes held before a reconnect with the new snapshot',
      next: snapshot({ layers: PA_LT, races: { 'pa-president-2020': paFlip(4) }, leadChanges: {}, revision: 9 }),
      races: { 'pa-president-2020': paFlip(4) },
      layers: PA_LT,
      revision: 9,
    },
    {
      // A restarted server (memory store) counts from the start again: the new snapshot still wins.
      does: 'lets a snapshot after a server restart lower the graphics revision',
      next: snapshot({ layers: EMPTY, races: { 'ga-president-2020': gaBefore(1) }, revision: 0 }),
      races: { 'ga-president-2020': gaBefore(1) },
      layers: EMPTY,
      revision: 0,
    },
  ])('$does', ({ next, races, layers, revision }) => {
    const held = applyLeadChange(applyRace(synced(), gaFlip(5)), gaLeadChange());
    const s = applySnapshot(held, next);
    expect(s.races).toEqual(races);
    expect(s.leadChanges).toEqual({});
    expect(s.layers).toEqual(layers);
    expect(s.graphicsRevision).toBe(revision);
    expect(s.ready).toBe(true);
  });

  it('keeps the playout operator’s stop and pinned race across a snapshot', () => {
    const held = setPinnedRace(setStopped(synced(), true), 'pa-president-2020');
    const s = applySnapshot(held, snapshot({ revision: 8 }));
    expect([s.stopped, s.pinnedRaceId]).toEqual([true, 'pa-president-2020']);
  });

  it('lets later race pushes of the new snapshot’s races through after a restart', () => {
    const held = applyRace(synced(), gaFlip(50));
    const s = applyRace(applySnapshot(held, snapshot({ races: { 'ga-president-2020': gaBefore(1) } })), gaFlip(2));
    expect(s.races['ga-president-2020']).toEqual(gaFlip(2));
  });
});

describe('applyGraphics', () => {
  it.each([
    { does: 'accepts a newer revision for its channel', channel: 'program', revision: 8, layers: ALERT, wantLayers: ALERT, wantRevision: 8 },
    { does: 'ignores an older revision for its channel', channel: 'program', revision: 6, layers: ALERT, wantLayers: GA_LT, wantRevision: 7 },
    { does: 'ignores a much older revision for its channel', channel: 'program', revision: 0, layers: EMPTY, wantLayers: GA_LT, wantRevision: 7 },
    { does: 'ignores graphics for the other channel, even a newer revision', channel: 'preview', revision: 8, layers: ALERT, wantLayers: GA_LT, wantRevision: 7 },
    // The contract does not order two pushes of one revision; the server never sends one twice (latest.ts `>=`).
    { does: 'accepts the revision it already holds', channel: 'program', revision: 7, layers: GA_LT, wantLayers: GA_LT, wantRevision: 7 },
  ] satisfies { does: string; channel: Channel; revision: number; layers: Layers; wantLayers: Layers; wantRevision: number }[])(
    '$does',
    ({ channel, revision, layers, wantLayers, wantRevision }) => {
      const s = applyGraphics(synced(), graphics(channel, revision, layers));
      expect(s.layers).toEqual(wantLayers);
      expect(s.graphicsRevision).toBe(wantRevision);
    },
  );

  it('returns the same state object when it ignores a push, so nothing redraws', () => {
    const held = synced();
    expect(applyGraphics(held, graphics('preview', 99, ALERT))).toBe(held);
    expect(applyGraphics(held, graphics('program', 6, ALERT))).toBe(held);
  });

  it('accepts revision 0 before any snapshot but draws nothing until the snapshot arrives', () => {
    const s = applyGraphics(initialState('program'), graphics('program', 0, GA_LT));
    expect([s.graphicsRevision, s.layers, s.ready]).toEqual([0, GA_LT, false]);
    expect(resolveLayer(s, 'lowerThird')).toBeNull();
  });

  it('keeps the newest layers when pushes arrive out of order', () => {
    const pushes = [8, 10, 9, 10, 11].map((r) =>
      graphics('program', r, { lowerThird: { type: 'race', raceId: `race-${r}` }, alert: null, ticker: null, fullscreen: null }),
    );
    const shown: (string | null)[] = [];
    pushes.reduce((s, g) => {
      const next = applyGraphics(s, g);
      const lt = next.layers.lowerThird;
      shown.push(lt?.type === 'race' ? lt.raceId : null);
      return next;
    }, synced());
    expect(shown).toEqual(['race-8', 'race-10', 'race-10', 'race-10', 'race-11']);
  });
});

describe('applyRace', () => {
  it.each([
    { does: 'accepts a newer revision of a held race', held: 2, incoming: 3, want: 3 },
    { does: 'ignores an older revision than the one shown', held: 3, incoming: 2, want: 3 },
    { does: 'ignores the revision already shown', held: 3, incoming: 3, want: 3 },
    { does: 'ignores revision 0 once a later one is shown', held: 1, incoming: 0, want: 1 },
  ])('$does', ({ held, incoming, want }) => {
    const s0 = applySnapshot(initialState('program'), snapshot({ races: { 'ga-president-2020': gaBefore(held) } }));
    const s = applyRace(s0, gaFlip(incoming));
    expect(s.races['ga-president-2020']?.revision).toBe(want);
    if (want === held) expect(s).toBe(s0);
    else expect(s.races['ga-president-2020']).toEqual(gaFlip(incoming));
  });

  it('never shows a lower revision when pushes arrive out of order', () => {
    const shown: number[] = [];
    [3, 5, 4, 5, 2, 6].reduce((s, r) => {
      const next = applyRace(s, view({ revision: r, votes: { biden: r, trump: 0, other: 0 } }));
      shown.push(next.races['ga-president-2020']?.revision ?? -1);
      return next;
    }, initialState('program'));
    expect(shown).toEqual([3, 5, 5, 5, 5, 6]);
  });

  it('adds a race it has not seen, at any revision, and leaves the others alone', () => {
    const s = applyRace(synced(), paFlip(1));
    expect(Object.keys(s.races).sort()).toEqual(['ga-president-2020', 'pa-president-2020']);
    expect(s.races['ga-president-2020']).toEqual(gaBefore(2));
    expect(s.races['pa-president-2020']).toEqual(paFlip(1));
  });

  it('does not mutate the state it was given', () => {
    const held = synced();
    applyRace(held, gaFlip(3));
    expect(held.races['ga-president-2020']?.revision).toBe(2);
  });
});

describe('applyLeadChange', () => {
  it('adds a lead change it has not seen', () => {
    const s = applyLeadChange(synced(), gaLeadChange());
    expect(s.leadChanges).toEqual({ 'lc-1': gaLeadChange() });
  });

  it('ignores a lead change it already holds', () => {
    const held = applyLeadChange(synced(), gaLeadChange());
    expect(applyLeadChange(held, gaLeadChange({ margin: 1 }))).toBe(held);
    expect(held.leadChanges['lc-1']?.margin).toBe(917);
  });
});

describe('setStopped, setPinnedRace, setChannel', () => {
  it.each([
    { does: 'stop turns the page off', apply: (s: OverlayState) => setStopped(s, true), stopped: true, pinned: null },
    { does: 'play after stop turns it back on', apply: (s: OverlayState) => setStopped(setStopped(s, true), false), stopped: false, pinned: null },
    { does: 'pinning a race records it', apply: (s: OverlayState) => setPinnedRace(s, 'pa-president-2020'), stopped: false, pinned: 'pa-president-2020' },
    { does: 'unpinning forgets the race', apply: (s: OverlayState) => setPinnedRace(setPinnedRace(s, 'pa-president-2020'), null), stopped: false, pinned: null },
  ])('$does', ({ apply, stopped, pinned }) => {
    const s = apply(synced());
    expect([s.stopped, s.pinnedRaceId]).toEqual([stopped, pinned]);
    expect(s.layers).toEqual(GA_LT);
  });

  it('returns the same state when nothing changes', () => {
    const held = synced();
    expect(setStopped(held, false)).toBe(held);
    expect(setPinnedRace(held, null)).toBe(held);
    expect(setChannel(held, 'program')).toBe(held);
  });

  it('switching channel forgets the old channel’s layers and races but keeps stop and pin', () => {
    const held = setPinnedRace(setStopped(synced(), true), 'ga-president-2020');
    expect(setChannel(held, 'preview')).toEqual({
      ...initialState('preview'),
      stopped: true,
      pinnedRaceId: 'ga-president-2020',
    });
  });

  it('after switching channel, takes the new channel’s snapshot and ignores the old channel’s pushes', () => {
    const s = applySnapshot(setChannel(synced(), 'preview'), snapshot({ channel: 'preview', layers: PA_LT, revision: 3 }));
    const after = applyGraphics(s, graphics('program', 99, EMPTY));
    expect([after.channel, after.layers, after.graphicsRevision]).toEqual(['preview', PA_LT, 3]);
  });
});

describe('resolveLayer', () => {
  const lc = gaLeadChange();
  const full = (layers: Layers): OverlayState =>
    synced({
      layers,
      races: { 'ga-president-2020': gaFlip(3), 'pa-president-2020': paFlip(1) },
      leadChanges: { 'lc-1': lc },
    });

  it.each([
    { does: 'shows nothing on an empty layer', state: full(EMPTY), layer: 'lowerThird', want: null },
    { does: 'shows a race lower third with its view', state: full(GA_LT), layer: 'lowerThird', want: { kind: 'race', key: 'race:ga-president-2020', race: gaFlip(3) } },
    {
      does: 'shows nothing for a race it has no view of yet',
      state: full({ ...EMPTY, lowerThird: { type: 'race', raceId: 'az-president-2020' } }),
      layer: 'lowerThird',
      want: null,
    },
    {
      does: 'shows a lead-change alert with its lead change and race',
      state: full(ALERT),
      layer: 'alert',
      want: { kind: 'leadChange', key: 'leadChange:lc-1', leadChange: lc, race: gaFlip(3) },
    },
    {
      does: 'shows nothing for an alert whose lead change it does not know',
      state: full({ ...EMPTY, alert: { type: 'leadChange', leadChangeId: 'lc-404' } }),
      layer: 'alert',
      want: null,
    },
    {
      does: 'shows nothing for an alert whose race it does not know',
      state: synced({ layers: ALERT, races: {}, leadChanges: { 'lc-1': lc } }),
      layer: 'alert',
      want: null,
    },
    {
      does: 'shows the ticker’s known races in the ticker’s order, skipping unknown ones',
      state: full({ ...EMPTY, ticker: { type: 'ticker', raceIds: ['pa-president-2020', 'az-president-2020', 'ga-president-2020'] } }),
      layer: 'ticker',
      want: { kind: 'ticker', key: 'ticker', races: [paFlip(1), gaFlip(3)] },
    },
    {
      does: 'shows no ticker when it knows none of its races',
      state: full({ ...EMPTY, ticker: { type: 'ticker', raceIds: ['az-president-2020'] } }),
      layer: 'ticker',
      want: null,
    },
    { does: 'shows nothing while stopped', state: setStopped(full(GA_LT), true), layer: 'lowerThird', want: null },
    { does: 'shows no alert while stopped', state: setStopped(full(ALERT), true), layer: 'alert', want: null },
    {
      does: 'shows the pinned race instead of the server’s lower third',
      state: setPinnedRace(full(GA_LT), 'pa-president-2020'),
      layer: 'lowerThird',
      want: { kind: 'race', key: 'race:pa-president-2020', race: paFlip(1) },
    },
    {
      does: 'shows the pinned race over an empty server lower third',
      state: setPinnedRace(full(EMPTY), 'ga-president-2020'),
      layer: 'lowerThird',
      want: { kind: 'race', key: 'race:ga-president-2020', race: gaFlip(3) },
    },
    {
      does: 'shows nothing for a pinned race it does not know, rather than the server’s',
      state: setPinnedRace(full(GA_LT), 'az-president-2020'),
      layer: 'lowerThird',
      want: null,
    },
    {
      does: 'leaves the alert layer to the server while a race is pinned',
      state: setPinnedRace(full(ALERT), 'pa-president-2020'),
      layer: 'alert',
      want: { kind: 'leadChange', key: 'leadChange:lc-1', leadChange: lc, race: gaFlip(3) },
    },
    { does: 'shows nothing while stopped even with a pinned race', state: setStopped(setPinnedRace(full(GA_LT), 'ga-president-2020'), true), layer: 'lowerThird', want: null },
    {
      does: 'shows nothing before the first snapshot even when graphics arrived',
      state: applyRace(applyGraphics(initialState('program'), graphics('program', 1, GA_LT)), gaFlip(3)),
      layer: 'lowerThird',
      want: null,
    },
  ] as const)('$does', ({ state, layer, want }) => {
    expect(resolveLayer(state, layer)).toEqual(want);
  });

  it.each([
    { does: 'shows the projected-winner banner of a called race', race: gaCalled(4), want: true },
    { does: 'shows no banner for a race that has no call', race: gaFlip(4), want: false },
  ])('$does', ({ race, want }) => {
    const s = applyRace(full(CALL), race);
    expect(resolveLayer(s, 'alert')).toEqual(want ? { kind: 'call', key: 'call:ga-president-2020', race } : null);
  });

  it('takes the banner off once the call is withdrawn, and keeps it updating in place while called', () => {
    const on = applyRace(full(CALL), gaCalled(4));
    const later = applyRace(on, gaCalled(5));
    const withdrawn = applyRace(later, { ...gaFlip(6), call: null });
    expect(resolveLayer(later, 'alert')?.key).toBe('call:ga-president-2020');
    expect(resolveLayer(withdrawn, 'alert')).toBeNull();
  });

  it('shows no banner for a race it has no view of, nor while stopped', () => {
    const unknown = synced({ layers: { ...CALL, alert: { type: 'call', raceId: 'az-president-2020' } }, races: {} });
    expect(resolveLayer(unknown, 'alert')).toBeNull();
    expect(resolveLayer(setStopped(applyRace(full(CALL), gaCalled(4)), true), 'alert')).toBeNull();
  });

  it('draws an alert once its unknown lead change and race arrive', () => {
    const waiting = synced({ layers: ALERT, races: {}, leadChanges: {} });
    const withLc = applyLeadChange(waiting, lc);
    const withRace = applyRace(withLc, gaFlip(3));
    expect([resolveLayer(waiting, 'alert'), resolveLayer(withLc, 'alert')]).toEqual([null, null]);
    expect(resolveLayer(withRace, 'alert')).toEqual({ kind: 'leadChange', key: 'leadChange:lc-1', leadChange: lc, race: gaFlip(3) });
  });

  it('keeps the same key when the race on air gets new numbers, so the graphic updates in place', () => {
    const before = resolveLayer(full(GA_LT), 'lowerThird');
    const after = resolveLayer(applyRace(full(GA_LT), gaFlip(4)), 'lowerThird');
    expect(before?.key).toBe('race:ga-president-2020');
    expect(after?.key).toBe('race:ga-president-2020');
    expect(after?.kind === 'race' ? after.race.revision : null).toBe(4);
  });

  it('draws again after play, exactly what it drew before stop', () => {
    const on = full(GA_LT);
    const replayed = setStopped(setStopped(on, true), false);
    expect(LAYER_NAMES.map((l) => resolveLayer(replayed, l))).toEqual(LAYER_NAMES.map((l) => resolveLayer(on, l)));
  });
});

describe('sameContent', () => {
  const lc = gaLeadChange();
  const TICKER: Layers = { ...EMPTY, ticker: { type: 'ticker', raceIds: ['ga-president-2020', 'pa-president-2020'] } };
  const full = (layers: Layers): OverlayState =>
    synced({ layers, races: { 'ga-president-2020': gaFlip(3), 'pa-president-2020': paFlip(1) }, leadChanges: { 'lc-1': lc } });
  const air = (layers: Layers) => (s: OverlayState) => applyGraphics(s, graphics('program', 8, layers));
  const count = (race: ReturnType<typeof gaFlip>) => (s: OverlayState) => applyRace(s, race);

  it.each([
    { does: 'holds for two empty layers', from: EMPTY, step: air(EMPTY), layer: 'lowerThird', want: true },
    { does: 'does not hold when a graphic comes on', from: EMPTY, step: air(GA_LT), layer: 'lowerThird', want: false },
    { does: 'does not hold when a graphic goes off', from: GA_LT, step: air(EMPTY), layer: 'lowerThird', want: false },
    { does: 'does not hold for another race', from: GA_LT, step: air(PA_LT), layer: 'lowerThird', want: false },
    { does: 'holds when another race gets a count', from: GA_LT, step: count(paFlip(2)), layer: 'lowerThird', want: true },
    { does: 'does not hold when the race on air gets a count', from: GA_LT, step: count(gaFlip(4)), layer: 'lowerThird', want: false },
    { does: 'holds for an alert when an unrelated race moves', from: ALERT, step: count(paFlip(2)), layer: 'alert', want: true },
    { does: 'does not hold for an alert whose race moves', from: ALERT, step: count(gaFlip(4)), layer: 'alert', want: false },
    { does: 'holds for a ticker whose races are the same objects', from: TICKER, step: air(TICKER), layer: 'ticker', want: true },
    { does: 'does not hold for a ticker when one of its races moves', from: TICKER, step: count(paFlip(2)), layer: 'ticker', want: false },
    {
      does: 'does not hold for a ticker that loses a race',
      from: TICKER,
      step: air({ ...EMPTY, ticker: { type: 'ticker', raceIds: ['ga-president-2020'] } }),
      layer: 'ticker',
      want: false,
    },
    {
      does: 'does not hold after a snapshot, whose races are new objects',
      from: GA_LT,
      step: (s: OverlayState) => applySnapshot(s, snapshot({ races: { 'ga-president-2020': gaFlip(3) } })),
      layer: 'lowerThird',
      want: false,
    },
  ] as const)('$does', ({ from, step, layer, want }) => {
    const a = full(from);
    expect(sameContent(resolveLayer(a, layer), resolveLayer(step(a), layer))).toBe(want);
  });

  it('holds for a banner while unrelated races move, not when its own race does', () => {
    const on = applyRace(full(CALL), gaCalled(4));
    expect(sameContent(resolveLayer(on, 'alert'), resolveLayer(applyRace(on, paFlip(2)), 'alert'))).toBe(true);
    expect(sameContent(resolveLayer(on, 'alert'), resolveLayer(applyRace(on, gaCalled(5)), 'alert'))).toBe(false);
  });
});
