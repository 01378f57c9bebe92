import { z } from 'zod';

export const FeedKindName = z.enum(['ap', 'clarity', 'csv', 'cdf', 'replay']);
export type FeedKindName = z.infer<typeof FeedKindName>;

export const FeedState = z.enum(['starting', 'ok', 'stale', 'error', 'paused']);
export type FeedState = z.infer<typeof FeedState>;

/** `GET /api/feeds` items and the `/control` `feed` push: one feed's health, the same on every instance. */
export const FeedStatus = z.object({
  id: z.string(),
  kind: FeedKindName,
  /** Extension: what producers call the source ("AP", "GA SOS"); the id when the feed file names none. */
  label: z.string(),
  mode: z.enum(['live', 'test']),
  state: FeedState,
  lastPollAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastChangeAt: z.string().nullable(),
  /** The last failure in plain language, with when it is tried again; null once a poll succeeds. */
  lastError: z.string().nullable(),
  polls: z.number(),
  batchesPosted: z.number(),
  races: z.array(z.string()),
  /** Extension: parts of the last payload skipped without failing the rest (a bad row, an unmapped race). */
  warnings: z.array(z.string()),
  /** Extension: when the next poll is due after a failure (backoff), else null. */
  retryAt: z.string().nullable(),
  /** Extension: the instance polling it now (one per feed, by a lock in the store). */
  instance: z.string().nullable(),
  /** Extension: seconds without success after which the feed is stale. */
  staleAfterSeconds: z.number(),
});
export type FeedStatus = z.infer<typeof FeedStatus>;
