/**
 * Feeds as the panel shows them: which status to keep, the state as of now, and the words. Pure: the panel's
 * clock is a parameter. Staleness is worked out here as time passes (nobody pushes "stale").
 */
import { feedStateAt, feedsInTrouble, type FeedState, type FeedStatus } from '../../shared/index.js';
import { formatAge } from './describe.js';

/**
 * True when `next` may replace `held`: a status only moves forward, and `polls` only grows on the instance that
 * polls the feed. An equal count is newer news about the same poll (a pause, the answer to a button).
 */
export function isNewerFeedStatus(held: Pick<FeedStatus, 'polls'> | undefined, next: Pick<FeedStatus, 'polls'>): boolean {
  return held === undefined || next.polls >= held.polls;
}

/** The words of each state, as the feed row and the alarm say them. */
export const FEED_STATE_WORDS: Record<FeedState, string> = {
  starting: 'starting',
  ok: 'ok',
  stale: 'stale',
  error: 'error',
  paused: 'paused',
};

/** What a race's `source` is called: the label of the feed it names, else the source itself ("manual", "desk"). */
export function sourceLabel(source: string | null, feeds: ReadonlyMap<string, Pick<FeedStatus, 'label'>>): string | null {
  if (source === null) return null;
  return feeds.get(source)?.label ?? source;
}

/** "last success 12 s ago", "last success just now", or "no success yet". */
export function describeLastSuccess(f: Pick<FeedStatus, 'lastSuccessAt'>, now: number): string {
  const at = f.lastSuccessAt ? Date.parse(f.lastSuccessAt) : NaN;
  if (Number.isNaN(at)) return 'no success yet';
  const ms = now - at;
  return ms < 1000 ? 'last success just now' : `last success ${formatAge(ms)} ago`;
}

/** "next try in 5 s" while a failing feed waits for its retry; "retrying now" once due; null otherwise. */
export function describeRetry(f: Pick<FeedStatus, 'retryAt'>, state: FeedState, now: number): string | null {
  if (state !== 'error' || !f.retryAt) return null;
  const at = Date.parse(f.retryAt);
  if (Number.isNaN(at)) return null;
  return at > now ? `next try in ${formatAge(Math.ceil((at - now) / 1000) * 1000)}` : 'retrying now';
}

/** "42 polls · 17 batches posted". */
export function describeCounts(f: Pick<FeedStatus, 'polls' | 'batchesPosted'>): string {
  const n = (k: number, one: string, many: string) => `${k.toLocaleString('en-US')} ${k === 1 ? one : many}`;
  return `${n(f.polls, 'poll', 'polls')} · ${n(f.batchesPosted, 'batch', 'batches')} posted`;
}

/** "polled by leadwire-a", or "no instance polls it" before any took the feed. */
export function describeInstance(f: Pick<FeedStatus, 'instance'>): string {
  return f.instance ? `polled by ${f.instance}` : 'no instance polls it yet';
}

/** One line of the top-bar alarm: a feed a producer must know about now. */
export interface FeedAlarm {
  id: string;
  level: 'stale' | 'error';
  /** "FEED ERROR: GA SOS". */
  head: string;
  /**
   * What does not change by itself as time passes (the server's error in its words), so that a screen reader
   * announces it once; for a stale feed, when it last succeeded, by the clock.
   */
  detail: string;
  /** The ticking part: "last success 2 min 5 s ago" (shown, not announced every second). */
  age: string;
}

/** "21:04:05Z", as the rest of the panel names instants. */
const clock = (iso: string) => `${new Date(iso).toISOString().slice(11, 19)}Z`;

/**
 * The feeds a producer must be told about now, in the order held: stale ones and failing ones (not paused ones,
 * which someone paused on purpose), each in words.
 */
export function feedAlarms(feeds: Iterable<FeedStatus>, now: number): FeedAlarm[] {
  return feedsInTrouble([...feeds], now).map((f) => {
    const level = feedStateAt(f, now) === 'error' ? 'error' : 'stale';
    const success = f.lastSuccessAt && !Number.isNaN(Date.parse(f.lastSuccessAt)) ? f.lastSuccessAt : null;
    const detail =
      level === 'error'
        ? (f.lastError ?? 'the last poll failed')
        : success
          ? `no success since ${clock(success)}`
          : 'no success yet';
    return { id: f.id, level, head: `FEED ${level.toUpperCase()}: ${f.label}`, detail, age: describeLastSuccess(f, now) };
  });
}
