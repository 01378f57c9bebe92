import { describe, it, expect } from 'vitest';
import { inRecountRange, RecountRule } from '../../shared/index.js';

const rule = (body: unknown): RecountRule => RecountRule.parse(body);
const ARIZONA = { marginPct: 0.1, marginVotes: 200, basis: 'topTwo' };

describe('inRecountRange', () => {
  it.each([
    { does: 'is false when the race has no recount rule (null)', r: null, margin: 0, totalVotes: 10, topTwoVotes: 10 },
    { does: 'is false when the race has no recount rule (undefined)', r: undefined, margin: 0, totalVotes: 10, topTwoVotes: 10 },
  ])('$does', ({ r, margin, totalVotes, topTwoVotes }) => {
    expect(inRecountRange(r, { margin, totalVotes, topTwoVotes })).toBe(false);
  });

  it.each([
    { does: 'is false before any vote, whatever the rule', body: { marginPct: 0.5 }, margin: 0, totalVotes: 0, topTwoVotes: 0, want: false },
    { does: 'is false before any vote under a vote threshold', body: { marginVotes: 200 }, margin: 0, totalVotes: 0, topTwoVotes: 0, want: false },
    { does: 'is true on a tie once votes are in', body: { marginPct: 0.5 }, margin: 0, totalVotes: 10, topTwoVotes: 10, want: true },

    // marginPct, total basis (the default)
    { does: 'includes a margin just inside a percentage of all votes', body: { marginPct: 0.5 }, margin: 999, totalVotes: 200000, topTwoVotes: 150000, want: true },
    { does: 'includes a margin exactly at a percentage of all votes', body: { marginPct: 0.5 }, margin: 1000, totalVotes: 200000, topTwoVotes: 150000, want: true },
    { does: 'excludes a margin one vote over a percentage of all votes', body: { marginPct: 0.5 }, margin: 1001, totalVotes: 200000, topTwoVotes: 150000, want: false },
    { does: 'puts Georgia 2020 (11,779 of 4,997,716) within 0.5% of all votes', body: { marginPct: 0.5 }, margin: 11779, totalVotes: 4997716, topTwoVotes: 4935487, want: true },
    { does: 'includes the 0.1% boundary exactly', body: { marginPct: 0.1 }, margin: 3, totalVotes: 3000, topTwoVotes: 3000, want: true },
    { does: 'includes the 0.3% boundary exactly', body: { marginPct: 0.3 }, margin: 3, totalVotes: 1000, topTwoVotes: 1000, want: true },

    // marginPct, topTwo basis
    { does: 'measures a top-two percentage against the two highest counts only', body: { marginPct: 0.5, basis: 'topTwo' }, margin: 900, totalVotes: 200000, topTwoVotes: 150000, want: false },
    { does: 'includes a margin exactly at a top-two percentage', body: { marginPct: 0.5, basis: 'topTwo' }, margin: 750, totalVotes: 200000, topTwoVotes: 150000, want: true },
    { does: 'excludes a margin one vote over a top-two percentage', body: { marginPct: 0.5, basis: 'topTwo' }, margin: 751, totalVotes: 200000, topTwoVotes: 150000, want: false },

    // marginVotes
    { does: 'includes a margin exactly at a vote threshold', body: { marginVotes: 200 }, margin: 200, totalVotes: 3333829, topTwoVotes: 3333829, want: true },
    { does: 'excludes a margin one vote over a vote threshold', body: { marginVotes: 200 }, margin: 201, totalVotes: 3333829, topTwoVotes: 3333829, want: false },
    { does: 'ignores the basis for a vote threshold', body: { marginVotes: 2000, basis: 'topTwo' }, margin: 2000, totalVotes: 5000000, topTwoVotes: 10, want: true },

    // both given: the lesser threshold applies (Arizona 2020)
    { does: 'applies the vote threshold when it is the lesser (Arizona, 200 < 0.1% of 1,000,000)', body: ARIZONA, margin: 200, totalVotes: 1100000, topTwoVotes: 1000000, want: true },
    { does: 'excludes a margin within the percentage but over the lesser vote threshold', body: ARIZONA, margin: 201, totalVotes: 1100000, topTwoVotes: 1000000, want: false },
    { does: 'applies the percentage when it is the lesser (Arizona, 0.1% of 100,000 = 100 < 200)', body: ARIZONA, margin: 100, totalVotes: 150000, topTwoVotes: 100000, want: true },
    { does: 'excludes a margin within the vote threshold but over the lesser percentage', body: ARIZONA, margin: 101, totalVotes: 150000, topTwoVotes: 100000, want: false },
    { does: 'puts Arizona 2020 (10,457 of 3,333,829 top two) outside its recount range', body: ARIZONA, margin: 10457, totalVotes: 3387326, topTwoVotes: 3333829, want: false },

    // huge numbers
    { does: 'stays exact at a vote threshold near the largest safe integer', body: { marginVotes: Number.MAX_SAFE_INTEGER - 1 }, margin: Number.MAX_SAFE_INTEGER - 1, totalVotes: Number.MAX_SAFE_INTEGER, topTwoVotes: Number.MAX_SAFE_INTEGER, want: true },
    { does: 'excludes one vote over a threshold near the largest safe integer', body: { marginVotes: Number.MAX_SAFE_INTEGER - 2 }, margin: Number.MAX_SAFE_INTEGER - 1, totalVotes: Number.MAX_SAFE_INTEGER, topTwoVotes: Number.MAX_SAFE_INTEGER, want: false },
    { does: 'includes a 0.5% boundary of a count of several hundred million', body: { marginPct: 0.5 }, margin: 4000000, totalVotes: 800000000, topTwoVotes: 700000000, want: true },
    { does: 'excludes one vote over a 0.5% boundary of several hundred million', body: { marginPct: 0.5 }, margin: 4000001, totalVotes: 800000000, topTwoVotes: 700000000, want: false },
  ])('$does', ({ body, margin, totalVotes, topTwoVotes, want }) => {
    expect(inRecountRange(rule(body), { margin, totalVotes, topTwoVotes })).toBe(want);
  });

  // Contract: "margin ≤ the rule's threshold (boundary included)". 0.7 × 11,000 is 7,699.999… in floating point:
  // exact boundaries must not be lost to rounding.
  it.each([
    { does: 'includes a margin exactly at 0.7% of all votes', body: { marginPct: 0.7 }, margin: 77, totalVotes: 11000, topTwoVotes: 11000 },
    { does: 'includes a margin exactly at 0.7% of the top two', body: { marginPct: 0.7, basis: 'topTwo' }, margin: 301, totalVotes: 50000, topTwoVotes: 43000 },
  ])('$does', ({ body, margin, totalVotes, topTwoVotes }) => {
    expect(inRecountRange(rule(body), { margin, totalVotes, topTwoVotes })).toBe(true);
  });
});
