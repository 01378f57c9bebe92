/** v2: the projected-winner banner of a called race: `{ "type": "call", "raceId" }`. */
import { z } from 'zod';
import { Slug } from '../../schema/ids.js';
import { candidateName, raceName } from '../describe.js';
import { defineGraphic, raceRefs } from '../kind.js';

export const CallGraphic = z.strictObject({ type: z.literal('call'), raceId: Slug });
export type CallGraphic = z.infer<typeof CallGraphic>;

export const call = defineGraphic({
  schema: CallGraphic,
  layers: ['alert'],
  refs: (g) => raceRefs([g.raceId]),
  identity: (g) => g.raceId,
  describe: (g, lookup) => {
    const v = lookup.race(g.raceId);
    const winner = v?.call ? candidateName(v, v.call.winner) : null;
    return v ? `Projected winner: ${raceName(v)}${winner ? ` · ${winner}` : ''}` : `Projected winner ${g.raceId}`;
  },
});
