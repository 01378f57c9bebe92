import { describe, it, expect } from 'vitest';
import { applyBatch, detectLeadShift, LeadChange, leadChangeId, nextLastLeader } from '../../shared/index.js';
import { applied, batch, defineRace, freshRecord, NOW } from './fixtures.js';

describe('detectLeadShift', () => {
  it.each([
    { does: 'is no lead change for the first leader of a race', last: null, leader: 'trump', want: null },
    { does: 'is no lead change while nobody has led and nobody leads', last: null, leader: null, want: null },
    { does: 'is no lead change on a tie after a leader', last: 'trump', leader: null, want: null },
    { does: 'is no lead change when the same candidate still leads (or regains the lead after a tie)', last: 'trump', leader: 'trump', want: null },
    { does: 'is a lead change when another candidate takes the strict lead', last: 'trump', leader: 'biden', want: { from: 'trump', to: 'biden' } },
  ])('$does', ({ last, leader, want }) => {
    expect(detectLeadShift(last, leader)).toEqual(want);
  });
});

describe('nextLastLeader', () => {
  it.each([
    { does: 'remembers the first leader', last: null, leader: 'trump', want: 'trump' },
    { does: 'keeps the previous leader through a tie', last: 'trump', leader: null, want: 'trump' },
    { does: 'stays empty while nobody has led', last: null, leader: null, want: null },
    { does: 'moves to the new leader on a flip', last: 'trump', leader: 'biden', want: 'biden' },
  ])('$does', ({ last, leader, want }) => {
    expect(nextLastLeader(last, leader)).toBe(want);
  });
});

describe('lead changes over a night of batches', () => {
  const def = defineRace('race', { title: 'T', jurisdiction: 'J', candidates: ['a', 'b', 'c'].map((id) => ({ id, name: id })) });
  const at = (i: number) => `2020-11-04T0${i}:00:00Z`;

  it.each([
    { does: 'records no lead change for the first leader', counts: [[1, 0, 0]], want: [null] },
    { does: 'records no lead change for a leader who follows zero votes', counts: [[0, 0, 0], [0, 1, 0]], want: [null, null] },
    { does: 'records no lead change for a leader who follows an opening tie', counts: [[1, 1, 0], [2, 1, 0]], want: [null, null] },
    { does: 'records no lead change when the leader only grows', counts: [[2, 1, 0], [20, 10, 0], [200, 199, 0]], want: [null, null, null] },
    { does: 'records a lead change when the runner-up overtakes', counts: [[2, 1, 0], [2, 3, 0]], want: [null, 'a→b'] },
    { does: 'records no lead change on a tie', counts: [[2, 1, 0], [3, 3, 0]], want: [null, null] },
    { does: 'records no lead change when the same candidate regains the lead after a tie', counts: [[2, 1, 0], [3, 3, 0], [5, 3, 0]], want: [null, null, null] },
    { does: 'records a lead change from the last strict leader when another candidate comes out of a tie ahead', counts: [[2, 1, 0], [3, 3, 0], [3, 5, 0]], want: [null, null, 'a→b'] },
    { does: 'records a lead change from the last leader across several ties', counts: [[2, 1, 0], [3, 3, 0], [4, 4, 4], [4, 4, 9]], want: [null, null, null, 'a→c'] },
    { does: 'records every flip of a see-saw count', counts: [[2, 1, 0], [2, 3, 0], [4, 3, 0], [4, 5, 0]], want: [null, 'a→b', 'b→a', 'a→b'] },
    { does: 'records a lead change when a third candidate jumps from nowhere', counts: [[5, 4, 0], [5, 4, 6]], want: [null, 'a→c'] },
    { does: 'records a lead change caused by a correction', counts: [[10, 9, 0], [8, 9, 0]], want: [null, 'a→b'] },
  ])('$does', ({ counts, want }) => {
    let record = freshRecord(def);
    const got: (string | null)[] = [];
    counts.forEach(([a, b, c], i) => {
      const out = applied(record, { asOf: at(i), votes: { a, b, c } });
      got.push(out.leadChange && `${out.leadChange.from}→${out.leadChange.to}`);
      record = out.record;
    });
    expect(got).toEqual(want);
  });

  it('keeps the last strict leader in the record through a tie', () => {
    let record = freshRecord(def);
    record = applied(record, { asOf: at(0), votes: { a: 2, b: 1, c: 0 } }).record;
    record = applied(record, { asOf: at(1), votes: { a: 3, b: 3, c: 0 } }).record;
    expect(record.lastLeader).toBe('a');
  });
});

describe('the Georgia 2020 flip', () => {
  const trumpAhead = {
    asOf: '2020-11-06T04:00:00.000Z',
    votes: { biden: 2447675, trump: 2448138, other: 60950 },
    expectedVotePct: 98.7,
  };
  const bidenAhead = {
    asOf: '2020-11-06T09:50:07.414Z',
    votes: { biden: 2449371, trump: 2448454, other: 61000 },
    expectedVotePct: 98.9,
    outstanding: { ballots: 8410, label: 'military and overseas ballots' },
  };

  it('records no lead change while Trump leads by 463', () => {
    const out = applied(freshRecord(), trumpAhead);
    expect([out.leadChange, out.record.lastLeader]).toEqual([null, 'trump']);
  });

  it('records the lead change from Trump to Biden by 917 votes at 09:50:07.414Z', () => {
    const before = applied(freshRecord(), trumpAhead).record;
    const out = applied(before, bidenAhead);
    expect(out.leadChange).toEqual({
      id: 'ga-president-2020.r3',
      raceId: 'ga-president-2020',
      from: 'trump',
      to: 'biden',
      margin: 917,
      marginPct: 91700 / 4958825,
      asOf: '2020-11-06T09:50:07.414Z',
      revision: 3,
      detectedAt: '2020-11-06T10:00:00.000Z',
    });
    expect(out.leadChange?.marginPct).toBeCloseTo(0.018492, 6);
    expect(LeadChange.safeParse(out.leadChange).success).toBe(true);
    expect([out.record.lastLeader, out.correction]).toEqual(['biden', false]);
  });

  it('does not record the flip twice when the same batch is posted again', () => {
    const before = applied(applied(freshRecord(), trumpAhead).record, bidenAhead).record;
    expect(applyBatch(before, batch(bidenAhead), NOW).kind).toBe('duplicate');
  });
});

describe('leadChangeId', () => {
  it.each([
    { does: 'names a lead change by its race and revision', raceId: 'ga-president-2020', revision: 3, want: 'ga-president-2020.r3' },
    { does: 'keeps large revisions whole', raceId: 'x', revision: 123456, want: 'x.r123456' },
  ])('$does', ({ raceId, revision, want }) => {
    expect(leadChangeId(raceId, revision)).toBe(want);
  });
});
