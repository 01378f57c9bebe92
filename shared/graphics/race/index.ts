/** The race lower third: `{ "type": "race", "raceId" }`. */
import { z } from 'zod';
import { Slug } from '../../schema/ids.js';
import { raceNamed } from '../describe.js';
import { defineGraphic, raceRefs } from '../kind.js';

export const RaceGraphic = z.strictObject({ type: z.literal('race'), raceId: Slug });
export type RaceGraphic = z.infer<typeof RaceGraphic>;

export const race = defineGraphic({
  schema: RaceGraphic,
  layers: ['lowerThird'],
  refs: (g) => raceRefs([g.raceId]),
  identity: (g) => g.raceId,
  describe: (g, lookup) => raceNamed(g.raceId, lookup),
});
