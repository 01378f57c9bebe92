import { describe, expect, it } from 'vitest';
import {
  alertModel,
  alertText,
  countLine,
  leadLine,
  lowerThirdModel,
  lowerThirdText,
  tickerItemModel,
  tickerItemText,
  topCandidates,
} from '../../overlay/onair/models.js';
import { gaBefore, gaFlip, gaLeadChange, view } from './fixtures.js';

const ABC = [
  { id: 'a', name: 'Ann Alpha' },
  { id: 'b', name: 'Bob Beta' },
  { id: 'c', name: 'Cy Gamma' },
];
const abc = (a: number, b: number, c: number) => view({ candidates: ABC, votes: { a, b, c }, recount: null });

/** Four quadrillion to three quadrillion (and one): a total still inside Number.MAX_SAFE_INTEGER. */
const huge = () => view({ votes: { biden: 4_000_000_000_000_000, trump: 3_000_000_000_000_000, other: 1 }, recount: null });

const called = () => ({ ...gaFlip(), status: 'called' as const, call: { winner: 'biden', at: '2020-11-07T16:25:00.000Z' } });

describe('topCandidates', () => {
  it.each([
    { does: 'puts the leader first after the flip', race: gaFlip(), n: 2, want: ['biden', 'trump'] },
    { does: 'puts the leader first before the flip', race: gaBefore(), n: 2, want: ['trump', 'biden'] },
    { does: 'keeps definition order when there are no votes', race: abc(0, 0, 0), n: 2, want: ['a', 'b'] },
    { does: 'keeps definition order between tied candidates', race: abc(5, 9, 9), n: 2, want: ['b', 'c'] },
    { does: 'keeps definition order for a three-way tie', race: abc(7, 7, 7), n: 3, want: ['a', 'b', 'c'] },
    { does: 'ranks the last-defined candidate first when it leads', race: abc(1, 2, 3), n: 3, want: ['c', 'b', 'a'] },
    { does: 'returns one when asked for one', race: gaFlip(), n: 1, want: ['biden'] },
    { does: 'returns all when asked for more than there are', race: abc(1, 0, 0), n: 5, want: ['a', 'b', 'c'] },
    { does: 'ranks huge counts exactly', race: huge(), n: 3, want: ['biden', 'trump', 'other'] },
  ])('$does', ({ race, n, want }) => {
    expect(topCandidates(race, n).map((c) => c.id)).toEqual(want);
  });

  it('takes the top two by default', () => {
    expect(topCandidates(abc(1, 3, 2)).map((c) => c.id)).toEqual(['b', 'c']);
  });

  it('does not reorder the race view it was given', () => {
    const race = gaBefore();
    topCandidates(race);
    expect(race.candidates.map((c) => c.id)).toEqual(['biden', 'trump', 'other']);
  });
});

describe('leadLine', () => {
  it.each([
    { does: 'says who leads, by how many votes and points, after the flip', race: gaFlip(), want: 'Biden leads by 917 · 0.02 pts' },
    { does: 'says who leads before the flip', race: gaBefore(), want: 'Trump leads by 463 · 0.01 pts' },
    { does: 'says Tied when the top two are level', race: abc(500, 500, 10), want: 'Tied' },
    { does: 'names the leader when only the runners-up are tied', race: abc(12, 5, 5), want: 'Alpha leads by 7 · 31.8 pts' },
    { does: 'says one point in the singular', race: abc(505, 495, 0), want: 'Alpha leads by 10 · 1.0 pt' },
    { does: 'says Awaiting results before any vote', race: abc(0, 0, 0), want: 'Awaiting results' },
    { does: 'names the sole candidate with a vote', race: abc(0, 0, 1), want: 'Gamma leads by 1 · 100.0 pts' },
    { does: 'says who wins once called', race: called(), want: 'Biden wins' },
    { does: 'writes a huge margin exactly', race: huge(), want: 'Biden leads by 1,000,000,000,000,000 · 14.3 pts' },
  ])('$does', ({ race, want }) => {
    expect(leadLine(race)).toBe(want);
  });
});

