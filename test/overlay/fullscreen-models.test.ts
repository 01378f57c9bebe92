import { describe, expect, it } from 'vitest';
import { contentText, resolveGraphic } from '../../overlay/onair/graphics/registry.js';
import { balanceModel, balanceText } from '../../overlay/onair/graphics/balance/model.js';
import { boardModel, boardText } from '../../overlay/onair/graphics/board/model.js';
import { cellModel, gridColumns, keyRacesModel, keyRacesText } from '../../overlay/onair/graphics/keyRaces/model.js';
import { Graphic, tallyBalance, type RaceView } from '../../shared/index.js';
import { gaFlip, gaLeadChange, paFlip, view } from './fixtures.js';

const called = (r: RaceView, winner: string): RaceView => ({ ...r, status: 'called', call: { winner, at: '2020-11-07T16:25:00.000Z' } });
const state = (races: RaceView[]) => ({ races: Object.fromEntries(races.map((r) => [r.id, r])), leadChanges: { 'lc-1': gaLeadChange() } });

describe('board model', () => {
  it('lists every candidate leader first, marks the leader in words, and reads like the lower third', () => {
    const m = boardModel(gaFlip());
    expect(m.rows.map((r) => [r.name, r.mark])).toEqual([
      ['Joe Biden', 'leading'],
      ['Donald Trump', null],
      ['Others', null],
    ]);
    expect(boardText(m).split('\n').slice(0, 2)).toEqual(['Georgia President 16 electoral votes RECOUNT RANGE', 'Joe Biden ▲ LEADS 2,449,371 49.4%']);
  });

  it('shows up to eight rows, then the top seven and "N others"', () => {
    const people = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, name: `Person ${i}` }));
    const r = view({ candidates: people, votes: Object.fromEntries(people.map((p, i) => [p.id, 100 - i])), recount: null, electoralVotes: null });
    const m = boardModel(r);
    expect(m.rows).toHaveLength(8);
    expect(m.rows.at(-1)!.name).toBe('3 others');
  });

  it('carries the check on a called winner and no LEADS mark', () => {
    const m = boardModel(called(gaFlip(), 'biden'));
    expect(m.rows[0]).toMatchObject({ name: 'Joe Biden', winner: true, mark: null });
    expect(m.tags.map((t) => t.text)).toContain('CALLED');
  });
});

describe('key races model', () => {
  it.each([
    { does: 'a leader with margin and expected vote', race: gaFlip(), want: ['GEORGIA President · 16 EV', '▲ LEADS Biden', '+917 · 0.02 pts'] },
    { does: 'a called race', race: called(gaFlip(), 'biden'), want: ['GEORGIA President · 16 EV', '✓ CALLED Biden', '+917 · 0.02 pts'] },
    { does: 'a race with no votes', race: view({ id: 'az', jurisdiction: 'Arizona', electoralVotes: 11 }), want: ['ARIZONA President · 11 EV', 'AWAITING', 'Awaiting results'] },
    { does: 'a tie', race: view({ votes: { biden: 5, trump: 5, other: 0 } }), want: ['GEORGIA President · 16 EV', '= TIED', 'Tied at 5'] },
  ])('reads $does', ({ race, want }) => {
    expect(keyRacesText({ heading: 'X', cells: [cellModel(race)] }).split('\n').slice(1)).toEqual(want);
  });

  it('titles the grid and keeps the races in the order asked', () => {
    const m = keyRacesModel([paFlip(), gaFlip()], 'Battlegrounds');
    expect(m.heading).toBe('BATTLEGROUNDS');
    expect(m.cells.map((c) => c.raceId)).toEqual(['pa-president-2020', 'ga-president-2020']);
    expect(keyRacesModel([gaFlip(), paFlip()], undefined).heading).toBe('KEY RACES');
  });

  it.each([
    [2, 2],
    [3, 3],
    [4, 2],
    [5, 3],
    [6, 3],
    [7, 4],
    [8, 4],
  ])('lays %i races out in %i columns', (n, cols) => expect(gridColumns(n)).toBe(cols));
});

