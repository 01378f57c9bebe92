import { describe, expect, it } from 'vitest';
import {
  balanceText,
  boardText,
  buildRaceView,
  keyRacesText,
  callBannerText,
  graphicText,
  leadChangeText,
  lowerThirdText,
  racesOf,
  tickerLine,
  tickerText,
  type LeadChange,
  type RaceView,
} from '../../shared/index.js';
import { GA_BEFORE, GA_FLIP } from '../helpers/fixtures.js';
import { afterBatches, applied, defineRace, freshRecord } from './fixtures.js';

// The expected strings are the overlay page's own (test/overlay/overlay-models.test.ts and call-banner.test.ts):
// the as-run reads what the screen read.
const gaBefore = () => buildRaceView(afterBatches(freshRecord(), [GA_BEFORE]));
const gaFlip = () => buildRaceView(afterBatches(freshRecord(), [GA_BEFORE, GA_FLIP]));
const gaLeadChange = (o: Partial<LeadChange> = {}): LeadChange => ({ ...applied(afterBatches(freshRecord(), [GA_BEFORE]), GA_FLIP).leadChange!, ...o });
const called = (winner = 'biden'): RaceView => ({ ...gaFlip(), status: 'called', call: { winner, at: '2020-11-07T16:25:00.000Z' } });
const abc = (a: number, b: number, c: number) => {
  const def = defineRace('abc', { title: 'President', jurisdiction: 'Georgia', electoralVotes: 16, candidates: [{ id: 'a', name: 'Ann Alpha' }, { id: 'b', name: 'Bob Beta' }, { id: 'c', name: 'Cy Gamma' }] });
  const r = freshRecord(def);
  return buildRaceView(a + b + c === 0 ? r : afterBatches(r, [{ asOf: '2020-11-04T01:00:00Z', votes: { a, b, c } }]));
};
const huge = () => buildRaceView(afterBatches(freshRecord(defineRace('ga-president-2020', { title: 'President', jurisdiction: 'Georgia', electoralVotes: 16, candidates: [{ id: 'biden', name: 'Joe Biden', party: 'DEM' }, { id: 'trump', name: 'Donald Trump', party: 'REP' }, { id: 'other', name: 'Others' }] })), [{ asOf: '2020-11-04T01:00:00Z', votes: { biden: 4_000_000_000_000_000, trump: 3_000_000_000_000_000, other: 1 } }]));
const measure = (yes: number, no: number) =>
  buildRaceView(afterBatches(freshRecord(defineRace('fl-2', { title: 'Amendment 2', jurisdiction: 'Florida', kind: 'measure', passPct: 60, candidates: [{ id: 'yes', name: 'Yes' }, { id: 'no', name: 'No' }] })), [{ asOf: '2020-11-04T01:00:00Z', votes: { yes, no } }]));

describe('lowerThirdText', () => {
  it.each([
    {
      does: 'reads Georgia before the flip: tags, rows leader first, lead, expected vote, needs',
      race: gaBefore,
      want: ['Georgia President 16 electoral votes RECOUNT RANGE', 'Donald Trump 2,448,454 49.4%', 'Joe Biden 2,447,991 49.4%', 'Others 60,990 1.2%', 'Trump leads by 463 · 0.01 pts', '98% of expected vote in', 'Biden needs 50.4% of the remaining vote'],
    },
    { does: 'leaves out what a race does not have', race: () => abc(0, 0, 0), want: ['Georgia President 16 electoral votes', 'Ann Alpha 0 0.0%', 'Bob Beta 0 0.0%', 'Cy Gamma 0 0.0%', 'Awaiting results'] },
    {
      does: 'reads a called race with its CALLED tag',
      race: () => called(),
      want: ['Georgia President 16 electoral votes RECOUNT RANGE CALLED', 'Joe Biden 2,449,371 49.4%', 'Donald Trump 2,448,454 49.4%', 'Others 61,000 1.2%', 'Biden wins', '8,410 military and overseas ballots outstanding'],
    },
    { does: 'writes huge counts exactly', race: huge, want: ['Georgia President 16 electoral votes', 'Joe Biden 4,000,000,000,000,000 57.1%', 'Donald Trump 3,000,000,000,000,000 42.9%', 'Others 1 0.0%', 'Biden leads by 1,000,000,000,000,000 · 14.3 pts'] },
    { does: 'reads a measure as YES, NO and its pass line', race: () => measure(600, 400), want: ['Florida Amendment 2', 'YES 600 60.0%', 'NO 400 40.0%', 'NEEDS 60% · PASSING'] },
    // 5,996 of 10,000: one decimal would read 60.0% beside "NEEDS 60% · FAILING".
    { does: 'never rounds a failing measure’s YES up to its pass mark', race: () => measure(5_996, 4_004), want: ['Florida Amendment 2', 'YES 5,996 59.96%', 'NO 4,004 40.0%', 'NEEDS 60% · FAILING'] },
  ])('$does', ({ race, want }) => {
    expect(lowerThirdText(race())).toBe(want.join('\n'));
  });
});

