import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standings, winning } from '../../shared/index.js';

/**
 * `standings` and `winning` avoid sorting (they run for every batch and every view); these are what they must equal,
 * written the obvious way: a stable sort by votes, most first, definition order among equal counts.
 */
function ranked(ids: readonly string[], votes: Readonly<Record<string, number>>) {
  return ids.map((id) => ({ id, votes: votes[id] ?? 0 })).sort((a, b) => b.votes - a.votes);
}

function referenceStandings(ids: readonly string[], votes: Readonly<Record<string, number>>) {
  const r = ranked(ids, votes);
  const top = r[0]?.votes ?? 0;
  const next = r[1]?.votes ?? 0;
  const hasLeader = r[0] !== undefined && top > 0 && top > next;
  return {
    totalVotes: r.reduce((sum, c) => sum + c.votes, 0),
    leader: hasLeader ? r[0]!.id : null,
    runnerUp: hasLeader && r[1] !== undefined ? r[1].id : null,
    margin: top - next,
    topTwoVotes: top + next,
  };
}

function referenceWinning(ids: readonly string[], votes: Readonly<Record<string, number>>, seats: number) {
  const r = ranked(ids, votes).filter((c) => c.votes > 0);
  const cutOff = r[seats - 1]?.votes ?? 0;
  return r.filter((c) => c.votes >= cutOff).map((c) => c.id);
}

/** Up to eight candidates, their counts often equal (ties are where an ordering goes wrong), some missing. */
const count = fc.oneof(fc.constantFrom(0, 1, 2, 917), fc.nat({ max: 5_000_000 }));
const race = fc.uniqueArray(fc.constantFrom('biden', 'trump', 'jorgensen', 'hawkins', 'west', 'other', 'yes', 'no'), { maxLength: 8 }).chain((ids) =>
  fc.record({ ids: fc.constant(ids), votes: fc.dictionary(fc.constantFrom(...ids, 'stranger'), count) }),
);

describe('standings and single-seat winning against a stable sort', () => {
  it('gives the same leader, runner-up, margin and totals for any count, ties included', () => {
    fc.assert(
      fc.property(race, ({ ids, votes }) => {
        const cands = ids.map((id) => ({ id, name: id }));
        const want = referenceStandings(ids, Object.fromEntries(ids.filter((id) => id in votes).map((id) => [id, votes[id]!])));
        expect(standings(cands, votes)).toEqual(want);
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives the same winning set, in the same order, for one seat', () => {
    fc.assert(
      fc.property(race, ({ ids, votes }) => {
        expect(winning(ids.map((id) => ({ id })), votes, 1)).toEqual(referenceWinning(ids, votes, 1));
      }),
      { numRuns: 2_000 },
    );
  });
});
