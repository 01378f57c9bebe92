/** The lead-change alert: `{ "type": "leadChange", "leadChangeId" }`. */
import { z } from 'zod';
import { candidateName, raceName } from '../describe.js';
import { defineGraphic } from '../kind.js';

export const LeadChangeGraphic = z.strictObject({ type: z.literal('leadChange'), leadChangeId: z.string().min(1).max(100) });
export type LeadChangeGraphic = z.infer<typeof LeadChangeGraphic>;

export const leadChange = defineGraphic({
  schema: LeadChangeGraphic,
  layers: ['alert'],
  refs: (g) => ({ raceIds: [], leadChangeIds: [g.leadChangeId] }),
  identity: (g) => g.leadChangeId,
  describe: (g, lookup) => {
    const lc = lookup.leadChange(g.leadChangeId);
    const v = lc ? lookup.race(lc.raceId) : undefined;
    return lc && v ? `Lead change: ${raceName(v)} → ${candidateName(v, lc.to)}` : `Lead change ${g.leadChangeId}`;
  },
});
