/** Draws balance contents, full screen or as a lower third. */
import type { Maker } from '../kind.js';
import { Balance } from './Balance.js';
import type { BalanceContent } from './content.js';

export const makeBalance: Maker<BalanceContent> = (deps, c) => {
  const comp = Balance.make(deps, c);
  return { comp, update: (n) => comp.update(n) };
};