describe('leadChangeText', () => {
  it.each([
    { does: 'says who overtook whom, with the live margin while the new leader leads', lc: gaLeadChange(), race: gaFlip, want: 'LEAD CHANGE\nGEORGIA · Biden overtakes Trump · leads by 917' },
    { does: 'tells the past once the lead is gone again', lc: gaLeadChange(), race: gaBefore, want: 'LEAD CHANGE\nGEORGIA · Biden overtook Trump by 917' },
    { does: 'falls back to ids the race does not define', lc: gaLeadChange({ from: 'kanye', to: 'jorgensen', margin: 1 }), race: gaFlip, want: 'LEAD CHANGE\nGEORGIA · jorgensen overtook kanye by 1' },
  ])('$does', ({ lc, race, want }) => {
    expect(leadChangeText(lc, race())).toBe(want);
  });
});

describe('callBannerText and the ticker', () => {
  it.each([
    { does: 'names the winner in full', race: () => called('biden'), want: 'PROJECTED WINNER · GEORGIA · Joe Biden' },
    { does: 'falls back to an unknown winner’s id', race: () => called('jorgensen'), want: 'PROJECTED WINNER · GEORGIA · jorgensen' },
    { does: 'draws nothing for a race without a call', race: gaFlip, want: null },
  ])('$does', ({ race, want }) => expect(callBannerText(race())).toBe(want));

  it.each([
    { race: gaFlip, want: 'Georgia President · Biden 49.4% · Trump 49.4% · 8,410 military and overseas ballots outstanding' },
    { race: gaBefore, want: 'Georgia President · Trump 49.4% · Biden 49.4% · 98% of expected vote in' },
    { race: () => called(), want: 'Georgia President · Biden 49.4% · Trump 49.4% · Biden wins' },
    { race: () => abc(3, 3, 0), want: 'Georgia President · Alpha 50.0% · Beta 50.0%' },
  ])('reads a ticker line as the band does: $want', ({ race, want }) => expect(tickerLine(race())).toBe(want));

  it('lists every race of the ticker under its label (the band shows one at a time)', () => {
    expect(tickerText([gaFlip(), abc(3, 3, 0)]).split('\n')).toEqual(['RESULTS', tickerLine(gaFlip()), tickerLine(abc(3, 3, 0))]);
  });
});

describe('graphicText and racesOf', () => {
  const races = { 'ga-president-2020': gaFlip() };
  const lc = gaLeadChange();
  it.each([
    { g: { type: 'race' as const, raceId: 'ga-president-2020' }, want: lowerThirdText(gaFlip()), ids: ['ga-president-2020'] },
    { g: { type: 'leadChange' as const, leadChangeId: lc.id }, want: leadChangeText(lc, gaFlip()), ids: ['ga-president-2020'] },
    { g: { type: 'leadChange' as const, leadChangeId: 'nope' }, want: null, ids: [] },
    { g: { type: 'race' as const, raceId: 'unknown' }, want: null, ids: ['unknown'] },
    { g: { type: 'ticker' as const, raceIds: ['unknown', 'ga-president-2020'] }, want: tickerText([gaFlip()]), ids: ['unknown', 'ga-president-2020'] },
    { g: { type: 'call' as const, raceId: 'ga-president-2020' }, want: null, ids: ['ga-president-2020'] },
  ])('draws $g.type as the overlay would ($want)', ({ g, want, ids }) => {
    expect(graphicText(g, races, { [lc.id]: lc })).toBe(want);
    expect(racesOf(g, { [lc.id]: lc })).toEqual(ids);
  });
});

// The full-screen kinds, as the overlay's board, key-races and balance models read (test/overlay/fullscreen-models.test.ts).
const pa = (biden: number, trump: number) =>
  buildRaceView(afterBatches(freshRecord(defineRace('pa-president-2020', { title: 'President', jurisdiction: 'Pennsylvania', electoralVotes: 20, candidates: [{ id: 'biden', name: 'Joe Biden', party: 'DEM' }, { id: 'trump', name: 'Donald Trump', party: 'REP' }] })), biden + trump === 0 ? [] : [{ asOf: '2020-11-04T01:00:00Z', votes: { biden, trump }, reporting: { reported: 9000, total: 9100, unit: 'precincts' } }]));
