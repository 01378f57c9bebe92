import { describe, expect, it } from 'vitest';
import type { ControlSnapshot, Graphic, GraphicsState, Layers, RaceView } from '../../shared/index.js';
import { ControlState, sameGraphic, takeReadiness } from '../../overlay/control/state.js';
import { alert, gaBefore, gaFlip, gaLeadChange, paFlip, view } from './fixtures.js';

const EMPTY: Layers = { lowerThird: null, alert: null, ticker: null, fullscreen: null };
const GA_LT: Layers = { lowerThird: { type: 'race', raceId: 'ga-president-2020' }, alert: null, ticker: null, fullscreen: null };

/** A ControlState on a clock the test moves by hand. */
function setup(start = 1_000_000) {
  let t = start;
  const state = new ControlState(() => t);
  return {
    state,
    advance: (ms: number) => {
      t += ms;
    },
    get now() {
      return t;
    },
  };
}

function snapshot(o: Partial<ControlSnapshot> = {}): ControlSnapshot {
  return {
    graphics: { program: GA_LT, preview: EMPTY },
    races: { 'ga-president-2020': gaBefore(2), 'pa-president-2020': paFlip(1) },
    leadChanges: {},
    alerts: [],
    revision: 7,
    feeds: [],
    calls: [],
    ...o,
  };
}

const races = (...views: RaceView[]) => Object.fromEntries(views.map((v) => [v.id, v]));
const entry = (s: ControlState, id: string) => {
  const e = s.races.get(id);
  return e ? { revision: e.view.revision, receivedAt: e.receivedAt, sinceLoad: e.sinceLoad } : null;
};
const graphicsAt = (revision: number, program: Layers = GA_LT): GraphicsState => ({ program, preview: EMPTY, revision });

describe('ControlState.applySnapshot', () => {
  it('on first load, takes every race as known only since the page loaded', () => {
    const { state, now } = setup();
    state.applySnapshot(snapshot({ leadChanges: { 'lc-1': gaLeadChange() }, alerts: [alert('a1')] }));
    expect(entry(state, 'ga-president-2020')).toEqual({ revision: 2, receivedAt: now, sinceLoad: true });
    expect(entry(state, 'pa-president-2020')).toEqual({ revision: 1, receivedAt: now, sinceLoad: true });
    expect([...state.leadChanges.keys()]).toEqual(['lc-1']);
    expect([...state.alerts.keys()]).toEqual(['a1']);
    expect(state.graphics).toEqual({ program: GA_LT, preview: EMPTY, revision: 7 });
    expect(state.synced).toBe(true);
    expect([...state.freshAlerts]).toEqual([]);
  });

  it.each([
    { does: 'keeps the age of a race whose revision did not change across a reconnect', id: 'ga-president-2020', want: { revision: 2, receivedAt: 1_000_000, sinceLoad: true } },
    // It changed at some time while the page was away: "no update for ≥ …" from now, never "updated 0 s ago".
    { does: 'dates a race that moved on while disconnected as at least as old as from now', id: 'pa-president-2020', want: { revision: 5, receivedAt: 1_090_000, sinceLoad: true } },
    { does: 'dates a race first seen after a reconnect as at least as old as from now', id: 'az-president-2020', want: { revision: 1, receivedAt: 1_090_000, sinceLoad: true } },
    { does: 'forgets a race the new snapshot does not have', id: 'nv-president-2020', want: null },
  ])('$does', ({ id, want }) => {
    const { state, advance } = setup();
    state.applySnapshot(snapshot({ races: races(gaBefore(2), paFlip(1), view({ id: 'nv-president-2020' })) }));
    advance(30_000);
    state.setConnection('reconnecting', 'transport close');
    advance(60_000);
    state.setConnection('connected');
    state.applySnapshot(snapshot({ races: races(gaBefore(2), paFlip(5), view({ id: 'az-president-2020' })) }));
    expect(entry(state, id)).toEqual(want);
  });

  it('replaces lead changes, alerts and graphics with the reconnect snapshot, even at a lower revision', () => {
    const { state } = setup();
    state.applySnapshot(snapshot({ leadChanges: { 'lc-1': gaLeadChange() }, alerts: [alert('a1')], revision: 40 }));
    state.applySnapshot(snapshot({ leadChanges: {}, alerts: [alert('a2')], graphics: { program: EMPTY, preview: GA_LT }, revision: 3 }));
    expect([...state.leadChanges.keys()]).toEqual([]);
    expect([...state.alerts.keys()]).toEqual(['a2']);
    expect(state.graphics).toEqual({ program: EMPTY, preview: GA_LT, revision: 3 });
  });

  it('flashes alerts that appeared while disconnected, not the ones already shown', () => {
    const { state } = setup();
    state.applySnapshot(snapshot({ alerts: [alert('a1')] }));
    state.setConnection('reconnecting');
    state.applySnapshot(snapshot({ alerts: [alert('a1', { status: 'aired' }), alert('a2')] }));
    expect([...state.freshAlerts]).toEqual(['a2']);
  });

  it.each([
    { does: 'keeps the selected race when the snapshot still has it', selected: 'pa-president-2020', want: 'pa-president-2020' },
    { does: 'drops the selected race when the snapshot no longer has it', selected: 'nv-president-2020', want: null },
  ])('$does', ({ selected, want }) => {
    const { state } = setup();
    state.applySnapshot(snapshot({ races: races(gaBefore(), paFlip(), view({ id: 'nv-president-2020' })) }));
    state.select(selected);
    state.applySnapshot(snapshot());
    expect(state.selectedRaceId).toBe(want);
  });
});

