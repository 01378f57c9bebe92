/**
 * The results band: `{ "type": "ticker", "raceIds", "dwellSeconds"? }`, one race line at a time, each for its dwell.
 * `paused` is how the band is held: `POST /api/graphics/ticker/pause` sets it on the channel's ticker and `resume`
 * clears it, so every overlay learns it from the `graphics` push it already follows and holds the line it shows.
 */
import { z } from 'zod';
import { Slug } from '../../schema/ids.js';
import { races } from '../describe.js';
import { defineGraphic, raceRefs } from '../kind.js';

/** How long each line stands when the graphic does not say. */
export const TICKER_DWELL_SECONDS = 6;

export const TickerGraphic = z.strictObject({
  type: z.literal('ticker'),
  raceIds: z.array(Slug).min(1).max(50),
  dwellSeconds: z.number().min(2).max(120).optional(),
  /** Held where it stands (set by pause, cleared by resume; a ticker cued or aired with it starts held). */
  paused: z.boolean().optional(),
});
export type TickerGraphic = z.infer<typeof TickerGraphic>;

export const ticker = defineGraphic({
  schema: TickerGraphic,
  layers: ['ticker'],
  refs: (g) => raceRefs(g.raceIds),
  // Held or running, it is the same band.
  identity: (g) => `${g.raceIds.join(',')}${g.dwellSeconds === undefined ? '' : `|${g.dwellSeconds}`}`,
  describe: (g) =>
    `Ticker: ${races(g.raceIds.length)}${g.dwellSeconds === undefined ? '' : ` · ${g.dwellSeconds} s each`}${g.paused ? ' · held' : ''}`,
});
