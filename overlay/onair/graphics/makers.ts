/** Every kind's component maker, by type: the scene's only way to build a graphic. */
import type { GraphicType } from '../../../shared/index.js';
import { makeBalance } from './balance/index.js';
import { makeBoard } from './board/index.js';
import { makeCall } from './call/index.js';
import type { Made, Maker } from './kind.js';
import { makeKeyRaces } from './keyRaces/index.js';
import { makeLeadChange } from './leadChange/index.js';
import type { GraphicDeps } from './parts/Graphic.js';
import { makeRace } from './race/index.js';
import type { ContentOf, LayerContent } from './registry.js';
import { makeTicker } from './ticker/index.js';

export const MAKERS = {
  race: makeRace,
  leadChange: makeLeadChange,
  ticker: makeTicker,
  call: makeCall,
  board: makeBoard,
  keyRaces: makeKeyRaces,
  balance: makeBalance,
} satisfies { [T in GraphicType]: Maker<ContentOf<T>> };

export const makeGraphic = (deps: GraphicDeps, c: LayerContent): Made<LayerContent> =>
  (MAKERS[c.kind] as unknown as Maker<LayerContent>)(deps, c);
