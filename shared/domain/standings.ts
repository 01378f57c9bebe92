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

/** Leader, runner-up and margin of a count. Pure; candidates in definition order. */
export function standings(candidates: readonly Candidate[], votes: Readonly<Record<string, number>>): Standings {
  const counts = candidates.map((c) => ({ id: c.id, votes: votes[c.id] ?? 0 }));
  const totalVotes = counts.reduce((sum, c) => sum + c.votes, 0);
  // Stable sort keeps definition order among equal counts.
  const ranked = [...counts].sort((a, b) => b.votes - a.votes);
  const first = ranked[0];
  const second = ranked[1];
  const top = first?.votes ?? 0;
  const next = second?.votes ?? 0;
  const hasLeader = first !== undefined && top > 0 && top > next;
  return {
    totalVotes,
    leader: hasLeader ? first.id : null,
    runnerUp: hasLeader && second !== undefined ? second.id : null,
    margin: top - next,
    topTwoVotes: top + next,
  };
}
