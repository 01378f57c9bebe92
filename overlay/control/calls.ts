/**
 * The sources' calls as the panel shows them: which report of a proposal to keep, the queue and its history, and
 * the words. Pure: views and feeds are parameters.
 */
import type { CallProposal, FeedStatus, RaceView } from '../../shared/index.js';
import { candidateName, clockTime, raceName } from './describe.js';
import { sourceLabel } from './feeds.js';

type Feeds = ReadonlyMap<string, Pick<FeedStatus, 'label'>>;

/**
 * Which of two reports of one proposal to keep: the newer one, except that a decided proposal never goes back to
 * proposed (a push or snapshot built before the decision, arriving after its answer). A proposal first seen later
 * than the decided one is another proposal with the same id (the source called the race again after a reset, e.g.
 * the live call after a rehearsal one was rejected): it waits for the desk.
 */
export function keepCall(held: CallProposal | undefined, next: CallProposal): CallProposal {
  if (held && held.status !== 'proposed' && next.status === 'proposed' && Date.parse(next.at) <= Date.parse(held.at)) return held;
  return next;
}

/** A snapshot's proposals replace all held, each kept by `keepCall` against the one held. */
export function callsFromSnapshot(held: ReadonlyMap<string, CallProposal>, incoming: readonly CallProposal[]): Map<string, CallProposal> {
  return new Map(incoming.map((p) => [p.id, keepCall(held.get(p.id), p)]));
}

/** Proposals waiting for the desk, oldest first. */
export function pendingCalls(calls: Iterable<CallProposal>): CallProposal[] {
  return [...calls].filter((p) => p.status === 'proposed').sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** Decided proposals (accepted, rejected, ignored), newest decision first, at most `limit`. */
export function callHistory(calls: Iterable<CallProposal>, limit = 8): CallProposal[] {
  const at = (p: CallProposal) => p.decidedAt ?? p.at;
  return [...calls]
    .filter((p) => p.status !== 'proposed')
    .sort((a, b) => at(b).localeCompare(at(a)) || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/** "Joe Biden (DEM)": a proposal names the candidate in full, since the desk checks it against the wire. */
export function fullName(view: RaceView | undefined, id: string): string {
  const c = view?.candidates.find((x) => x.id === id);
  return c ? `${c.name}${c.party ? ` (${c.party})` : ''}` : id;
}

export const CALL_KIND_WORDS: Record<CallProposal['kind'], string> = { winner: 'WINNER', runoff: 'ADVANCES TO RUNOFF' };

export interface ProposalWords {
  /** "Georgia President" (the race id when this page does not know the race). */
  race: string;
  /** "Joe Biden (DEM)". */
  candidate: string;
  /** "WINNER" / "ADVANCES TO RUNOFF". */
  kind: string;
  /** The feed's label when this page knows the feed, else its id. */
  source: string;
  /** "16:25:00Z": when the source's call was first seen. */
  time: string;
  /** "Georgia President — Joe Biden (AP)", "… — David Perdue to a runoff (AP)", "… (AP, TEST)": for buttons. */
  name: string;
}

export function describeProposal(p: CallProposal, view: RaceView | undefined, feeds: Feeds): ProposalWords {
  const race = view ? raceName(view) : p.raceId;
  const name = view?.candidates.find((c) => c.id === p.winner)?.name ?? p.winner;
  const source = sourceLabel(p.source, feeds) ?? p.source;
  return {
    race,
    candidate: fullName(view, p.winner),
    kind: CALL_KIND_WORDS[p.kind],
    source,
    time: clockTime(p.at),
    name: `${race} — ${name}${p.kind === 'runoff' ? ' to a runoff' : ''} (${source}${p.test ? ', TEST' : ''})`,
  };
}

/**
 * How a proposal was decided: "accepted by producer 21:14:05Z", "rejected by producer …", "accepted by the race's
 * rule 21:14:05Z" (acceptCalls auto), "recorded only (race ignores wire calls) …"; "waiting" while proposed.
 */
export function describeDecision(p: CallProposal): string {
  const at = p.decidedAt ? ` ${clockTime(p.decidedAt)}` : '';
  if (p.status === 'proposed') return 'waiting for the desk';
  if (p.status === 'ignored') return `recorded only (race ignores wire calls)${at}`;
  if (p.decidedBy === 'auto') return `${p.status} by the race’s rule${at}`;
  return `${p.status}${p.decidedBy ? ` by ${p.decidedBy}` : ''}${at}`;
}

/** "21:14Z": a call's time on the race card, to the minute. */
export const shortClock = (iso: string): string => clockTime(iso).replace(/^(\d\d:\d\d):\d\dZ$/, '$1Z');

/**
 * Who called a race and when, for its card: "desk call 21:14Z", "AP call, accepted 21:14Z" (a wire's call a
 * producer accepted), "AP call, auto-accepted 21:14Z" (by the race's rule); null for a race not called.
 */
export function describeCallMade(v: Pick<RaceView, 'id' | 'call'>, feeds: Feeds, calls: Iterable<CallProposal>): string | null {
  if (!v.call) return null;
  const when = shortClock(v.call.at);
  const source = v.call.source;
  if (!source) return `called ${when}`;
  if (source === 'desk') return `desk call ${when}`;
  const proposal = [...calls].find((p) => p.raceId === v.id && p.source === source && p.kind === 'winner' && p.winner === v.call?.winner && p.status === 'accepted');
  return `${sourceLabel(source, feeds)} call, ${proposal?.decidedBy === 'auto' ? 'auto-accepted' : 'accepted'} ${when}`;
}

/** "✓ CALLED · BIDEN": the race card's call tag (who and when are on the card's status line). */
export function describeCallTag(v: RaceView): string | null {
  if (v.status !== 'called' || !v.call) return null;
  return `✓ CALLED · ${candidateName(v, v.call.winner).toUpperCase()}`;
}
