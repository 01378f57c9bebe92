import { describe, expect, it } from 'vitest';
import { buildRaceView, type CallProposal, type ControlSnapshot, type RaceView } from '../../shared/index.js';
import {
  callHistory,
  callsFromSnapshot,
  describeCallMade,
  describeCallTag,
  describeDecision,
  describeProposal,
  fullName,
  keepCall,
  pendingCalls,
  shortClock,
} from '../../overlay/control/calls.js';
import { ControlState } from '../../overlay/control/state.js';

const GA = 'ga-president-2020';

/** Georgia, Biden ahead by 917; `call` and `advancing` as given. */
function georgia(o: { call?: RaceView['call']; advancing?: string[] } = {}): RaceView {
  return buildRaceView({
    definition: {
      id: GA,
      title: 'President',
      jurisdiction: 'Georgia',
      candidates: [
        { id: 'biden', name: 'Joe Biden', party: 'DEM' },
        { id: 'trump', name: 'Donald Trump', party: 'REP' },
      ],
    },
    votes: { biden: 2_449_371, trump: 2_448_454 },
    asOf: '2020-11-06T09:50:07.414Z',
    expectedVotePct: null,
    outstanding: null,
    revision: 3,
    lastLeader: 'biden',
    call: o.call ?? null,
    updatedAt: '2020-11-06T10:00:00.000Z',
    ...(o.advancing ? { advancing: o.advancing } : {}),
  });
}

/** AP's call of Georgia for Biden, waiting for the desk unless told otherwise. */
const proposal = (o: Partial<CallProposal> = {}): CallProposal => ({
  id: `${GA}.ap.winner.biden`,
  raceId: GA,
  winner: 'biden',
  kind: 'winner',
  source: 'ap',
  status: 'proposed',
  at: '2020-11-07T16:25:00.000Z',
  decidedAt: null,
  decidedBy: null,
  ...o,
});
const accepted = (o: Partial<CallProposal> = {}) => proposal({ status: 'accepted', decidedAt: '2020-11-07T16:26:05.000Z', decidedBy: 'producer', ...o });
const rejected = (o: Partial<CallProposal> = {}) => proposal({ status: 'rejected', decidedAt: '2020-11-07T16:26:05.000Z', decidedBy: 'producer', ...o });
const FEEDS = new Map([['ap', { label: 'AP' }]]);

describe('keepCall', () => {
  it.each([
    { does: 'takes a proposal first seen', held: undefined, next: proposal(), want: 'next' },
    { does: 'takes the decision on a waiting proposal', held: proposal(), next: accepted(), want: 'next' },
    { does: 'takes a rejection of a waiting proposal', held: proposal(), next: rejected(), want: 'next' },
    { does: 'never sends an accepted call back to proposed', held: accepted(), next: proposal(), want: 'held' },
    { does: 'never sends a rejected call back to proposed', held: rejected(), next: proposal(), want: 'held' },
    { does: 'never sends an ignored call back to proposed', held: proposal({ status: 'ignored', decidedBy: 'auto' }), next: proposal(), want: 'held' },
    { does: 'takes a later report of the same decision', held: accepted(), next: accepted({ decidedBy: 'Dana' }), want: 'next' },
    { does: 'takes a newer report of a waiting proposal', held: proposal(), next: proposal({ test: true }), want: 'next' },
    {
      does: 'takes a proposal first seen after the decided one: the live call after a rejected rehearsal one',
      held: rejected({ test: true, at: '2020-11-06T09:00:00.000Z', decidedAt: '2020-11-06T09:05:00.000Z' }),
      next: proposal(),
      want: 'next',
    },
  ])('$does', ({ held, next, want }) => {
    expect(keepCall(held, next)).toBe(want === 'held' ? held : next);
  });
});

describe('callsFromSnapshot', () => {
  it('replaces every proposal held, dropping those the snapshot no longer has', () => {
    const held = new Map([[proposal().id, proposal()], ['old', proposal({ id: 'old', winner: 'trump' })]]);
    const got = callsFromSnapshot(held, [accepted()]);
    expect([...got.values()]).toEqual([accepted()]);
  });

  it('keeps a decision this page already holds over a snapshot built before it', () => {
    const held = new Map([[proposal().id, accepted()]]);
    expect(callsFromSnapshot(held, [proposal()]).get(proposal().id)).toEqual(accepted());
  });

  it('holds nothing from an empty snapshot', () => {
    expect(callsFromSnapshot(new Map([[proposal().id, proposal()]]), []).size).toBe(0);
  });
});

