/** Key races on air: what it draws (pure). */
import type { GraphicOf, RaceView } from '../../../../shared/index.js';
import { defineContent } from '../kind.js';
import { keyRacesModel, keyRacesText } from './model.js';

export interface KeyRacesContent {
  kind: 'keyRaces';
  key: string;
  races: RaceView[];
  title: string | undefined;
}

export const keyRacesKind = defineContent<GraphicOf<'keyRaces'>, KeyRacesContent>({
  // Every race of the grid, or nothing yet: a grid is never drawn with holes.
  resolve: (g, s) => {
    const races = g.raceIds.map((id) => s.races[id]);
    if (races.some((r) => r === undefined)) return null;
    return { kind: 'keyRaces', key: `keyRaces:${g.raceIds.join(',')}|${g.title ?? ''}`, races: races as RaceView[], title: g.title };
  },
  races: (c) => c.races,
  text: (c) => keyRacesText(keyRacesModel(c.races, c.title)),
});
