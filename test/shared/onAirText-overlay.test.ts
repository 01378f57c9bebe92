/**
 * The as-run's text against the overlay page's own: for every graphic kind and a table of races (leading, tied,
 * awaiting, called, called for the one behind, vote for N, runoffs, measures, big fields, huge counts), the
 * shared `graphicText` reads exactly what the page's kind resolves and mirrors. The overlay builds its text in
 * its own models (overlay/onair/graphics/<kind>/model.ts), so this is what keeps the two from drifting apart.
 */
import { describe, expect, it } from 'vitest';
import { contentText, resolveGraphic } from '../../overlay/onair/graphics/registry.js';
import { GRAPHIC_KINDS, graphicText, Graphic, type LayerName, type RaceView } from '../../shared/index.js';
import { gaBefore, gaFlip, gaLeadChange, paFlip, view } from '../overlay/fixtures.js';

const called = (r: RaceView, winner: string): RaceView => ({ ...r, status: 'called', call: { winner, at: '2020-11-07T16:25:00.000Z' } });
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, name: `Person ${i}`, party: ['DEM', 'REP', 'LIB', 'GRN', 'IND'][i % 5]! }));
const field = (id: string, n: number, o: Parameters<typeof view>[0] = {}) =>
  view({ id, title: 'Council', jurisdiction: 'Atlanta', electoralVotes: null, recount: null, candidates: people(n), votes: Object.fromEntries(people(n).map((p, i) => [p.id, 1000 - i * 7])), ...o });
const measure = (id: string, yes: number, no: number) =>
  view({ id, title: 'Amendment 2', jurisdiction: 'Florida', electoralVotes: null, kind: 'measure', passPct: 60, candidates: [{ id: 'yes', name: 'Yes' }, { id: 'no', name: 'No' }], votes: { yes, no } });

const RACES: Record<string, RaceView> = Object.fromEntries(
  [
    gaFlip(),
    paFlip(),
    { ...gaBefore(), id: 'ga-before' },
    called(view({ id: 'az', jurisdiction: 'Arizona', electoralVotes: 11, votes: { biden: 3, trump: 2, other: 0 } }), 'biden'),
    called(view({ id: 'nc', jurisdiction: 'North Carolina', electoralVotes: 15, votes: { biden: 3, trump: 2, other: 0 } }), 'trump'),
    view({ id: 'tie', jurisdiction: 'Nevada', electoralVotes: 6, votes: { biden: 5, trump: 5, other: 0 }, reporting: { reported: 10, total: 20, unit: 'counties' } }),
    view({ id: 'empty', jurisdiction: 'Alaska', electoralVotes: 3 }),
    view({ id: 'huge', votes: { biden: 4_000_000_000_000_000, trump: 3_000_000_000_000_000, other: 1 } }),
    field('big', 10),
    field('seats', 6, { seats: 3 }),
    field('cutoff', 4, { seats: 2, votes: { c0: 50, c1: 40, c2: 40, c3: 1 } }),
    field('runoff-likely', 3, { runoff: { thresholdPct: 50 }, expectedVotePct: 80 }),
    field('advancing', 3, { runoff: { thresholdPct: 50 }, advancing: ['c0', 'c1'] }),
    measure('passing', 700, 300),
    measure('failing', 500, 500),
    called(measure('passed', 700, 300), 'yes'),
    measure('m-empty', 0, 0),
  ].map((r) => [r.id, r]),
);
const ids = Object.keys(RACES);
const leadChanges = { 'lc-1': gaLeadChange() };

const bodies: { layer: LayerName; body: unknown }[] = [
  ...ids.flatMap((raceId) => [
    { layer: 'lowerThird' as const, body: { type: 'race', raceId } },
    { layer: 'fullscreen' as const, body: { type: 'board', raceId } },
    { layer: 'alert' as const, body: { type: 'call', raceId } },
    { layer: 'ticker' as const, body: { type: 'ticker', raceIds: [raceId] } },
  ]),
  { layer: 'alert', body: { type: 'leadChange', leadChangeId: 'lc-1' } },
  { layer: 'fullscreen', body: { type: 'keyRaces', raceIds: ids.slice(0, 8) } },
  { layer: 'fullscreen', body: { type: 'keyRaces', raceIds: ids.slice(8, 16), title: 'Down ballot' } },
  { layer: 'fullscreen', body: { type: 'keyRaces', raceIds: ['ga-president-2020', 'nowhere'] } },
  { layer: 'fullscreen', body: { type: 'balance', target: 270, raceIds: 'all' } },
  { layer: 'lowerThird', body: { type: 'balance', target: 270, raceIds: ['az', 'nc', 'ga-president-2020'], base: { DEM: 250, REP: 0 } } },
  { layer: 'fullscreen', body: { type: 'balance', target: 2, title: 'Council', raceIds: ['seats', 'cutoff', 'big', 'advancing'], base: { LIB: 1, GRN: 1, IND: 1 } } },
  { layer: 'fullscreen', body: { type: 'balance', target: 270, raceIds: ['az', 'nowhere'] } },
];

describe('the as-run reads what the overlay page drew', () => {
  it.each(bodies.map((b) => ({ ...b, name: JSON.stringify(b.body) })))('$name on $layer', ({ layer, body }) => {
    const g = Graphic.parse(body);
    const content = resolveGraphic(g, { races: RACES, leadChanges }, layer);
    const shared = graphicText(g, RACES, leadChanges);
    if (content === null) {
      expect(shared).toBeNull();
      return;
    }
    // The page's ticker band shows one line at a time: the as-run lists every line, so compare its one race.
    expect(shared).toBe(contentText(content) === '' ? null : contentText(content));
  });

  it('covers every kind the page draws', () => {
    const kinds = new Set(bodies.map((b) => Graphic.parse(b.body).type));
    expect([...kinds].sort()).toEqual(GRAPHIC_KINDS.map((k) => k.type).sort());
  });
});