describe('ControlState.applyRace', () => {
  it.each([
    { does: 'takes a newer revision and dates it from now', incoming: 3, want: { revision: 3, receivedAt: 1_005_000, sinceLoad: false } },
    { does: 'ignores an older revision', incoming: 1, want: { revision: 2, receivedAt: 1_000_000, sinceLoad: true } },
    { does: 'ignores the revision it holds, keeping its age', incoming: 2, want: { revision: 2, receivedAt: 1_000_000, sinceLoad: true } },
  ])('$does', ({ incoming, want }) => {
    const { state, advance } = setup();
    state.applySnapshot(snapshot());
    advance(5_000);
    state.applyRace(gaFlip(incoming));
    expect(entry(state, 'ga-president-2020')).toEqual(want);
  });

  it('holds the newest revision when pushes arrive out of order', () => {
    const { state } = setup();
    const seen = [4, 6, 5, 6, 3, 7].map((r) => {
      state.applyRace(view({ revision: r, votes: { biden: r, trump: 0, other: 0 } }));
      return state.races.get('ga-president-2020')?.view.revision;
    });
    expect(seen).toEqual([4, 6, 6, 6, 6, 7]);
  });

  it('adds a race it did not know', () => {
    const { state, now } = setup();
    state.applySnapshot(snapshot({ races: {} }));
    state.applyRace(paFlip(9));
    expect(entry(state, 'pa-president-2020')).toEqual({ revision: 9, receivedAt: now, sinceLoad: false });
  });
});

describe('ControlState.applyGraphics', () => {
  it.each([
    { does: 'takes a newer revision', revision: 8, want: 8, program: EMPTY },
    { does: 'takes the revision it holds (an ack and its push)', revision: 7, want: 7, program: EMPTY },
    { does: 'ignores an older revision', revision: 6, want: 7, program: GA_LT },
  ])('$does', ({ revision, want, program }) => {
    const { state } = setup();
    state.applySnapshot(snapshot());
    state.applyGraphics(graphicsAt(revision, EMPTY));
    expect(state.graphics).toEqual(graphicsAt(want, program));
  });

  it('takes any revision before the first snapshot', () => {
    const { state } = setup();
    state.applyGraphics(graphicsAt(0));
    expect(state.graphics).toEqual(graphicsAt(0));
  });
});

