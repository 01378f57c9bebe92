/**
 * The text each program graphic draws, from the race views and lead changes it shows: what the as-run records
 * for every version of a graphic's numbers. Pure. The words follow the overlay page's own mirror text (its
 * `#on-air` entries) line for line, so an as-run reads as the screen did; see the README's "As-run and audit"
 * for the one place they differ (the ticker).
 */
import {
  formatExpectedVote,
  formatOutstanding,
  formatPct,
  formatPoints,
  formatRowShare,
  formatVotes,
  phraseList,
  phraseNeeds,
  phraseOthers,
  phrasePassMark,
  phraseReporting,
  surname,
} from '../format.js';
import type { Graphic } from '../schema/graphics.js';
import type { CandidateView, LeadChange, RaceView } from '../schema/race.js';
import { balanceText, keyRacesText, nameOf } from './onAirSummaries.js';

export { balanceText, keyRaceCellText, keyRacesText } from './onAirSummaries.js';

const MAX_ROWS = 4;
const BOARD_MAX_ROWS = 8;

function top(race: RaceView, n = 2): CandidateView[] {
  const indexed = race.candidates.map((c, i) => ({ c, i }));
  if (race.totalVotes > 0) indexed.sort((a, b) => b.c.votes - a.c.votes || a.i - b.i);
  return indexed.slice(0, n).map((x) => x.c);
}

const names = (race: RaceView, ids: readonly string[]) => phraseList(ids.map((id) => nameOf(race, id) ?? id));

function leadLine(race: RaceView): string {
  if (race.status === 'called' && race.call) return `${nameOf(race, race.call.winner) ?? race.call.winner} wins`;
  if (race.status === 'awaiting' || race.totalVotes === 0) return 'Awaiting results';
  const leader = nameOf(race, race.leader);
  if (race.status === 'tied' || !leader) return 'Tied';
  return `${leader} leads by ${formatVotes(race.margin)} · ${formatPoints(race.marginPct)}`;
}

function countLine(race: RaceView): string | null {
  if (race.outstanding) return formatOutstanding(race.outstanding);
  if (race.expectedVotePct !== null) return formatExpectedVote(race.expectedVotePct);
  return null;
}

/** The ids tied at the cut-off of a vote-for-N race: the winning set runs over the seats only when they tie. */
export function tiedAtCutOff(race: RaceView): Set<string> {
  if (race.winning.length <= race.seats) return new Set();
  const votes = new Map(race.candidates.map((c) => [c.id, c.votes]));
  const cut = Math.min(...race.winning.map((id) => votes.get(id) ?? 0));
  return new Set(race.winning.filter((id) => votes.get(id) === cut));
}

function mark(race: RaceView, id: string, tied: Set<string>): string | null {
  if (race.advancing.length > 0) return race.advancing.includes(id) ? '→ RUNOFF' : null;
  if (race.kind !== 'candidate' || race.seats <= 1) return null;
  if (tied.has(id)) return '= TIED';
  return race.winning.includes(id) ? '✓ WINNING' : null;
}

/** A one-seat candidate race still counting: the board marks its leader "▲ LEADS" (the lower third does not). */
const marksLeader = (race: RaceView): boolean =>
  race.kind === 'candidate' && race.seats <= 1 && race.status === 'leading' && race.advancing.length === 0;

function rowLines(race: RaceView, maxRows: number, leads: boolean): string[] {
  const measure = race.kind === 'measure';
  const tied = tiedAtCutOff(race);
  const yes = race.candidates.find((c) => c.id === 'yes');
  const no = race.candidates.find((c) => c.id === 'no');
  const all = measure ? (yes && no ? [yes, no] : race.candidates.slice(0, 2)) : top(race, race.candidates.length);
  const shown = all.length > maxRows ? all.slice(0, maxRows - 1) : all;
  const row = (name: string, m: string | null, votes: number, pct: string) => [name, m, formatVotes(votes), pct].filter(Boolean).join(' ');
  const markOf = (id: string) => mark(race, id, tied) ?? (leads && id === race.leader ? '▲ LEADS' : null);
  const share = (c: CandidateView) => formatRowShare(c.pct, measure && c.id === 'yes' ? race.measure?.passPct : undefined);
  const out = shown.map((c) => row(measure ? c.name.toUpperCase() : c.name, markOf(c.id), c.votes, share(c)));
  const rest = all.slice(shown.length);
  if (rest.length > 0) {
    out.push(row(phraseOthers(rest.length), null, rest.reduce((s, c) => s + c.votes, 0), formatPct(rest.reduce((s, c) => s + c.pct, 0))));
  }
  return out;
}

