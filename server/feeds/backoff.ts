/** Longest wait between two attempts of a failing feed. */
export const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * The longest Retry-After honoured. A source asking for more (a typo, a date years ahead) is tried again after an
 * hour: an election night cannot wait longer, and a timer of more than 2³¹ ms would fire at once instead.
 */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * How long a failing feed waits before it tries again: the interval, doubled with each failure in a row, at
 * most five minutes, and never sooner than the source asked (Retry-After, up to an hour).
 */
export function backoffMs(failures: number, intervalMs: number, retryAfterMs: number | null = null): number {
  const doubled = intervalMs * 2 ** Math.max(0, Math.min(failures - 1, 20));
  return Math.max(Math.min(doubled, Math.max(MAX_BACKOFF_MS, intervalMs)), Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
}

/** "8 s", "2 min 5 s": a wait as a producer reads it. */
export function phraseWait(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
}
