/**
 * The words and numbers each graphic draws, picked from RaceView / LeadChange fields and phrased by
 * shared/format.ts. Pure: the graphics only lay these out, and the DOM mirror reads the same strings.
 */
import { formatPct, formatVotes, surname } from '../../shared/format.js';
import type { LeadChange, RaceView } from '../../shared/index.js';
import { countLine, leadLine, nameOf, topCandidates } from './models/race.js';

export * from './models/call.js';
export * from './models/lowerThird.js';
export * from './models/race.js';

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
