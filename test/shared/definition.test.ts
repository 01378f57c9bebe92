import { describe, it, expect } from 'vitest';
import { applyDefinition, buildRaceView, type RaceRecord } from '../../shared/index.js';
import { afterBatches, applied, defineRace, freshRecord, georgia, georgiaBody, NOW } from './fixtures.js';

const LATER = new Date('2020-11-07T12:00:00.000Z');
const VOTES = { biden: 2449371, trump: 2448454, other: 61000 };
/** Georgia with one batch in: revision 2. */
const counted = (): RaceRecord => afterBatches(freshRecord(), [{ asOf: '2020-11-06T09:50:07.414Z', votes: VOTES, expectedVotePct: 98.9 }]);
const ga = (changes: Record<string, unknown>) => defineRace('ga-president-2020', { ...georgiaBody, ...changes });

describe('applyDefinition: creating', () => {
  it('creates a race at revision 1 with every count at zero and nothing reported yet', () => {
    expect(applyDefinition(null, georgia(), NOW)).toEqual({
      kind: 'created',
      record: {
        definition: georgia(),
        votes: { biden: 0, trump: 0, other: 0 },
        asOf: null,
        expectedVotePct: null,
        outstanding: null,
        revision: 1,
        lastLeader: null,
        call: null,
        updatedAt: '2020-11-06T10:00:00.000Z',
      },
    });
  });
});

describe('applyDefinition: identical redefinitions', () => {
  it.each([
    { does: 'changes nothing when the same definition is sent again', body: georgiaBody },
    { does: 'changes nothing when only the key order differs', body: { recount: { marginPct: 0.5 }, candidates: georgiaBody.candidates, electoralVotes: 16, jurisdiction: 'Georgia', title: 'President' } },
    { does: 'changes nothing when the default recount basis is written out', body: { ...georgiaBody, recount: { marginPct: 0.5, basis: 'total' } } },
    { does: 'changes nothing when autoAirAlerts false is written out', body: { ...georgiaBody, autoAirAlerts: false } },
    { does: 'changes nothing when names differ only by surrounding spaces', body: { ...georgiaBody, title: '  President ' } },
  ])('$does', ({ body }) => {
    const record = counted();
    const out = applyDefinition(record, defineRace('ga-president-2020', body), LATER);
    expect(out).toEqual({ kind: 'unchanged', record });
    expect(out.kind === 'unchanged' && out.record.revision).toBe(2);
  });

  it.each([
    { does: 'treats a left-out electoralVotes and null as the same', a: { electoralVotes: null }, b: {} },
    { does: 'treats a left-out recount and null as the same', a: { recount: null }, b: {} },
  ])('$does', ({ a, b }) => {
    const base = { title: 'Senate', jurisdiction: 'Ohio', candidates: [{ id: 'a', name: 'A' }] };
    const record = freshRecord(defineRace('oh-senate', { ...base, ...a }));
    expect(applyDefinition(record, defineRace('oh-senate', { ...base, ...b }), LATER)).toEqual({ kind: 'unchanged', record });
  });
});

