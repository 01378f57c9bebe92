/**
 * The text of the graphics that sum up several races: the key-races grid and the balance of power. Pure. Words
 * and reading order follow the overlay page's own models (overlay/onair/graphics/keyRaces and balance), so the
 * as-run reads each version of these graphics as the screen did.
 */
import { formatExpectedVote, formatMargin, formatPassPct, formatPoints, formatShareBeside, formatVotes, phraseReporting, surname } from '../format.js';
import { partyName } from '../graphics/balance/party.js';
import { tallyBalance } from '../graphics/balance/tally.js';
import type { BalanceGraphic } from '../graphics/balance/index.js';
import type { RaceView } from '../schema/race.js';

/** The surname a graphic uses for a candidate id, or null when the race does not define it. */
export const nameOf = (race: RaceView, id: string | null | undefined): string | null => {
  const c = race.candidates.find((x) => x.id === id);
  return c ? surname(c.name) : null;
};

/** A measure's yes share against its pass mark, never rounded across it: "YES 59.96% · needs 60%". */
export const measureShareLine = (m: { yesPct: number; passPct: number }): string =>
  `YES ${formatShareBeside(m.yesPct, m.passPct)} · needs ${formatPassPct(m.passPct)}`;

/** A measure's cell: the mark and PASSING / FAILING (PASSES / FAILS once called), YES against the pass mark. */
function measureCell(race: RaceView): [mark: string, line: string] {
  const m = race.measure!;
  const called = race.status === 'called' && race.call ? race.call.winner === 'yes' : null;
  const passes = called ?? m.passing;
  if (race.totalVotes === 0 && called === null) return ['AWAITING', 'Awaiting results'];
  const word = called !== null ? (passes ? 'PASSES' : 'FAILS') : passes ? 'PASSING' : 'FAILING';
  const line = race.totalVotes === 0 ? 'Awaiting results' : measureShareLine(m);
  return [`${called !== null ? '✓ CALLED' : '▲ LEADS'} ${word}`, line];
}

/** A candidate race's cell: who won or leads (or a tie, or nothing yet) and the margin line. */
function candidateCell(race: RaceView): [mark: string, line: string] {
  const margin = `${formatMargin(race.margin)} · ${formatPoints(race.marginPct)}`;
  if (race.status === 'called' && race.call) {
    return [`✓ CALLED ${nameOf(race, race.call.winner) ?? race.call.winner}`, race.leader === race.call.winner ? margin : 'Called'];
  }
  if (race.status === 'awaiting' || race.totalVotes === 0) return ['AWAITING', 'Awaiting results'];
  const leader = nameOf(race, race.leader);
  if (race.status === 'tied' || !leader) return ['= TIED', `Tied at ${formatVotes(Math.max(0, ...race.candidates.map((c) => c.votes)))}`];
  return [`▲ LEADS ${leader}`, margin];
}

/** One cell of the grid: place, title and electoral votes; mark and name; the margin line; how much has reported. */
export function keyRaceCellText(race: RaceView): string {
  const count = race.reporting ? phraseReporting(race.reporting) : race.expectedVotePct !== null ? formatExpectedVote(race.expectedVotePct) : null;
  const [mark, line] = race.kind === 'measure' && race.measure ? measureCell(race) : candidateCell(race);
  const place = `${race.jurisdiction.toUpperCase()} ${race.title}${race.electoralVotes ? ` · ${race.electoralVotes} EV` : ''}`;
  return [place, mark, line, count].filter((x): x is string => Boolean(x)).join('\n');
}

/** The key-races grid: its heading, then each cell in the order asked (left to right, top to bottom). */
export const keyRacesText = (races: readonly RaceView[], title: string | undefined): string =>
  [(title ?? 'Key races').toUpperCase(), ...races.map(keyRaceCellText)].join('\n');

const unitWords = (unit: 'electoralVotes' | 'seats', n: number): string =>
  unit === 'electoralVotes' ? `electoral ${n === 1 ? 'vote' : 'votes'}` : n === 1 ? 'seat' : 'seats';

/**
 * The balance of power: heading and target, each party's total (with "✓ REACHES 270" at the target), what is not
 * yet called, and the base already decided. The totals are `tallyBalance`'s, as on the page.
 */
export function balanceText(g: Pick<BalanceGraphic, 'title' | 'target' | 'base'>, races: readonly RaceView[]): string {
  const t = tallyBalance(g, races);
  const heading = (g.title ?? (t.unit === 'electoralVotes' ? 'Electoral votes' : 'Balance of power')).toUpperCase();
  const rows = t.parties.map((p) => [partyName(p.party), formatVotes(p.total), p.reached ? `✓ REACHES ${formatVotes(g.target)}` : null].filter(Boolean).join(' '));
  const uncalled = t.uncalled > 0 ? `${formatVotes(t.uncalled)} ${unitWords(t.unit, t.uncalled)} not yet called` : 'Every race called';
  const footer = t.races === 0 ? 'No races counted yet' : `${uncalled} · ${t.called} of ${t.races} races called`;
  const base = Object.entries(g.base ?? {}).filter(([, n]) => n > 0);
  const baseLine = base.length > 0 ? `Already decided: ${base.map(([p, n]) => `${partyName(p.toUpperCase())} ${formatVotes(n)}`).join(' · ')}` : null;
  return [`${heading} · ${formatVotes(t.target)} TO WIN`, ...rows, footer, baseLine].filter((x): x is string => Boolean(x)).join('\n');
}