describe('countLine', () => {
  it.each([
    {
      does: 'prefers the outstanding ballots when both are known',
      o: { expectedVotePct: 99.2, outstanding: { ballots: 8_410, label: 'military and overseas ballots' } },
      want: '8,410 military and overseas ballots outstanding',
    },
    { does: 'falls back to expected vote in, rounded down', o: { expectedVotePct: 98.9 }, want: '98% of expected vote in' },
    { does: 'says 0% when no expected vote is in', o: { expectedVotePct: 0 }, want: '0% of expected vote in' },
    { does: 'keeps a decimal below one percent', o: { expectedVotePct: 0.4 }, want: '0.4% of expected vote in' },
    { does: 'says 100% only when all of it is in', o: { expectedVotePct: 100 }, want: '100% of expected vote in' },
    { does: 'never says 100% early', o: { expectedVotePct: 99.99 }, want: '99% of expected vote in' },
    { does: 'writes zero outstanding ballots', o: { outstanding: { ballots: 0, label: 'provisional ballots' } }, want: '0 provisional ballots outstanding' },
    {
      does: 'writes a huge outstanding count exactly',
      o: { outstanding: { ballots: Number.MAX_SAFE_INTEGER, label: 'ballots' } },
      want: '9,007,199,254,740,991 ballots outstanding',
    },
    { does: 'has no line when neither is known', o: {}, want: null },
  ])('$does', ({ o, want }) => {
    expect(countLine(view(o))).toBe(want);
  });
});

describe('lowerThirdModel', () => {
  const share = (v: number) => (100 * v) / 4_958_825;
  it('draws the contract’s Georgia flip: all three candidates leader first, and what Trump needs', () => {
    expect(lowerThirdModel(gaFlip())).toEqual({
      kind: 'candidate',
      jurisdiction: 'Georgia',
      title: 'President',
      tags: [
        { text: '16 electoral votes', tone: 'info' },
        { text: 'RECOUNT RANGE', tone: 'warn' },
      ],
      rows: [
        { id: 'biden', name: 'Joe Biden', party: 'DEM', tone: 'party', votes: 2_449_371, pct: share(2_449_371), winner: false, mark: null },
        { id: 'trump', name: 'Donald Trump', party: 'REP', tone: 'party', votes: 2_448_454, pct: share(2_448_454), winner: false, mark: null },
        { id: 'other', name: 'Others', party: null, tone: 'party', votes: 61_000, pct: share(61_000), winner: false, mark: null },
      ],
      measure: null,
      leadLine: 'Biden leads by 917 · 0.02 pts',
      countLine: '8,410 military and overseas ballots outstanding',
      needsLine: 'Trump needs 55.5% of the remaining vote',
      reportingLine: null,
    });
  });

  it.each([
    { does: 'says 16 electoral votes', electoralVotes: 16, want: ['16 electoral votes'] },
    { does: 'says 1 electoral vote in the singular', electoralVotes: 1, want: ['1 electoral vote'] },
    { does: 'says 55 electoral votes', electoralVotes: 55, want: ['55 electoral votes'] },
    { does: 'has no electoral-vote tag for a race without them', electoralVotes: null, want: [] },
  ])('$does', ({ electoralVotes, want }) => {
    expect(lowerThirdModel(view({ electoralVotes })).tags.map((t) => t.text)).toEqual(want);
  });

  const tagged = (race: ReturnType<typeof view>, text: string) => lowerThirdModel(race).tags.some((t) => t.text === text);
  it.each([
    { does: 'tags RECOUNT RANGE for a margin within the rule', race: gaFlip(), want: true },
    { does: 'tags RECOUNT RANGE for a tie under a recount rule', race: view({ votes: { biden: 10, trump: 10, other: 0 } }), want: true },
    { does: 'has no recount tag for a margin outside the rule', race: view({ votes: { biden: 60, trump: 40, other: 0 } }), want: false },
    { does: 'has no recount tag for a race without a rule', race: view({ recount: null, votes: { biden: 1, trump: 1, other: 0 } }), want: false },
  ])('$does', ({ race, want }) => {
    expect(tagged(race, 'RECOUNT RANGE')).toBe(want);
  });

  it('marks the called winner’s row, tags CALLED and says nothing of what the loser needs', () => {
    const m = lowerThirdModel(called());
    expect(m.tags.at(-1)).toEqual({ text: 'CALLED', tone: 'called' });
    expect(m.rows.map((r) => [r.id, r.winner])).toEqual([
      ['biden', true],
      ['trump', false],
      ['other', false],
    ]);
    expect(m.needsLine).toBeNull();
  });

  it('draws a race with no votes in definition order at 0%', () => {
    const m = lowerThirdModel(view({ expectedVotePct: 0 }));
    expect(m.rows.map((r) => [r.id, r.votes, r.pct])).toEqual([
      ['biden', 0, 0],
      ['trump', 0, 0],
      ['other', 0, 0],
    ]);
    expect([m.leadLine, m.countLine, m.needsLine, m.tags.map((t) => t.text)]).toEqual([
      'Awaiting results',
      '0% of expected vote in',
      null,
      ['16 electoral votes'],
    ]);
  });
});

