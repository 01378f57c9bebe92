/**
 * The full-screen board of one race: every candidate leader first (more than eight: the top seven and "N others"),
 * each with votes, share and a bar; the header's tags (electoral votes, vote for N, recount range, runoff, called);
 * who leads or won; what is still out, what the runner-up needs and how much has reported. The leader of a race
 * still counting is marked "▲ LEADS" and a called winner carries the check, so nothing is said by colour alone. Pure.
 */
import type { RaceView } from '../../../../shared/index.js';
import { lowerThirdModel, lowerThirdText, type LowerThirdModel } from '../race/model.js';

export const BOARD_MAX_ROWS = 8;

export type BoardModel = LowerThirdModel;

export function boardModel(race: RaceView): BoardModel {
  const m = lowerThirdModel(race, BOARD_MAX_ROWS);
  const leads = race.kind === 'candidate' && race.seats <= 1 && race.status === 'leading' && race.advancing.length === 0;
  return { ...m, rows: m.rows.map((r) => (leads && r.id === race.leader && r.mark === null ? { ...r, mark: 'leading' } : r)) };
}

/** Exactly the strings the board draws, in reading order (the lower third's order). */
export const boardText = (m: BoardModel): string => lowerThirdText(m);
