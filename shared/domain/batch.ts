import type { Issue } from '../schema/errors.js';
import type { LeadChange, Outstanding, RaceRecord, ResultBatch } from '../schema/race.js';
import { detectLeadShift, nextLastLeader } from './leadChange.js';
import { needsReset, resetRecord } from './reset.js';
import { detectSeatShift, nextLastWinning, winning } from './seats.js';
import { standings } from './standings.js';

export type BatchOutcome =
  /** `reset`: the batch's test flag differed from the race's, so the race was started afresh first. */
  | { kind: 'applied'; record: RaceRecord; leadChange: LeadChange | null; correction: boolean; reset: boolean }
  | { kind: 'duplicate'; record: RaceRecord }
  | { kind: 'stale'; current: { asOf: string | null; revision: number } }
  | { kind: 'conflict'; current: { asOf: string | null; revision: number } }
  | { kind: 'invalid'; issues: Issue[] };

/** Id of the lead change detected at a race revision: stable, URL-safe, unique. */
export const leadChangeId = (raceId: string, revision: number): string => `${raceId}.r${revision}`;

/** Checks a batch's votes against the race's candidates: every one listed, no stranger. */
export function batchIssues(record: RaceRecord, batch: ResultBatch): Issue[] {
  const ids = new Set(record.definition.candidates.map((c) => c.id));
  const issues: Issue[] = [];
  for (const id of Object.keys(batch.votes)) {
    if (!ids.has(id)) issues.push({ path: `votes.${id}`, message: `unknown candidate "${id}" in this race` });
  }
  for (const id of ids) {
    if (!Object.hasOwn(batch.votes, id)) issues.push({ path: `votes.${id}`, message: `missing count for candidate "${id}"` });
  }
  return issues;
}

const sameOutstanding = (a: Outstanding | null, b: Outstanding | null) =>
  a === b || (a !== null && b !== null && a.ballots === b.ballots && a.label === b.label);

/**
 * Applies one batch to a race, or says why not. Pure: the store runs it inside its compare-and-set.
 * Batches are ordered by `asOf` as instants; an older one is stale, the same instant is a duplicate only
 * when its content is identical.
 */
/**
 * How far ahead of the server's clock a batch's `asOf` may be: 90 days, far beyond any source's drift and any night's
 * recount, short of a year typed wrong on a desk sheet, which would make every real batch after it stale until a reset.
 */
export const MAX_AS_OF_AHEAD_MS = 90 * 24 * 3600_000;

export function applyBatch(existing: RaceRecord, batch: ResultBatch, now: Date): BatchOutcome {
  const issues = batchIssues(existing, batch);
  if (Date.parse(batch.asOf) - now.getTime() > MAX_AS_OF_AHEAD_MS) {
    issues.push({ path: 'asOf', message: `is more than 90 days ahead of the server's clock (${now.toISOString()}): check the date` });
  }
  if (issues.length > 0) return { kind: 'invalid', issues };

  // A batch of the other mode (test ↔ live) starts the race afresh, then applies to the empty race.
  const test = batch.test ?? false;
  const reset = needsReset(existing, test);
  const record = reset ? resetRecord(existing, test, now) : existing;

  const asOf = new Date(batch.asOf).toISOString();
  const expectedVotePct = batch.expectedVotePct ?? null;
  const outstanding = batch.outstanding ?? null;
  const current = { asOf: record.asOf, revision: record.revision };
  const stored = record.asOf === null ? null : Date.parse(record.asOf);
  const incoming = Date.parse(asOf);

  if (stored !== null && incoming < stored) return { kind: 'stale', current };
  if (stored !== null && incoming === stored) {
    const identical =
      record.definition.candidates.every((c) => record.votes[c.id] === batch.votes[c.id]) &&
      record.expectedVotePct === expectedVotePct &&
      sameOutstanding(record.outstanding, outstanding);
    return identical ? { kind: 'duplicate', record } : { kind: 'conflict', current };
  }

  const candidates = record.definition.candidates;
  const votes = Object.fromEntries(candidates.map((c) => [c.id, batch.votes[c.id]!]));
  const correction = candidates.some((c) => (votes[c.id] ?? 0) < (record.votes[c.id] ?? 0));
  const revision = record.revision + 1;
  const s = standings(candidates, votes);
  const seats = record.definition.seats ?? 1;
  // Vote for N: a lead change is a change of the winning set; one seat: of the strict leader.
  const set = seats > 1 ? winning(candidates, votes, seats) : null;
  const setShift = set && detectSeatShift(record.lastWinning ?? null, set, seats);
  const single = set ? null : detectLeadShift(record.lastLeader, s.leader);
  const shift = setShift ? { from: setShift.from[0]!, to: setShift.to[0]! } : single;
  // One seat: the new leader over the runner-up. Vote for N: the candidate named as entering the set over the one
  // named as leaving it ("Cole overtook Baker by 5"), not the top of the field over the second.
  const margin = setShift && shift ? votes[shift.to]! - votes[shift.from]! : s.margin;
  const leadChange: LeadChange | null = shift && {
    id: leadChangeId(record.definition.id, revision),
    raceId: record.definition.id,
    from: shift.from,
    to: shift.to,
    ...(setShift ? { fromSet: setShift.from, toSet: setShift.to } : {}),
    margin,
    marginPct: s.totalVotes === 0 ? 0 : (100 * margin) / s.totalVotes,
    asOf,
    revision,
    detectedAt: now.toISOString(),
    ...(test ? { test: true } : {}),
  };
  return {
    kind: 'applied',
    correction,
    leadChange,
    reset,
    record: {
      ...record,
      votes,
      asOf,
      expectedVotePct,
      outstanding,
      reporting: batch.reporting ?? null,
      source: batch.source ?? null,
      test,
      revision,
      lastLeader: nextLastLeader(record.lastLeader, s.leader),
      ...(set ? { lastWinning: copyOrNull(nextLastWinning(record.lastWinning ?? null, set, seats)) } : {}),
      updatedAt: now.toISOString(),
    },
  };
}

const copyOrNull = (set: readonly string[] | null): string[] | null => (set ? [...set] : null);
