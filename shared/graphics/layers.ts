import { z } from 'zod';

/**
 * The layers of a channel, back to front: a full-screen graphic behind everything, the ticker band, the lower
 * third (which may stand over a full-screen graphic), alerts on top.
 */
export const LayerName = z.enum(['fullscreen', 'ticker', 'lowerThird', 'alert']);
export type LayerName = z.infer<typeof LayerName>;
