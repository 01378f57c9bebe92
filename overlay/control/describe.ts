/** Words for what the panel shows. Numbers are phrased by `shared/format.ts`, the same as on air. */
import {
  formatExpectedVote,
  formatMargin,
  formatOutstanding,
  formatPct,
  formatPoints,
  formatVotes,
  surname,
  type Graphic,
  type LeadChange,
  type RaceView,
} from '../../shared/index.js';
import type { ControlState, RaceEntry } from './state.js';

/**
 * A race is "quiet" when this page has received no new revision of it for a while.
 * Amber from 60 s, red from 180 s (see README.md).
 */
export const AGE_AMBER_MS = 60_000;
export const AGE_RED_MS = 180_000;

export type AgeLevel = 'fresh' | 'amber' | 'red';

export function ageLevel(ms: number): AgeLevel {
  return ms >= AGE_RED_MS ? 'red' : ms >= AGE_AMBER_MS ? 'amber' : 'fresh';
}

/** 12 000 → "12 s", 200 000 → "3 min 20 s", 4 000 000 → "1 h 6 min". */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** "updated 12 s ago"; for a revision known only since the page loaded, "no update for ≥ 12 s". */
export function describeAge(entry: RaceEntry, now: number): string {
  const age = formatAge(now - entry.receivedAt);
  return entry.sinceLoad ? `no update for ≥ ${age}` : `updated ${age} ago`;
}

export const raceName = (v: Pick<RaceView, 'jurisdiction' | 'title'>) => `${v.jurisdiction} ${v.title}`;

export function candidateName(view: RaceView | undefined, id: string | null): string {
  if (!id) return '—';
  const c = view?.candidates.find((x) => x.id === id);
  return c ? surname(c.name) : id;
}

/** "Biden +917 · 0.02 pts", "Tied at 1,000", "Awaiting votes", "Biden WINS · Biden +917 · 0.02 pts" (called). */
export function describeLead(v: RaceView): string {
  if (v.status === 'awaiting') return 'Awaiting votes';
  if (v.status === 'tied' || !v.leader) return `Tied at ${formatVotes(Math.max(0, ...v.candidates.map((c) => c.votes)))}`;
  const lead = `${candidateName(v, v.leader)} ${formatMargin(v.margin)} · ${formatPoints(v.marginPct)}`;
  return v.status === 'called' && v.call ? `${candidateName(v, v.call.winner)} WINS · ${lead}` : lead;
}

/** "98% of expected vote in · 8,410 military and overseas ballots outstanding". */
export function describeCount(v: RaceView): string {
  const parts: string[] = [];
  if (v.expectedVotePct !== null) parts.push(formatExpectedVote(v.expectedVotePct));
  if (v.outstanding) parts.push(formatOutstanding(v.outstanding));
  if (parts.length === 0) parts.push(v.totalVotes > 0 ? `${formatVotes(v.totalVotes)} votes counted` : 'no votes yet');
  return parts.join(' · ');
}

export const share = (pct: number) => formatPct(pct);

/** "Biden takes the lead from Trump · +917 (0.02 pts)". */
export function describeLeadChange(lc: LeadChange, view: RaceView | undefined): string {
  return `${candidateName(view, lc.to)} takes the lead from ${candidateName(view, lc.from)} · ${formatMargin(lc.margin)} (${formatPoints(lc.marginPct)})`;
}

/** What a graphic shows, in words: "Georgia President", "Lead change: Georgia President → Biden". */
export function describeGraphic(g: Graphic | null, state: ControlState): string {
  if (!g) return '—';
  if (g.type === 'race') {
    const v = state.races.get(g.raceId)?.view;
    return v ? raceName(v) : g.raceId;
  }
  if (g.type === 'leadChange') {
    const lc = state.leadChanges.get(g.leadChangeId);
    const v = lc ? state.races.get(lc.raceId)?.view : undefined;
    return lc && v ? `Lead change: ${raceName(v)} → ${candidateName(v, lc.to)}` : `Lead change ${g.leadChangeId}`;
  }
  return `Ticker: ${g.raceIds.length} race${g.raceIds.length === 1 ? '' : 's'}`;
}

/** "09:50:07" in UTC, for batch times and alert history. */
export function clockTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(11, 19)}Z`;
}