describe('pendingCalls and callHistory', () => {
  const a = proposal({ id: 'a', at: '2020-11-07T16:25:00.000Z' });
  const b = proposal({ id: 'b', at: '2020-11-07T16:20:00.000Z' });
  const c = accepted({ id: 'c', decidedAt: '2020-11-07T16:30:00.000Z' });
  const d = rejected({ id: 'd', decidedAt: '2020-11-07T16:40:00.000Z' });
  const e = proposal({ id: 'e', status: 'ignored', decidedAt: '2020-11-07T16:10:00.000Z', decidedBy: 'auto' });

  it.each([
    { does: 'lists waiting calls oldest first', got: () => pendingCalls([a, b, c, d, e]).map((p) => p.id), want: ['b', 'a'] },
    { does: 'orders waiting calls seen at the same moment by id', got: () => pendingCalls([proposal({ id: 'z' }), proposal({ id: 'y' })]).map((p) => p.id), want: ['y', 'z'] },
    { does: 'lists nothing waiting when all are decided', got: () => pendingCalls([c, d, e]), want: [] },
    { does: 'lists decided calls newest decision first', got: () => callHistory([a, b, c, d, e]).map((p) => p.id), want: ['d', 'c', 'e'] },
    { does: 'keeps the history short', got: () => callHistory([a, b, c, d, e], 2).map((p) => p.id), want: ['d', 'c'] },
  ])('$does', ({ got, want }) => {
    expect(got()).toEqual(want);
  });
});

describe('describeProposal', () => {
  it.each([
    {
      does: 'names race, candidate in full, kind and the feed’s label',
      p: proposal(),
      v: georgia(),
      want: { race: 'Georgia President', candidate: 'Joe Biden (DEM)', kind: 'WINNER', source: 'AP', time: '16:25:00Z', name: 'Georgia President — Joe Biden (AP)' },
    },
    {
      does: 'says a runoff flag advances the candidate',
      p: proposal({ id: `${GA}.ap.runoff.trump`, kind: 'runoff', winner: 'trump' }),
      v: georgia(),
      want: { candidate: 'Donald Trump (REP)', kind: 'ADVANCES TO RUNOFF', name: 'Georgia President — Donald Trump to a runoff (AP)' },
    },
    { does: 'marks a TEST proposal in its name', p: proposal({ test: true }), v: georgia(), want: { name: 'Georgia President — Joe Biden (AP, TEST)' } },
    { does: 'falls back to the feed id when this page does not know the feed', p: proposal({ source: 'ga-sos' }), v: georgia(), want: { source: 'ga-sos', name: 'Georgia President — Joe Biden (ga-sos)' } },
    { does: 'falls back to ids when this page does not know the race', p: proposal(), v: undefined, want: { race: GA, candidate: 'biden', name: `${GA} — biden (AP)` } },
  ])('$does', ({ p, v, want }) => {
    expect(describeProposal(p, v, FEEDS)).toMatchObject(want);
  });

  it('names a candidate in full with the party, or by id when unknown', () => {
    expect([fullName(georgia(), 'trump'), fullName(georgia(), 'nobody'), fullName(undefined, 'biden')]).toEqual(['Donald Trump (REP)', 'nobody', 'biden']);
  });
});

describe('describeDecision', () => {
  it.each([
    { does: 'says a waiting call waits', p: proposal(), want: 'waiting for the desk' },
    { does: 'names who accepted it and when', p: accepted(), want: 'accepted by producer 16:26:05Z' },
    { does: 'names who rejected it and when', p: rejected({ decidedBy: 'Dana' }), want: 'rejected by Dana 16:26:05Z' },
    { does: 'says the race’s rule accepted it', p: accepted({ decidedBy: 'auto' }), want: 'accepted by the race’s rule 16:26:05Z' },
    { does: 'says an ignored call was recorded only', p: proposal({ status: 'ignored', decidedBy: 'auto', decidedAt: '2020-11-07T16:25:00.000Z' }), want: 'recorded only (race ignores wire calls) 16:25:00Z' },
    { does: 'leaves out who and when when the server does not say', p: accepted({ decidedBy: null, decidedAt: null }), want: 'accepted' },
  ])('$does', ({ p, want }) => {
    expect(describeDecision(p)).toBe(want);
  });
});

