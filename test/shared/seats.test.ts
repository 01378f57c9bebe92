import { describe, it, expect } from 'vitest';
import { detectLeadShift, detectSeatShift, isSettled, nextLastWinning, winning } from '../../shared/index.js';

const cands = (...ids: string[]) => ids.map((id) => ({ id }));
const MAX = Number.MAX_SAFE_INTEGER;

interface WinningCase {
  does: string;
  ids: string[];
  votes: Record<string, number>;
  seats: number | undefined;
  want: string[];
}

describe('winning', () => {
  it.each<WinningCase>([
    // no votes
    { does: 'is empty when nobody has a vote', ids: ['a', 'b', 'c'], votes: { a: 0, b: 0, c: 0 }, seats: 2, want: [] },
    { does: 'is empty when the counts are missing', ids: ['a', 'b', 'c'], votes: {}, seats: 1, want: [] },
    { does: 'is empty when there are no candidates', ids: [], votes: {}, seats: 1, want: [] },

    // one seat (the default)
    { does: 'is the leader alone for one seat', ids: ['a', 'b', 'c'], votes: { a: 10, b: 30, c: 20 }, seats: undefined, want: ['b'] },
    { does: 'lists everyone tied for first for one seat', ids: ['a', 'b', 'c'], votes: { a: 30, b: 30, c: 20 }, seats: 1, want: ['a', 'b'] },
    { does: 'lists a three-way tie for one seat', ids: ['a', 'b', 'c'], votes: { a: 7, b: 7, c: 7 }, seats: 1, want: ['a', 'b', 'c'] },

    // vote for N
    { does: 'is the top two of a four-way race, most votes first', ids: ['a', 'b', 'c', 'd'], votes: { a: 10, b: 40, c: 20, d: 30 }, seats: 2, want: ['b', 'd'] },
    { does: 'is the top three of a four-way race', ids: ['a', 'b', 'c', 'd'], votes: { a: 10, b: 40, c: 20, d: 30 }, seats: 3, want: ['b', 'd', 'c'] },
    { does: 'lists the candidates tied at the cut-off together, so more than N', ids: ['a', 'b', 'c', 'd'], votes: { a: 40, b: 30, c: 30, d: 10 }, seats: 2, want: ['a', 'b', 'c'] },
    { does: 'lists the tied candidates in definition order', ids: ['a', 'c', 'b', 'd'], votes: { a: 40, b: 30, c: 30, d: 10 }, seats: 2, want: ['a', 'c', 'b'] },
    { does: 'lists a three-way tie at the cut-off of two seats', ids: ['a', 'b', 'c', 'd'], votes: { a: 50, b: 20, c: 20, d: 20 }, seats: 2, want: ['a', 'b', 'c', 'd'] },
    { does: 'lists a tie above the cut-off without the next candidate', ids: ['a', 'b', 'c', 'd'], votes: { a: 30, b: 30, c: 20, d: 10 }, seats: 2, want: ['a', 'b'] },
    { does: 'lists a tie for first that spans the cut-off', ids: ['a', 'b', 'c'], votes: { a: 30, b: 30, c: 30 }, seats: 2, want: ['a', 'b', 'c'] },
    { does: 'never counts a candidate without votes as winning', ids: ['a', 'b', 'c'], votes: { a: 5, b: 0, c: 0 }, seats: 2, want: ['a'] },
    { does: 'lists every candidate with votes when there are more seats than candidates with votes', ids: ['a', 'b', 'c', 'd'], votes: { a: 5, b: 0, c: 9, d: 0 }, seats: 3, want: ['c', 'a'] },
    { does: 'lists every candidate when there are more seats than candidates', ids: ['a', 'b'], votes: { a: 5, b: 6 }, seats: 5, want: ['b', 'a'] },
    { does: 'is empty for no seats', ids: ['a', 'b'], votes: { a: 5, b: 6 }, seats: 0, want: [] },
    { does: 'ignores counts for ids that are not candidates', ids: ['a', 'b', 'c'], votes: { a: 3, b: 2, c: 1, ghost: 1000 }, seats: 2, want: ['a', 'b'] },

    // huge counts
    { does: 'tells apart two counts one vote apart near the largest safe integer', ids: ['a', 'b', 'c'], votes: { a: MAX - 2, b: MAX - 1, c: MAX }, seats: 2, want: ['c', 'b'] },
    { does: 'lists a tie at the cut-off at the largest safe integer', ids: ['a', 'b', 'c'], votes: { a: MAX, b: MAX - 1, c: MAX - 1 }, seats: 2, want: ['a', 'b', 'c'] },
  ])('$does', ({ ids, votes, seats, want }) => {
    expect(winning(cands(...ids), votes, seats)).toEqual(want);
  });
});

