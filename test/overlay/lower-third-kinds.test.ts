import { describe, expect, it } from 'vitest';
import { lowerThirdModel, lowerThirdText, OTHERS_ID, type LowerThirdModel } from '../../overlay/onair/models.js';
import { view, type ViewOptions } from './fixtures.js';

const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, name: `Candidate ${'ABCDEFGH'[i]}ee`, party: i % 2 ? 'REP' : 'DEM' }));
/** A race of `votes.length` candidates c1, c2, … with those counts; no recount rule, no electoral votes. */
const field = (votes: number[], o: ViewOptions = {}) =>
  view({
    candidates: people(votes.length),
    votes: Object.fromEntries(votes.map((v, i) => [`c${i + 1}`, v])),
    recount: null,
    electoralVotes: null,
    ...o,
  });
const measure = (yes: number, no: number, o: ViewOptions = {}) =>
  view({
    id: 'fl-amendment-2',
    jurisdiction: 'Florida',
    title: 'Amendment 2',
    kind: 'measure',
    passPct: 60,
    electoralVotes: null,
    recount: null,
    candidates: [
      { id: 'yes', name: 'Yes' },
      { id: 'no', name: 'No' },
    ],
    votes: { yes, no },
    ...o,
  });
const rowsOf = (m: LowerThirdModel) => m.rows.map((r) => [r.id, r.name, r.votes, r.mark]);
const tagsOf = (m: LowerThirdModel) => m.tags.map((t) => t.text);

describe('lower third rows: up to four, leader first, then the top three and N others', () => {
  it.each([
    { does: 'draws a three-way race in full, leader first', votes: [30, 50, 20], want: ['c2', 'c1', 'c3'] },
    { does: 'draws a four-way race in full, leader first', votes: [10, 40, 20, 30], want: ['c2', 'c4', 'c3', 'c1'] },
    { does: 'draws a five-way race as the top three and 2 others', votes: [10, 40, 20, 30, 5], want: ['c2', 'c4', 'c3', OTHERS_ID] },
    { does: 'draws a six-way race as the top three and 3 others', votes: [60, 50, 40, 30, 20, 10], want: ['c1', 'c2', 'c3', OTHERS_ID] },
    { does: 'keeps definition order in a field with no votes', votes: [0, 0, 0, 0, 0, 0], want: ['c1', 'c2', 'c3', OTHERS_ID] },
    { does: 'draws a two-way race as two rows', votes: [1, 2], want: ['c2', 'c1'] },
  ])('$does', ({ votes, want }) => {
    expect(lowerThirdModel(field(votes)).rows.map((r) => r.id)).toEqual(want);
  });

  it('sums the rest into the others row: how many, their votes and their share', () => {
    const m = lowerThirdModel(field([500, 250, 150, 50, 30, 20]));
    expect(m.rows.at(-1)).toEqual({
      id: OTHERS_ID,
      name: '3 others',
      party: null,
      tone: 'others',
      votes: 100,
      pct: 10,
      winner: false,
      mark: null,
    });
    expect(lowerThirdText(m).split('\n').slice(1, 5)).toEqual([
      'Candidate Aee 500 50.0%',
      'Candidate Bee 250 25.0%',
      'Candidate Cee 150 15.0%',
      '3 others 100 10.0%',
    ]);
  });

  it('never shows a lone "1 other": a field of five shows three and 2 others', () => {
    expect(lowerThirdModel(field([5, 4, 3, 2, 1])).rows.at(-1)?.name).toBe('2 others');
  });
});

