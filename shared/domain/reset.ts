import type { RaceRecord } from '../schema/race.js';

/**
 * A race started afresh in a mode (`test` = rehearsal data): counts, `asOf` ordering, the lead-change baseline,
 * reporting and the call are wiped, so live counts never mix with rehearsal counts and a rehearsal's later
 * timestamps cannot make live batches "stale". The definition stays; the revision moves on (never back).
 */
export function resetRecord(record: RaceRecord, test: boolean, now: Date): RaceRecord {
  return {
    ...record,
    votes: Object.fromEntries(record.definition.candidates.map((c) => [c.id, 0])),
    asOf: null,
    expectedVotePct: null,
    outstanding: null,
    reporting: null,
    lastLeader: null,
    lastWinning: null,
    call: null,
    advancing: [],
    proposals: [],
    source: null,
    test,
    revision: record.revision + 1,
    updatedAt: now.toISOString(),
  };
}

/** Whether a batch of this mode must reset the race before it applies. */
export const needsReset = (record: RaceRecord, test: boolean): boolean => (record.test ?? false) !== test;
