/** The full-screen board on air: what it draws (pure). */
import type { GraphicOf, RaceView } from '../../../../shared/index.js';
import { defineContent } from '../kind.js';
import { boardModel, boardText } from './model.js';

export interface BoardContent {
  kind: 'board';
  key: string;
  race: RaceView;
}

export const boardKind = defineContent<GraphicOf<'board'>, BoardContent>({
  resolve: (g, s) => {
    const race = s.races[g.raceId];
    return race ? { kind: 'board', key: `board:${race.id}`, race } : null;
  },
  races: (c) => [c.race],
  text: (c) => boardText(boardModel(c.race)),
});