const senate = (w: number, l: number) =>
  buildRaceView(afterBatches(freshRecord(defineRace('ga-senate', { title: 'Senate', jurisdiction: 'Georgia', candidates: [{ id: 'warnock', name: 'Raphael Warnock', party: 'DEM' }, { id: 'loeffler', name: 'Kelly Loeffler', party: 'REP' }] })), [{ asOf: '2020-11-04T01:00:00Z', votes: { warnock: w, loeffler: l } }]));
const callFor = (r: RaceView, winner: string): RaceView => ({ ...r, status: 'called', call: { winner, at: '2020-11-07T16:25:00.000Z' } });
const ten = () => {
  const people = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, name: `Person ${i}` }));
  const r = freshRecord(defineRace('mayor', { title: 'Mayor', jurisdiction: 'Atlanta', candidates: people }));
  return buildRaceView(afterBatches(r, [{ asOf: '2020-11-04T01:00:00Z', votes: Object.fromEntries(people.map((p, i) => [p.id, 100 - i])) }]));
};

describe('boardText', () => {
  it.each([
    {
      does: 'marks the leader of a race still counting "▲ LEADS", in the lower third’s reading order',
      race: gaFlip,
      want: ['Georgia President 16 electoral votes RECOUNT RANGE', 'Joe Biden ▲ LEADS 2,449,371 49.4%', 'Donald Trump 2,448,454 49.4%', 'Others 61,000 1.2%', 'Biden leads by 917 · 0.02 pts', '8,410 military and overseas ballots outstanding', 'Trump needs 55.5% of the remaining vote'],
    },
    {
      does: 'drops the LEADS mark once called',
      race: () => called(),
      want: ['Georgia President 16 electoral votes RECOUNT RANGE CALLED', 'Joe Biden 2,449,371 49.4%', 'Donald Trump 2,448,454 49.4%', 'Others 61,000 1.2%', 'Biden wins', '8,410 military and overseas ballots outstanding'],
    },
    { does: 'marks nobody in a tie', race: () => abc(3, 3, 0), want: ['Georgia President 16 electoral votes', 'Ann Alpha 3 50.0%', 'Bob Beta 3 50.0%', 'Cy Gamma 0 0.0%', 'Tied'] },
    {
      does: 'shows eight rows at most: the top seven and "3 others"',
      race: ten,
      want: ['Atlanta Mayor', 'Person 0 ▲ LEADS 100 10.5%', 'Person 1 99 10.4%', 'Person 2 98 10.3%', 'Person 3 97 10.2%', 'Person 4 96 10.1%', 'Person 5 95 9.9%', 'Person 6 94 9.8%', '3 others 276 28.9%', '0 leads by 1 · 0.1 pts'],
    },
    { does: 'reads a measure as the lower third does (no LEADS mark)', race: () => measure(600, 400), want: ['Florida Amendment 2', 'YES 600 60.0%', 'NO 400 40.0%', 'NEEDS 60% · PASSING'] },
  ])('$does', ({ race, want }) => {
    expect(boardText(race())).toBe(want.join('\n'));
  });
});

