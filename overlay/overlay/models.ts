/**
 * The words and numbers each graphic draws, picked from RaceView / LeadChange fields and phrased by
 * shared/format.ts. Pure: the graphics only lay these out, and the DOM mirror reads the same strings.
 */
import {
  formatExpectedVote,
  formatOutstanding,
  formatPct,
  formatPoints,
  formatVotes,
  surname,
} from '../../shared/format.js';
import type { CandidateView, LeadChange, RaceView } from '../../shared/index.js';

export interface RowModel {
  id: string;
  name: string;
  party: string | null;
  votes: number;
  pct: number;
  winner: boolean;
}

export interface LowerThirdModel {
  jurisdiction: string;
  title: string;
  /** Header tags, left to right. */
  electoralVotes: string | null;
  recount: string | null;
  called: string | null;
  /** Top two, leader first. */
  rows: RowModel[];
  leadLine: string;
  /** Outstanding ballots when known, else expected vote in, else null. */
  countLine: string | null;
}

/** Top `n` by votes; ties (and a race with no votes) keep definition order. */
export function topCandidates(race: RaceView, n = 2): CandidateView[] {
  const indexed = race.candidates.map((c, i) => ({ c, i }));
  if (race.totalVotes > 0) indexed.sort((a, b) => b.c.votes - a.c.votes || a.i - b.i);
  return indexed.slice(0, n).map((x) => x.c);
}

const nameOf = (race: RaceView, id: string | null | undefined): string | null => {
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

export function lowerThirdModel(race: RaceView): LowerThirdModel {
  const winnerId = race.status === 'called' ? (race.call?.winner ?? null) : null;
  return {
    jurisdiction: race.jurisdiction,
    title: race.title,
    electoralVotes: race.electoralVotes ? `${race.electoralVotes} electoral ${race.electoralVotes === 1 ? 'vote' : 'votes'}` : null,
    recount: race.inRecountRange ? 'RECOUNT RANGE' : null,
    called: winnerId ? 'CALLED' : null,
    rows: topCandidates(race).map((c) => ({
      id: c.id,
      name: c.name,
      party: c.party,
      votes: c.votes,
      pct: c.pct,
      winner: c.id === winnerId,
    })),
    leadLine: leadLine(race),
    countLine: countLine(race),
  };
}

/** Exactly the strings the lower third draws, in reading order. */
export function lowerThirdText(m: LowerThirdModel): string {
  const header = [m.jurisdiction, m.title, m.electoralVotes, m.recount, m.called].filter(Boolean).join(' ');
  const rows = m.rows.map((r) => `${r.name} ${formatVotes(r.votes)} ${formatPct(r.pct)}`);
  return [header, ...rows, m.leadLine, m.countLine].filter((x): x is string => Boolean(x)).join('\n');
}

export interface AlertModel {
  label: string;
  jurisdiction: string;
  /** "Biden overtakes Trump · leads by 917" */
  detail: string;
}

/**
 * The alert follows the race live like every layer on air: while the new leader still leads, the margin is
 * today's, so it never contradicts the lower third beside it; once the lead is gone it tells the past.
 */
export function alertModel(lc: LeadChange, race: RaceView): AlertModel {
  const to = nameOf(race, lc.to) ?? lc.to;
  const from = nameOf(race, lc.from) ?? lc.from;
  const stillLeads = race.leader === lc.to;
  return {
    label: 'LEAD CHANGE',
    jurisdiction: race.jurisdiction.toUpperCase(),
    detail: stillLeads
      ? `${to} overtakes ${from} · leads by ${formatVotes(race.margin)}`
      : `${to} overtook ${from} by ${formatVotes(lc.margin)}`,
  };
}

export const alertText = (m: AlertModel): string => `${m.label}\n${m.jurisdiction} · ${m.detail}`;

export interface TickerItemModel {
  raceId: string;
  heading: string;
  candidates: { id: string; name: string; party: string | null; pct: string }[];
  tail: string | null;
}

export function tickerItemModel(race: RaceView): TickerItemModel {
  return {
    raceId: race.id,
    heading: `${race.jurisdiction} ${race.title}`,
    candidates: topCandidates(race).map((c) => ({ id: c.id, name: surname(c.name), party: c.party, pct: formatPct(c.pct) })),
    tail: race.status === 'called' ? leadLine(race) : countLine(race),
  };
}

export const tickerItemText = (m: TickerItemModel): string =>
  [m.heading, ...m.candidates.map((c) => `${c.name} ${c.pct}`), m.tail].filter(Boolean).join(' · ');
