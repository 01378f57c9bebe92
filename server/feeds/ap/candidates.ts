import type { Candidate } from '../../../shared/index.js';
import { slugify, withSuffix } from '../ids.js';
import type { WinnerFlag } from '../types.js';
import type { ApCandidate } from './schema.js';

/** Lower-case ASCII letters and digits joined by single dashes: "Ossoff" → "ossoff", "O'Rourke" → "o-rourke". */
export const slugOf = (s: string): string => slugify(s, { apostrophes: 'break' });

export interface ApCandidates {
  candidates: Candidate[];
  /** AP candidateID → LeadWire id. */
  ids: Map<string, string>;
  votes: Record<string, number>;
  winners: WinnerFlag[];
}

/**
 * One race's candidates in ballot order (AP `ballotOrder`; the payload's order where it is missing or equal).
 * Ids: the feed's `candidates` map where it names the candidateID, else the last-name slug; an automatic id that
 * another candidate of the race also has gets `-<candidateID>` appended (both Smiths become `smith-101` and
 * `smith-102`, so neither id depends on which one AP lists first). Candidates mapped to one id are summed.
 */
export function apCandidates(list: ApCandidate[], mapped: Record<string, string> = {}): ApCandidates {
  const ordered = list
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.ballotOrder ?? Infinity) - (b.c.ballotOrder ?? Infinity) || a.i - b.i)
    .map(({ c }) => c);

  const base = ordered.map((c) => mapped[c.candidateID] ?? autoSlug(c));
  const uses = new Map<string, number>();
  for (const b of base) uses.set(b, (uses.get(b) ?? 0) + 1);

  const ids = new Map<string, string>();
  const out: ApCandidates = { candidates: [], ids, votes: {}, winners: [] };
  const byId = new Map<string, Candidate>();
  ordered.forEach((c, i) => {
    const auto = mapped[c.candidateID] === undefined;
    const id = auto && (uses.get(base[i]!) ?? 0) > 1 ? withCandidateId(base[i]!, c.candidateID) : base[i]!;
    ids.set(c.candidateID, id);
    const flag = c.winner?.trim().toUpperCase();
    const kind = flag === 'X' ? 'winner' : flag === 'R' ? 'runoff' : null;
    if (kind && !out.winners.some((w) => w.candidateId === id && w.kind === kind)) out.winners.push({ candidateId: id, kind });
    const same = byId.get(id);
    if (same) {
      // Several candidates the feed file maps to one id (minor candidates → "other") count together, as on
      // Clarity and CDF feeds: one line, "Others", no party.
      same.name = 'Others';
      delete same.party;
      out.votes[id]! += c.voteCount ?? 0;
      return;
    }
    const party = c.party?.trim().toUpperCase().slice(0, 16);
    const candidate: Candidate = { id, name: nameOf(c), ...(party ? { party } : {}) };
    byId.set(id, candidate);
    out.candidates.push(candidate);
    out.votes[id] = c.voteCount ?? 0;
  });
  return out;
}

function autoSlug(c: ApCandidate): string {
  return slugOf(c.last ?? '') || slugOf(c.first ?? '') || `candidate-${slugOf(c.candidateID)}`;
}

const withCandidateId = (base: string, candidateID: string): string => withSuffix(base, `-${slugOf(candidateID)}`);

/** "first last", as AP spells them; a candidate with neither is named by its id. */
function nameOf(c: ApCandidate): string {
  const name = [c.first, c.last]
    .map((s) => s?.trim() ?? '')
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ');
  return (name || `Candidate ${c.candidateID}`).slice(0, 80).trim();
}
