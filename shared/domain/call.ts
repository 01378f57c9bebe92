import type { Issue } from '../schema/errors.js';
import type { RaceRecord } from '../schema/race.js';

export type CallOutcome =
  | { kind: 'changed' | 'unchanged'; record: RaceRecord }
  | { kind: 'invalid'; issues: Issue[] };

/**
 * Calls a race for a candidate (the desk's decision, not the count's), or withdraws the call with `null`.
 * Calling it again for the same candidate changes nothing, not even the revision.
 */
export function applyCall(record: RaceRecord, winner: string | null, now: Date): CallOutcome {
  if (winner !== null && !record.definition.candidates.some((c) => c.id === winner)) {
    return { kind: 'invalid', issues: [{ path: 'winner', message: `"${winner}" is not a candidate in this race` }] };
  }
  if ((record.call?.winner ?? null) === winner) return { kind: 'unchanged', record };
  return {
    kind: 'changed',
    record: {
      ...record,
      call: winner === null ? null : { winner, at: now.toISOString() },
      revision: record.revision + 1,
      updatedAt: now.toISOString(),
    },
  };
}