describe('keyRacesText', () => {
  it.each([
    { does: 'a leader with margin and the count', races: () => [gaFlip()], want: ['GEORGIA President · 16 EV', '▲ LEADS Biden', '+917 · 0.02 pts'] },
    { does: 'a called race', races: () => [called()], want: ['GEORGIA President · 16 EV', '✓ CALLED Biden', '+917 · 0.02 pts'] },
    { does: 'a race called for the one behind', races: () => [called('trump')], want: ['GEORGIA President · 16 EV', '✓ CALLED Trump', 'Called'] },
    { does: 'a race with no votes', races: () => [pa(0, 0)], want: ['PENNSYLVANIA President · 20 EV', 'AWAITING', 'Awaiting results'] },
    { does: 'a tie, with reporting', races: () => [pa(5, 5)], want: ['PENNSYLVANIA President · 20 EV', '= TIED', 'Tied at 5', '98% of precincts reporting'] },
    { does: 'a race without electoral votes, with expected vote', races: () => [{ ...senate(10, 5), expectedVotePct: 50 }], want: ['GEORGIA Senate', '▲ LEADS Warnock', '+5 · 33.3 pts', '50% of expected vote in'] },
    { does: 'a measure passing', races: () => [measure(700, 300)], want: ['FLORIDA Amendment 2', '▲ LEADS PASSING', 'YES 70.0% · needs 60%'] },
    { does: 'a measure failing just short of its mark', races: () => [measure(5_996, 4_004)], want: ['FLORIDA Amendment 2', '▲ LEADS FAILING', 'YES 59.96% · needs 60%'] },
    { does: 'a measure called', races: () => [callFor(measure(500, 500), 'no')], want: ['FLORIDA Amendment 2', '✓ CALLED FAILS', 'YES 50.0% · needs 60%'] },
  ])('reads $does', ({ races, want }) => {
    expect(keyRacesText(races(), 'x').split('\n')).toEqual(['X', ...want]);
  });

  it('titles the grid "KEY RACES" by default and keeps the races in the order asked', () => {
    const text = keyRacesText([pa(1, 2), gaFlip()], undefined).split('\n');
    expect(text[0]).toBe('KEY RACES');
    expect(text.filter((l) => /President/.test(l))).toEqual(['PENNSYLVANIA President · 20 EV', 'GEORGIA President · 16 EV']);
  });
});

describe('balanceText', () => {
  it.each([
    {
      does: 'counts nothing before a call',
      g: { target: 270 },
      races: () => [gaFlip(), pa(1, 2)],
      want: ['ELECTORAL VOTES · 270 TO WIN', 'Democrats 0', 'Republicans 0', '36 electoral votes not yet called · 0 of 2 races called'],
    },
    {
      does: 'adds the base to the called races and marks a party at the target',
      g: { target: 270, base: { dem: 254, REP: 0 }, title: 'Road to 270' },
      races: () => [called(), pa(1, 2)],
      want: ['ROAD TO 270 · 270 TO WIN', 'Democrats 270 ✓ REACHES 270', 'Republicans 0', '20 electoral votes not yet called · 1 of 2 races called', 'Already decided: Democrats 254'],
    },
    {
      does: 'counts seats when no race awards electoral votes',
      g: { target: 51, base: { DEM: 48, REP: 50 } },
      races: () => [callFor(senate(10, 5), 'warnock')],
      want: ['BALANCE OF POWER · 51 TO WIN', 'Democrats 49', 'Republicans 50', 'Every race called · 1 of 1 races called', 'Already decided: Democrats 48 · Republicans 50'],
    },
    { does: 'says so when it counts no race (in seats)', g: { target: 270 }, races: () => [], want: ['BALANCE OF POWER · 270 TO WIN', 'No races counted yet'] },
  ])('$does', ({ g, races, want }) => {
    expect(balanceText(g as { target: number; base?: Record<string, number>; title?: string }, races()).split('\n')).toEqual(want);
  });
});

describe('graphicText of the full-screen kinds', () => {
  const races = { 'ga-president-2020': gaFlip(), 'pa-president-2020': pa(1, 2) };
  it.each([
    { g: { type: 'board' as const, raceId: 'ga-president-2020' }, want: boardText(gaFlip()), ids: ['ga-president-2020'] },
    { g: { type: 'board' as const, raceId: 'unknown' }, want: null, ids: ['unknown'] },
    { g: { type: 'keyRaces' as const, raceIds: ['pa-president-2020', 'ga-president-2020'] }, want: keyRacesText([pa(1, 2), gaFlip()], undefined), ids: ['pa-president-2020', 'ga-president-2020'] },
    { g: { type: 'keyRaces' as const, raceIds: ['ga-president-2020', 'unknown'] }, want: null, ids: ['ga-president-2020', 'unknown'] },
    { g: { type: 'balance' as const, target: 270, raceIds: ['pa-president-2020'] }, want: balanceText({ target: 270 }, [pa(1, 2)]), ids: ['pa-president-2020'] },
    { g: { type: 'balance' as const, target: 270, raceIds: ['pa-president-2020', 'unknown'] }, want: null, ids: ['pa-president-2020', 'unknown'] },
    { g: { type: 'balance' as const, target: 270, raceIds: 'all' as const }, want: balanceText({ target: 270 }, [gaFlip(), pa(1, 2)]), ids: ['ga-president-2020', 'pa-president-2020'] },
  ])('draws $g.type ($ids) only once every race it shows is known', ({ g, want, ids }) => {
    expect(graphicText(g, races, {})).toBe(want);
    expect(racesOf(g, {}, Object.keys(races))).toEqual(ids);
  });
});