describe('a ballot measure: YES then NO against its pass mark', () => {
  it.each([
    { does: 'passes at exactly 60% of a 60% rule', yes: 600, no: 400, line: 'NEEDS 60% · PASSING', outcome: 'pass' },
    { does: 'fails one vote short of 60%', yes: 599, no: 401, line: 'NEEDS 60% · FAILING', outcome: 'fail' },
    { does: 'fails with a majority that falls short of the rule', yes: 5_900, no: 4_100, line: 'NEEDS 60% · FAILING', outcome: 'fail' },
    { does: 'waits before any vote', yes: 0, no: 0, line: 'NEEDS 60% · AWAITING RESULTS', outcome: 'none' },
  ])('$does', ({ yes, no, line, outcome }) => {
    const m = lowerThirdModel(measure(yes, no));
    expect(m.leadLine).toBe(line);
    expect(m.measure).toMatchObject({ passPct: 60, passMark: 'NEEDS 60%', outcome });
  });

  it('keeps YES on top even when NO leads, in the measure’s colours, with the yes share for the bar', () => {
    const m = lowerThirdModel(measure(300, 700));
    expect(m.rows.map((r) => [r.id, r.name, r.tone])).toEqual([
      ['yes', 'YES', 'yes'],
      ['no', 'NO', 'no'],
    ]);
    expect(m.measure?.yesPct).toBe(30);
    expect(m.needsLine).toBeNull();
  });

  it.each([
    { does: 'says PASSES once called for yes', winner: 'yes', want: 'NEEDS 60% · PASSES' },
    { does: 'says FAILS once called for no', winner: 'no', want: 'NEEDS 60% · FAILS' },
  ])('$does', ({ winner, want }) => {
    const m = lowerThirdModel(measure(700, 300, { call: { winner, at: '2020-11-04T03:00:00.000Z' } }));
    expect(m.leadLine).toBe(want);
    expect(tagsOf(m)).toEqual(['CALLED']);
  });

  it.each([
    { does: 'says a simple majority for the default 50', passPct: 50, want: 'NEEDS A MAJORITY · PASSING' },
    { does: 'says two-thirds for 66.67', passPct: 66.67, want: 'NEEDS TWO-THIRDS · PASSING' },
  ])('$does', ({ passPct, want }) => {
    expect(lowerThirdModel(measure(700, 300, { passPct })).leadLine).toBe(want);
  });

  it('reads YES, NO and the pass line in the mirror', () => {
    expect(lowerThirdText(lowerThirdModel(measure(600, 400)))).toBe(
      ['Florida Amendment 2', 'YES 600 60.0%', 'NO 400 40.0%', 'NEEDS 60% · PASSING'].join('\n'),
    );
  });
});

describe('vote for N: the winning set marked with a glyph', () => {
  it('marks the top three winning and tags VOTE FOR 3', () => {
    const m = lowerThirdModel(field([400, 300, 200, 100], { seats: 3 }));
    expect(tagsOf(m)).toEqual(['VOTE FOR 3']);
    expect(m.rows.map((r) => [r.id, r.mark])).toEqual([
      ['c1', 'winning'],
      ['c2', 'winning'],
      ['c3', 'winning'],
      ['c4', null],
    ]);
    expect(m.leadLine).toBe('Aee, Bee and Cee winning');
    expect(m.needsLine).toBeNull();
  });

  it('marks a tie at the cut-off as tied, not winning, and says so', () => {
    const m = lowerThirdModel(field([400, 300, 200, 200], { seats: 3 }));
    expect(m.rows.map((r) => [r.id, r.mark])).toEqual([
      ['c1', 'winning'],
      ['c2', 'winning'],
      ['c3', 'tied'],
      ['c4', 'tied'],
    ]);
    expect(m.leadLine).toBe('Aee and Bee winning · Cee and Dee tied for the last seat');
    expect(lowerThirdText(m).split('\n').slice(1, 5)).toEqual([
      'Candidate Aee ✓ WINNING 400 36.4%',
      'Candidate Bee ✓ WINNING 300 27.3%',
      'Candidate Cee = TIED 200 18.2%',
      'Candidate Dee = TIED 200 18.2%',
    ]);
  });

  it('says how many seats a tie holds open when it reaches further up', () => {
    expect(lowerThirdModel(field([400, 200, 200, 200], { seats: 3 })).leadLine).toBe(
      'Aee winning · Bee, Cee and Dee tied for the last 2 seats',
    );
  });

  it('marks nobody before any vote', () => {
    const m = lowerThirdModel(field([0, 0, 0, 0], { seats: 2 }));
    expect(m.rows.map((r) => r.mark)).toEqual([null, null, null, null]);
    expect(m.leadLine).toBe('Awaiting results');
  });

  it('marks no winning set in a single-seat race', () => {
    expect(lowerThirdModel(field([3, 2, 1])).rows.map((r) => r.mark)).toEqual([null, null, null]);
  });
});

