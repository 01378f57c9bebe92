/** Draws leadChange contents. */
import type { Maker } from '../kind.js';
import type { LeadChangeContent } from './content.js';
import { LeadChangeAlert } from './LeadChangeAlert.js';

export const makeLeadChange: Maker<LeadChangeContent> = (deps, c) => {
  const comp = new LeadChangeAlert(deps, c);
  return { comp, update: (n) => comp.update(n) };
};
