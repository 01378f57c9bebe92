/** Draws call contents. */
import type { Maker } from '../kind.js';
import type { CallContent } from './content.js';
import { CallBanner } from './CallBanner.js';

export const makeCall: Maker<CallContent> = (deps, c) => {
  const comp = new CallBanner(deps, c.race);
  return { comp, update: (n) => comp.update(n.race) };
};
