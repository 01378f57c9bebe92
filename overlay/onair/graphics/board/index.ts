/** Draws board contents. */
import type { Maker } from '../kind.js';
import { Board } from './Board.js';
import type { BoardContent } from './content.js';

export const makeBoard: Maker<BoardContent> = (deps, c) => {
  const comp = new Board(deps, c.race);
  return { comp, update: (n) => comp.update(n.race) };
};
