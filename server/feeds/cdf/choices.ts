import { lastNameSlug, slugify, uniqueId } from '../ids.js';
import type { RaceMapping } from '../config.js';
import type { WinnerFlag } from '../types.js';
import type { IndexedReport } from './report.js';
import { Selection, textOf, VoteCounts } from './schema.js';

/** One LeadWire candidate of a contest: one selection, or several the feed file maps to one id (summed). */
export interface Choice {
  id: string;
  name: string;
  party: string | null;
  votes: number;
  winner: WinnerFlag['kind'] | null;
  selections: number;
}

interface Read {
  sel: Selection;
  keys: string[];
  name: string;
  base: string;
  party: string | null;
  votes: number;
  winner: WinnerFlag['kind'] | null;
}

const WINNER: Record<string, WinnerFlag['kind']> = { winner: 'winner', 'projected-winner': 'winner', 'advanced-to-runoff': 'runoff' };

/**
 * A contest's selections as candidates, in `SequenceOrder` (else the report's order), or the problem that keeps the
 * contest out (a selection without its total: a count with a candidate missing is never posted). Keys of the feed's
 * `candidates` map: the Candidate's `@id`, or the selection's. Automatic ids: the last-name slug of the candidate's
 * BallotName (a measure's "Yes" → `yes`); ids that clash within the contest both get `-<candidate @id>` appended.
 */
export function choicesOf(raw: unknown[], report: IndexedReport, district: string, mapping: RaceMapping | undefined): Choice[] | string {
  const read: Read[] = [];
  for (const [i, item] of raw.entries()) {
    const sel = Selection.safeParse(item);
    if (!sel.success) return `selection #${i + 1} is not readable`;
    const votes = totalFor(sel.data, district);
    if (typeof votes === 'string') return votes;
    read.push({ ...describe(sel.data, report, i), sel: sel.data, votes });
  }
  read.sort((a, b) => (a.sel.SequenceOrder ?? Infinity) - (b.sel.SequenceOrder ?? Infinity));

  const mapped = (r: Read) => r.keys.map((k) => mapping?.candidates?.[k]).find((id) => id !== undefined);
  const taken = new Set(read.flatMap((r) => mapped(r) ?? []));
  const uses = new Map<string, number>();
  for (const r of read) if (!mapped(r)) uses.set(r.base, (uses.get(r.base) ?? 0) + 1);

  const choices = new Map<string, Choice>();
  for (const r of read) {
    const auto = () => {
      const base = (uses.get(r.base) ?? 0) > 1 || taken.has(r.base) ? slugify(`${r.base}-${r.keys[0]}`) : r.base;
      return uniqueId(base, taken);
    };
    const id = mapped(r) ?? auto();
    const c = choices.get(id);
    if (c) {
      c.votes += r.votes;
      c.selections += 1;
      c.winner ??= r.winner;
    } else choices.set(id, { id, name: r.name, party: r.party, votes: r.votes, winner: r.winner, selections: 1 });
  }
  return [...choices.values()];
}

function describe(sel: Selection, report: IndexedReport, i: number): Omit<Read, 'sel' | 'votes'> {
  const candidates = (sel.CandidateIds ?? []).flatMap((id) => report.candidates.get(id) ?? []);
  const partyIds = [candidates[0]?.PartyId, ...(sel.PartyIds ?? [])].filter((p): p is string => !!p);
  const party = partyIds.map((p) => report.parties.get(p)).find((p) => p !== undefined);
  const partyName = party ? (textOf(party.Abbreviation) ?? textOf(party.Name)) : null;
  const ballotNames = candidates.map((c) => textOf(c.BallotName)).filter((n): n is string => n !== null);
  const measure = textOf(sel.Selection);
  const name = ballotNames.join(' / ') || measure || partyName || sel['@id'];
  const base =
    (ballotNames[0] && lastNameSlug(ballotNames[0])) || (measure && slugify(measure)) || (partyName && slugify(partyName)) || slugify(sel['@id']) || `choice-${i + 1}`;
  const abbreviation = party ? textOf(party.Abbreviation) : null;
  return {
    keys: [...(sel.CandidateIds ?? []), sel['@id']],
    name: name.slice(0, 80),
    base,
    party: abbreviation && abbreviation.length <= 16 ? abbreviation : null,
    winner: WINNER[candidates[0]?.PostElectionStatus ?? ''] ?? null,
  };
}

/** The selection's one `total` count for the district (a count without a GpUnitId counts for it too). */
function totalFor(sel: Selection, district: string): number | string {
  const totals = sel.VoteCounts.flatMap((v) => {
    const c = VoteCounts.safeParse(v);
    return c.success && c.data.Type?.toLowerCase() === 'total' && (c.data.GpUnitId === undefined || c.data.GpUnitId === district) ? [c.data.Count] : [];
  });
  const what = `selection ${sel['@id']}`;
  if (totals.length === 0) return `${what} has no "total" VoteCounts for ${district}`;
  if (totals.length > 1) return `${what} has ${totals.length} "total" VoteCounts for ${district}`;
  const n = totals[0]!;
  return Number.isSafeInteger(n) && n >= 0 ? n : `${what}: Count ${n} is not a whole number of votes`;
}
