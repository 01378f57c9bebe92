import type { ZodError } from 'zod';
import { toIssues } from '../../shared/index.js';

/**
 * A poll that failed, in words a producer reads at 3 a.m. ("AP answered 403: per-minute quota exceeded").
 * `retryAfterMs`: what the source asked for (Retry-After), honoured by the backoff.
 */
export class FeedError extends Error {
  constructor(
    message: string,
    readonly kind: 'http' | 'network' | 'timeout' | 'parse',
    readonly retryAfterMs: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FeedError';
  }
}

/** The source answered with a status that is not a success (nor a 304). */
export class FeedHttpError extends FeedError {
  constructor(
    readonly status: number,
    message: string,
    retryAfterMs: number | null,
  ) {
    super(message, 'http', retryAfterMs);
  }
}

/** The payload could not be read; nothing of it is posted. */
export class FeedParseError extends FeedError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'parse', null, options);
  }
}

/** A zod error's issues as `path: message` lines (`(root)`: the value itself), as feed errors and warnings name them. */
export const issueLines = (e: ZodError): string[] => toIssues(e).map((i) => `${i.path || '(root)'}: ${i.message}`);

/** The same on one line, for a warning or an error message. */
export const issuesOf = (e: ZodError): string => issueLines(e).join('; ');
