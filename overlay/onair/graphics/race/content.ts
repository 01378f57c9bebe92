/** The race lower third on air: what it draws (pure). */
import type { GraphicOf, RaceView } from '../../../../shared/index.js';
import { defineContent } from '../kind.js';
import { lowerThirdModel, lowerThirdText } from './model.js';

export interface RaceContent {
  kind: 'race';
  key: string;
  race: RaceView;
}

/** A race's lower-third content (also what a CasparCG template's pinned race shows). */
export const raceContent = (race: RaceView): RaceContent => ({ kind: 'race', key: `race:${race.id}`, race });

export const raceKind = defineContent<GraphicOf<'race'>, RaceContent>({
  resolve: (g, s) => {
    const r = s.races[g.raceId];
    return r ? raceContent(r) : null;
  },
  races: (c) => [c.race],
  text: (c) => lowerThirdText(lowerThirdModel(c.race)),
});
