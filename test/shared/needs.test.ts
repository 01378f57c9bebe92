import { describe, it, expect } from 'vitest';
import { remainingVotes, runnerUpNeeds, standings, type Candidate, type RemainingVote } from '../../shared/index.js';

const cands = (...ids: string[]): Candidate[] => ids.map((id) => ({ id, name: id.toUpperCase() }));
const MAX = Number.MAX_SAFE_INTEGER;
const HALF = 4503599627370495; // ⌊MAX / 2⌋
const GEORGIA_IDS = ['biden', 'trump', 'other'];
const GEORGIA_0950 = { biden: 2449371, trump: 2448454, other: 61000 }; // Biden by 917 of 4,958,825
const GEORGIA_0400 = { biden: 2447675, trump: 2448138, other: 60950 }; // Trump by 463 of 4,956,763

interface Case {
  does: string;
  ids: string[];
  votes: Record<string, number>;
  remaining: RemainingVote;
  /** The runner-up and the fewest votes that overtake, of how many remain; null for no answer. */
  want: { candidate: string; needed: number; of: number } | null;
}

describe('runnerUpNeeds', () => {
  it.each<Case>([
    // outstanding ballots vs expected vote
    { does: 'needs 4,664 of Georgia’s 8,410 outstanding ballots to overtake by 917', ids: GEORGIA_IDS, votes: GEORGIA_0950, remaining: { outstanding: { ballots: 8410 } }, want: { candidate: 'trump', needed: 4664, of: 8410 } },
    { does: 'estimates 55,154 votes remaining from 98.9% of the expected vote in', ids: GEORGIA_IDS, votes: GEORGIA_0950, remaining: { expectedVotePct: 98.9 }, want: { candidate: 'trump', needed: 28036, of: 55154 } },
    { does: 'prefers outstanding ballots to the expected-vote estimate', ids: GEORGIA_IDS, votes: GEORGIA_0950, remaining: { expectedVotePct: 98.9, outstanding: { ballots: 8410 } }, want: { candidate: 'trump', needed: 4664, of: 8410 } },
    { does: 'estimates from the expected vote when outstanding is null', ids: GEORGIA_IDS, votes: GEORGIA_0950, remaining: { expectedVotePct: 98.9, outstanding: null }, want: { candidate: 'trump', needed: 28036, of: 55154 } },
    { does: 'names Biden when Trump led by 463 at 98.7%', ids: GEORGIA_IDS, votes: GEORGIA_0400, remaining: { expectedVotePct: 98.7 }, want: { candidate: 'biden', needed: 32876, of: 65287 } },
    { does: 'estimates a quarter of the count remaining at 80% in', ids: ['a', 'b'], votes: { a: 60, b: 40 }, remaining: { expectedVotePct: 80 }, want: { candidate: 'b', needed: 23, of: 25 } },
    { does: 'rounds an estimate of 1.5 votes remaining to 2', ids: ['a', 'b'], votes: { a: 1, b: 0 }, remaining: { expectedVotePct: 40 }, want: { candidate: 'b', needed: 2, of: 2 } },

    // three- and four-way races: the remaining vote splits between the top two
    { does: 'needs 76% of 100 remaining to overcome 50 in a three-way race', ids: ['a', 'b', 'c'], votes: { a: 500, b: 450, c: 50 }, remaining: { outstanding: { ballots: 100 } }, want: { candidate: 'b', needed: 76, of: 100 } },
    { does: 'names the runner-up of a four-way race wherever it is defined', ids: ['d', 'c', 'b', 'a'], votes: { a: 400, b: 60, c: 390, d: 150 }, remaining: { outstanding: { ballots: 30 } }, want: { candidate: 'c', needed: 21, of: 30 } },

    // overtaking is finishing strictly ahead: drawing level is not enough
    { does: 'needs 7 of 12 (58.3%) to overcome a lead of 1', ids: ['a', 'b'], votes: { a: 6, b: 5 }, remaining: { outstanding: { ballots: 12 } }, want: { candidate: 'b', needed: 7, of: 12 } },
    { does: 'needs 3 of 4 to overcome a lead of 1 (2 would only tie)', ids: ['a', 'b'], votes: { a: 6, b: 5 }, remaining: { outstanding: { ballots: 4 } }, want: { candidate: 'b', needed: 3, of: 4 } },
    { does: 'needs every remaining vote when the margin is one less than what remains', ids: ['a', 'b'], votes: { a: 19, b: 10 }, remaining: { outstanding: { ballots: 10 } }, want: { candidate: 'b', needed: 10, of: 10 } },
    { does: 'cannot overtake when the margin equals what remains (all of it only ties)', ids: ['a', 'b'], votes: { a: 20, b: 10 }, remaining: { outstanding: { ballots: 10 } }, want: { candidate: 'b', needed: 11, of: 10 } },
    { does: 'cannot overtake a lead of 1 with 1 vote left', ids: ['a', 'b'], votes: { a: 1, b: 0 }, remaining: { outstanding: { ballots: 1 } }, want: { candidate: 'b', needed: 2, of: 1 } },
    { does: 'cannot overtake a lead larger than what remains', ids: ['a', 'b', 'c'], votes: { a: 30, b: 10, c: 5 }, remaining: { outstanding: { ballots: 4 } }, want: { candidate: 'b', needed: 13, of: 4 } },

    // no answer
    { does: 'has no answer before any vote', ids: ['a', 'b'], votes: { a: 0, b: 0 }, remaining: { expectedVotePct: 0, outstanding: { ballots: 100 } }, want: null },
    { does: 'has no answer on a tie for first (no leader)', ids: ['a', 'b', 'c'], votes: { a: 5, b: 5, c: 1 }, remaining: { outstanding: { ballots: 100 } }, want: null },
    { does: 'has no answer for a lone candidate (no runner-up)', ids: ['a'], votes: { a: 5 }, remaining: { outstanding: { ballots: 100 } }, want: null },
    { does: 'has no answer when nothing is known of the remaining vote', ids: GEORGIA_IDS, votes: GEORGIA_0950, remaining: {}, want: null },
    { does: 'has no answer when both are null', ids: GEORGIA_IDS, votes: GEORGIA_0950, remaining: { expectedVotePct: null, outstanding: null }, want: null },
    { does: 'has no answer when no ballots are outstanding, whatever the expected vote', ids: GEORGIA_IDS, votes: GEORGIA_0950, remaining: { expectedVotePct: 50, outstanding: { ballots: 0 } }, want: null },
    { does: 'has no answer at 100% of the expected vote', ids: GEORGIA_IDS, votes: GEORGIA_0950, remaining: { expectedVotePct: 100 }, want: null },
    { does: 'has no answer at 0% of the expected vote (nothing to estimate from)', ids: GEORGIA_IDS, votes: GEORGIA_0950, remaining: { expectedVotePct: 0 }, want: null },
    { does: 'has no answer when the estimate rounds to no votes', ids: ['a', 'b'], votes: { a: 2, b: 1 }, remaining: { expectedVotePct: 90 }, want: null },
  ])('$does', ({ ids, votes, remaining, want }) => {
    const got = runnerUpNeeds(standings(cands(...ids), votes), remaining);
    expect(got).toEqual(want && { candidate: want.candidate, pctOfRemaining: expect.closeTo((100 * want.needed) / want.of, 10) });
    if (want) expect(got!.pctOfRemaining > 100).toBe(want.needed > want.of);
  });

  it.each([
    { does: 'says exactly 100% for every remaining vote', votes: { a: 19, b: 10 }, ballots: 10, want: 100 },
    { does: 'says 75% for three of four', votes: { a: 6, b: 5 }, ballots: 4, want: 75 },
    // margin + remaining is 2·MAX − 3, beyond 2^53: a float sum would be off by one.
    { does: 'says exactly 100% for every remaining vote near the largest safe integer', votes: { a: MAX - 1, b: 1 }, ballots: MAX - 1, want: 100 },
    { does: 'says just over 100% when all of a huge remainder only ties', votes: { a: MAX - 1, b: 1 }, ballots: MAX - 2, want: 100 + 100 / (MAX - 2) },
    // ⌊(1 + MAX) / 2⌋ + 1 = 2^52 + 1 of MAX: 50 + 150 / MAX, a hair over half, where a float product rounds wrong.
    { does: 'says a hair over half for a lead of 1 with the largest safe integer remaining', votes: { a: HALF + 1, b: HALF }, ballots: MAX, want: 50 + 150 / MAX },
  ])('$does', ({ votes, ballots, want }) => {
    expect(runnerUpNeeds(standings(cands('a', 'b'), votes), { outstanding: { ballots } })).toEqual({ candidate: 'b', pctOfRemaining: want });
  });

  it('stays exact when the estimate of the remaining vote exceeds the largest safe integer', () => {
    // MAX votes in at 1%: 99·MAX remain; the runner-up, 1 behind, needs ⌊(1 + 99·MAX) / 2⌋ + 1 of them, which is
    // 50 + 150 / (99·MAX) percent: closer to 50 than a double can tell apart, so exactly 50, not a rounding artefact.
    const got = runnerUpNeeds(standings(cands('a', 'b'), { a: HALF + 1, b: HALF }), { expectedVotePct: 1 });
    expect(got).toEqual({ candidate: 'b', pctOfRemaining: 50 });
  });

  it('says a huge share when a huge lead meets a single vote', () => {
    const got = runnerUpNeeds(standings(cands('a', 'b'), { a: MAX - 1, b: 1 }), { outstanding: { ballots: 1 } });
    expect(got).toEqual({ candidate: 'b', pctOfRemaining: Number(100n * (BigInt(HALF) + 1n)) });
  });
});

