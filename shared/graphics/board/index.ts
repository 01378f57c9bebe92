/** v2: the full-screen board of one race: `{ "type": "board", "raceId" }`. */
import { z } from 'zod';
import { Slug } from '../../schema/ids.js';
import { raceNamed } from '../describe.js';
import { defineGraphic, raceRefs } from '../kind.js';

export const BoardGraphic = z.strictObject({ type: z.literal('board'), raceId: Slug });
export type BoardGraphic = z.infer<typeof BoardGraphic>;

export const board = defineGraphic({
  schema: BoardGraphic,
  layers: ['fullscreen'],
  refs: (g) => raceRefs([g.raceId]),
  identity: (g) => g.raceId,
  describe: (g, lookup) => `Board: ${raceNamed(g.raceId, lookup)}`,
});
