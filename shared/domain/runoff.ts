/**
 * Whether the race is heading for a runoff under a rule that a winner must exceed `thresholdPct` of all votes: it
 * has votes and no candidate exceeds the threshold. Exceeding is strict, as in Georgia's "a majority of the votes
 * cast": exactly 50% is not a majority, so a runoff is likely at exactly 50%. Shares are of all votes in the race, compared as whole numbers (threshold to 1/10,000 of a point).
 * No rule or no votes, no runoff.
 */
export function runoffLikely(
  rule: { thresholdPct: number } | null | undefined,
  candidates: readonly { id: string }[],
  votes: Readonly<Record<string, number>>,
): boolean {
  if (!rule) return false;
  const counts = candidates.map((c) => BigInt(votes[c.id] ?? 0));
  const total = counts.reduce((sum, v) => sum + v, 0n);
  if (total === 0n) return false;
  const threshold = BigInt(Math.round(rule.thresholdPct * 10_000));
  return counts.every((v) => v * 1_000_000n <= threshold * total);
}
