import { describe, it, expect } from 'vitest';
import { standings, type Candidate, type Standings } from '../../shared/index.js';

const cands = (...ids: string[]): Candidate[] => ids.map((id) => ({ id, name: id.toUpperCase() }));
const MAX = Number.MAX_SAFE_INTEGER;

interface Case {
  does: string;
  ids: string[];
  votes: Record<string, number>;
  want: Standings;
}

describe('standings', () => {
  it.each<Case>([
    {
      does: 'gives no leader, no runner-up and no margin when nobody has a vote',
      ids: ['biden', 'trump', 'other'],
      votes: { biden: 0, trump: 0, other: 0 },
      want: { totalVotes: 0, leader: null, runnerUp: null, margin: 0, topTwoVotes: 0 },
    },
    {
      does: 'treats a missing count as zero',
      ids: ['biden', 'trump'],
      votes: {},
      want: { totalVotes: 0, leader: null, runnerUp: null, margin: 0, topTwoVotes: 0 },
    },
    {
      does: 'names the strict leader and the runner-up with the margin between them',
      ids: ['biden', 'trump', 'other'],
      votes: { biden: 2449371, trump: 2448454, other: 61000 },
      want: { totalVotes: 4958825, leader: 'biden', runnerUp: 'trump', margin: 917, topTwoVotes: 4897825 },
    },
    {
      does: 'finds the leader whatever its place in definition order',
      ids: ['other', 'biden', 'trump'],
      votes: { other: 61000, biden: 2447991, trump: 2448454 },
      want: { totalVotes: 4957445, leader: 'trump', runnerUp: 'biden', margin: 463, topTwoVotes: 4896445 },
    },
    {
      does: 'gives no leader on a tie for first',
      ids: ['biden', 'trump', 'other'],
      votes: { biden: 5000, trump: 5000, other: 12 },
      want: { totalVotes: 10012, leader: null, runnerUp: null, margin: 0, topTwoVotes: 10000 },
    },
    {
      does: 'gives no leader on a three-way tie',
      ids: ['a', 'b', 'c'],
      votes: { a: 7, b: 7, c: 7 },
      want: { totalVotes: 21, leader: null, runnerUp: null, margin: 0, topTwoVotes: 14 },
    },
    {
      does: 'names the first in definition order as runner-up on a tie for second',
      ids: ['a', 'b', 'c'],
      votes: { a: 10, b: 30, c: 10 },
      want: { totalVotes: 50, leader: 'b', runnerUp: 'a', margin: 20, topTwoVotes: 40 },
    },
    {
      does: 'keeps definition order on a tie for second whatever the key order of the counts',
      ids: ['c', 'b', 'a'],
      votes: { a: 10, b: 30, c: 10 },
      want: { totalVotes: 50, leader: 'b', runnerUp: 'c', margin: 20, topTwoVotes: 40 },
    },
    {
      does: 'counts a runner-up with no votes as the runner-up',
      ids: ['a', 'b'],
      votes: { a: 1, b: 0 },
      want: { totalVotes: 1, leader: 'a', runnerUp: 'b', margin: 1, topTwoVotes: 1 },
    },
    {
      does: 'gives a lone candidate with votes the lead, no runner-up, and all its votes as margin',
      ids: ['solo'],
      votes: { solo: 1234 },
      want: { totalVotes: 1234, leader: 'solo', runnerUp: null, margin: 1234, topTwoVotes: 1234 },
    },
    {
      does: 'gives a lone candidate without votes no lead',
      ids: ['solo'],
      votes: { solo: 0 },
      want: { totalVotes: 0, leader: null, runnerUp: null, margin: 0, topTwoVotes: 0 },
    },
    {
      does: 'gives no leader when there are no candidates',
      ids: [],
      votes: {},
      want: { totalVotes: 0, leader: null, runnerUp: null, margin: 0, topTwoVotes: 0 },
    },
    {
      does: 'ignores counts for ids that are not candidates',
      ids: ['a', 'b'],
      votes: { a: 3, b: 2, ghost: 1000 },
      want: { totalVotes: 5, leader: 'a', runnerUp: 'b', margin: 1, topTwoVotes: 5 },
    },
    {
      does: 'stays exact with a national count of several hundred million',
      ids: ['biden', 'trump', 'other'],
      votes: { biden: 381283501, trump: 374223975, other: 102921474 },
      want: { totalVotes: 858428950, leader: 'biden', runnerUp: 'trump', margin: 7059526, topTwoVotes: 755507476 },
    },
    {
      does: 'stays exact when a count is the largest safe integer',
      ids: ['a', 'b'],
      votes: { a: MAX - 1, b: 1 },
      want: { totalVotes: MAX, leader: 'a', runnerUp: 'b', margin: MAX - 2, topTwoVotes: MAX },
    },
    {
      does: 'tells apart two counts one vote apart near the largest safe integer',
      ids: ['a', 'b'],
      votes: { a: 4503599627370495, b: 4503599627370496 },
      want: { totalVotes: MAX, leader: 'b', runnerUp: 'a', margin: 1, topTwoVotes: MAX },
    },
  ])('$does', ({ ids, votes, want }) => {
    expect(standings(cands(...ids), votes)).toEqual(want);
  });
});