function tags(race: RaceView): string[] {
  const out: string[] = [];
  if (race.electoralVotes) out.push(`${race.electoralVotes} electoral ${race.electoralVotes === 1 ? 'vote' : 'votes'}`);
  if (race.kind === 'candidate' && race.seats > 1) out.push(`VOTE FOR ${race.seats}`);
  if (race.inRecountRange) out.push('RECOUNT RANGE');
  if (race.advancing.length > 0) out.push('RUNOFF');
  else if (race.runoffLikely && race.status !== 'called') out.push('RUNOFF LIKELY');
  if (race.status === 'called' && race.call) out.push('CALLED');
  return out;
}

function measureLine(race: RaceView): string | null {
  if (!race.measure) return null;
  const called = race.status === 'called' ? (race.call?.winner ?? null) : null;
  const status =
    called !== null ? (called === 'yes' ? 'PASSES' : 'FAILS') : race.totalVotes === 0 ? 'AWAITING RESULTS' : race.measure.passing ? 'PASSING' : 'FAILING';
  return `${phrasePassMark(race.measure.passPct).toUpperCase()} · ${status}`;
}

/** Who is winning a vote-for-N race (and who is tied for the last seats); before that, the lead line. */
export function winningLine(race: RaceView): string {
  if (race.status === 'called' || race.totalVotes === 0 || race.winning.length === 0) return leadLine(race);
  const tied = tiedAtCutOff(race);
  if (tied.size === 0) return `${names(race, race.winning)} winning`;
  const settled = race.winning.filter((id) => !tied.has(id));
  const open = race.seats - settled.length;
  const tie = `${names(race, [...tied])} tied for ${open === 1 ? 'the last seat' : `the last ${open} seats`}`;
  return settled.length > 0 ? `${names(race, settled)} winning · ${tie}` : tie;
}

function mainLine(race: RaceView): string {
  const m = measureLine(race);
  if (m) return m;
  if (race.advancing.length > 0) return `Runoff: ${names(race, race.advancing)} ${race.advancing.length === 1 ? 'advances' : 'advance'}`;
  if (race.seats > 1) return winningLine(race);
  return leadLine(race);
}

/** What the runner-up of a one-seat candidate race needs of the remaining vote; null when not known or not meaningful. */
export function needsLine(race: RaceView): string | null {
  const n = race.needs;
  if (!n || race.kind !== 'candidate' || race.seats > 1 || race.status === 'called' || race.advancing.length > 0) return null;
  return `${nameOf(race, n.candidate) ?? n.candidate} ${phraseNeeds(n.pctOfRemaining)}`;
}

function raceText(race: RaceView, maxRows: number, leads: boolean): string {
  const header = [race.jurisdiction, race.title, ...tags(race)].join(' ');
  const rows = rowLines(race, maxRows, leads);
  return [header, ...rows, mainLine(race), countLine(race), needsLine(race), race.reporting ? phraseReporting(race.reporting) : null]
    .filter((x): x is string => Boolean(x))
    .join('\n');
}

/** The race lower third: header and tags, up to four rows leader first, the lead, count, needs and reporting lines. */
export const lowerThirdText = (race: RaceView): string => raceText(race, MAX_ROWS, false);

/**
 * The full-screen board: the lower third's lines with up to eight rows (more candidates: the top seven and
 * "N others"), the leader of a one-seat race still counting marked "▲ LEADS".
 */
export const boardText = (race: RaceView): string => raceText(race, BOARD_MAX_ROWS, marksLeader(race));

/**
 * The lead change's line, following the race: "Biden overtakes Trump · leads by 917" (today's margin) while the one
 * who took the lead still holds it, else "Biden overtook Trump by 917" (the margin then). Vote for N: holding it is
 * being in the winning set with the one who left it still out, by the gap between those two.
 */
export function leadChangeDetail(lc: LeadChange, race: RaceView): string {
  const to = nameOf(race, lc.to) ?? lc.to;
  const from = nameOf(race, lc.from) ?? lc.from;
  const lead = liveLead(lc, race);
  return lead !== null ? `${to} overtakes ${from} · leads by ${formatVotes(lead)}` : `${to} overtook ${from} by ${formatVotes(lc.margin)}`;
}

/** How far the one who took the lead is ahead now, or null once that lead is gone. */
function liveLead(lc: LeadChange, race: RaceView): number | null {
  if (!lc.toSet) return race.leader === lc.to ? race.margin : null;
  if (!race.winning.includes(lc.to) || race.winning.includes(lc.from)) return null;
  const votes = (id: string) => race.candidates.find((c) => c.id === id)?.votes ?? 0;
  return votes(lc.to) - votes(lc.from);
}

