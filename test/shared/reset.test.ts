import { describe, expect, it } from 'vitest';
import { applyBatch, buildRaceView, needsReset, resetRecord } from '../../shared/index.js';
import { afterBatches, applied, batch, freshRecord, NOW } from './fixtures.js';

const REHEARSAL = [
  { asOf: '2020-11-04T01:00:00.000Z', votes: { biden: 100, trump: 200, other: 1 }, test: true },
  { asOf: '2020-11-04T02:00:00.000Z', votes: { biden: 300, trump: 250, other: 2 }, test: true },
];
/** Live batches timed before the rehearsal's: a reset must keep them from being "stale". */
const LIVE_EARLY = { asOf: '2020-11-03T23:00:00.000Z', votes: { biden: 10, trump: 20, other: 0 } };

describe('test and live: a batch of the other mode starts the race afresh', () => {
  const rehearsed = () => afterBatches(freshRecord(), REHEARSAL);

  it('carries the test flag of the latest accepted batch, and detects rehearsal lead changes as test', () => {
    const first = applied(freshRecord(), REHEARSAL[0]);
    expect(first.reset).toBe(true); // a new race is live until told otherwise
    const flip = applied(first.record, REHEARSAL[1]);
    expect(flip.reset).toBe(false);
    expect(flip.leadChange).toMatchObject({ from: 'trump', to: 'biden', test: true });
    expect(buildRaceView(flip.record)).toMatchObject({ test: true, totalVotes: 552 });
  });

  it('accepts a live batch older than the rehearsal’s, on empty counts, with no correction and no lead change', () => {
    const out = applied(rehearsed(), LIVE_EARLY);
    expect(out).toMatchObject({ reset: true, correction: false, leadChange: null });
    expect(out.record).toMatchObject({ test: false, votes: LIVE_EARLY.votes, asOf: LIVE_EARLY.asOf, lastLeader: 'trump', call: null });
    // Reset (one revision) and the batch (one more): revisions only move forward.
    expect(out.record.revision).toBe(rehearsed().revision + 2);
  });

  it('forgets the rehearsal’s leader, so the first live leader is no lead change', () => {
    const r = rehearsed();
    expect(r.lastLeader).toBe('biden');
    const out = applied(r, { ...LIVE_EARLY, votes: { biden: 5, trump: 9, other: 0 } });
    expect(out.leadChange).toBeNull();
  });

  it('answers a repeated live batch as a duplicate after the reset, not as a reset again', () => {
    const live = applied(rehearsed(), LIVE_EARLY).record;
    expect(applyBatch(live, batch(LIVE_EARLY), NOW).kind).toBe('duplicate');
  });

  it.each([
    { does: 'a live race and a live batch', test: false, record: () => freshRecord(), reset: false },
    { does: 'a live race and a test batch', test: true, record: () => freshRecord(), reset: true },
    { does: 'a test race and a live batch', test: false, record: () => afterBatches(freshRecord(), REHEARSAL), reset: true },
    { does: 'a test race and a test batch', test: true, record: () => afterBatches(freshRecord(), REHEARSAL), reset: false },
  ])('resets for $does: $reset', ({ test, record, reset }) => {
    expect(needsReset(record(), test)).toBe(reset);
  });

  it('keeps the definition and wipes counts, ordering, reporting, call and source', () => {
    const r = { ...rehearsed(), call: { winner: 'biden', at: NOW.toISOString() }, reporting: { reported: 1, total: 2, unit: 'precincts' } };
    const out = resetRecord(r, false, NOW);
    expect(out).toMatchObject({
      definition: r.definition,
      votes: { biden: 0, trump: 0, other: 0 },
      asOf: null,
      expectedVotePct: null,
      outstanding: null,
      reporting: null,
      lastLeader: null,
      call: null,
      source: null,
      test: false,
      revision: r.revision + 1,
    });
    expect(buildRaceView(out).status).toBe('awaiting');
  });
});
