/** Words the kinds' descriptions share; numbers and names phrased by `shared/format.ts`, as on air. */
import { surname } from '../format.js';
import type { RaceView } from '../schema/race.js';
import type { GraphicLookup } from './kind.js';

export const raceName = (v: Pick<RaceView, 'jurisdiction' | 'title'>): string => `${v.jurisdiction} ${v.title}`;

/** "Georgia President", or the id while the race is not known. */
export const raceNamed = (id: string, lookup: GraphicLookup): string => {
  const v = lookup.race(id);
  return v ? raceName(v) : id;
};

/** A candidate's surname, or the id when the race does not define it; "—" for none. */
export function candidateName(view: RaceView | undefined, id: string | null): string {
  if (!id) return '—';
  const c = view?.candidates.find((x) => x.id === id);
  return c ? surname(c.name) : id;
}

/** "1 race", "3 races". */
export const races = (n: number): string => `${n} race${n === 1 ? '' : 's'}`;