describe('who called a race', () => {
  const at = '2020-11-07T16:26:05.000Z';
  it.each([
    { does: 'says nothing of a race not called', v: georgia(), calls: [], want: null },
    { does: 'names a desk call and its minute', v: georgia({ call: { winner: 'biden', at, source: 'desk' } }), calls: [], want: 'desk call 16:26Z' },
    { does: 'names the feed whose call a producer accepted', v: georgia({ call: { winner: 'biden', at, source: 'ap' } }), calls: [accepted()], want: 'AP call, accepted 16:26Z' },
    { does: 'says the race’s rule accepted it', v: georgia({ call: { winner: 'biden', at, source: 'ap' } }), calls: [accepted({ decidedBy: 'auto' })], want: 'AP call, auto-accepted 16:26Z' },
    { does: 'names an unknown feed by its id', v: georgia({ call: { winner: 'biden', at, source: 'wire' } }), calls: [], want: 'wire call, accepted 16:26Z' },
    { does: 'gives the time alone for a call that does not say who made it', v: georgia({ call: { winner: 'biden', at } }), calls: [], want: 'called 16:26Z' },
  ])('$does', ({ v, calls, want }) => {
    expect(describeCallMade(v, FEEDS, calls)).toBe(want);
  });

  it('tags a called race with its winner', () => {
    expect(describeCallTag(georgia({ call: { winner: 'biden', at, source: 'desk' } }))).toBe('✓ CALLED · BIDEN');
    expect(describeCallTag(georgia())).toBeNull();
  });

  it.each([
    { iso: '2020-11-07T21:14:05.000Z', want: '21:14Z' },
    { iso: '2020-11-07T00:00:59.999Z', want: '00:00Z' },
    { iso: 'not a time', want: 'not a time' },
  ])('gives $iso to the minute as $want', ({ iso, want }) => {
    expect(shortClock(iso)).toBe(want);
  });
});

describe('ControlState calls', () => {
  const snapshot = (calls: CallProposal[]): ControlSnapshot => ({
    graphics: { program: { lowerThird: null, alert: null, ticker: null, fullscreen: null }, preview: { lowerThird: null, alert: null, ticker: null, fullscreen: null } },
    races: { [GA]: georgia() },
    leadChanges: {},
    alerts: [],
    revision: 1,
    feeds: [],
    calls,
  });
  const ids = (s: ControlState) => [...s.calls.values()].map((p) => `${p.id}:${p.status}`);

  it('takes the first snapshot’s proposals without flashing them', () => {
    const s = new ControlState(() => 0);
    s.applySnapshot(snapshot([proposal(), rejected({ id: 'r' })]));
    expect(ids(s)).toEqual([`${GA}.ap.winner.biden:proposed`, 'r:rejected']);
    expect(s.pendingCalls().map((p) => p.id)).toEqual([`${GA}.ap.winner.biden`]);
    expect(s.callHistory().map((p) => p.id)).toEqual(['r']);
    expect([...s.freshCalls]).toEqual([]);
  });

  it('flashes a proposal pushed after the snapshot, and one a later snapshot brings', () => {
    const s = new ControlState(() => 0);
    s.applySnapshot(snapshot([]));
    s.applyCall(proposal());
    s.applySnapshot(snapshot([proposal(), proposal({ id: 'new' }), rejected({ id: 'done' })]));
    expect([...s.freshCalls]).toEqual([`${GA}.ap.winner.biden`, 'new']);
  });

  it('never sends a decided proposal back to proposed, whether by push or by snapshot', async () => {
    const s = new ControlState(() => 0);
    s.applySnapshot(snapshot([proposal()]));
    s.applyCall(accepted());
    await Promise.resolve();
    let changes = 0;
    s.subscribe(() => (changes += 1));
    s.applyCall(proposal());
    await Promise.resolve();
    expect(changes).toBe(0); // an older report changes nothing, so nothing is drawn again
    s.applySnapshot(snapshot([proposal()]));
    expect(ids(s)).toEqual([`${GA}.ap.winner.biden:accepted`]);
    expect(s.pendingCalls()).toEqual([]);
  });

  it('drops every proposal when reset (a token refused)', () => {
    const s = new ControlState(() => 0);
    s.applySnapshot(snapshot([proposal()]));
    s.applyCall(proposal({ id: 'x' }));
    s.reset();
    expect([s.calls.size, s.freshCalls.size]).toEqual([0, 0]);
  });
});