describe('applyDefinition: redefinitions', () => {
  it.each([
    { does: 'updates the title and keeps the counts', changes: { title: 'President of the United States' } },
    { does: 'updates the recount rule and keeps the counts', changes: { recount: { marginPct: 0.1, marginVotes: 200, basis: 'topTwo' } } },
    { does: 'updates a candidate’s party and keeps the counts', changes: { candidates: georgiaBody.candidates.map((c) => (c.id === 'other' ? { ...c, party: 'LIB' } : c)) } },
    { does: 'updates the candidate order and keeps the counts', changes: { candidates: [...georgiaBody.candidates].reverse() } },
    { does: 'updates when automatic alerts are turned on', changes: { autoAirAlerts: true } },
  ])('$does', ({ changes }) => {
    const record = counted();
    const def = ga(changes);
    expect(applyDefinition(record, def, LATER)).toEqual({
      kind: 'updated',
      record: { ...record, definition: def, votes: VOTES, revision: 3, updatedAt: '2020-11-07T12:00:00.000Z' },
    });
  });

  it('adds a new candidate with zero votes', () => {
    const def = ga({ candidates: [...georgiaBody.candidates, { id: 'hawkins', name: 'Howie Hawkins', party: 'GRN' }] });
    const out = applyDefinition(counted(), def, LATER);
    expect(out.kind === 'updated' && [out.record.votes, out.record.revision]).toEqual([{ ...VOTES, hawkins: 0 }, 3]);
  });

  it('removes a candidate who has no votes', () => {
    const record = afterBatches(freshRecord(), [{ asOf: '2020-11-06T09:50:07.414Z', votes: { ...VOTES, other: 0 } }]);
    const out = applyDefinition(record, ga({ candidates: georgiaBody.candidates.slice(0, 2) }), LATER);
    expect(out.kind === 'updated' && [out.record.votes, out.record.revision]).toEqual([{ biden: 2449371, trump: 2448454 }, 3]);
  });

  it('keeps the last leader, asOf and reported figures across a redefinition', () => {
    const record = counted();
    const out = applyDefinition(record, ga({ title: 'Pres.' }), LATER);
    expect(out.kind === 'updated' && [out.record.lastLeader, out.record.asOf, out.record.expectedVotePct]).toEqual([
      'biden',
      '2020-11-06T09:50:07.414Z',
      98.9,
    ]);
  });

  it('shows the new recount rule applied to the kept counts', () => {
    const out = applyDefinition(counted(), ga({ recount: { marginVotes: 900 } }), LATER);
    if (out.kind !== 'updated') throw new Error(out.kind);
    const view = buildRaceView(out.record);
    expect([view.margin, view.recount, view.inRecountRange]).toEqual([917, { marginPct: null, marginVotes: 900, basis: 'total' }, false]);
  });

  it.each([
    {
      does: 'refuses to remove a candidate who has votes',
      candidates: georgiaBody.candidates.slice(0, 2),
      want: { kind: 'conflict', message: 'cannot remove candidates who have votes: other', candidates: ['other'] },
    },
    {
      does: 'names every removed candidate who has votes',
      candidates: [{ id: 'west', name: 'Kanye West' }],
      want: { kind: 'conflict', message: 'cannot remove candidates who have votes: biden, trump, other', candidates: ['biden', 'trump', 'other'] },
    },
  ])('$does', ({ candidates, want }) => {
    expect(applyDefinition(counted(), ga({ candidates }), LATER)).toEqual(want);
  });

  it.each([
    { does: 'keeps a call whose winner is still a candidate', winner: 'biden', drop: 'other', votes: { biden: 5, trump: 3, other: 0 }, keeps: true },
    { does: 'drops a call whose winner is removed', winner: 'other', drop: 'other', votes: { biden: 0, trump: 0, other: 0 }, keeps: false },
  ])('$does', ({ winner, drop, votes, keeps }) => {
    const call = { winner, at: '2020-11-07T16:25:00.000Z' };
    const record: RaceRecord = { ...freshRecord(), votes, call };
    const out = applyDefinition(record, ga({ candidates: georgiaBody.candidates.filter((c) => c.id !== drop) }), LATER);
    expect(out.kind === 'updated' && out.record.call).toEqual(keeps ? call : null);
  });
});

describe('applyDefinition: lead-change baselines of removed candidates', () => {
  it('forgets a removed candidate as the last leader, so no lead change names someone off the ballot', () => {
    // Others led, a correction took every count back to zero, and the desk removed the Others line.
    const led = afterBatches(freshRecord(), [
      { asOf: '2020-11-06T09:00:00Z', votes: { biden: 1, trump: 1, other: 5 } },
      { asOf: '2020-11-06T09:10:00Z', votes: { biden: 0, trump: 0, other: 0 } },
    ]);
    expect(led.lastLeader).toBe('other');
    const out = applyDefinition(led, ga({ candidates: georgiaBody.candidates.filter((c: { id: string }) => c.id !== 'other') }), LATER);
    if (out.kind !== 'updated') throw new Error(out.kind);
    expect(out.record.lastLeader).toBeNull();
    // Biden's lead is the race's first since: not a lead change from a candidate who is no longer in it.
    expect(applied(out.record, { asOf: '2020-11-06T09:20:00Z', votes: { biden: 3, trump: 1 } }).leadChange).toBeNull();
  });

  it('keeps a last leader who stays in the race', () => {
    const out = applyDefinition(counted(), ga({ title: 'President of the United States' }), LATER);
    if (out.kind !== 'updated') throw new Error(out.kind);
    expect(out.record.lastLeader).toBe('biden');
  });
});
