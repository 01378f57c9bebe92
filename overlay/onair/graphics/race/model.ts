/**
 * The race lower third of every kind: up to four rows leader first (more candidates: the top three and "N others"),
 * a measure as YES / NO against its pass mark, vote for N with the winning set marked, runoffs, what the runner-up
 * needs and how much has reported. Pure: the pixi component lays these strings out and the mirror reads them.
 */
import {
  formatRowShare,
  formatVotes,
  phraseList,
  phraseOthers,
  phrasePassMark,
  phraseReporting,
} from '../../../../shared/format.js';
import { needsLine, tiedAtCutOff, winningLine } from '../../../../shared/domain/onAirText.js';
import type { CandidateView, RaceView } from '../../../../shared/index.js';
import { countLine, leadLine, nameOf, topCandidates } from '../../models/race.js';

/** How a row is coloured: by party, as a measure's YES or NO, or the grey "others" row. */
export type RowTone = 'party' | 'yes' | 'no' | 'others';
/** The glyph-and-word mark beside a name: in the winning set, tied at its cut-off, sent on to a runoff, leading (boards). */
export type RowMark = 'winning' | 'tied' | 'advancing' | 'leading';

/** The words of each mark, glyph first, as the mirror reads them (the glyph itself is drawn as a shape). */
export const MARK_TEXT: Readonly<Record<RowMark, { glyph: string; word: string }>> = {
  winning: { glyph: '✓', word: 'WINNING' },
  tied: { glyph: '=', word: 'TIED' },
  advancing: { glyph: '→', word: 'RUNOFF' },
  leading: { glyph: '▲', word: 'LEADS' },
};

export interface RowModel {
  /** A candidate id, or `*others` (not a valid id, so it never clashes with one). */
  id: string;
  name: string;
  party: string | null;
  tone: RowTone;
  votes: number;
  pct: number;
  /** The race is called for this candidate: the check beside the name. */
  winner: boolean;
  mark: RowMark | null;
  /** A measure's YES row: its pass mark, which the share drawn is never rounded across (`formatShareBeside`). */
  passPct?: number;
}


export type TagTone = 'info' | 'warn' | 'runoff' | 'called';
export interface TagModel {
  text: string;
  tone: TagTone;
}

export interface MeasureModel {
  yesPct: number;
  passPct: number;
  /** "NEEDS 60%" */
  passMark: string;
  /** "PASSING" / "FAILING" while counting, "PASSES" / "FAILS" once called, "AWAITING RESULTS" before any vote. */
  status: string;
  outcome: 'pass' | 'fail' | 'none';
}

export interface LowerThirdModel {
  kind: 'candidate' | 'measure';
  jurisdiction: string;
  title: string;
  /** Header tags, left to right. */
  tags: TagModel[];
  /** Leader first (a measure: YES then NO); at most four. */
  rows: RowModel[];
  measure: MeasureModel | null;
  /** Who leads (a measure: its pass mark and status; vote for N: who is winning). */
  leadLine: string;
  /** Outstanding ballots when known, else expected vote in, else null. */
  countLine: string | null;
  /** "Trump needs 55.5% of the remaining vote" / "Trump cannot overtake"; null when not known or not meaningful. */
  needsLine: string | null;
  /** "72% of precincts reporting" when the source says. */
  reportingLine: string | null;
}

/** At most this many rows; a bigger field shows the top MAX_ROWS − 1 and one "N others" row. */
export const MAX_ROWS = 4;
export const OTHERS_ID = '*others';

const nameList = (race: RaceView, ids: readonly string[]): string => phraseList(ids.map((id) => nameOf(race, id) ?? id));

function markOf(race: RaceView, id: string, tied: Set<string>): RowModel['mark'] {
  if (race.advancing.length > 0) return race.advancing.includes(id) ? 'advancing' : null;
  if (race.kind !== 'candidate' || race.seats <= 1) return null;
  if (tied.has(id)) return 'tied';
  return race.winning.includes(id) ? 'winning' : null;
}

function measureRows(race: RaceView): CandidateView[] {
  const yes = race.candidates.find((c) => c.id === 'yes');
  const no = race.candidates.find((c) => c.id === 'no');
  return yes && no ? [yes, no] : race.candidates.slice(0, 2);
}