describe('ControlState alerts', () => {
  it('flashes an alert it has not seen, but not a status change of one it has', () => {
    const { state } = setup();
    state.applySnapshot(snapshot({ alerts: [alert('a1')] }));
    state.applyAlert(alert('a1', { status: 'aired' }));
    state.applyAlert(alert('a2'));
    expect([...state.freshAlerts]).toEqual(['a2']);
    expect(state.alerts.get('a1')?.status).toBe('aired');
  });

  it('lists pending alerts oldest first and leaves the others out', () => {
    const { state } = setup();
    state.applySnapshot(
      snapshot({
        alerts: [
          alert('late', { createdAt: '2020-11-06T10:00:02.000Z' }),
          alert('early', { createdAt: '2020-11-06T09:59:59.000Z' }),
          alert('done', { createdAt: '2020-11-06T09:00:00.000Z', status: 'aired' }),
          alert('mid', { createdAt: '2020-11-06T10:00:00.500Z' }),
        ],
      }),
    );
    expect(state.pendingAlerts().map((a) => a.id)).toEqual(['early', 'mid', 'late']);
  });

  it('lists aired and dismissed alerts newest change first', () => {
    const { state } = setup();
    state.applySnapshot(
      snapshot({
        alerts: [
          alert('aired-old', { status: 'aired', createdAt: '2020-11-06T09:00:00.000Z', updatedAt: '2020-11-06T09:01:00.000Z' }),
          // Created last but changed before the others: ordered by its change, not its creation.
          alert('dismissed', { status: 'dismissed', createdAt: '2020-11-06T09:30:00.000Z', updatedAt: '2020-11-06T09:00:30.000Z' }),
          alert('aired-new', { status: 'aired', createdAt: '2020-11-06T09:10:00.000Z', updatedAt: '2020-11-06T09:20:00.000Z' }),
          alert('no-update', { status: 'dismissed', createdAt: '2020-11-06T09:05:00.000Z' }),
          alert('pending', { createdAt: '2020-11-06T09:59:00.000Z' }),
        ],
      }),
    );
    expect(state.alertHistory().map((a) => a.id)).toEqual(['aired-new', 'no-update', 'aired-old', 'dismissed']);
  });
});

describe('ControlState.sortedRaces', () => {
  it('orders by jurisdiction, then title, then id, whatever order they arrived in', () => {
    const { state } = setup();
    for (const v of [
      view({ id: 'pa-senate', jurisdiction: 'Pennsylvania', title: 'Senate' }),
      view({ id: 'ga-senate-b', jurisdiction: 'Georgia', title: 'Senate' }),
      view({ id: 'pa-president', jurisdiction: 'Pennsylvania', title: 'President' }),
      view({ id: 'ga-senate-a', jurisdiction: 'Georgia', title: 'Senate' }),
      view({ id: 'az-president', jurisdiction: 'Arizona', title: 'President' }),
    ])
      state.applyRace(v);
    expect(state.sortedRaces().map((e) => e.view.id)).toEqual(['az-president', 'ga-senate-a', 'ga-senate-b', 'pa-president', 'pa-senate']);
  });
});

describe('ControlState.setConnection', () => {
  it.each([
    { does: 'is unsynced while reconnecting', status: 'reconnecting', synced: false },
    { does: 'is unsynced while connecting', status: 'connecting', synced: false },
    { does: 'is unsynced once refused', status: 'refused', synced: false },
    { does: 'stays synced while connected', status: 'connected', synced: true },
  ] as const)('$does', ({ status, synced }) => {
    const { state } = setup();
    state.setConnection('connected');
    state.applySnapshot(snapshot());
    state.setConnection(status, 'why');
    expect(state.synced).toBe(synced);
  });

  it('dates the status from when it changed, not from each new detail', () => {
    const { state, advance } = setup();
    state.setConnection('reconnecting', 'attempt 1');
    advance(2_000);
    state.setConnection('reconnecting', 'attempt 2');
    expect(state.connection).toEqual({ status: 'reconnecting', detail: 'attempt 2', since: 1_000_000 });
    advance(3_000);
    state.setConnection('connected');
    expect(state.connection).toEqual({ status: 'connected', detail: '', since: 1_005_000 });
  });
});

describe('ControlState feedback', () => {
  it('logs answers newest first and keeps pending lines out of the log', () => {
    const { state, advance } = setup();
    state.setFeedback('pending', 'TAKE …');
    advance(10);
    state.setFeedback('ok', 'taken');
    advance(10);
    state.setFeedback('error', 'nothing_cued: nothing is cued on preview');
    expect(state.feedback).toEqual({ kind: 'error', text: 'nothing_cued: nothing is cued on preview', at: 1_000_020 });
    expect(state.log.map((f) => f.text)).toEqual(['nothing_cued: nothing is cued on preview', 'taken']);
  });

  it('keeps the 40 newest answers', () => {
    const { state } = setup();
    for (let i = 1; i <= 45; i++) state.setFeedback('ok', `answer ${i}`);
    expect(state.log).toHaveLength(40);
    expect([state.log[0]?.text, state.log[39]?.text]).toEqual(['answer 45', 'answer 6']);
  });
});

