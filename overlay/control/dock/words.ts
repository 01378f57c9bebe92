/**
 * The dock's words, from the panel's own modules wherever they exist (actions.ts, describe.ts, calls.ts, asrun.ts):
 * the dock names a layer, a graphic, an alert and a call exactly as the full panel does.
 */
import type { Alert, LayerName } from '../../../shared/index.js';
import { candidateName, describeLeadChange, raceName } from '../describe.js';
import { fullName } from '../calls.js';
import type { ControlState } from '../state.js';

/**
 * The accessible names of the panel's TAKE and CLEAR buttons (`render/airbar.ts`), so a name a producer or a test
 * relies on is the same in the dock. The panel has no alert TAKE (alerts air from the queue); the dock's follows
 * the others' pattern.
 */
export const TAKE_NAME: Record<LayerName, string> = {
  fullscreen: 'Full-screen take to program',
  ticker: 'Ticker take to program',
  lowerThird: 'Take lower third to program',
  alert: 'Alert take to program',
};
export const CLEAR_NAME: Record<LayerName, string> = {
  fullscreen: 'Clear full screen (program)',
  ticker: 'Clear ticker (program)',
  lowerThird: 'Clear lower third (program)',
  alert: 'Clear alert (program)',
};

/** The keys the panel's shortcuts give these layers' buttons (`keyboard.ts`). */
export const TAKE_KEY: Partial<Record<LayerName, string>> = { lowerThird: 'T', fullscreen: 'F' };
export const CLEAR_KEY: Partial<Record<LayerName, string>> = { lowerThird: 'L', alert: 'A' };

/** "Georgia President lead change to Biden" / "… projected winner Joe Biden": the panel's name for an alert. */
export function alertName(a: Alert, state: ControlState): string {
  const v = state.races.get(a.raceId)?.view;
  const race = v ? raceName(v) : a.raceId;
  if (a.kind === 'call') return `${race} projected winner ${v?.candidates.find((c) => c.id === a.winner)?.name ?? a.winner}`;
  const lc = state.leadChanges.get(a.leadChangeId);
  return lc ? `${race} lead change to ${candidateName(v, lc.to)}` : `${race} lead change`;
}

/** "Biden takes the lead from Trump · +917 (0.02 pts)" / "Projected winner: Joe Biden (DEM)". */
export function alertWhat(a: Alert, state: ControlState): string {
  if (a.kind === 'call') return `Projected winner: ${fullName(state.races.get(a.raceId)?.view, a.winner)}`;
  const lc = state.leadChanges.get(a.leadChangeId);
  return lc ? describeLeadChange(lc, state.races.get(a.raceId)?.view) : 'lead change';
}
