/** Words for what the panel shows. Numbers are phrased by `shared/format.ts`, the same as on air. */
import {
  describeGraphic as describeKind,
  formatExpectedVote,
  formatMargin,
  formatOutstanding,
  formatPct,
  formatPoints,
  formatVotes,
  phraseReporting,
  surname,
  type Alert,
  type Graphic,
  type LeadChange,
  type RaceView,
} from '../../shared/index.js';
import { showsRehearsalData } from '../../shared/graphics/rehearsal.js';
import type { ControlState, RaceEntry, TakeReadiness } from './state.js';

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

/** "72% of precincts reporting · 98% of expected vote in · 8,410 military and overseas ballots outstanding". */
export function describeCount(v: RaceView): string {
  const parts: string[] = [];
  if (v.reporting) parts.push(phraseReporting(v.reporting));
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

/** What a graphic shows, in words: "Georgia President", "Lead change: Georgia President → Biden" (each kind says). */
export function describeGraphic(g: Graphic | null, state: ControlState): string {
  return describeKind(g, lookupIn(state));
}

const lookupIn = (state: ControlState) => ({ race: (id: string) => state.races.get(id)?.view, leadChange: (id: string) => state.leadChanges.get(id) });

/** The panel's line for a graphic on a layer, "TEST · " first while it shows rehearsal data (as the overlay marks it). */
export function describeOnLayer(g: Graphic | null, state: ControlState): string {
  if (g === null) return describeKind(null, lookupIn(state));
  return `${showsRehearsalData(g, lookupIn(state)) ? 'TEST · ' : ''}${describeKind(g, lookupIn(state))}`;
}

/** "09:50:07" in UTC, for batch times and alert history. */
export function clockTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(11, 19)}Z`;
}

/** Seconds left, rounded up: 6.2 s left reads "7 s", so "0 s" is never shown while still on air. */
function secondsLeft(ms: number): string {
  return formatAge(Math.ceil(ms / 1000) * 1000);
}

/**
 * "leaves air in 7 s" while an aired alert's `offAirAt` is ahead of the panel's clock; null without one, or once
 * it has passed (the server takes it off; nothing special is shown meanwhile).
 */
export function describeOffAir(offAirAt: string | undefined, now: number): string | null {
  const at = offAirAt ? Date.parse(offAirAt) : NaN;
  if (Number.isNaN(at) || now >= at) return null;
  return `leaves air in ${secondsLeft(at - now)}`;
}

/** An alert seen leaving program within this long of its `offAirAt` left by itself. */
export const OFF_AIR_SLACK_MS = 1_500;

/**
 * How an aired alert's time on air ends, for the history: "leaves air in 7 s" while on air, "left air by itself
 * after 10 s", "taken off air before its 10 s" (cleared or replaced early, as this page saw), or "auto-off after
 * 10 s" when this page did not see it leave. Empty for pending and dismissed alerts, and for an aired alert with no
 * `offAirAt` (older servers).
 * @param leftAt the panel's clock when it saw the program alert layer stop showing this alert, if it did.
 */
export function describeAlertEnd(a: Alert, o: { onAir: boolean; leftAt: number | undefined; now: number }): string {
  if (a.status !== 'aired' || !a.offAirAt) return '';
  const offAirAt = Date.parse(a.offAirAt);
  if (Number.isNaN(offAirAt)) return '';
  if (o.onAir) return describeOffAir(a.offAirAt, o.now) ?? '';
  const airedAt = a.updatedAt ? Date.parse(a.updatedAt) : NaN;
  const span = Number.isNaN(airedAt) || airedAt > offAirAt ? null : formatAge(offAirAt - airedAt);
  const after = span ? ` after ${span}` : '';
  if (o.leftAt === undefined) return `auto-off${after}`;
  if (o.leftAt >= offAirAt - OFF_AIR_SLACK_MS) return `left air by itself${after}`;
  return span ? `taken off air before its ${span}` : 'taken off air early';
}

/** What TAKE would do, in words for its second line (see `takeReadiness`). */
export function describeTake(readiness: TakeReadiness, what: string): string {
  if (readiness === 'empty') return 'preview is empty';
  if (readiness === 'on-program') return `${what} · already on program`;
  return `${what} → program`;
}

/** "Call race: Georgia President for Biden" / "Withdraw call: Georgia President", and their armed forms. */
export function describeCallButton(v: Pick<RaceView, 'jurisdiction' | 'title'>, winner: string | null, armed: boolean): string {
  if (winner === null) return `Call race: ${raceName(v)} (choose the winner first)`;
  return `${armed ? 'Confirm call' : 'Call race'}: ${raceName(v)} for ${winner}`;
}

export function describeUncallButton(v: Pick<RaceView, 'jurisdiction' | 'title'>, armed: boolean): string {
  return `${armed ? 'Confirm withdraw call' : 'Withdraw call'}: ${raceName(v)}`;
}
