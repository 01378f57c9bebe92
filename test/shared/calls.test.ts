import { describe, expect, it } from 'vitest';
import { decideProposal, deskCall, MAX_PROPOSALS, proposeCall, proposalId, withdrawCall, type RaceRecord } from '../../shared/index.js';
import { freshRecord, NOW } from './fixtures.js';

const flag = (winner = 'biden', kind: 'winner' | 'runoff' = 'winner', source = 'ap') => ({ winner, kind, source });
const withRule = (acceptCalls: 'approve' | 'auto' | 'ignore'): RaceRecord => {
  const r = freshRecord();
  return { ...r, definition: { ...r.definition, acceptCalls } };
};
const changed = <T extends { kind: string }>(o: T) => {
  if (o.kind !== 'changed') throw new Error(`expected changed, got ${o.kind}`);
  return o as Extract<T, { kind: 'changed' }>;
};

describe('proposals from sources', () => {
  it.each([
    { rule: 'approve' as const, status: 'proposed', called: null, alert: false },
    { rule: 'auto' as const, status: 'accepted', called: 'biden', alert: true },
    { rule: 'ignore' as const, status: 'ignored', called: null, alert: false },
  ])('with acceptCalls "$rule" a wire’s call is $status', ({ rule, status, called, alert }) => {
    const out = changed(proposeCall(withRule(rule), flag(), NOW));
    expect(out.proposal).toMatchObject({ id: proposalId('ga-president-2020', flag()), status });
    expect(out.record.call?.winner ?? null).toBe(called);
    expect(out.alert !== null).toBe(alert);
    expect(out.record.revision).toBe(2);
  });

  it('is one proposal per source, kind and candidate: the same flag again changes nothing', () => {
    const once = changed(proposeCall(freshRecord(), flag(), NOW)).record;
    expect(proposeCall(once, flag(), NOW)).toMatchObject({ kind: 'unchanged' });
    expect(changed(proposeCall(once, flag('trump'), NOW)).record.proposals).toHaveLength(2);
    expect(changed(proposeCall(once, flag('biden', 'winner', 'ga-sos'), NOW)).record.proposals).toHaveLength(2);
  });

  it('refuses a flag on someone who is not a candidate', () => {
    expect(proposeCall(freshRecord(), flag('jorgensen'), NOW)).toMatchObject({ kind: 'invalid', issues: [{ path: 'winner' }] });
  });

  it('keeps the newest proposals only', () => {
    let r = freshRecord();
    for (let i = 0; i < MAX_PROPOSALS + 5; i++) r = changed(proposeCall(r, flag('biden', 'winner', `feed-${i}`), NOW)).record;
    expect(r.proposals).toHaveLength(MAX_PROPOSALS);
    expect(r.proposals?.[0]?.source).toBe('feed-5');
  });
});

describe('deciding, calling, withdrawing', () => {
  const proposed = () => changed(proposeCall(freshRecord(), flag(), NOW)).record;
  const id = proposalId('ga-president-2020', flag());

  it('accepting calls the race with the source, raises a call alert and records who decided', () => {
    const out = changed(decideProposal(proposed(), id, 'accepted', 'Maria (producer)', NOW));
    expect(out.record.call).toEqual({ winner: 'biden', at: NOW.toISOString(), source: 'ap' });
    expect(out.alert).toMatchObject({ kind: 'call', winner: 'biden', callId: id, status: 'pending' });
    expect(out.proposal).toMatchObject({ status: 'accepted', decidedBy: 'Maria (producer)' });
  });

  it('rejecting changes only the proposal', () => {
    const out = changed(decideProposal(proposed(), id, 'rejected', 'producer', NOW));
    expect(out.record.call).toBeNull();
    expect(out.alert).toBeNull();
  });

  it.each([
    { does: 'an unknown proposal', record: freshRecord, decision: 'accepted' as const, kind: 'not_found' },
    { does: 'the same decision twice', record: () => changed(decideProposal(changed(proposeCall(freshRecord(), flag(), NOW)).record, id, 'accepted', 'p', NOW)).record, decision: 'accepted' as const, kind: 'unchanged' },
    { does: 'the other decision after one', record: () => changed(decideProposal(changed(proposeCall(freshRecord(), flag(), NOW)).record, id, 'accepted', 'p', NOW)).record, decision: 'rejected' as const, kind: 'conflict' },
  ])('answers $kind for $does', ({ record, decision, kind }) => {
    expect(decideProposal(record(), id, decision, 'p', NOW).kind).toBe(kind);
  });

  it('a runoff flag accepted sends the candidate on, without a projected winner', () => {
    const r = changed(proposeCall(freshRecord(), flag('trump', 'runoff'), NOW)).record;
    const out = changed(decideProposal(r, proposalId('ga-president-2020', flag('trump', 'runoff')), 'accepted', 'p', NOW));
    expect(out.record).toMatchObject({ advancing: ['trump'], call: null });
    expect(out.alert).toBeNull();
  });

  it('a desk call is immediate, says it came from the desk, and dismisses an older call’s pending alert', () => {
    const out = changed(deskCall(freshRecord(), 'biden', 'desk', NOW));
    expect(out).toMatchObject({ record: { call: { winner: 'biden', source: 'desk' } }, dismissAlertsOf: 'call', alert: { kind: 'call', winner: 'biden' } });
    expect(deskCall(out.record, 'biden', 'desk', NOW).kind).toBe('unchanged');
  });

  it('withdrawing clears the call and any runoff, and dismisses pending call alerts; withdrawing nothing changes nothing', () => {
    const called = changed(deskCall(freshRecord(), 'biden', 'desk', NOW)).record;
    expect(changed(withdrawCall(called, NOW))).toMatchObject({ record: { call: null, advancing: [] }, dismissAlertsOf: 'call' });
    expect(withdrawCall(freshRecord(), NOW).kind).toBe('unchanged');
  });
});
