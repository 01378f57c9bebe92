import { describe, expect, it } from 'vitest';
import type { ControlSnapshot, FeedStatus } from '../../shared/index.js';
import {
  describeCounts,
  describeInstance,
  describeLastSuccess,
  describeRetry,
  feedAlarms,
  isNewerFeedStatus,
  sourceLabel,
} from '../../overlay/control/feeds.js';
import { ControlState } from '../../overlay/control/state.js';

const NOW = Date.parse('2020-11-06T10:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const inMs = (ms: number) => new Date(NOW + ms).toISOString();

/** A feed that polled fine a second ago (AP, live, 30 s to stale). */
function feed(o: Partial<FeedStatus> = {}): FeedStatus {
  return {
    id: 'ap',
    kind: 'ap',
    label: 'AP',
    mode: 'live',
    state: 'ok',
    lastPollAt: ago(1_000),
    lastSuccessAt: ago(1_000),
    lastChangeAt: ago(5_000),
    lastError: null,
    polls: 10,
    batchesPosted: 4,
    races: ['ga-president-2020'],
    warnings: [],
    retryAt: null,
    instance: 'leadwire-a',
    staleAfterSeconds: 30,
    ...o,
  };
}

function snapshot(feeds: FeedStatus[]): ControlSnapshot {
  const empty = { lowerThird: null, alert: null, ticker: null, fullscreen: null };
  return { graphics: { program: empty, preview: empty }, races: {}, leadChanges: {}, alerts: [], revision: 1, feeds, calls: [] };
}

describe('isNewerFeedStatus', () => {
  it.each([
    { does: 'takes the first status of a feed', held: undefined, next: 0, want: true },
    { does: 'takes a status with more polls', held: 10, next: 11, want: true },
    { does: 'takes news about the same poll (a pause, an answer to a button)', held: 10, next: 10, want: true },
    { does: 'ignores a status older than the one held (fewer polls)', held: 10, next: 9, want: false },
  ])('$does', ({ held, next, want }) => {
    expect(isNewerFeedStatus(held === undefined ? undefined : { polls: held }, { polls: next })).toBe(want);
  });
});

describe('ControlState feeds', () => {
  it('takes the feeds of the snapshot in the server order, and the newer of two pushes', () => {
    const state = new ControlState(() => NOW);
    state.applySnapshot(snapshot([feed(), feed({ id: 'ga-sos', kind: 'clarity', label: 'GA SOS' })]));
    expect([...state.feeds.keys()]).toEqual(['ap', 'ga-sos']);

    state.applyFeed(feed({ polls: 12, state: 'error', lastError: 'AP answered 403: per-minute quota exceeded — retrying in 8 s' }));
    state.applyFeed(feed({ polls: 11, state: 'ok' })); // late: an older poll
    expect(state.feeds.get('ap')).toMatchObject({ polls: 12, state: 'error' });
    state.applyFeed(feed({ polls: 12, state: 'paused' }));
    expect(state.feeds.get('ap')?.state).toBe('paused');
  });

  it('replaces every feed on a snapshot, even with fewer polls (the server restarted), and forgets them on reset', () => {
    const state = new ControlState(() => NOW);
    state.applySnapshot(snapshot([feed({ polls: 50 }), feed({ id: 'old', label: 'OLD' })]));
    state.applySnapshot(snapshot([feed({ polls: 2 })]));
    expect([...state.feeds.values()].map((f) => [f.id, f.polls])).toEqual([['ap', 2]]);
    state.reset();
    expect(state.feeds.size).toBe(0);
  });

  it('learns a feed first pushed after the snapshot', () => {
    const state = new ControlState(() => NOW);
    state.applySnapshot(snapshot([]));
    state.applyFeed(feed({ id: 'csv', kind: 'csv', label: 'DESK SHEET', polls: 0, state: 'starting' }));
    expect(state.feeds.get('csv')?.label).toBe('DESK SHEET');
  });
});

describe('feedAlarms', () => {
  const f = (o: Partial<FeedStatus>) => [feed(o)];
  it.each([
    { does: 'says nothing of a feed that succeeded a second ago', feeds: f({}), want: [] },
    { does: 'says nothing of a paused feed, however old its last success', feeds: f({ state: 'paused', lastSuccessAt: ago(3_600_000) }), want: [] },
    { does: 'says nothing of a feed still starting that never polled', feeds: f({ state: 'starting', lastPollAt: null, lastSuccessAt: null }), want: [] },
    {
      does: 'calls a feed stale by the clock alone once it has not succeeded for staleAfterSeconds (the push still says ok)',
      feeds: f({ lastSuccessAt: ago(125_000), lastPollAt: ago(125_000) }),
      want: [{ id: 'ap', level: 'stale', head: 'FEED STALE: AP', detail: 'no success since 09:57:55Z', age: 'last success 2 min 5 s ago' }],
    },
    {
      does: 'is not stale at exactly staleAfterSeconds',
      feeds: f({ lastSuccessAt: ago(30_000) }),
      want: [],
    },
    {
      does: 'gives a failing feed the error in the server words',
      feeds: f({ state: 'error', lastError: 'could not reach Clarity (connection refused) — retrying in 20 s', label: 'GA SOS', id: 'ga-sos', lastSuccessAt: ago(40_000) }),
      want: [{ id: 'ga-sos', level: 'error', head: 'FEED ERROR: GA SOS', detail: 'could not reach Clarity (connection refused) — retrying in 20 s', age: 'last success 40 s ago' }],
    },
    {
      does: 'says so of a failing feed that never succeeded',
      feeds: f({ state: 'error', lastError: 'AP answered 401: the key was refused — retrying in 10 s', lastSuccessAt: null }),
      want: [{ id: 'ap', level: 'error', head: 'FEED ERROR: AP', detail: 'AP answered 401: the key was refused — retrying in 10 s', age: 'no success yet' }],
    },
  ])('$does', ({ feeds, want }) => {
    expect(feedAlarms(feeds, NOW)).toEqual(want);
  });

  it('lists every feed in trouble in the order held, and goes quiet when they recover', () => {
    const feeds = [
      feed({ id: 'ap', label: 'AP', state: 'error', lastError: 'AP answered 429: too many requests — retrying in 8 s' }),
      feed({ id: 'csv', label: 'DESK', lastSuccessAt: ago(60_000) }),
      feed({ id: 'ga-sos', label: 'GA SOS' }),
    ];
    expect(feedAlarms(feeds, NOW).map((a) => a.head)).toEqual(['FEED ERROR: AP', 'FEED STALE: DESK']);
    expect(feedAlarms([feed({ id: 'ap', label: 'AP', polls: 11 }), feed({ id: 'csv', label: 'DESK', lastSuccessAt: ago(0) })], NOW)).toEqual([]);
  });
});

describe('feed words', () => {
  it.each([
    { lastSuccessAt: null, want: 'no success yet' },
    { lastSuccessAt: ago(400), want: 'last success just now' },
    { lastSuccessAt: ago(12_300), want: 'last success 12 s ago' },
    { lastSuccessAt: ago(4_000_000), want: 'last success 1 h 6 min ago' },
    { lastSuccessAt: 'not a time', want: 'no success yet' },
  ])('describeLastSuccess($lastSuccessAt) → "$want"', ({ lastSuccessAt, want }) => {
    expect(describeLastSuccess({ lastSuccessAt }, NOW)).toBe(want);
  });

  it.each([
    { does: 'counts down to the retry of a failing feed, rounded up', retryAt: inMs(4_200), state: 'error' as const, want: 'next try in 5 s' },
    { does: 'says "retrying now" once the retry is due', retryAt: ago(100), state: 'error' as const, want: 'retrying now' },
    { does: 'says nothing without a retry time', retryAt: null, state: 'error' as const, want: null },
    { does: 'says nothing for a feed that is not failing', retryAt: inMs(4_000), state: 'ok' as const, want: null },
  ])('describeRetry $does', ({ retryAt, state, want }) => {
    expect(describeRetry({ retryAt }, state, NOW)).toBe(want);
  });

  it.each([
    { polls: 0, batchesPosted: 0, want: '0 polls · 0 batches posted' },
    { polls: 1, batchesPosted: 1, want: '1 poll · 1 batch posted' },
    { polls: 12_345, batchesPosted: 2, want: '12,345 polls · 2 batches posted' },
  ])('describeCounts($polls, $batchesPosted) → "$want"', ({ polls, batchesPosted, want }) => {
    expect(describeCounts({ polls, batchesPosted })).toBe(want);
  });

  it('names the instance polling a feed', () => {
    expect(describeInstance({ instance: 'leadwire-b' })).toBe('polled by leadwire-b');
    expect(describeInstance({ instance: null })).toBe('no instance polls it yet');
  });

  it.each([
    { source: 'ap', want: 'AP' },
    { source: 'ga-sos', want: 'GA SOS' },
    { source: 'manual', want: 'manual' },
    { source: 'desk', want: 'desk' },
    { source: 'gone-feed', want: 'gone-feed' },
    { source: null, want: null },
  ])('sourceLabel($source) → $want', ({ source, want }) => {
    const feeds = new Map([feed(), feed({ id: 'ga-sos', label: 'GA SOS' })].map((f) => [f.id, f]));
    expect(sourceLabel(source, feeds)).toBe(want);
  });
});
