/** Draws ticker contents. */
import type { Maker } from '../kind.js';
import type { TickerContent } from './content.js';
import { TickerBand } from './TickerBand.js';

export const makeTicker: Maker<TickerContent> = (deps, c) => {
  const comp = new TickerBand(deps, c.races, c);
  return { comp, update: (n) => comp.update(n.races, n) };
};
