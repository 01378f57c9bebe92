/** The lead-change banner's words: "LEAD CHANGE · GEORGIA · Biden overtakes Trump · leads by 917". Pure. */
import { formatVotes } from '../../../../shared/format.js';
import type { LeadChange, RaceView } from '../../../../shared/index.js';
import { nameOf } from '../../models/race.js';

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
