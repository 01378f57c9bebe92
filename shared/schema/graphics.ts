/**
 * Channels, layers and the commands that switch them. The graphics themselves are kinds collected by
 * `shared/graphics/registry.ts`; their names are re-exported here so the rest of the code reads them as before.
 */
import { z } from 'zod';
import { Graphic, LAYER_GRAPHIC, LAYER_RULE } from '../graphics/registry.js';
import { LayerName } from '../graphics/layers.js';
import { RundownRuns } from './rundown.js';

export { LayerName } from '../graphics/layers.js';
export { Graphic, GRAPHIC_KINDS, LAYER_GRAPHIC, describeGraphic, graphicIdentity, kindOf, refsOf } from '../graphics/registry.js';
export type { GraphicOf, GraphicType } from '../graphics/registry.js';
export type { GraphicKind, GraphicLookup, GraphicRefs } from '../graphics/kind.js';
export { RaceGraphic } from '../graphics/race/index.js';
export { LeadChangeGraphic } from '../graphics/leadChange/index.js';
export { TickerGraphic } from '../graphics/ticker/index.js';
export { CallGraphic } from '../graphics/call/index.js';
export { BoardGraphic } from '../graphics/board/index.js';
export { KeyRacesGraphic, KEY_RACES_MAX } from '../graphics/keyRaces/index.js';
export { BalanceGraphic, MAX_PARTIES, OTHERS_PARTY, PartyKey, partyCode, partyName, tallyBalance } from '../graphics/balance/index.js';
export type { BalanceParty, BalanceTally } from '../graphics/balance/index.js';
export { TICKER_DWELL_SECONDS } from '../graphics/ticker/index.js';

export const Channel = z.enum(['program', 'preview']);
export type Channel = z.infer<typeof Channel>;

/** One graphic or null per layer. v2 added `fullscreen`: a state stored before it reads with the layer empty. */
export const Layers = z.object({
  fullscreen: Graphic.nullable().default(null),
  ticker: Graphic.nullable(),
  lowerThird: Graphic.nullable(),
  alert: Graphic.nullable(),
});
export type Layers = z.infer<typeof Layers>;

export const GraphicsState = z.object({
  program: Layers,
  preview: Layers,
  revision: z.number(),
  /** v2: each channel's rundown run (`shared/schema/rundown.ts`); absent: none anywhere. */
  runs: RundownRuns.optional(),
});
export type GraphicsState = z.infer<typeof GraphicsState>;

const layerGraphic = z
  .strictObject({ layer: LayerName, graphic: Graphic })
  .refine((c) => LAYER_GRAPHIC[c.layer].includes(c.graphic.type), {
    message: `this graphic type does not go on this layer (${LAYER_RULE})`,
    path: ['graphic', 'type'],
  });

export const CueCommand = layerGraphic;
export type CueCommand = z.infer<typeof CueCommand>;
export const AirCommand = layerGraphic;
export type AirCommand = z.infer<typeof AirCommand>;
export const TakeCommand = z.strictObject({ layer: LayerName });
export type TakeCommand = z.infer<typeof TakeCommand>;
export const ClearCommand = z.strictObject({ layer: LayerName, channel: Channel.default('program') });
export type ClearCommand = z.infer<typeof ClearCommand>;
/** Body of `POST /api/graphics/ticker/pause` · `resume` (optional): which channel's ticker; default program. */
export const TickerHoldCommand = z.strictObject({ channel: Channel.default('program') });
export type TickerHoldCommand = z.infer<typeof TickerHoldCommand>;
