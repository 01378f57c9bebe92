/** A change of the set of candidates winning a vote-for-N race. */
export interface SeatShift {
  /** Who left the winning set, in the order of the previous set. */
  from: string[];
  /** Who entered it, in the order of the new set. */
  to: string[];
}

/**
 * The ids of the candidates in the top `seats` places, most votes first (definition order among equal counts).
 * Candidates tied at the cut-off are listed together, so the list may be longer than `seats`; a candidate with
 * no votes is never winning, so it may also be shorter, and is empty when nobody has a vote.
 * With `seats` 1 it is the leader alone, or everyone tied for first. Pure; counts of non-candidates are ignored.
 */
export function winning(
  candidates: readonly { id: string }[],
  votes: Readonly<Record<string, number>>,
  seats = 1,
): string[] {
  if (seats === 1) return topCandidates(candidates, votes);
  // Stable sort keeps definition order among equal counts.
  const ranked = candidates
    .map((c) => ({ id: c.id, votes: votes[c.id] ?? 0 }))
    .filter((c) => c.votes > 0)
    .sort((a, b) => b.votes - a.votes);
  if (seats < 1) return [];
  // Fewer candidates with votes than seats: all of them.
  const cutOff = ranked[seats - 1]?.votes ?? 0;
  return ranked.filter((c) => c.votes >= cutOff).map((c) => c.id);
}

/** `winning` with one seat, in one pass: everyone with the most votes, in definition order (nobody without a vote). */
function topCandidates(candidates: readonly { id: string }[], votes: Readonly<Record<string, number>>): string[] {
  let top = 0;
  for (let i = 0; i < candidates.length; i++) top = Math.max(top, votes[candidates[i]!.id] ?? 0);
  const out: string[] = [];
  if (top <= 0) return out;
  for (let i = 0; i < candidates.length; i++) if ((votes[candidates[i]!.id] ?? 0) === top) out.push(candidates[i]!.id);
  return out;
}

/**
 * Whether a winning set settles every seat: exactly `seats` candidates, so nobody is tied at the cut-off and no
 * seat is still empty. Only a settled set can be the baseline of, or the result of, a change.
 */
export const isSettled = (set: readonly string[], seats: number): boolean => set.length === seats;

/**
 * The last settled winning set after a count: a tie at the cut-off (or an unfilled seat) keeps the previous one,
 * as a tie keeps the last strict leader of a single-seat race.
 */
export function nextLastWinning(
  lastWinning: readonly string[] | null,
  set: readonly string[],
  seats: number,
): readonly string[] | null {
  return isSettled(set, seats) ? set : lastWinning;
}

/**
 * A change of the winning set, the vote-for-N form of a lead change: the new set is settled, the last settled set
 * was a different one, and someone both left and entered. As with a single seat, the first settled set is not a
 * change, a tie at the cut-off is not one (the tied candidates are all listed, nobody is out yet), and the same set
 * settling again after a tie is not one. A set that only grows or shrinks (seats redefined) displaces nobody and
 * is not one. With `seats` 1 this is exactly `detectLeadShift`.
 */
export function detectSeatShift(
  lastWinning: readonly string[] | null,
  set: readonly string[],
  seats: number,
): SeatShift | null {
  if (lastWinning === null || !isSettled(set, seats)) return null;
  const from = lastWinning.filter((id) => !set.includes(id));
  const to = set.filter((id) => !lastWinning.includes(id));
  return from.length > 0 && to.length > 0 ? { from, to } : null;
}