describe('remainingVotes', () => {
  it.each([
    { does: 'takes the outstanding ballots as given', total: 4958825, r: { outstanding: { ballots: 8410 } }, want: 8410n },
    { does: 'takes no outstanding ballots as nothing remaining', total: 4958825, r: { expectedVotePct: 50, outstanding: { ballots: 0 } }, want: 0n },
    { does: 'estimates Georgia’s remaining vote at 98.9% in to the nearest vote', total: 4958825, r: { expectedVotePct: 98.9 }, want: 55154n },
    { does: 'estimates as many votes remaining as in at 50%', total: 1234567, r: { expectedVotePct: 50 }, want: 1234567n },
    { does: 'rounds an estimate of a half up', total: 1, r: { expectedVotePct: 40 }, want: 2n },
    { does: 'rounds an estimate below a half down', total: 2, r: { expectedVotePct: 90 }, want: 0n },
    { does: 'estimates nothing remaining at 100%', total: 4958825, r: { expectedVotePct: 100 }, want: 0n },
    { does: 'estimates nothing remaining from no votes', total: 0, r: { expectedVotePct: 10 }, want: 0n },
    { does: 'estimates beyond the largest safe integer exactly', total: MAX, r: { expectedVotePct: 1 }, want: 99n * BigInt(MAX) },
    { does: 'is unknown at 0% in', total: 4958825, r: { expectedVotePct: 0 }, want: null },
    { does: 'is unknown when nothing is given', total: 4958825, r: {}, want: null },
    { does: 'is unknown when both are null', total: 4958825, r: { expectedVotePct: null, outstanding: null }, want: null },
  ])('$does', ({ total, r, want }) => {
    expect(remainingVotes(total, r)).toBe(want);
  });
});
