import { describe, expect, it } from 'vitest';
import type { Layers, OverlaySnapshot, RaceView } from '../../shared/index.js';
import { applySnapshot, initialState, LAYER_NAMES, resolveLayer, setStopped, type OverlayState } from '../../overlay/onair/state.js';
import { showsTest, watermarkText } from '../../overlay/onair/watermark.js';
import { gaFlip, gaLeadChange, paFlip } from './fixtures.js';

const EMPTY: Layers = { lowerThird: null, alert: null, ticker: null, fullscreen: null };
const GA = 'ga-president-2020';
const PA = 'pa-president-2020';
const rehearsal = (race: RaceView): RaceView => ({ ...race, test: true });
const called = (race: RaceView): RaceView => ({ ...race, status: 'called', call: { winner: 'biden', at: '2020-11-07T16:25:00.000Z' } });

/** A page of `channel` showing `layers`, with Georgia (test or live) and Pennsylvania (live) known. */
function page(layers: Partial<Layers>, o: { gaTest?: boolean; channel?: 'program' | 'preview' } = {}): OverlayState {
  const ga = called(gaFlip(3));
  const snap: OverlaySnapshot = {
    channel: o.channel ?? 'program',
    layers: { ...EMPTY, ...layers },
    races: { [GA]: o.gaTest ? rehearsal(ga) : ga, [PA]: paFlip(1) },
    leadChanges: { 'lc-1': gaLeadChange(), 'lc-test': { ...gaLeadChange(), id: 'lc-test', test: true } },
    revision: 1,
  };
  return applySnapshot(initialState(snap.channel), snap);
}
const marked = (s: OverlayState) => showsTest(LAYER_NAMES.map((l) => resolveLayer(s, l)));

describe('the TEST watermark rule', () => {
  it.each([
    { does: 'marks a page whose lower third shows a test race', state: page({ lowerThird: { type: 'race', raceId: GA } }, { gaTest: true }), want: true },
    { does: 'leaves a page whose lower third shows a live race', state: page({ lowerThird: { type: 'race', raceId: GA } }), want: false },
    { does: 'leaves an empty page', state: page({}, { gaTest: true }), want: false },
    {
      does: 'marks a ticker with a test race among its races, whichever line shows',
      state: page({ ticker: { type: 'ticker', raceIds: [PA, GA] } }, { gaTest: true }),
      want: true,
    },
    { does: 'leaves a ticker of live races', state: page({ ticker: { type: 'ticker', raceIds: [PA, GA] } }), want: false },
    { does: 'marks a lead-change alert of a test race', state: page({ alert: { type: 'leadChange', leadChangeId: 'lc-1' } }, { gaTest: true }), want: true },
    {
      does: 'marks a lead change detected in test batches after its race went live',
      state: page({ alert: { type: 'leadChange', leadChangeId: 'lc-test' } }),
      want: true,
    },
    { does: 'marks a projected-winner banner of a test race', state: page({ alert: { type: 'call', raceId: GA } }, { gaTest: true }), want: true },
    {
      does: 'leaves a live race on air while a test race is only known, not shown',
      state: page({ lowerThird: { type: 'race', raceId: PA } }, { gaTest: true }),
      want: false,
    },
    {
      does: 'marks a preview page by its own layers',
      state: page({ lowerThird: { type: 'race', raceId: GA } }, { gaTest: true, channel: 'preview' }),
      want: true,
    },
    {
      does: 'leaves a stopped page, which shows nothing',
      state: setStopped(page({ lowerThird: { type: 'race', raceId: GA } }, { gaTest: true }), true),
      want: false,
    },
    { does: 'leaves a layer whose race has not arrived', state: page({ lowerThird: { type: 'race', raceId: 'az-president-2020' } }, { gaTest: true }), want: false },
  ])('$does', ({ state, want }) => {
    expect(marked(state)).toBe(want);
  });

  it('reads TEST first in the mirror', () => {
    expect(watermarkText).toBe('TEST\nREHEARSAL DATA');
  });
});
