import type { Alert } from '../schema/alert.js';
import type { CallProposal } from '../schema/call.js';
import type { Issue } from '../schema/errors.js';
import type { RaceRecord } from '../schema/race.js';

/** How many proposals a race keeps (newest); enough for a night of sources changing their minds. */
export const MAX_PROPOSALS = 20;

/** What a call change does: the new record, the alert it raises, the pending alerts it dismisses. */
export type CallChange =
  | { kind: 'changed'; record: RaceRecord; alert: Alert | null; dismissAlertsOf: 'call' | null; proposal: CallProposal | null }
  | { kind: 'unchanged'; record: RaceRecord; proposal: CallProposal | null }
  | { kind: 'invalid'; issues: Issue[] }
  | { kind: 'not_found'; what: 'proposal' }
  | { kind: 'conflict'; message: string };

/** A source's flag on a candidate. */
export interface CallFlag {
  winner: string;
  kind: 'winner' | 'runoff';
  source: string;
}

/** The id of a source's call: the same flag seen on every poll is one proposal, never one per poll. */
export const proposalId = (raceId: string, f: CallFlag): string => `${raceId}.${f.source}.${f.kind}.${f.winner}`;

/** The race a proposal id belongs to (race ids have no dots). */
export const raceOfProposal = (id: string): string => id.split('.')[0] ?? '';

const alertFor = (record: RaceRecord, winner: string, callId: string, now: Date): Alert => {
  const at = now.toISOString();
  return {
    id: `alert.call.${record.definition.id}.r${record.revision}`,
    kind: 'call',
    raceId: record.definition.id,
    winner,
    callId,
    status: 'pending',
    createdAt: at,
    updatedAt: at,
    ...(record.test ? { test: true } : {}),
  };
};

const isCandidate = (record: RaceRecord, id: string) => record.definition.candidates.some((c) => c.id === id);

/** Applies an accepted call to the race: a winner is a call; a runoff flag adds the candidate to `advancing`. */
function applyAccepted(record: RaceRecord, p: Pick<CallProposal, 'winner' | 'kind' | 'source' | 'id'>, now: Date) {
  const revision = record.revision + 1;
  const next: RaceRecord =
    p.kind === 'winner'
      ? { ...record, call: { winner: p.winner, at: now.toISOString(), source: p.source }, revision, updatedAt: now.toISOString() }
      : { ...record, advancing: [...new Set([...(record.advancing ?? []), p.winner])], revision, updatedAt: now.toISOString() };
  return { record: next, alert: p.kind === 'winner' ? alertFor(next, p.winner, p.id, now) : null };
}

const withProposal = (record: RaceRecord, p: CallProposal): RaceRecord => {
  const others = (record.proposals ?? []).filter((q) => q.id !== p.id);
  return { ...record, proposals: [...others, p].slice(-MAX_PROPOSALS) };
};

/**
 * A source flags a candidate: one proposal per (source, kind, candidate), never one per poll. The race's
 * `acceptCalls` decides what follows: `approve` waits for a producer, `auto` calls the race at once (with its
 * alert), `ignore` records it only.
 */
export function proposeCall(record: RaceRecord, flag: CallFlag, now: Date): CallChange {
  if (!isCandidate(record, flag.winner)) {
    return { kind: 'invalid', issues: [{ path: 'winner', message: `"${flag.winner}" is not a candidate in this race` }] };
  }
  const id = proposalId(record.definition.id, flag);
  const existing = (record.proposals ?? []).find((p) => p.id === id);
  if (existing) return { kind: 'unchanged', record, proposal: existing };
  const rule = record.definition.acceptCalls ?? 'approve';
  const at = now.toISOString();
  const proposal: CallProposal = {
    id,
    raceId: record.definition.id,
    winner: flag.winner,
    kind: flag.kind,
    source: flag.source,
    status: rule === 'auto' ? 'accepted' : rule === 'ignore' ? 'ignored' : 'proposed',
    at,
    decidedAt: rule === 'approve' ? null : at,
    decidedBy: rule === 'approve' ? null : 'auto',
    ...(record.test ? { test: true } : {}),
  };
  if (proposal.status !== 'accepted') {
    return { kind: 'changed', record: { ...withProposal(record, proposal), revision: record.revision + 1, updatedAt: at }, alert: null, dismissAlertsOf: null, proposal };
  }
  const accepted = applyAccepted(record, proposal, now);
  return { kind: 'changed', record: withProposal(accepted.record, proposal), alert: accepted.alert, dismissAlertsOf: null, proposal };
}

/** A producer accepts or rejects a proposal still waiting; `by` is who. */
export function decideProposal(record: RaceRecord, id: string, decision: 'accepted' | 'rejected', by: string, now: Date): CallChange {
  const p = (record.proposals ?? []).find((q) => q.id === id);
  if (!p) return { kind: 'not_found', what: 'proposal' };
  if (p.status === decision) return { kind: 'unchanged', record, proposal: p };
  if (p.status !== 'proposed') return { kind: 'conflict', message: `this call was already ${p.status}` };
  const decided: CallProposal = { ...p, status: decision, decidedAt: now.toISOString(), decidedBy: by };
  if (decision === 'rejected') {
    return { kind: 'changed', record: { ...withProposal(record, decided), revision: record.revision + 1, updatedAt: now.toISOString() }, alert: null, dismissAlertsOf: null, proposal: decided };
  }
  const accepted = applyAccepted(record, decided, now);
  return { kind: 'changed', record: withProposal(accepted.record, decided), alert: accepted.alert, dismissAlertsOf: null, proposal: decided };
}

/** The desk calls a race for a candidate at once, with its alert; the same call again changes nothing. */
export function deskCall(record: RaceRecord, winner: string, by: string, now: Date): CallChange {
  if (!isCandidate(record, winner)) {
    return { kind: 'invalid', issues: [{ path: 'winner', message: `"${winner}" is not a candidate in this race` }] };
  }
  if (record.call?.winner === winner) return { kind: 'unchanged', record, proposal: null };
  const accepted = applyAccepted(record, { winner, kind: 'winner', source: by, id: `desk.${record.definition.id}.r${record.revision + 1}` }, now);
  return { kind: 'changed', record: accepted.record, alert: accepted.alert, dismissAlertsOf: 'call', proposal: null };
}

/** Withdraws a race's call (and any runoff it sent candidates to); its pending call alerts are dismissed. */
export function withdrawCall(record: RaceRecord, now: Date): CallChange {
  if (record.call === null && (record.advancing ?? []).length === 0) return { kind: 'unchanged', record, proposal: null };
  return {
    kind: 'changed',
    record: { ...record, call: null, advancing: [], revision: record.revision + 1, updatedAt: now.toISOString() },
    alert: null,
    dismissAlertsOf: 'call',
    proposal: null,
  };
}
