/** Draws race contents. */
import type { Maker } from '../kind.js';
import type { RaceContent } from './content.js';
import { LowerThird } from './LowerThird.js';

export const makeRace: Maker<RaceContent> = (deps, c) => {
  const comp = new LowerThird(deps, c.race);
  return { comp, update: (n) => comp.update(n.race) };
};