function rows(race: RaceView, maxRows: number): RowModel[] {
  const winnerId = race.status === 'called' ? (race.call?.winner ?? null) : null;
  const tied = tiedAtCutOff(race);
  const measure = race.kind === 'measure';
  const all = measure ? measureRows(race) : topCandidates(race, race.candidates.length);
  const shown = all.length > maxRows ? all.slice(0, maxRows - 1) : all;
  const out: RowModel[] = shown.map((c) => ({
    id: c.id,
    name: measure ? c.name.toUpperCase() : c.name,
    party: c.party,
    tone: measure ? (c.id === 'no' ? 'no' : 'yes') : 'party',
    votes: c.votes,
    pct: c.pct,
    winner: c.id === winnerId,
    mark: markOf(race, c.id, tied),
    ...(measure && c.id === 'yes' && race.measure ? { passPct: race.measure.passPct } : {}),
  }));
  const rest = all.slice(shown.length);
  if (rest.length > 0) {
    out.push({
      id: OTHERS_ID,
      name: phraseOthers(rest.length),
      party: null,
      tone: 'others',
      votes: rest.reduce((sum, c) => sum + c.votes, 0),
      pct: rest.reduce((sum, c) => sum + c.pct, 0),
      winner: false,
      mark: null,
    });
  }
  return out;
}

function tags(race: RaceView): TagModel[] {
  const out: TagModel[] = [];
  if (race.electoralVotes) {
    out.push({ text: `${race.electoralVotes} electoral ${race.electoralVotes === 1 ? 'vote' : 'votes'}`, tone: 'info' });
  }
  if (race.kind === 'candidate' && race.seats > 1) out.push({ text: `VOTE FOR ${race.seats}`, tone: 'info' });
  if (race.inRecountRange) out.push({ text: 'RECOUNT RANGE', tone: 'warn' });
  if (race.advancing.length > 0) out.push({ text: 'RUNOFF', tone: 'runoff' });
  else if (race.runoffLikely && race.status !== 'called') out.push({ text: 'RUNOFF LIKELY', tone: 'runoff' });
  if (race.status === 'called' && race.call) out.push({ text: 'CALLED', tone: 'called' });
  return out;
}

function measureModel(race: RaceView): MeasureModel | null {
  if (!race.measure) return null;
  const { yesPct, passPct, passing } = race.measure;
  const called = race.status === 'called' ? (race.call?.winner ?? null) : null;
  const [status, outcome]: [string, MeasureModel['outcome']] =
    called !== null
      ? called === 'yes'
        ? ['PASSES', 'pass']
        : ['FAILS', 'fail']
      : race.totalVotes === 0
        ? ['AWAITING RESULTS', 'none']
        : passing
          ? ['PASSING', 'pass']
          : ['FAILING', 'fail'];
  return { yesPct, passPct, passMark: phrasePassMark(passPct).toUpperCase(), status, outcome };
}

function mainLine(race: RaceView, measure: MeasureModel | null): string {
  if (measure) return `${measure.passMark} · ${measure.status}`;
  if (race.advancing.length > 0) {
    return `Runoff: ${nameList(race, race.advancing)} ${race.advancing.length === 1 ? 'advances' : 'advance'}`;
  }
  if (race.seats > 1) return winningLine(race);
  return leadLine(race);
}

/** The lower third of a race; `maxRows` rows at most (the board shows more). */
export function lowerThirdModel(race: RaceView, maxRows = MAX_ROWS): LowerThirdModel {
  const measure = measureModel(race);
  return {
    kind: race.kind,
    jurisdiction: race.jurisdiction,
    title: race.title,
    tags: tags(race),
    rows: rows(race, maxRows),
    measure,
    leadLine: mainLine(race, measure),
    countLine: countLine(race),
    needsLine: needsLine(race),
    reportingLine: race.reporting ? phraseReporting(race.reporting) : null,
  };
}

/** A row's mark as read: "✓ WINNING". */
export const markText = (mark: RowMark): string => `${MARK_TEXT[mark].glyph} ${MARK_TEXT[mark].word}`;

/** A row as read: name, mark, votes, share. */
export const rowText = (r: RowModel): string =>
  [r.name, r.mark && markText(r.mark), formatVotes(r.votes), formatRowShare(r.pct, r.passPct)].filter(Boolean).join(' ');

/** Exactly the strings the lower third draws, in reading order. */
export function lowerThirdText(m: LowerThirdModel): string {
  const header = [m.jurisdiction, m.title, ...m.tags.map((t) => t.text)].join(' ');
  return [header, ...m.rows.map(rowText), m.leadLine, m.countLine, m.needsLine, m.reportingLine]
    .filter((x): x is string => Boolean(x))
    .join('\n');
}
