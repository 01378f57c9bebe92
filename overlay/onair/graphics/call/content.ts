/** The projected-winner banner on air: what it draws (pure). */
import type { GraphicOf, RaceView } from '../../../../shared/index.js';
import { defineContent } from '../kind.js';
import { callBannerModel, callBannerText } from './model.js';

export interface CallContent {
  kind: 'call';
  key: string;
  race: RaceView;
}

export const callKind = defineContent<GraphicOf<'call'>, CallContent>({
  // A withdrawn call (race.call back to null) empties the layer: the banner never claims a winner the race lacks.
  resolve: (g, s) => {
    const race = s.races[g.raceId];
    return race?.call ? { kind: 'call', key: `call:${race.id}`, race } : null;
  },
  races: (c) => [c.race],
  text: (c) => {
    const m = callBannerModel(c.race);
    return m ? callBannerText(m) : '';
  },
});
