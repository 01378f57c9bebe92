/** One line of the results band per race: heading, the top two with their shares, the lead or count. Pure. */
import { formatPct, surname } from '../../../../shared/format.js';
import type { RaceView } from '../../../../shared/index.js';
import { countLine, leadLine, topCandidates } from '../../models/race.js';

export interface TickerItemModel {
  raceId: string;
  heading: string;
  candidates: { id: string; name: string; party: string | null; pct: string }[];
  tail: string | null;
}

export function tickerItemModel(race: RaceView): TickerItemModel {
  return {
    raceId: race.id,
    heading: `${race.jurisdiction} ${race.title}`,
    candidates: topCandidates(race).map((c) => ({ id: c.id, name: surname(c.name), party: c.party, pct: formatPct(c.pct) })),
    tail: race.status === 'called' ? leadLine(race) : countLine(race),
  };
}

export const tickerItemText = (m: TickerItemModel): string =>
  [m.heading, ...m.candidates.map((c) => `${c.name} ${c.pct}`), m.tail].filter(Boolean).join(' · ');

/** The band's label, drawn on its left. */
export const TICKER_LABEL = 'RESULTS';

/** What the band reads while it shows `m` (just its label while it has no line). */
export const tickerText = (m: TickerItemModel | undefined): string => (m ? `${TICKER_LABEL}\n${tickerItemText(m)}` : TICKER_LABEL);
