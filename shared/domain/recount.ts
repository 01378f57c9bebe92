import type { RecountRule } from '../schema/race.js';

export interface RecountInput {
  margin: number;
  totalVotes: number;
  topTwoVotes: number;
}

/**
 * Whether a margin falls within a recount rule (boundary included). Where both a percentage and a vote
 * threshold are given the lesser applies, i.e. the margin must be within both. No votes, no range.
 */
export function inRecountRange(rule: RecountRule | null | undefined, s: RecountInput): boolean {
  if (!rule || s.totalVotes === 0) return false;
  const base = rule.basis === 'topTwo' ? s.topTwoVotes : s.totalVotes;
  // Whole-number comparison (percent to 1/10,000 of a point) so exact boundaries such as 0.7% stay exact.
  const withinPct =
    rule.marginPct === undefined ||
    BigInt(s.margin) * 1_000_000n <= BigInt(Math.round(rule.marginPct * 10_000)) * BigInt(base);
  const withinVotes = rule.marginVotes === undefined || s.margin <= rule.marginVotes;
  return withinPct && withinVotes;
}
