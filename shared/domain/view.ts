import type { RaceRecord, RaceView } from '../schema/race.js';
import { measureOutcome } from './measure.js';
import { runnerUpNeeds } from './needs.js';
import { inRecountRange } from './recount.js';
import { runoffLikely } from './runoff.js';
import { winning } from './seats.js';
import { standings } from './standings.js';

/** Derives the public view of a race from its stored record. */
export function buildRaceView(record: RaceRecord): RaceView {
  const def = record.definition;
  const s = standings(def.candidates, record.votes);
  const pct = (v: number) => (s.totalVotes === 0 ? 0 : (100 * v) / s.totalVotes);
  const status = record.call ? 'called' : s.totalVotes === 0 ? 'awaiting' : s.leader ? 'leading' : 'tied';
  return {
    id: def.id,
    title: def.title,
    jurisdiction: def.jurisdiction,
    electoralVotes: def.electoralVotes ?? null,
    candidates: def.candidates.map((c) => {
      const votes = record.votes[c.id] ?? 0;
      return { id: c.id, name: c.name, party: c.party ?? null, votes, pct: pct(votes) };
    }),
    totalVotes: s.totalVotes,
    leader: s.leader,
    runnerUp: s.runnerUp,
    margin: s.margin,
    marginPct: pct(s.margin),
    recount: def.recount
      ? { marginPct: def.recount.marginPct ?? null, marginVotes: def.recount.marginVotes ?? null, basis: def.recount.basis }
      : null,
    inRecountRange: inRecountRange(def.recount, s),
    asOf: record.asOf,
    revision: record.revision,
    expectedVotePct: record.expectedVotePct,
    outstanding: record.outstanding,
    status,
    call: record.call,
    test: record.test ?? false,
    source: record.source ?? null,
    reporting: record.reporting ?? null,
    kind: def.kind ?? 'candidate',
    seats: def.seats ?? 1,
    winning: winning(def.candidates, record.votes, def.seats ?? 1),
    measure: def.kind === 'measure' ? measureOutcome(record.votes, def.passPct ?? 50) : null,
    runoffLikely: runoffLikely(def.runoff, def.candidates, record.votes),
    needs: runnerUpNeeds(s, { expectedVotePct: record.expectedVotePct, outstanding: record.outstanding }),
    acceptCalls: def.acceptCalls ?? 'approve',
    advancing: record.advancing ?? [],
  };
}
