/** v2: a full-screen grid of 2 to 8 races: `{ "type": "keyRaces", "raceIds", "title"? }`. */
import { z } from 'zod';
import { Slug } from '../../schema/ids.js';
import { races } from '../describe.js';
import { defineGraphic, raceRefs } from '../kind.js';

export const KEY_RACES_MAX = 8;

export const KeyRacesGraphic = z.strictObject({
  type: z.literal('keyRaces'),
  raceIds: z.array(Slug).min(2).max(KEY_RACES_MAX),
  title: z.string().trim().min(1).max(60).optional(),
});
export type KeyRacesGraphic = z.infer<typeof KeyRacesGraphic>;

export const keyRaces = defineGraphic({
  schema: KeyRacesGraphic,
  layers: ['fullscreen'],
  refs: (g) => raceRefs(g.raceIds),
  identity: (g) => `${g.raceIds.join(',')}|${g.title ?? ''}`,
  describe: (g, lookup) => {
    const places = g.raceIds.map((id) => lookup.race(id)?.jurisdiction ?? id).join(', ');
    return `Key races${g.title ? `: ${g.title}` : ''} · ${races(g.raceIds.length)} (${places})`;
  },
});
