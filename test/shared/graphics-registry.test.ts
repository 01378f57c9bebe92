import { describe, expect, it } from 'vitest';
import {
  AirCommand,
  CueCommand,
  describeGraphic,
  Graphic,
  GRAPHIC_KINDS,
  GraphicsState,
  graphicIdentity,
  holdTicker,
  LAYER_GRAPHIC,
  LayerName,
  NoTicker,
  refsOf,
  sameGraphic,
  EMPTY_GRAPHICS,
  type GraphicLookup,
} from '../../shared/index.js';
import { view } from '../overlay/fixtures.js';

const GA = 'ga-president-2020';
const PA = 'pa-president-2020';
const lookup: GraphicLookup = {
  race: (id) => (id === GA ? view() : id === PA ? view({ id: PA, jurisdiction: 'Pennsylvania' }) : undefined),
  leadChange: () => undefined,
};

/** One valid body of each kind, the layers it may go on, what it names and how the panel says it. */
const KINDS = [
  { body: { type: 'race', raceId: GA }, layers: ['lowerThird'], races: [GA], leadChanges: [], line: 'Georgia President' },
  { body: { type: 'leadChange', leadChangeId: 'lc-1' }, layers: ['alert'], races: [], leadChanges: ['lc-1'], line: 'Lead change lc-1' },
  { body: { type: 'ticker', raceIds: [GA, PA], dwellSeconds: 4 }, layers: ['ticker'], races: [GA, PA], leadChanges: [], line: 'Ticker: 2 races · 4 s each' },
  { body: { type: 'call', raceId: GA }, layers: ['alert'], races: [GA], leadChanges: [], line: 'Projected winner: Georgia President' },
  { body: { type: 'board', raceId: GA }, layers: ['fullscreen'], races: [GA], leadChanges: [], line: 'Board: Georgia President' },
  {
    body: { type: 'keyRaces', raceIds: [GA, PA], title: 'Battlegrounds' },
    layers: ['fullscreen'],
    races: [GA, PA],
    leadChanges: [],
    line: 'Key races: Battlegrounds · 2 races (Georgia, Pennsylvania)',
  },
  {
    body: { type: 'balance', target: 270, raceIds: 'all', base: { DEM: 200, REP: 180 } },
    layers: ['fullscreen', 'lowerThird'],
    races: [],
    leadChanges: [],
    line: 'Balance · toward 270 · all races',
  },
  { body: { type: 'balance', target: 51, raceIds: [GA], title: 'Senate' }, layers: ['fullscreen', 'lowerThird'], races: [GA], leadChanges: [], line: 'Senate · toward 51 · 1 race' },
] as const;

