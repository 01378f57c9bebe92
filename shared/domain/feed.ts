import type { FeedState, FeedStatus } from '../schema/feed.js';

/**
 * A feed's state as of `now`: a feed that has not succeeded for `staleAfterSeconds` is stale, whatever its
 * last poll said, so a poller that died (or an instance that holds the lock and hangs) shows up on every
 * screen without anyone writing "stale" anywhere. Errors and pauses say more than staleness, and stay.
 */
export function feedStateAt(s: Pick<FeedStatus, 'state' | 'lastSuccessAt' | 'lastPollAt' | 'staleAfterSeconds'>, now: number): FeedState {
  if (s.state === 'error' || s.state === 'paused') return s.state;
  const since = s.lastSuccessAt ?? (s.state === 'starting' ? null : s.lastPollAt);
  if (since === null) return s.state;
  return now - Date.parse(since) > s.staleAfterSeconds * 1000 ? 'stale' : s.state;
}

/** Feeds a producer must be told about now: stale or failing. Paused feeds were paused by someone on purpose. */
export function feedsInTrouble<T extends Pick<FeedStatus, 'state' | 'lastSuccessAt' | 'lastPollAt' | 'staleAfterSeconds'>>(
  feeds: readonly T[],
  now: number,
): T[] {
  return feeds.filter((f) => {
    const state = feedStateAt(f, now);
    return state === 'stale' || state === 'error';
  });
}