describe('ControlState.reset', () => {
  it('forgets everything learned from the server', () => {
    const { state } = setup();
    state.applySnapshot(snapshot({ leadChanges: { 'lc-1': gaLeadChange() }, alerts: [alert('a1')] }));
    state.applyAlert(alert('a2'));
    state.setTally({ program: 2, preview: 1 });
    state.select('ga-president-2020');
    state.setFeedback('ok', 'taken');
    state.reset();
    expect({
      races: state.races.size,
      leadChanges: state.leadChanges.size,
      alerts: state.alerts.size,
      fresh: state.freshAlerts.size,
      graphics: state.graphics,
      tally: state.tally,
      synced: state.synced,
      selected: state.selectedRaceId,
      feedback: state.feedback,
      log: state.log.length,
    }).toEqual({ races: 0, leadChanges: 0, alerts: 0, fresh: 0, graphics: null, tally: null, synced: false, selected: null, feedback: null, log: 0 });
  });

  it('treats the next snapshot as a first load again', () => {
    const { state, now } = setup();
    state.applySnapshot(snapshot());
    state.reset();
    state.applySnapshot(snapshot({ alerts: [alert('a1')] }));
    expect(entry(state, 'ga-president-2020')).toEqual({ revision: 2, receivedAt: now, sinceLoad: true });
    expect([...state.freshAlerts]).toEqual([]);
  });
});

describe('ControlState.subscribe', () => {
  it('calls listeners once per burst of changes, and not after unsubscribing', async () => {
    const { state } = setup();
    let calls = 0;
    const off = state.subscribe(() => calls++);
    state.applyRace(gaFlip(3));
    state.applyRace(gaFlip(4));
    state.select('ga-president-2020');
    await Promise.resolve();
    expect(calls).toBe(1);
    state.applyRace(gaFlip(5));
    await Promise.resolve();
    expect(calls).toBe(2);
    off();
    state.applyRace(gaFlip(6));
    await Promise.resolve();
    expect(calls).toBe(2);
  });

  it('does not notify for a race push it ignored', async () => {
    const { state } = setup();
    state.applyRace(gaFlip(3));
    await Promise.resolve();
    let calls = 0;
    state.subscribe(() => calls++);
    state.applyRace(gaFlip(2));
    state.applyRace(gaFlip(3));
    await Promise.resolve();
    expect(calls).toBe(0);
  });
});

const GA_RACE: Graphic = { type: 'race', raceId: 'ga-president-2020' };
const PA_RACE: Graphic = { type: 'race', raceId: 'pa-president-2020' };
const LC1: Graphic = { type: 'leadChange', leadChangeId: 'lc-a1' };
const LC2: Graphic = { type: 'leadChange', leadChangeId: 'lc-a2' };
const ticker = (...raceIds: string[]): Graphic => ({ type: 'ticker', raceIds });
const layers = (lowerThird: Layers['lowerThird'], alertLayer: Layers['alert'] = null): Layers => ({ lowerThird, alert: alertLayer, ticker: null, fullscreen: null });

describe('sameGraphic', () => {
  it.each([
    { does: 'matches two empty layers', a: null, b: null, want: true },
    { does: 'does not match a graphic with an empty layer', a: GA_RACE, b: null, want: false },
    { does: 'matches the same race', a: GA_RACE, b: { ...GA_RACE }, want: true },
    { does: 'does not match another race', a: GA_RACE, b: PA_RACE, want: false },
    { does: 'matches the same lead change', a: LC1, b: { ...LC1 }, want: true },
    { does: 'does not match a race with a lead change', a: GA_RACE, b: LC1, want: false },
    { does: 'matches tickers of the same races in the same order', a: ticker('a', 'b'), b: ticker('a', 'b'), want: true },
    { does: 'does not match tickers in another order', a: ticker('a', 'b'), b: ticker('b', 'a'), want: false },
  ] as { does: string; a: Graphic | null; b: Graphic | null; want: boolean }[])('$does', ({ a, b, want }) => {
    expect(sameGraphic(a, b)).toBe(want);
    expect(sameGraphic(b, a)).toBe(want);
  });
});

