import { describe, expect, it } from 'vitest';
import { applyCall, buildRaceView } from '../../shared/index.js';
import { NOW, freshRecord } from './fixtures.js';

describe('applyCall', () => {
  const called = () => {
    const out = applyCall(freshRecord(), 'biden', NOW);
    if (out.kind !== 'changed') throw new Error(out.kind);
    return out.record;
  };

  it.each([
    { does: 'calls an uncalled race', from: freshRecord, winner: 'biden', kind: 'changed', call: { winner: 'biden', at: NOW.toISOString() }, revision: 2 },
    { does: 'changes a call to another candidate', from: called, winner: 'trump', kind: 'changed', call: { winner: 'trump', at: NOW.toISOString() }, revision: 3 },
    { does: 'withdraws a call', from: called, winner: null, kind: 'changed', call: null, revision: 3 },
    { does: 'changes nothing when called again for the same candidate', from: called, winner: 'biden', kind: 'unchanged', call: { winner: 'biden', at: NOW.toISOString() }, revision: 2 },
    { does: 'changes nothing when withdrawing a call that was never made', from: freshRecord, winner: null, kind: 'unchanged', call: null, revision: 1 },
  ])('$does', ({ from, winner, kind, call, revision }) => {
    const out = applyCall(from(), winner, NOW);
    expect(out.kind).toBe(kind);
    if (out.kind === 'invalid') return;
    expect(out.record.call).toEqual(call);
    expect(out.record.revision).toBe(revision);
  });

  it('refuses a winner who is not a candidate, naming the field', () => {
    expect(applyCall(freshRecord(), 'jorgensen', NOW)).toEqual({
      kind: 'invalid',
      issues: [{ path: 'winner', message: '"jorgensen" is not a candidate in this race' }],
    });
  });

  it('makes the view say called, whatever the count', () => {
    expect(buildRaceView(called())).toMatchObject({ status: 'called', call: { winner: 'biden' }, leader: null });
  });
});