describe('runoffs', () => {
  const senate = (o: ViewOptions = {}) => field([45, 35, 20], { runoff: { thresholdPct: 50 }, ...o });
  it('tags RUNOFF LIKELY while nobody is over the threshold', () => {
    expect(tagsOf(lowerThirdModel(senate()))).toEqual(['RUNOFF LIKELY']);
  });
  it('has no runoff tag once someone is over it', () => {
    expect(tagsOf(lowerThirdModel(field([55, 35, 10], { runoff: { thresholdPct: 50 } })))).toEqual([]);
  });
  it('tags RUNOFF and marks who advances once a runoff call sends them on', () => {
    const m = lowerThirdModel(senate({ advancing: ['c1', 'c2'] }));
    expect(tagsOf(m)).toEqual(['RUNOFF']);
    expect(m.rows.map((r) => [r.id, r.mark])).toEqual([
      ['c1', 'advancing'],
      ['c2', 'advancing'],
      ['c3', null],
    ]);
    expect(m.leadLine).toBe('Runoff: Aee and Bee advance');
    expect(lowerThirdText(m)).toContain('Candidate Aee → RUNOFF 45 45.0%');
  });
});

describe('what the runner-up needs, and how much has reported', () => {
  it.each([
    {
      does: 'says what the runner-up needs of the outstanding ballots',
      o: { outstanding: { ballots: 8_410, label: 'military and overseas ballots' } },
      votes: [2_449_371, 2_448_454],
      want: 'Bee needs 55.5% of the remaining vote',
    },
    { does: 'says cannot overtake when the margin is more than remains', o: { expectedVotePct: 99 }, votes: [900, 100], want: 'Bee cannot overtake' },
    { does: 'has no line when nothing is known of the remaining vote', o: {}, votes: [900, 100], want: null },
    { does: 'has no line when nothing remains', o: { expectedVotePct: 100 }, votes: [900, 100], want: null },
    { does: 'has no line in a tie (no leader, no runner-up)', o: { expectedVotePct: 50 }, votes: [100, 100], want: null },
  ])('$does', ({ o, votes, want }) => {
    expect(lowerThirdModel(field(votes, o)).needsLine).toBe(want);
  });

  it.each([
    { does: 'says the share of precincts reporting', reporting: { reported: 72, total: 100, unit: 'precincts' }, want: '72% of precincts reporting' },
    { does: 'never says 100% early', reporting: { reported: 2_654, total: 2_655, unit: 'precincts' }, want: '>99% of precincts reporting' },
    { does: 'has no line when the source does not say', reporting: null, want: null },
  ])('$does', ({ reporting, want }) => {
    expect(lowerThirdModel(field([3, 2], { reporting })).reportingLine).toBe(want);
  });

  it('reads the needs and reporting lines last', () => {
    const text = lowerThirdText(
      lowerThirdModel(field([600, 400], { expectedVotePct: 80, reporting: { reported: 8, total: 10, unit: 'counties' } })),
    );
    expect(text.split('\n').slice(-3)).toEqual(['80% of expected vote in', 'Bee needs 90.4% of the remaining vote', '80% of counties reporting']);
  });
});

describe('rows keep their identity so the graphic moves them instead of redrawing', () => {
  it('keeps the same ids when the order changes', () => {
    const before = rowsOf(lowerThirdModel(field([30, 20, 10])));
    const after = rowsOf(lowerThirdModel(field([10, 20, 30])));
    expect(after.map((r) => r[0]).sort()).toEqual(before.map((r) => r[0]).sort());
    expect(after.map((r) => r[0])).toEqual(['c3', 'c2', 'c1']);
  });
});
