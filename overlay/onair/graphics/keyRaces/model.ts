/**
 * Key races: a grid of 2 to 8 races, each cell with its place, who leads (or won) and by how much, and how much
 * has reported. A called race carries "✓ CALLED", a leader "▲ LEADS": never colour alone. Pure.
 */
import { formatExpectedVote, formatMargin, formatPoints, formatVotes, phraseReporting } from '../../../../shared/format.js';
import { measureShareLine } from '../../../../shared/domain/onAirSummaries.js';
import type { RaceView } from '../../../../shared/index.js';
import { nameOf } from '../../models/race.js';

export type CellMark = 'called' | 'leading' | 'tied' | 'awaiting';

export const CELL_MARK_TEXT: Readonly<Record<CellMark, string>> = {
  called: '✓ CALLED',
  leading: '▲ LEADS',
  tied: '= TIED',
  awaiting: 'AWAITING',
};

export interface CellModel {
  raceId: string;
  place: string;
  title: string;
  /** "16 EV", or null. */
  ev: string | null;
  mark: CellMark;
  /** The leader or winner (a measure: PASSING / FAILING, PASSES / FAILS); null while awaiting or tied. */
  name: string | null;
  party: string | null;
  tone: 'party' | 'yes' | 'no';
  /** "+917 · 0.02 pts", "Tied at 1,000", "Awaiting results", a measure's "YES 60.8% · needs 60%". */
  line: string;
  /** "99% of precincts reporting", else the expected vote in; null when the source says neither. */
  count: string | null;
}

export interface KeyRacesModel {
  heading: string;
  cells: CellModel[];
}

function measureCell(race: RaceView, base: Omit<CellModel, 'mark' | 'name' | 'party' | 'tone' | 'line'>): CellModel {
  const m = race.measure!;
  const called = race.status === 'called' && race.call ? race.call.winner === 'yes' : null;
  const passes = called ?? m.passing;
  const awaiting = race.totalVotes === 0;
  return {
    ...base,
    mark: called !== null ? 'called' : awaiting ? 'awaiting' : 'leading',
    name: awaiting && called === null ? null : called !== null ? (passes ? 'PASSES' : 'FAILS') : passes ? 'PASSING' : 'FAILING',
    party: null,
    tone: passes ? 'yes' : 'no',
    line: awaiting ? 'Awaiting results' : measureShareLine(m),
  };
}

export function cellModel(race: RaceView): CellModel {
  const count = race.reporting ? phraseReporting(race.reporting) : race.expectedVotePct !== null ? formatExpectedVote(race.expectedVotePct) : null;
  const base = {
    raceId: race.id,
    place: race.jurisdiction.toUpperCase(),
    title: race.title,
    ev: race.electoralVotes ? `${race.electoralVotes} EV` : null,
    count,
  };
  if (race.kind === 'measure' && race.measure) return measureCell(race, base);
  const margin = `${formatMargin(race.margin)} · ${formatPoints(race.marginPct)}`;
  if (race.status === 'called' && race.call) {
    const c = race.candidates.find((x) => x.id === race.call!.winner);
    return { ...base, mark: 'called', name: nameOf(race, race.call.winner) ?? race.call.winner, party: c?.party ?? null, tone: 'party', line: race.leader === race.call.winner ? margin : 'Called' };
  }
  if (race.status === 'awaiting' || race.totalVotes === 0) {
    return { ...base, mark: 'awaiting', name: null, party: null, tone: 'party', line: 'Awaiting results' };
  }
  const leader = race.candidates.find((x) => x.id === race.leader);
  if (race.status === 'tied' || !leader) {
    const top = Math.max(0, ...race.candidates.map((c) => c.votes));
    return { ...base, mark: 'tied', name: null, party: null, tone: 'party', line: `Tied at ${formatVotes(top)}` };
  }
  return { ...base, mark: 'leading', name: nameOf(race, leader.id), party: leader.party, tone: 'party', line: margin };
}

export const keyRacesModel = (races: readonly RaceView[], title: string | undefined): KeyRacesModel => ({
  heading: (title ?? 'Key races').toUpperCase(),
  cells: races.map(cellModel),
});

/** A cell as read: place and title, mark and name, the margin line, the count. */
export const cellText = (c: CellModel): string =>
  [`${c.place} ${c.title}${c.ev ? ` · ${c.ev}` : ''}`, [CELL_MARK_TEXT[c.mark], c.name].filter(Boolean).join(' '), c.line, c.count]
    .filter((x): x is string => Boolean(x))
    .join('\n');

/** Exactly the strings the grid draws, in reading order (left to right, top to bottom). */
export const keyRacesText = (m: KeyRacesModel): string => [m.heading, ...m.cells.map(cellText)].join('\n');

/** Columns of the grid for `n` cells: 2 or 3 side by side, 4 as 2 × 2, then three or four columns of two rows. */
export const gridColumns = (n: number): number => (n <= 3 ? n : n === 4 ? 2 : n <= 6 ? 3 : 4);
