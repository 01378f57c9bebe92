import { z } from 'zod';
import { Slug } from './ids.js';

export const Channel = z.enum(['program', 'preview']);
export type Channel = z.infer<typeof Channel>;

export const LayerName = z.enum(['lowerThird', 'alert', 'ticker']);
export type LayerName = z.infer<typeof LayerName>;

export const RaceGraphic = z.strictObject({ type: z.literal('race'), raceId: Slug });
export const LeadChangeGraphic = z.strictObject({ type: z.literal('leadChange'), leadChangeId: z.string().min(1).max(100) });
export const TickerGraphic = z.strictObject({ type: z.literal('ticker'), raceIds: z.array(Slug).min(1).max(50) });
/** v2: the projected-winner banner of a called race. */
export const CallGraphic = z.strictObject({ type: z.literal('call'), raceId: Slug });
export const Graphic = z.discriminatedUnion('type', [RaceGraphic, LeadChangeGraphic, TickerGraphic, CallGraphic]);
export type Graphic = z.infer<typeof Graphic>;

/** Which graphic types each layer carries. */
export const LAYER_GRAPHIC: Record<LayerName, readonly Graphic['type'][]> = {
  lowerThird: ['race'],
  alert: ['leadChange', 'call'],
  ticker: ['ticker'],
};

export const Layers = z.object({
  lowerThird: Graphic.nullable(),
  alert: Graphic.nullable(),
  ticker: Graphic.nullable(),
});
export type Layers = z.infer<typeof Layers>;

export const GraphicsState = z.object({ program: Layers, preview: Layers, revision: z.number() });
export type GraphicsState = z.infer<typeof GraphicsState>;

const layerGraphic = z
  .strictObject({ layer: LayerName, graphic: Graphic })
  .refine((c) => LAYER_GRAPHIC[c.layer].includes(c.graphic.type), {
    message: 'this graphic type does not go on this layer (lowerThird: race, alert: leadChange or call, ticker: ticker)',
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
