import { describe, expect, it } from 'vitest';
import {
  buildRaceView,
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
