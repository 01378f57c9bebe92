/** Picks from a RaceView that several graphics share: ranking for display, names, the lead and count lines. */
import { formatExpectedVote, formatOutstanding, formatPoints, formatVotes, surname } from '../../../shared/format.js';
import type { CandidateView, RaceView } from '../../../shared/index.js';

/** Top `n` by votes; ties (and a race with no votes) keep definition order. */
export function topCandidates(race: RaceView, n = 2): CandidateView[] {
  const indexed = race.candidates.map((c, i) => ({ c, i }));
  if (race.totalVotes > 0) indexed.sort((a, b) => b.c.votes - a.c.votes || a.i - b.i);
  return indexed.slice(0, n).map((x) => x.c);
}

/** The surname a graphic uses for a candidate id, or null when the race does not define it. */
export const nameOf = (race: RaceView, id: string | null | undefined): string | null => {
  const c = race.candidates.find((x) => x.id === id);
  return c ? surname(c.name) : null;
};

export function leadLine(race: RaceView): string {
  if (race.status === 'called' && race.call) {
    const winner = nameOf(race, race.call.winner) ?? race.call.winner;
    return `${winner} wins`;
  }
  if (race.status === 'awaiting' || race.totalVotes === 0) return 'Awaiting results';
  const leader = nameOf(race, race.leader);
  if (race.status === 'tied' || !leader) return 'Tied';
  return `${leader} leads by ${formatVotes(race.margin)} · ${formatPoints(race.marginPct)}`;
}

export function countLine(race: RaceView): string | null {
  if (race.outstanding) return formatOutstanding(race.outstanding);
  if (race.expectedVotePct !== null) return formatExpectedVote(race.expectedVotePct);
  return null;
}
