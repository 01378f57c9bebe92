import type { Candidate } from '../schema/race.js';

export interface Standings {
  totalVotes: number;
  /** Strictly the most votes; null when tied for first or no votes. */
  leader: string | null;
  /** Next highest count (first in definition order on a tie for second); null when there is no leader. */
  runnerUp: string | null;
  /** Top count minus next highest; 0 when tied. */
  margin: number;
  /** The two highest counts, for top-two recount rules. */
  topTwoVotes: number;
}

/**
 * Leader, runner-up and margin of a count. Pure; candidates in definition order. One pass, no sort: the first is
 * the earliest candidate with the most votes and the second the earliest with the most of the others, which is
 * what a stable sort by votes would put first and second. (It runs for every batch and every view: the hot path.)
 */
export function standings(candidates: readonly Candidate[], votes: Readonly<Record<string, number>>): Standings {
  let totalVotes = 0;
  let first: string | null = null;
  let second: string | null = null;
  let top = 0;
  let next = 0;
  for (let i = 0; i < candidates.length; i++) {
    const id = candidates[i]!.id;
    const v = votes[id] ?? 0;
    totalVotes += v;
    if (first === null || v > top) {
      second = first;
      next = top;
      first = id;
      top = v;
    } else if (second === null || v > next) {
      second = id;
      next = v;
    }
  }
  const hasLeader = first !== null && top > 0 && top > next;
  return {
    totalVotes,
    leader: hasLeader ? first : null,
    runnerUp: hasLeader ? second : null,
    margin: top - next,
    topTwoVotes: top + next,
  };
}