describe('isSettled', () => {
  it.each([
    { does: 'settles every seat with exactly N candidates', set: ['a', 'b'], seats: 2, want: true },
    { does: 'does not settle a tie at the cut-off', set: ['a', 'b', 'c'], seats: 2, want: false },
    { does: 'does not settle while a seat is empty', set: ['a'], seats: 2, want: false },
    { does: 'does not settle before any vote', set: [], seats: 1, want: false },
  ])('$does', ({ set, seats, want }) => {
    expect(isSettled(set, seats)).toBe(want);
  });
});

describe('detectSeatShift', () => {
  it.each([
    { does: 'is no change for the first settled set', last: null, set: ['a', 'b'], seats: 2, want: null },
    { does: 'is no change while nothing has settled and nothing is settled', last: null, set: ['a', 'b', 'c'], seats: 2, want: null },
    { does: 'is no change when the same set still wins', last: ['a', 'b'], set: ['a', 'b'], seats: 2, want: null },
    { does: 'is no change when the set only reorders', last: ['a', 'b'], set: ['b', 'a'], seats: 2, want: null },
    { does: 'is no change on a tie at the cut-off', last: ['a', 'b'], set: ['a', 'b', 'c'], seats: 2, want: null },
    { does: 'is no change on a tie at the cut-off that leaves a member of the set behind', last: ['a', 'b'], set: ['a', 'c', 'd'], seats: 2, want: null },
    { does: 'is no change while a seat is empty', last: ['a', 'b'], set: ['a'], seats: 2, want: null },
    { does: 'is no change when the set only grows (seats redefined)', last: ['a', 'b'], set: ['a', 'b', 'c'], seats: 3, want: null },
    { does: 'is no change when the set only shrinks (seats redefined)', last: ['a', 'b', 'c'], set: ['a', 'b'], seats: 2, want: null },
    { does: 'is a change when one candidate takes another’s seat', last: ['a', 'b'], set: ['a', 'c'], seats: 2, want: { from: ['b'], to: ['c'] } },
    { does: 'is a change when two candidates enter at once', last: ['a', 'b', 'c'], set: ['d', 'b', 'e'], seats: 3, want: { from: ['a', 'c'], to: ['d', 'e'] } },
    { does: 'is a change when the whole set turns over', last: ['a', 'b'], set: ['c', 'd'], seats: 2, want: { from: ['a', 'b'], to: ['c', 'd'] } },
  ])('$does', ({ last, set, seats, want }) => {
    expect(detectSeatShift(last, set, seats)).toEqual(want);
  });

  // With one seat the winning set is the leader (or everyone tied for first): the rule must be the single-seat one.
  it.each([
    { does: 'agrees with detectLeadShift for the first leader', last: null, set: ['trump'], leader: 'trump' },
    { does: 'agrees with detectLeadShift on a tie after a leader', last: 'trump', set: ['biden', 'trump'], leader: null },
    { does: 'agrees with detectLeadShift when the same candidate leads', last: 'trump', set: ['trump'], leader: 'trump' },
    { does: 'agrees with detectLeadShift on a flip', last: 'trump', set: ['biden'], leader: 'biden' },
  ])('$does', ({ last, set, leader }) => {
    const shift = detectSeatShift(last === null ? null : [last], set, 1);
    const lead = detectLeadShift(last, leader);
    expect(shift && { from: shift.from[0], to: shift.to[0] }).toEqual(lead);
  });
});

