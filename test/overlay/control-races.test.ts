import { describe, expect, it } from 'vitest';
import { buildRaceView, type RaceRecord, type RaceView } from '../../shared/index.js';
import { describeCount } from '../../overlay/control/describe.js';
import { describeRaceLead, describeRaceLine, rowMark, rowsShown, tiedAtCutOff } from '../../overlay/control/kinds.js';

type Definition = RaceRecord['definition'];

/** A race view built by the domain from a definition and counts; `extra` overrides record fields. */
function race(definition: Partial<Definition> & Pick<Definition, 'candidates'>, votes: Record<string, number>, extra: Partial<RaceRecord> = {}): RaceView {
  return buildRaceView({
    definition: { id: 'r', title: 'Race', jurisdiction: 'Somewhere', ...definition },
    votes,
    asOf: '2020-11-04T06:00:00.000Z',
    expectedVotePct: null,
    outstanding: null,
    revision: 2,
    lastLeader: null,
    call: null,
    updatedAt: '2020-11-04T06:00:00.000Z',
    ...extra,
  });
}

const YES_NO = [
  { id: 'yes', name: 'Yes' },
  { id: 'no', name: 'No' },
];
const measure = (yes: number, no: number, passPct?: number, extra: Partial<RaceRecord> = {}) =>
  race({ kind: 'measure', candidates: YES_NO, ...(passPct !== undefined ? { passPct } : {}) }, { yes, no }, extra);
const FIVE = ['Adams', 'Baker', 'Clark', 'Diaz', 'Evans'].map((n) => ({ id: n.toLowerCase(), name: `Pat ${n}` }));
const board = (votes: Record<string, number>, seats = 3) => race({ seats, candidates: FIVE }, votes);
const TWO = [
  { id: 'biden', name: 'Joe Biden', party: 'DEM' },
  { id: 'trump', name: 'Donald Trump', party: 'REP' },
];
const plain = (extra: Partial<RaceRecord> = {}) => race({ candidates: TWO }, { biden: 2_449_371, trump: 2_448_454 }, extra);
const senate = (votes: Record<string, number>, extra: Partial<RaceRecord> = {}) =>
  race(
    {
      candidates: [
        { id: 'perdue', name: 'David Perdue', party: 'REP' },
        { id: 'ossoff', name: 'Jon Ossoff', party: 'DEM' },
        { id: 'hazel', name: 'Shane Hazel', party: 'LIB' },
      ],
      runoff: { thresholdPct: 50 },
    },
    votes,
    extra,
  );
const texts = (v: RaceView, made: string | null = null) => describeRaceLine(v, made).map((p) => `${p.tone}: ${p.text}`);
const CALL = { winner: 'biden', at: '2020-11-07T16:26:05.000Z', source: 'desk' };

describe('describeRaceLead', () => {
  it.each([
    { does: 'gives a measure’s YES and NO shares', v: measure(6_200, 3_800, 60), want: 'YES 62.0% · NO 38.0%' },
    { does: 'says a measure called yes passes', v: measure(6_200, 3_800, 60, { call: { ...CALL, winner: 'yes' } }), want: 'PASSES · YES 62.0% · NO 38.0%' },
    { does: 'says a measure called no fails', v: measure(4_000, 6_000, 50, { call: { ...CALL, winner: 'no' } }), want: 'FAILS · YES 40.0% · NO 60.0%' },
    { does: 'waits for a measure’s first votes', v: measure(0, 0), want: 'Awaiting votes' },
    { does: 'gives the fight for the last seat of a vote-for-3', v: board({ adams: 500, baker: 400, clark: 300, diaz: 250, evans: 100 }), want: 'Vote for 3 · last seat: Clark +50 over Diaz' },
    { does: 'says when the last seat is tied', v: board({ adams: 500, baker: 400, clark: 300, diaz: 300, evans: 100 }), want: 'Vote for 3 · tied for the last seat at 300' },
    { does: 'says only the seats when no one is left out', v: race({ seats: 2, candidates: TWO }, { biden: 10, trump: 5 }), want: 'Vote for 2' },
    { does: 'handles huge counts', v: board({ adams: 4e15, baker: 3e15, clark: 2e15 + 1, diaz: 2e15, evans: 0 }), want: 'Vote for 3 · last seat: Clark +1 over Diaz' },
    { does: 'leaves a one-seat race as it was', v: plain(), want: 'Biden +917 · 0.02 pts' },
  ])('$does', ({ v, want }) => {
    expect(describeRaceLead(v)).toBe(want);
  });
});

