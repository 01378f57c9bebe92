import type { Issue } from '../schema/errors.js';
import type { RaceDefinition, RaceDefinitionInput, RaceRecord } from '../schema/race.js';

export type DefinitionOutcome =
  | { kind: 'created' | 'updated' | 'unchanged'; record: RaceRecord }
  | { kind: 'conflict'; message: string; candidates: string[] };

/** A definition in a canonical form, so an identical redefinition is recognised whatever its key order. */
function canonical(def: RaceDefinition): string {
  return JSON.stringify({
    id: def.id,
    title: def.title,
    jurisdiction: def.jurisdiction,
    electoralVotes: def.electoralVotes ?? null,
    candidates: def.candidates.map((c) => ({ id: c.id, name: c.name, party: c.party ?? null })),
    recount: def.recount
      ? { marginPct: def.recount.marginPct ?? null, marginVotes: def.recount.marginVotes ?? null, basis: def.recount.basis }
      : null,
    autoAirAlerts: def.autoAirAlerts ?? false,
    kind: def.kind ?? 'candidate',
    passPct: def.passPct ?? null,
    seats: def.seats ?? 1,
    runoff: def.runoff ?? null,
    acceptCalls: def.acceptCalls ?? 'approve',
  });
}

/**
 * What a definition's fields say together (each field alone is checked by its schema): a measure has exactly
 * the candidates `yes` and `no`; `passPct` belongs to measures; a race cannot have more seats than candidates.
 */
export function definitionIssues(def: RaceDefinitionInput): Issue[] {
  const issues: Issue[] = [];
  const ids = def.candidates.map((c) => c.id).sort();
  if (def.kind === 'measure' && (ids.length !== 2 || ids[0] !== 'no' || ids[1] !== 'yes')) {
    issues.push({ path: 'candidates', message: 'a measure has exactly the candidates "yes" and "no"' });
  }
  if (def.passPct !== undefined && def.kind !== 'measure') {
    issues.push({ path: 'passPct', message: 'passPct is for measures ("kind": "measure")' });
  }
  if (def.seats !== undefined && def.seats > def.candidates.length) {
    issues.push({ path: 'seats', message: `more seats than candidates (${def.candidates.length})` });
  }
  if (def.kind === 'measure' && def.seats !== undefined && def.seats !== 1) {
    issues.push({ path: 'seats', message: 'a measure has one outcome' });
  }
  return issues;
}

/**
 * Defines a race or redefines it, keeping stored counts. Removing a candidate who has votes is refused;
 * an identical redefinition changes nothing, not even the revision.
 */
export function applyDefinition(existing: RaceRecord | null, def: RaceDefinition, now: Date): DefinitionOutcome {
  if (existing === null) {
    return {
      kind: 'created',
      record: {
        definition: def,
        votes: Object.fromEntries(def.candidates.map((c) => [c.id, 0])),
        asOf: null,
        expectedVotePct: null,
        outstanding: null,
        revision: 1,
        lastLeader: null,
        call: null,
        updatedAt: now.toISOString(),
      },
    };
  }
  if (canonical(existing.definition) === canonical(def)) return { kind: 'unchanged', record: existing };

  const kept = new Set(def.candidates.map((c) => c.id));
  const dropped = existing.definition.candidates.filter((c) => !kept.has(c.id) && countOf(existing, c.id) > 0);
  if (dropped.length > 0) {
    return {
      kind: 'conflict',
      message: `cannot remove candidates who have votes: ${dropped.map((c) => c.id).join(', ')}`,
      candidates: dropped.map((c) => c.id),
    };
  }
  const call = existing.call && kept.has(existing.call.winner) ? existing.call : null;
  // A removed candidate (no votes) is no one's lead-change baseline: "Able overtakes <an id off the ballot>".
  const lastLeader = existing.lastLeader !== null && kept.has(existing.lastLeader) ? existing.lastLeader : null;
  return {
    kind: 'updated',
    record: {
      ...existing,
      definition: def,
      votes: Object.fromEntries(def.candidates.map((c) => [c.id, countOf(existing, c.id)])),
      revision: existing.revision + 1,
      call,
      lastLeader,
      ...(existing.lastWinning ? { lastWinning: existing.lastWinning.filter((id) => kept.has(id)) } : {}),
      updatedAt: now.toISOString(),
    },
  };
}

/**
 * A candidate's stored count, 0 for one the record has none for. Own keys only: a candidate id is a slug, and
 * `constructor` is a slug that `votes[id]` would find on Object.prototype.
 */
const countOf = (record: RaceRecord, id: string): number => (Object.hasOwn(record.votes, id) ? record.votes[id]! : 0);
