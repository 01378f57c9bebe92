/**
 * What a race card says for each kind of race (Races (v2)): the lead line of a measure or a vote-for-N race, the
 * status line (pass mark, winning set, runoff, what the runner-up needs) and the marks on candidate rows. Pure;
 * phrasing from `shared/format.ts`. Every state is said in words (and a glyph on rows), never by colour alone.
 */
import { formatMargin, formatPct, formatVotes, phraseNeeds, phrasePassMark, type RaceView } from '../../shared/index.js';
import { candidateName, describeLead } from './describe.js';

/** Candidates tied for the last winning seat of a vote-for-N race (empty when the set is settled). */
export function tiedAtCutOff(v: Pick<RaceView, 'seats' | 'winning' | 'candidates'>): string[] {
  if (v.winning.length <= v.seats) return [];
  const votes = (id: string) => v.candidates.find((c) => c.id === id)?.votes ?? 0;
  const cutOff = Math.min(...v.winning.map(votes));
  return v.winning.filter((id) => votes(id) === cutOff);
}

const byVotes = (v: RaceView) => [...v.candidates].sort((a, b) => b.votes - a.votes);

/**
 * The card's lead line. A measure: "YES 62.1% · NO 37.9%" ("PASSES · …" / "FAILS · …" once called). Vote for N:
 * the fight for the last seat, "Vote for 3 · last seat: Clark +1,200 over Diaz" or "Vote for 3 · tied for the
 * last seat at 1,000". Anything else: `describeLead`.
 */
export function describeRaceLead(v: RaceView): string {
  if (v.status === 'awaiting') return describeLead(v);
  if (v.kind === 'measure' && v.measure) {
    const shares = `YES ${formatPct(v.measure.yesPct)} · NO ${formatPct(100 - v.measure.yesPct)}`;
    if (v.status === 'called' && v.call) return `${v.call.winner === 'yes' ? 'PASSES' : v.call.winner === 'no' ? 'FAILS' : `${candidateName(v, v.call.winner)} WINS`} · ${shares}`;
    return shares;
  }
  if (v.seats > 1) {
    const head = `Vote for ${v.seats}`;
    const ranked = byVotes(v);
    const last = ranked[v.seats - 1];
    const next = ranked[v.seats];
    if (!last || !next) return head;
    if (last.votes === next.votes) return `${head} · tied for the last seat at ${formatVotes(last.votes)}`;
    return `${head} · last seat: ${candidateName(v, last.id)} ${formatMargin(last.votes - next.votes)} over ${candidateName(v, next.id)}`;
  }
  return describeLead(v);
}

export type LineTone = 'pass' | 'fail' | 'neutral' | 'runoff' | 'needs' | 'tie' | 'called';

/** One piece of the status line: its words and how it looks. */
export interface LinePart {
  text: string;
  tone: LineTone;
}

/**
 * The card's status line, empty for a plain race with nothing more to say: "needs 60% · passing" (measures),
 * "● winning: Adams, Baker, Clark" with "= tied for the last seat: Clark, Diaz" (vote for N), "RUNOFF LIKELY" or
 * "RUNOFF: Warnock, Loeffler", and, while not called, "Trump needs 55.5% of the remaining vote" / "… cannot overtake";
 * once called, who called it and when (`callMade`, e.g. "✓ desk call 21:14Z") in its place.
 */
export function describeRaceLine(v: RaceView, callMade: string | null = null): LinePart[] {
  const parts: LinePart[] = [];
  if (v.kind === 'measure') {
    const mark = phrasePassMark(v.measure?.passPct ?? 50);
    if (v.status === 'awaiting' || !v.measure) parts.push({ text: mark, tone: 'neutral' });
    else parts.push({ text: `${mark} · ${v.measure.passing ? 'passing' : 'failing'}`, tone: v.measure.passing ? 'pass' : 'fail' });
  }
  if (v.seats > 1 && v.kind !== 'measure' && v.winning.length > 0) {
    const tied = tiedAtCutOff(v);
    const sure = v.winning.filter((id) => !tied.includes(id));
    if (sure.length > 0) parts.push({ text: `● winning: ${sure.map((id) => candidateName(v, id)).join(', ')}`, tone: 'neutral' });
    if (tied.length > 0) parts.push({ text: `= tied for the last ${v.seats - sure.length === 1 ? 'seat' : `${v.seats - sure.length} seats`}: ${tied.map((id) => candidateName(v, id)).join(', ')}`, tone: 'tie' });
  }
  if (v.advancing.length > 0) parts.push({ text: `RUNOFF: ${v.advancing.map((id) => candidateName(v, id)).join(', ')}`, tone: 'runoff' });
  else if (v.runoffLikely && v.status !== 'called') parts.push({ text: 'RUNOFF LIKELY', tone: 'runoff' });
  if (v.needs && v.status !== 'called' && v.kind !== 'measure') {
    parts.push({ text: `${candidateName(v, v.needs.candidate)} ${phraseNeeds(v.needs.pctOfRemaining)}`, tone: 'needs' });
  }
  if (v.status === 'called' && callMade) parts.push({ text: `✓ ${callMade}`, tone: 'called' });
  return parts;
}

/** A candidate row's mark: winning a seat, tied at the cut-off, advancing to a runoff; null when nothing to mark. */
export interface RowMark {
  glyph: string;
  word: string;
  kind: 'in' | 'tie' | 'runoff';
}

export function rowMark(v: RaceView, candidateId: string): RowMark | null {
  if (v.advancing.includes(candidateId)) return { glyph: '→', word: 'RUNOFF', kind: 'runoff' };
  if (v.seats > 1 && v.kind !== 'measure') {
    if (tiedAtCutOff(v).includes(candidateId)) return { glyph: '=', word: 'TIE', kind: 'tie' };
    if (v.winning.includes(candidateId)) return { glyph: '●', word: 'IN', kind: 'in' };
  }
  return null;
}

/** How many candidate rows a card shows: 4, or the winning set and the first one out for a bigger vote-for-N. */
export function rowsShown(v: Pick<RaceView, 'seats' | 'winning' | 'candidates'>, base = 4, max = 8): number {
  return Math.min(v.candidates.length, Math.max(base, Math.min(max, Math.max(v.seats, v.winning.length) + 1)));
}