/** The lead-change banner; it follows the race (see `leadChangeDetail`). */
export const leadChangeText = (lc: LeadChange, race: RaceView): string =>
  `LEAD CHANGE\n${race.jurisdiction.toUpperCase()} · ${leadChangeDetail(lc, race)}`;

/** The projected-winner banner; null once the race has no call (the overlay takes it off). */
export function callBannerText(race: RaceView): string | null {
  const call = race.call;
  if (!call) return null;
  const j = race.jurisdiction.toUpperCase();
  const place = race.electoralVotes ? j : `${j} · ${race.title.toUpperCase()}`;
  if (race.kind === 'measure') return `PROJECTED RESULT · ${place} · ${call.winner === 'yes' ? 'PASSES' : 'FAILS'}`;
  return `PROJECTED WINNER · ${place} · ${race.candidates.find((c) => c.id === call.winner)?.name ?? call.winner}`;
}

/** One race's ticker line. */
export function tickerLine(race: RaceView): string {
  const heading = `${race.jurisdiction} ${race.title}`;
  const cands = top(race).map((c) => `${surname(c.name)} ${formatPct(c.pct)}`);
  const tail = race.status === 'called' ? leadLine(race) : countLine(race);
  return [heading, ...cands, tail].filter(Boolean).join(' · ');
}

/** The ticker: its label, then every race's line (the page shows them one at a time). */
export const tickerText = (races: readonly RaceView[]): string => ['RESULTS', ...races.map(tickerLine)].join('\n');

/**
 * The text a graphic draws, given the race views and lead changes it shows; null when it draws nothing (its
 * race or lead change is unknown, a call banner without a call).
 */
export function graphicText(g: Graphic, races: Readonly<Record<string, RaceView>>, leadChanges: Readonly<Record<string, LeadChange>>): string | null {
  switch (g.type) {
    case 'race': {
      const r = races[g.raceId];
      return r ? lowerThirdText(r) : null;
    }
    case 'leadChange': {
      const lc = leadChanges[g.leadChangeId];
      const r = lc && races[lc.raceId];
      return lc && r ? leadChangeText(lc, r) : null;
    }
    case 'call': {
      const r = races[g.raceId];
      return r ? callBannerText(r) : null;
    }
    case 'ticker': {
      const shown = g.raceIds.flatMap((id) => (races[id] ? [races[id]] : []));
      return shown.length > 0 ? tickerText(shown) : null;
    }
    case 'board': {
      const r = races[g.raceId];
      return r ? boardText(r) : null;
    }
    case 'keyRaces': {
      const shown = every(g.raceIds, races);
      return shown ? keyRacesText(shown, g.title) : null;
    }
    case 'balance': {
      const shown = g.raceIds === 'all' ? Object.values(races) : every(g.raceIds, races);
      return shown ? balanceText(g, shown) : null;
    }
    default:
      return null; // a kind this text does not know yet draws nothing here
  }
}

/** Every listed race, or null while one is unknown: the page never draws a grid or a tally with holes. */
function every(ids: readonly string[], races: Readonly<Record<string, RaceView>>): RaceView[] | null {
  const out = ids.map((id) => races[id]);
  return out.every((r): r is RaceView => r !== undefined) ? out : null;
}

/**
 * What a graphic's text reads of one of its races, as a key: while the race's key stays the same, so does the text.
 * The balance reads only a race's kind, electoral votes, call and the parties of its top two (`tallyBalance`), so
 * a count that changes none of these leaves a balance of 500 races as it was. Null: every change may show (the
 * other kinds).
 */
export function readKey(g: Graphic, race: RaceView): string | null {
  if (g.type !== 'balance') return null;
  const top2 = [...race.candidates].sort((a, b) => b.votes - a.votes).slice(0, 2);
  const winner = race.status === 'called' && race.call ? race.candidates.find((c) => c.id === race.call!.winner) : undefined;
  return JSON.stringify([race.kind, race.electoralVotes, top2.map((c) => c.party), winner ? [winner.party] : null]);
}

/**
 * The races a graphic shows (a lead-change banner: its race, once the lead change is known; a balance of "all":
 * every race known, `allRaceIds`).
 */
export function racesOf(g: Graphic, leadChanges: Readonly<Record<string, LeadChange>>, allRaceIds: Iterable<string> = []): string[] {
  switch (g.type) {
    case 'race':
    case 'call':
    case 'board':
      return [g.raceId];
    case 'ticker':
    case 'keyRaces':
      return [...g.raceIds];
    case 'balance':
      return g.raceIds === 'all' ? [...allRaceIds] : [...g.raceIds];
    case 'leadChange': {
      const lc = leadChanges[g.leadChangeId];
      return lc ? [lc.raceId] : [];
    }
    default:
      return [];
  }
}