describe('lowerThirdText', () => {
  it.each([
    {
      does: 'reads the Georgia flip in drawing order',
      race: gaFlip(),
      want: [
        'Georgia President 16 electoral votes RECOUNT RANGE',
        'Joe Biden 2,449,371 49.4%',
        'Donald Trump 2,448,454 49.4%',
        'Others 61,000 1.2%',
        'Biden leads by 917 · 0.02 pts',
        '8,410 military and overseas ballots outstanding',
        'Trump needs 55.5% of the remaining vote',
      ],
    },
    {
      does: 'reads Georgia before the flip with Trump on top',
      race: gaBefore(),
      want: [
        'Georgia President 16 electoral votes RECOUNT RANGE',
        'Donald Trump 2,448,454 49.4%',
        'Joe Biden 2,447,991 49.4%',
        'Others 60,990 1.2%',
        'Trump leads by 463 · 0.01 pts',
        '98% of expected vote in',
        'Biden needs 50.4% of the remaining vote',
      ],
    },
    {
      does: 'leaves out the tags and lines a race does not have',
      race: abc(0, 0, 0),
      want: ['Georgia President 16 electoral votes', 'Ann Alpha 0 0.0%', 'Bob Beta 0 0.0%', 'Cy Gamma 0 0.0%', 'Awaiting results'],
    },
    {
      does: 'reads a called race with its CALLED tag',
      race: called(),
      want: [
        'Georgia President 16 electoral votes RECOUNT RANGE CALLED',
        'Joe Biden 2,449,371 49.4%',
        'Donald Trump 2,448,454 49.4%',
        'Others 61,000 1.2%',
        'Biden wins',
        '8,410 military and overseas ballots outstanding',
      ],
    },
    {
      does: 'writes huge counts exactly',
      race: huge(),
      want: [
        'Georgia President 16 electoral votes',
        'Joe Biden 4,000,000,000,000,000 57.1%',
        'Donald Trump 3,000,000,000,000,000 42.9%',
        'Others 1 0.0%',
        'Biden leads by 1,000,000,000,000,000 · 14.3 pts',
      ],
    },
  ])('$does', ({ race, want }) => {
    expect(lowerThirdText(lowerThirdModel(race))).toBe(want.join('\n'));
  });
});