describe('the graphics registry', () => {
  it('has one kind per type, each allowed on at least one layer', () => {
    const types = GRAPHIC_KINDS.map((k) => k.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types).toEqual(['race', 'leadChange', 'ticker', 'call', 'board', 'keyRaces', 'balance']);
  });

  it('builds LAYER_GRAPHIC from the kinds, for the four layers back to front', () => {
    expect(LayerName.options).toEqual(['fullscreen', 'ticker', 'lowerThird', 'alert']);
    expect(LAYER_GRAPHIC).toEqual({
      fullscreen: ['board', 'keyRaces', 'balance'],
      ticker: ['ticker'],
      lowerThird: ['race', 'balance'],
      alert: ['leadChange', 'call'],
    });
  });

  it.each(KINDS)('$body.type: parses, goes on its layers only, names $races, reads "$line"', ({ body, layers, races, leadChanges, line }) => {
    const g = Graphic.parse(body);
    expect(g).toEqual(body);
    for (const layer of LayerName.options) {
      const ok = (layers as readonly string[]).includes(layer);
      const r = CueCommand.safeParse({ layer, graphic: body });
      expect([layer, r.success]).toEqual([layer, ok]);
      if (!r.success) expect(r.error.issues.map((i) => i.path.join('.'))).toEqual(['graphic.type']);
    }
    expect(refsOf(g)).toEqual({ raceIds: races, leadChangeIds: leadChanges });
    expect(describeGraphic(g, lookup)).toBe(line);
    expect(sameGraphic(g, Graphic.parse(structuredClone(body)))).toBe(true);
  });

  it.each([
    { does: 'an unknown type', graphic: { type: 'map', raceId: GA }, path: 'graphic.type' },
    { does: 'key races of one race', graphic: { type: 'keyRaces', raceIds: [GA] }, path: 'graphic.raceIds' },
    { does: 'key races of nine races', graphic: { type: 'keyRaces', raceIds: Array.from({ length: 9 }, (_, i) => `r${i}`) }, path: 'graphic.raceIds' },
    { does: 'a balance without a target', graphic: { type: 'balance', raceIds: 'all' }, path: 'graphic.target' },
    { does: 'a balance of "some" races', graphic: { type: 'balance', target: 270, raceIds: 'some' }, path: 'graphic.raceIds' },
    { does: 'a balance with a negative base', graphic: { type: 'balance', target: 270, raceIds: 'all', base: { DEM: -1 } }, path: 'graphic.base.DEM' },
    { does: 'a ticker dwelling one second', graphic: { type: 'ticker', raceIds: [GA], dwellSeconds: 1 }, path: 'graphic.dwellSeconds' },
    { does: 'a board with a stray field', graphic: { type: 'board', raceId: GA, big: true }, path: 'graphic' },
  ])('refuses $does at $path', ({ graphic, path }) => {
    const r = AirCommand.safeParse({ layer: 'fullscreen', graphic });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('reads a graphics state stored before the fullscreen layer with that layer empty', () => {
    const v1 = { lowerThird: { type: 'race', raceId: GA }, alert: null, ticker: null };
    expect(GraphicsState.parse({ program: v1, preview: v1, revision: 7 }).program).toEqual({ ...v1, fullscreen: null });
  });

  it.each([
    { does: 'a held ticker is the same graphic as the running one', a: { type: 'ticker', raceIds: [GA] }, b: { type: 'ticker', raceIds: [GA], paused: true }, same: true },
    { does: 'another dwell is another ticker', a: { type: 'ticker', raceIds: [GA] }, b: { type: 'ticker', raceIds: [GA], dwellSeconds: 3 }, same: false },
    { does: 'a board is not the race lower third of the same race', a: { type: 'board', raceId: GA }, b: { type: 'race', raceId: GA }, same: false },
    { does: 'a balance base in another key order is the same', a: { type: 'balance', target: 270, raceIds: 'all', base: { DEM: 1, REP: 2 } }, b: { type: 'balance', target: 270, raceIds: 'all', base: { REP: 2, DEM: 1 } }, same: true },
    { does: 'a balance toward another target differs', a: { type: 'balance', target: 270, raceIds: 'all' }, b: { type: 'balance', target: 269, raceIds: 'all' }, same: false },
  ])('identity: $does', ({ a, b, same }) => {
    expect(graphicIdentity(Graphic.parse(a)) === graphicIdentity(Graphic.parse(b))).toBe(same);
    expect(sameGraphic(Graphic.parse(a), Graphic.parse(b))).toBe(same);
  });
});

describe('holdTicker', () => {
  const on = { ...EMPTY_GRAPHICS, program: { ...EMPTY_GRAPHICS.program, ticker: { type: 'ticker' as const, raceIds: [GA, PA] } }, revision: 4 };

  it('sets paused on the channel ticker and clears it again, one revision each', () => {
    const held = holdTicker(on, 'program', true);
    expect(held.program.ticker).toEqual({ type: 'ticker', raceIds: [GA, PA], paused: true });
    expect(held.revision).toBe(5);
    const resumed = holdTicker(held, 'program', false);
    expect(resumed.program.ticker).toEqual({ type: 'ticker', raceIds: [GA, PA] });
    expect(resumed.revision).toBe(6);
  });

  it('changes nothing when the ticker already is so (the same state comes back)', () => {
    expect(holdTicker(on, 'program', false)).toBe(on);
    const held = holdTicker(on, 'program', true);
    expect(holdTicker(held, 'program', true)).toBe(held);
  });

  it('refuses a channel without a ticker', () => {
    expect(() => holdTicker(on, 'preview', true)).toThrow(NoTicker);
  });
});