describe('balance tally', () => {
  const ga = view({ votes: { biden: 10, trump: 5, other: 0 } });
  const pa = view({ id: 'pa', jurisdiction: 'Pennsylvania', electoralVotes: 20, votes: { biden: 4, trump: 6, other: 0 } });
  const senate = view({ id: 'ga-senate', title: 'Senate', electoralVotes: null, votes: { biden: 3, trump: 1, other: 0 } });

  it.each([
    {
      does: 'counts nothing before a call, with the whole stake uncalled',
      races: [ga, pa],
      g: { target: 270 },
      want: { unit: 'electoralVotes', parties: [['DEM', 0], ['REP', 0]], uncalled: 36, called: 0, span: 538 },
    },
    {
      does: 'gives a called race its electoral votes, plus base, and marks a party at the target',
      races: [called(ga, 'biden'), called(pa, 'trump')],
      g: { target: 270, base: { dem: 254, REP: 100 } },
      want: { unit: 'electoralVotes', parties: [['DEM', 270], ['REP', 120]], uncalled: 0, called: 2, span: 538 },
    },
    {
      does: 'leaves races without electoral votes out of an electoral count ("all")',
      races: [called(ga, 'biden'), called(senate, 'trump')],
      g: { target: 270 },
      want: { unit: 'electoralVotes', parties: [['DEM', 16], ['REP', 0]], uncalled: 0, called: 1, span: 538 },
    },
    {
      does: 'counts seats, one per called race, when no race awards electoral votes',
      races: [called(senate, 'trump'), view({ id: 's2', electoralVotes: null })],
      g: { target: 51, base: { DEM: 48, REP: 49 } },
      want: { unit: 'seats', parties: [['DEM', 48], ['REP', 50]], uncalled: 1, called: 1, span: 100 },
    },
  ])('$does', ({ races, g, want }) => {
    const t = tallyBalance(g as { target: number; base?: Record<string, number> }, races);
    expect({ unit: t.unit, parties: t.parties.map((p) => [p.party, p.total]), uncalled: t.uncalled, called: t.called, span: t.span }).toEqual(want);
    expect(t.parties.filter((p) => p.reached).map((p) => p.party)).toEqual(t.parties.filter((p) => p.total >= g.target).map((p) => p.party));
  });

  it('sums parties past the fourth as OTHERS, which reach nothing', () => {
    const t = tallyBalance({ target: 1, base: { DEM: 1, REP: 1, LIB: 1, GRN: 1, IND: 1 } }, []);
    expect(t.parties.map((p) => [p.party, p.total, p.reached])).toEqual([
      ['DEM', 1, true],
      ['REP', 1, true],
      ['LIB', 1, true],
      ['OTHERS', 2, false],
    ]);
  });

  it('reads the party names, the target and what is still uncalled', () => {
    const m = balanceModel({ target: 270, base: { DEM: 254 } }, [called(ga, 'biden'), pa]);
    expect(balanceText(m, 270).split('\n')).toEqual([
      'ELECTORAL VOTES · 270 TO WIN',
      'Democrats 270 ✓ REACHES 270',
      'Republicans 0',
      '20 electoral votes not yet called · 1 of 2 races called',
      'Already decided: Democrats 254',
    ]);
  });
});

describe('every kind resolves and reads its mirror text', () => {
  const s = state([gaFlip(), paFlip(), called(view({ id: 'az', jurisdiction: 'Arizona', electoralVotes: 11, votes: { biden: 3, trump: 2, other: 0 } }), 'biden')]);
  it.each([
    { body: { type: 'race', raceId: 'ga-president-2020' }, layer: 'lowerThird', first: 'Georgia President 16 electoral votes RECOUNT RANGE' },
    { body: { type: 'leadChange', leadChangeId: 'lc-1' }, layer: 'alert', first: 'LEAD CHANGE' },
    { body: { type: 'ticker', raceIds: ['pa-president-2020', 'ga-president-2020'] }, layer: 'ticker', first: 'RESULTS' },
    { body: { type: 'call', raceId: 'az' }, layer: 'alert', first: 'PROJECTED WINNER · ARIZONA · Joe Biden' },
    { body: { type: 'board', raceId: 'ga-president-2020' }, layer: 'fullscreen', first: 'Georgia President 16 electoral votes RECOUNT RANGE' },
    { body: { type: 'keyRaces', raceIds: ['ga-president-2020', 'az'] }, layer: 'fullscreen', first: 'KEY RACES' },
    { body: { type: 'balance', target: 270, raceIds: 'all' }, layer: 'fullscreen', first: 'ELECTORAL VOTES · 270 TO WIN' },
    { body: { type: 'balance', target: 270, raceIds: ['az'] }, layer: 'lowerThird', first: 'ELECTORAL VOTES · 270 TO WIN' },
  ] as const)('$body.type on $layer: "$first"', ({ body, layer, first }) => {
    const c = resolveGraphic(Graphic.parse(body), s, layer);
    expect(c?.kind).toBe(body.type);
    expect(contentText(c!).split('\n')[0]).toBe(first);
  });

  it.each([
    { body: { type: 'board', raceId: 'nowhere' } },
    { body: { type: 'keyRaces', raceIds: ['ga-president-2020', 'nowhere'] } },
    { body: { type: 'balance', target: 270, raceIds: ['ga-president-2020', 'nowhere'] } },
  ] as const)('waits for every race of $body.type before drawing it', ({ body }) => {
    expect(resolveGraphic(Graphic.parse(body), s, 'fullscreen')).toBeNull();
  });
});