describe('describeRaceLine', () => {
  it.each([
    { does: 'says a measure’s pass mark and that it is passing', v: measure(6_200, 3_800, 60), want: ['pass: needs 60% · passing'] },
    { does: 'says a measure is failing below its pass mark', v: measure(5_900, 4_100, 60), want: ['fail: needs 60% · failing'] },
    { does: 'says a majority for a pass mark of 50', v: measure(4_000, 6_000), want: ['fail: needs a majority · failing'] },
    { does: 'says two-thirds however it is rounded', v: measure(7_000, 3_000, 66.67), want: ['pass: needs two-thirds · passing'] },
    { does: 'says only the pass mark before any votes', v: measure(0, 0, 60), want: ['neutral: needs 60%'] },
    { does: 'lists the winning set of a vote-for-3', v: board({ adams: 500, baker: 400, clark: 300, diaz: 250, evans: 100 }), want: ['neutral: ● winning: Adams, Baker, Clark'] },
    {
      does: 'shows the tie at the cut-off apart from the sure seats',
      v: board({ adams: 500, baker: 400, clark: 300, diaz: 300, evans: 100 }),
      want: ['neutral: ● winning: Adams, Baker', 'tie: = tied for the last seat: Clark, Diaz'],
    },
    {
      does: 'counts the seats a wider tie is for',
      v: board({ adams: 500, baker: 300, clark: 300, diaz: 300, evans: 100 }),
      want: ['neutral: ● winning: Adams', 'tie: = tied for the last 2 seats: Baker, Clark, Diaz'],
    },
    { does: 'says nothing of a vote-for-3 with no votes', v: board({}), want: [] },
    { does: 'says a runoff is likely while no one passes the threshold', v: senate({ perdue: 2_462_617, ossoff: 2_374_519, hazel: 115_039 }), want: ['runoff: RUNOFF LIKELY'] },
    { does: 'says nothing of a runoff once someone passes it', v: senate({ perdue: 51, ossoff: 47, hazel: 2 }), want: [] },
    { does: 'names who advances to the runoff', v: senate({ perdue: 2_462_617, ossoff: 2_374_519, hazel: 115_039 }, { advancing: ['perdue', 'ossoff'] }), want: ['runoff: RUNOFF: Perdue, Ossoff'] },
    { does: 'says what the runner-up needs of the remaining vote, rounded up', v: { ...plain(), needs: { candidate: 'trump', pctOfRemaining: 55.41 } }, want: ['needs: Trump needs 55.5% of the remaining vote'] },
    { does: 'says when the runner-up cannot overtake', v: { ...plain(), needs: { candidate: 'trump', pctOfRemaining: 100.2 } }, want: ['needs: Trump cannot overtake'] },
    { does: 'says nothing for a plain race whose remaining vote is unknown', v: plain(), want: [] },
    {
      does: 'says who called it instead of what the runner-up needs, once called',
      v: { ...plain({ call: CALL }), needs: { candidate: 'trump', pctOfRemaining: 55.41 } },
      made: 'desk call 16:26Z',
      want: ['called: ✓ desk call 16:26Z'],
    },
    { does: 'keeps a called measure’s pass line before who called it', v: measure(6_200, 3_800, 60, { call: { ...CALL, winner: 'yes' } }), made: 'desk call 16:26Z', want: ['pass: needs 60% · passing', 'called: ✓ desk call 16:26Z'] },
  ])('$does', ({ v, made, want }) => {
    expect(texts(v, made ?? null)).toEqual(want);
  });
});

describe('candidate rows of every kind', () => {
  const tie = board({ adams: 500, baker: 400, clark: 300, diaz: 300, evans: 100 });

  it.each([
    { does: 'marks the sure seats IN', v: tie, id: 'adams', want: { glyph: '●', word: 'IN', kind: 'in' } },
    { does: 'marks a tie at the cut-off TIE', v: tie, id: 'clark', want: { glyph: '=', word: 'TIE', kind: 'tie' } },
    { does: 'marks no one outside the set', v: tie, id: 'evans', want: null },
    { does: 'marks a candidate advancing to a runoff', v: senate({ perdue: 49, ossoff: 48, hazel: 3 }, { advancing: ['ossoff'] }), id: 'ossoff', want: { glyph: '→', word: 'RUNOFF', kind: 'runoff' } },
    { does: 'marks nobody in a one-seat race', v: plain(), id: 'biden', want: null },
    { does: 'marks nobody in a measure', v: measure(6, 4), id: 'yes', want: null },
  ])('$does', ({ v, id, want }) => {
    expect(rowMark(v, id)).toEqual(want);
  });

  it.each([
    { does: 'finds who is tied at the cut-off', v: tie, want: ['clark', 'diaz'] },
    { does: 'finds no tie in a settled set', v: board({ adams: 5, baker: 4, clark: 3, diaz: 2, evans: 1 }), want: [] },
    { does: 'finds no tie for a one-seat race with a leader', v: plain(), want: [] },
  ])('$does', ({ v, want }) => {
    expect(tiedAtCutOff(v)).toEqual(want);
  });

  it.each([
    { does: 'shows 4 rows of a one-seat race with many candidates', v: { seats: 1, winning: ['a'], candidates: Array(9).fill(0) }, want: 4 },
    { does: 'shows every row of a small field', v: { seats: 1, winning: [], candidates: Array(2).fill(0) }, want: 2 },
    { does: 'shows the winning set and the first one out of a vote-for-5', v: { seats: 5, winning: ['a', 'b', 'c', 'd', 'e'], candidates: Array(9).fill(0) }, want: 6 },
    { does: 'shows a tie at the cut-off whole', v: { seats: 5, winning: Array(7).fill('x'), candidates: Array(9).fill(0) }, want: 8 },
    { does: 'caps a huge field at 8 rows', v: { seats: 20, winning: Array(20).fill('x'), candidates: Array(40).fill(0) }, want: 8 },
  ])('$does', ({ v, want }) => {
    expect(rowsShown(v as unknown as RaceView)).toBe(want);
  });
});

describe('describeCount with reporting', () => {
  it.each([
    { does: 'puts how much has reported first', v: plain({ reporting: { reported: 72, total: 100, unit: 'precincts' }, expectedVotePct: 98.8 }), want: '72% of precincts reporting · 98% of expected vote in' },
    { does: 'never says 100% before every unit is in', v: plain({ reporting: { reported: 2654, total: 2655, unit: 'precincts' } }), want: '>99% of precincts reporting' },
    { does: 'says counties when the source counts counties', v: plain({ reporting: { reported: 0, total: 159, unit: 'counties' } }), want: '0% of counties reporting' },
    { does: 'is unchanged without reporting', v: plain(), want: '4,897,825 votes counted' },
  ])('$does', ({ v, want }) => {
    expect(describeCount(v)).toBe(want);
  });
});
