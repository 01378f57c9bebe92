/** The lead-change banner's words: "LEAD CHANGE · GEORGIA · Biden overtakes Trump · leads by 917". Pure. */
import { leadChangeDetail, type LeadChange, type RaceView } from '../../../../shared/index.js';

export interface AlertModel {
  label: string;
  jurisdiction: string;
  /** "Biden overtakes Trump · leads by 917" */
  detail: string;
}

/** The alert follows the race live like every layer on air, in the words the as-run reads (`leadChangeDetail`). */
export function alertModel(lc: LeadChange, race: RaceView): AlertModel {
  return { label: 'LEAD CHANGE', jurisdiction: race.jurisdiction.toUpperCase(), detail: leadChangeDetail(lc, race) };
}

export const alertText = (m: AlertModel): string => `${m.label}\n${m.jurisdiction} · ${m.detail}`;
