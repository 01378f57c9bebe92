import type { FeedStatus } from '../../shared/index.js';
import type { FeedConfig } from './config.js';
import { feedTimings } from './config.js';

/** A feed's status before anything happened. */
export function initialStatus(feed: FeedConfig, label: string): FeedStatus {
  return {
    id: feed.id,
    kind: feed.kind,
    label,
    mode: feed.test ? 'test' : 'live',
    state: 'starting',
    lastPollAt: null,
    lastSuccessAt: null,
    lastChangeAt: null,
    lastError: null,
    polls: 0,
    batchesPosted: 0,
    races: [],
    warnings: [],
    retryAt: null,
    instance: null,
    staleAfterSeconds: feedTimings(feed).staleAfterMs / 1000,
  };
}

/** At most this many warnings are kept: the first ones say what is wrong. */
export const MAX_WARNINGS = 20;
