/** The results band on air: what it draws (pure). */
import type { GraphicOf, RaceView } from '../../../../shared/index.js';
import { defineContent } from '../kind.js';
import { tickerItemModel, tickerText } from './model.js';

export interface TickerContent {
  kind: 'ticker';
  /** One key for every ticker: a new list of races updates the band in place. */
  key: 'ticker';
  /** The races that have arrived, in the graphic's order. */
  races: RaceView[];
  /** Seconds per line (the band's default when absent). */
  dwellSeconds?: number | undefined;
  /** Held on the line it shows (pause), until resumed. */
  paused?: boolean | undefined;
}

export const tickerKind = defineContent<GraphicOf<'ticker'>, TickerContent>({
  resolve: (g, s) => {
    const races = g.raceIds.map((id) => s.races[id]).filter((r): r is RaceView => r !== undefined);
    return races.length > 0 ? { kind: 'ticker', key: 'ticker', races, dwellSeconds: g.dwellSeconds, paused: g.paused } : null;
  },
  races: (c) => c.races,
  text: (c) => tickerText(c.races[0] && tickerItemModel(c.races[0])),
});
