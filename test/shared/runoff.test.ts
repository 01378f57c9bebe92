import { describe, it, expect } from 'vitest';
import { runoffLikely } from '../../shared/index.js';

const cands = (...ids: string[]) => ids.map((id) => ({ id }));
const MAX = Number.MAX_SAFE_INTEGER;
const HALF = 4503599627370495; // ⌊MAX / 2⌋

interface Case {
  does: string;
  thresholdPct: number;
  ids: string[];
  votes: Record<string, number>;
  want: boolean;
}

describe('runoffLikely', () => {
  it.each([
    { does: 'is false when the race has no runoff rule (null)', rule: null },
    { does: 'is false when the race has no runoff rule (undefined)', rule: undefined },
  ])('$does', ({ rule }) => {
    expect(runoffLikely(rule, cands('a', 'b', 'c'), { a: 40, b: 35, c: 25 })).toBe(false);
  });

  it.each<Case>([
    // no votes
    { does: 'is false before any vote', thresholdPct: 50, ids: ['a', 'b', 'c'], votes: { a: 0, b: 0, c: 0 }, want: false },
    { does: 'is false when the counts are missing', thresholdPct: 50, ids: ['a', 'b'], votes: {}, want: false },
    { does: 'is false when there are no candidates', thresholdPct: 50, ids: [], votes: {}, want: false },

    // a majority rule (50)
    { does: 'is likely at exactly 50% in a three-way race', thresholdPct: 50, ids: ['a', 'b', 'c'], votes: { a: 50, b: 30, c: 20 }, want: true },
    { does: 'is not likely one vote over 50% in a three-way race', thresholdPct: 50, ids: ['a', 'b', 'c'], votes: { a: 500001, b: 300000, c: 199999 }, want: false },
    { does: 'is likely one vote under 50% in a three-way race', thresholdPct: 50, ids: ['a', 'b', 'c'], votes: { a: 499999, b: 300000, c: 200001 }, want: true },
    { does: 'is likely on a two-way tie (exactly 50% each)', thresholdPct: 50, ids: ['a', 'b'], votes: { a: 5000, b: 5000 }, want: true },
    { does: 'is likely for Georgia’s 2020 Senate race (Perdue 49.73%)', thresholdPct: 50, ids: ['perdue', 'ossoff', 'hazel'], votes: { perdue: 2462617, ossoff: 2374519, hazel: 115039 }, want: true },
    { does: 'is likely in a split four-way race', thresholdPct: 50, ids: ['a', 'b', 'c', 'd'], votes: { a: 31, b: 29, c: 22, d: 18 }, want: true },
    { does: 'is not likely when a candidate of four has a majority', thresholdPct: 50, ids: ['a', 'b', 'c', 'd'], votes: { a: 18, b: 51, c: 22, d: 9 }, want: false },
    { does: 'is not likely for a lone candidate with votes', thresholdPct: 50, ids: ['a', 'b', 'c'], votes: { a: 0, b: 1, c: 0 }, want: false },
    { does: 'ignores counts for ids that are not candidates', thresholdPct: 50, ids: ['a', 'b', 'c'], votes: { a: 40, b: 35, c: 25, ghost: 1000 }, want: true },

    // other thresholds
    { does: 'is likely at exactly 40% under a 40% rule', thresholdPct: 40, ids: ['a', 'b', 'c'], votes: { a: 40, b: 35, c: 25 }, want: true },
    { does: 'is not likely over 40% under a 40% rule', thresholdPct: 40, ids: ['a', 'b', 'c'], votes: { a: 401, b: 350, c: 249 }, want: false },
    { does: 'is likely at exactly 30% of a four-way race under a 30% rule', thresholdPct: 30, ids: ['a', 'b', 'c', 'd'], votes: { a: 300, b: 290, c: 210, d: 200 }, want: true },
    { does: 'keeps a threshold with a decimal exact (57.7% of 1,000)', thresholdPct: 57.7, ids: ['a', 'b'], votes: { a: 577, b: 423 }, want: true },

    // huge counts
    { does: 'is not likely one vote over half of the largest safe integer', thresholdPct: 50, ids: ['a', 'b'], votes: { a: HALF + 1, b: HALF }, want: false },
    { does: 'is likely at exactly half near the largest safe integer', thresholdPct: 50, ids: ['a', 'b'], votes: { a: HALF, b: HALF }, want: true },
    { does: 'is likely at exactly 50% when the total exceeds the largest safe integer', thresholdPct: 50, ids: ['a', 'b', 'c'], votes: { a: MAX - 1, b: MAX - 3, c: 2 }, want: true },
    { does: 'is not likely one vote over 50% when the total exceeds the largest safe integer', thresholdPct: 50, ids: ['a', 'b', 'c'], votes: { a: MAX, b: MAX - 3, c: 2 }, want: false },
  ])('$does', ({ thresholdPct, ids, votes, want }) => {
    expect(runoffLikely({ thresholdPct }, cands(...ids), votes)).toBe(want);
  });
});