describe('alertModel and alertText', () => {
  it.each([
    {
      does: 'says who overtook whom in Georgia, and by how many',
      lc: gaLeadChange(),
      race: gaFlip(),
      want: 'LEAD CHANGE\nGEORGIA · Biden overtakes Trump · leads by 917',
    },
    {
      does: 'says the reverse flip the same way',
      lc: gaLeadChange({ from: 'biden', to: 'trump', margin: 463 }),
      race: gaBefore(),
      want: 'LEAD CHANGE\nGEORGIA · Trump overtakes Biden · leads by 463',
    },
    {
      does: 'falls back to candidate ids the race does not define (and, not leading now, tells the past)',
      lc: gaLeadChange({ from: 'kanye', to: 'jorgensen', margin: 1 }),
      race: gaFlip(),
      want: 'LEAD CHANGE\nGEORGIA · jorgensen overtook kanye by 1',
    },
    {
      does: 'upper-cases a multi-word jurisdiction',
      lc: gaLeadChange({ raceId: 'nh-senate', margin: 12_345 }),
      race: view({ id: 'nh-senate', jurisdiction: 'New Hampshire' }),
      want: 'LEAD CHANGE\nNEW HAMPSHIRE · Biden overtook Trump by 12,345',
    },
    {
      does: 'follows the live margin while the new leader still leads, like the lower third beside it',
      lc: gaLeadChange({ margin: 500 }),
      race: gaFlip(),
      want: 'LEAD CHANGE\nGEORGIA · Biden overtakes Trump · leads by 917',
    },
    {
      does: 'tells the past once the new leader has lost the lead again',
      lc: gaLeadChange(),
      race: gaBefore(),
      want: 'LEAD CHANGE\nGEORGIA · Biden overtook Trump by 917',
    },
    {
      does: 'writes a huge margin exactly',
      lc: gaLeadChange({ margin: 1_000_000_000_000_000 }),
      race: huge(),
      want: 'LEAD CHANGE\nGEORGIA · Biden overtakes Trump · leads by 1,000,000,000,000,000',
    },
  ])('$does', ({ lc, race, want }) => {
    expect(alertText(alertModel(lc, race))).toBe(want);
  });

  it('splits the alert into label, jurisdiction and detail', () => {
    expect(alertModel(gaLeadChange(), gaFlip())).toEqual({
      label: 'LEAD CHANGE',
      jurisdiction: 'GEORGIA',
      detail: 'Biden overtakes Trump · leads by 917',
    });
  });
});

describe('tickerItemModel and tickerItemText', () => {
  it.each([
    {
      does: 'reads the top two by surname and share, then the outstanding ballots',
      race: gaFlip(),
      want: 'Georgia President · Biden 49.4% · Trump 49.4% · 8,410 military and overseas ballots outstanding',
    },
    { does: 'ends with the expected vote when no ballots are outstanding', race: gaBefore(), want: 'Georgia President · Trump 49.4% · Biden 49.4% · 98% of expected vote in' },
    { does: 'ends with who won once called', race: called(), want: 'Georgia President · Biden 49.4% · Trump 49.4% · Biden wins' },
    { does: 'has no tail when no count is known', race: abc(0, 0, 0), want: 'Georgia President · Alpha 0.0% · Beta 0.0%' },
    { does: 'reads a tie in definition order', race: abc(3, 3, 0), want: 'Georgia President · Alpha 50.0% · Beta 50.0%' },
  ])('$does', ({ race, want }) => {
    expect(tickerItemText(tickerItemModel(race))).toBe(want);
  });

  it('keeps party and id for the band', () => {
    expect(tickerItemModel(gaFlip())).toEqual({
      raceId: 'ga-president-2020',
      heading: 'Georgia President',
      candidates: [
        { id: 'biden', name: 'Biden', party: 'DEM', pct: '49.4%' },
        { id: 'trump', name: 'Trump', party: 'REP', pct: '49.4%' },
      ],
      tail: '8,410 military and overseas ballots outstanding',
    });
  });
});
