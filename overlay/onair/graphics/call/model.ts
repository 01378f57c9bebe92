/** The projected-winner banner: "PROJECTED WINNER · GEORGIA · Joe Biden". Pure. */
import type { RaceView } from '../../../../shared/index.js';

export interface CallBannerModel {
  /** "PROJECTED WINNER" (a measure: "PROJECTED RESULT"). */
  label: string;
  /** The jurisdiction; with the race title unless the race is the state's presidential one (it has electoral votes). */
  place: string;
  /** The winner's full name (a measure: "PASSES" / "FAILS"). */
  winner: string;
  party: string | null;
  tone: 'party' | 'yes' | 'no';
}

/**
 * The banner of a called race, or null when the race has no call (a withdrawn call leaves nothing to claim).
 * A jurisdiction alone names a race that awards electoral votes; any other race (Senate, a district, a measure)
 * needs its title as well.
 */
export function callBannerModel(race: RaceView): CallBannerModel | null {
  const call = race.call;
  if (!call) return null;
  const jurisdiction = race.jurisdiction.toUpperCase();
  const place = race.electoralVotes ? jurisdiction : `${jurisdiction} · ${race.title.toUpperCase()}`;
  if (race.kind === 'measure') {
    const passes = call.winner === 'yes';
    return { label: 'PROJECTED RESULT', place, winner: passes ? 'PASSES' : 'FAILS', party: null, tone: passes ? 'yes' : 'no' };
  }
  const c = race.candidates.find((x) => x.id === call.winner);
  return { label: 'PROJECTED WINNER', place, winner: c?.name ?? call.winner, party: c?.party ?? null, tone: 'party' };
}

/** Exactly the strings the banner draws, in reading order. */
export const callBannerText = (m: CallBannerModel): string => `${m.label} · ${m.place} · ${m.winner}`;