describe('nextLastWinning', () => {
  it.each([
    { does: 'remembers the first settled set', last: null, set: ['a', 'b'], seats: 2, want: ['a', 'b'] },
    { does: 'keeps the previous set through a tie at the cut-off', last: ['a', 'b'], set: ['a', 'b', 'c'], seats: 2, want: ['a', 'b'] },
    { does: 'keeps the previous set while a seat is empty', last: ['a', 'b'], set: ['a'], seats: 2, want: ['a', 'b'] },
    { does: 'stays empty while nothing has settled', last: null, set: ['a'], seats: 2, want: null },
    { does: 'moves to the new set on a change', last: ['a', 'b'], set: ['a', 'c'], seats: 2, want: ['a', 'c'] },
  ])('$does', ({ last, set, seats, want }) => {
    expect(nextLastWinning(last, set, seats)).toEqual(want);
  });
});

describe('changes of the winning set over a night of counts (vote for 2 of 4)', () => {
  const four = cands('a', 'b', 'c', 'd');
  const arrow = (s: { from: string[]; to: string[] } | null) => s && `${s.from.join('+')}→${s.to.join('+')}`;

  it.each([
    { does: 'records no change for the first settled set', counts: [[3, 2, 1, 0]], want: [null] },
    { does: 'records no change for a set that follows no votes and a lone candidate', counts: [[0, 0, 0, 0], [1, 0, 0, 0], [3, 2, 1, 0]], want: [null, null, null] },
    { does: 'records no change for a set that follows an opening tie at the cut-off', counts: [[3, 2, 2, 0], [4, 3, 2, 0]], want: [null, null] },
    { does: 'records no change when the set only swaps places', counts: [[3, 2, 1, 0], [3, 4, 1, 0]], want: [null, null] },
    { does: 'records a change when a third candidate passes the second', counts: [[3, 2, 1, 0], [3, 2, 4, 0]], want: [null, 'b→c'] },
    { does: 'records no change on a tie at the cut-off', counts: [[3, 2, 1, 0], [3, 2, 2, 0]], want: [null, null] },
    { does: 'records no change when the same set settles again after a tie', counts: [[3, 2, 1, 0], [3, 2, 2, 0], [4, 3, 2, 0]], want: [null, null, null] },
    { does: 'records a change from the last settled set when another candidate comes out of a tie ahead', counts: [[3, 2, 1, 0], [3, 2, 2, 0], [3, 2, 3, 0]], want: [null, null, 'b→c'] },
    { does: 'records a change from the last settled set across several ties', counts: [[3, 2, 1, 0], [3, 2, 2, 0], [3, 2, 2, 2], [3, 2, 2, 5]], want: [null, null, null, 'b→d'] },
    { does: 'records a change when two candidates jump from nowhere, most votes first', counts: [[3, 2, 1, 0], [3, 2, 5, 6]], want: [null, 'a+b→d+c'] },
    { does: 'records a change caused by a correction', counts: [[5, 4, 3, 0], [5, 2, 3, 0]], want: [null, 'b→c'] },
  ])('$does', ({ counts, want }) => {
    let last: readonly string[] | null = null;
    const got = counts.map(([a, b, c, d]) => {
      const set = winning(four, { a: a ?? 0, b: b ?? 0, c: c ?? 0, d: d ?? 0 }, 2);
      const shift = detectSeatShift(last, set, 2);
      last = nextLastWinning(last, set, 2);
      return arrow(shift);
    });
    expect(got).toEqual(want);
  });
});
