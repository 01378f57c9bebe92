/**
 * v2: the balance of power, `{ "type": "balance", "title"?, "target", "raceIds": [...] | "all", "base"? }`:
 * electoral votes (or seats) won by party from called races, plus `base`, toward `target`.
 */
import { z } from 'zod';
import { Slug } from '../../schema/ids.js';
import { races } from '../describe.js';
import { defineGraphic, NO_REFS, raceRefs } from '../kind.js';
import { PartyKey } from './party.js';

export const BalanceGraphic = z.strictObject({
  type: z.literal('balance'),
  title: z.string().trim().min(1).max(60).optional(),
  target: z.number().int('must be a whole number').min(1).max(100_000),
  raceIds: z.union([z.array(Slug).min(1).max(500), z.literal('all')]),
  base: z.record(PartyKey, z.number().int('must be a whole number').min(0).max(100_000)).optional(),
});
export type BalanceGraphic = z.infer<typeof BalanceGraphic>;

const canonicalBase = (base: BalanceGraphic['base']): string =>
  Object.entries(base ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([p, n]) => `${p}=${n}`)
    .join(',');

export const balance = defineGraphic({
  schema: BalanceGraphic,
  layers: ['fullscreen', 'lowerThird'],
  // "all" names no race in particular: every race the server has counts, whenever it was defined.
  refs: (g) => (g.raceIds === 'all' ? NO_REFS : raceRefs(g.raceIds)),
  identity: (g) => `${g.target}|${g.raceIds === 'all' ? '*' : g.raceIds.join(',')}|${canonicalBase(g.base)}|${g.title ?? ''}`,
  describe: (g) => `${g.title ?? 'Balance'} · toward ${g.target} · ${g.raceIds === 'all' ? 'all races' : races(g.raceIds.length)}`,
});

export * from './party.js';
export * from './tally.js';
