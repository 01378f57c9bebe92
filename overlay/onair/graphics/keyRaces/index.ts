/** Draws key-races contents. */
import type { Maker } from '../kind.js';
import type { KeyRacesContent } from './content.js';
import { KeyRaces } from './KeyRaces.js';

export const makeKeyRaces: Maker<KeyRacesContent> = (deps, c) => {
  const comp = new KeyRaces(deps, c);
  return { comp, update: (n) => comp.update(n) };
};
