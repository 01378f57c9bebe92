/** The balance of power on air: what it draws (pure). */
import { graphicIdentity, type BalanceGraphic, type GraphicOf, type RaceView } from '../../../../shared/index.js';
import { defineContent } from '../kind.js';
import { balanceModel, balanceText } from './model.js';

export interface BalanceContent {
  kind: 'balance';
  key: string;
  graphic: BalanceGraphic;
  /** The races it counts: every race the page knows for "all", else the listed ones. */
  races: RaceView[];
  /** Full screen, or the compact panel of the lower third. */
  layout: 'fullscreen' | 'lowerThird';
}

export const balanceKind = defineContent<GraphicOf<'balance'>, BalanceContent>({
  resolve: (g, s, layer) => {
    const races = g.raceIds === 'all' ? Object.values(s.races) : g.raceIds.map((id) => s.races[id]);
    if (races.some((r) => r === undefined)) return null;
    const layout = layer === 'lowerThird' ? 'lowerThird' : 'fullscreen';
    return { kind: 'balance', key: `balance:${layout}:${graphicIdentity(g)}`, graphic: g, races: races as RaceView[], layout };
  },
  races: (c) => c.races,
  text: (c) => balanceText(balanceModel(c.graphic, c.races), c.graphic.target),
});