describe('takeReadiness (TAKE hot, idle or empty)', () => {
  it.each([
    { does: 'is empty before the first snapshot', g: null, want: 'empty' },
    { does: 'is empty when nothing is cued, even with something on program', g: { program: layers(GA_RACE), preview: EMPTY }, want: 'empty' },
    { does: 'is ready when preview differs from program', g: { program: layers(PA_RACE), preview: layers(GA_RACE) }, want: 'ready' },
    { does: 'is ready when program is empty', g: { program: EMPTY, preview: layers(GA_RACE) }, want: 'ready' },
    { does: 'is on-program (idle) when preview already is on program', g: { program: layers(GA_RACE), preview: layers(GA_RACE) }, want: 'on-program' },
  ] as const)('$does', ({ g, want }) => {
    expect(takeReadiness(g, 'lowerThird')).toBe(want);
  });

  it('looks only at the layer asked about', () => {
    const g = { program: layers(GA_RACE, LC1), preview: layers(PA_RACE, LC1) };
    expect(takeReadiness(g, 'lowerThird')).toBe('ready');
    expect(takeReadiness(g, 'alert')).toBe('on-program');
  });
});

describe('ControlState.live', () => {
  it('is live only once connected and in sync, and not after losing the connection', () => {
    const { state } = setup();
    expect(state.live).toBe(false);
    state.setConnection('connected', 'waiting for the snapshot…');
    expect(state.live).toBe(false);
    state.applySnapshot(snapshot());
    expect(state.live).toBe(true);
    state.setConnection('reconnecting', 'connection lost');
    expect(state.live).toBe(false);
  });
});

describe('the alert on program', () => {
  const aired = (id: string) => alert(id, { status: 'aired', updatedAt: '2020-11-06T10:00:00.000Z', offAirAt: '2020-11-06T10:00:10.000Z' });

  it('is the aired alert whose lead change the program alert layer shows', () => {
    const { state } = setup();
    state.applySnapshot(snapshot({ alerts: [alert('a2'), aired('a1')], graphics: { program: layers(null, LC1), preview: EMPTY } }));
    expect(state.programAlert()?.id).toBe('a1');
    state.applyGraphics(graphicsAt(8, layers(null, LC2)));
    // a2 is still pending: nothing this page knows as aired is on program.
    expect(state.programAlert()).toBeNull();
    state.applyGraphics(graphicsAt(9, EMPTY));
    expect(state.programAlert()).toBeNull();
  });

  it('is the one aired last when several aired alerts show the same graphic (a call withdrawn and made again)', () => {
    const { state } = setup();
    const again = alert('a3', { leadChangeId: 'lc-a1', status: 'aired', updatedAt: '2020-11-06T10:05:00.000Z', offAirAt: '2020-11-06T10:05:10.000Z' });
    for (const order of [[aired('a1'), again], [again, aired('a1')]]) {
      state.applySnapshot(snapshot({ alerts: order, graphics: { program: layers(null, LC1), preview: EMPTY } }));
      expect(state.programAlert()?.id).toBe('a3');
    }
  });

  it('remembers when this page saw an alert leave program, and forgets it when the alert returns', () => {
    const { state, advance } = setup();
    state.applySnapshot(snapshot({ alerts: [aired('a1')], graphics: { program: layers(null, LC1), preview: EMPTY } }));
    expect(state.alertLeftAt.size).toBe(0);
    advance(10_000);
    state.applyGraphics(graphicsAt(8, EMPTY));
    expect(state.alertLeftAt.get('lc-a1')).toBe(1_010_000);
    advance(5_000);
    state.applyGraphics(graphicsAt(9, EMPTY));
    expect(state.alertLeftAt.get('lc-a1')).toBe(1_010_000);
    state.applyGraphics(graphicsAt(10, layers(null, LC1)));
    expect(state.alertLeftAt.has('lc-a1')).toBe(false);
    advance(1_000);
    // Replaced by another alert counts as leaving too; a stale push changes nothing.
    state.applyGraphics(graphicsAt(11, layers(null, LC2)));
    state.applyGraphics(graphicsAt(10, EMPTY));
    expect(state.alertLeftAt.get('lc-a1')).toBe(1_016_000);
    expect(state.alertLeftAt.has('lc-a2')).toBe(false);
    state.reset();
    expect(state.alertLeftAt.size).toBe(0);
  });
});
