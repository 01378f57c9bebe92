import type { Standings } from './standings.js';

/** The share of the remaining vote the runner-up needs to overtake the leader. */
export interface RunnerUpNeeds {
  /** The runner-up. */
  candidate: string;
  /** 100 × the fewest remaining votes that overtake / the remaining votes; above 100: cannot overtake. */
  pctOfRemaining: number;
}

/** What is known about the vote still to count. */
export interface RemainingVote {
  expectedVotePct?: number | null;
  outstanding?: { ballots: number } | null;
}

/**
 * The remaining votes: `outstanding.ballots` when given (even 0), else estimated from the share of the expected
 * vote in, `totalVotes × (100 − expectedVotePct) / expectedVotePct` to the nearest whole vote; null when neither
 * is known or the estimate cannot be made (0% of the expected vote in).
 */
export function remainingVotes(totalVotes: number, r: RemainingVote): bigint | null {
  if (r.outstanding) return BigInt(r.outstanding.ballots);
  const e = r.expectedVotePct;
  if (e === null || e === undefined) return null;
  const expected = BigInt(Math.round(e * 10_000)); // 1/10,000 of a point, as recount thresholds
  if (expected === 0n) return null;
  const num = BigInt(totalVotes) * (1_000_000n - expected);
  return (2n * num + expected) / (2n * expected); // rounds half up
}

/** 100 × num / den as the nearest double, without losing the fraction to a product beyond 2^53. */
function pct(num: bigint, den: bigint): number {
  const scaled = 100n * num;
  return Number(scaled / den) + Number(scaled % den) / Number(den);
}

/**
 * What the runner-up needs of the remaining vote to overtake, assuming it splits between the top two. Overtaking
 * means finishing with strictly more votes than the leader (drawing level is not overtaking), so the runner-up
 * needs the fewest whole votes `n` of the remaining `R` with `n > (margin + R) / 2`, i.e. ⌊(margin + R) / 2⌋ + 1:
 * a share just over half even from a tie, and over 100% (cannot overtake) once the margin is at least `R`.
 * Null when there is no leader or no runner-up, nothing is known of the remaining vote, or nothing remains.
 * Exact with counts up to `Number.MAX_SAFE_INTEGER` (whole-number arithmetic in BigInt).
 */
export function runnerUpNeeds(
  s: Pick<Standings, 'leader' | 'runnerUp' | 'margin' | 'totalVotes'>,
  r: RemainingVote,
): RunnerUpNeeds | null {
  if (s.leader === null || s.runnerUp === null) return null;
  const remaining = remainingVotes(s.totalVotes, r);
  if (remaining === null || remaining === 0n) return null;
  const needed = (BigInt(s.margin) + remaining) / 2n + 1n;
  return { candidate: s.runnerUp, pctOfRemaining: pct(needed, remaining) };
}
