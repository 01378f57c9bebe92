import { createDocumentSource } from '../document.js';
import type { FeedKind, FeedPoller, PollerDeps } from '../types.js';
import { parseCdf } from './parse.js';

/**
 * Polls a NIST SP 1500-100 v2 JSON report (`feed.url`: http(s) or `file:`), conditionally; an unchanged report
 * (304, or the same bytes) posts nothing and repeats the warnings of its last reading. A report that fails to parse
 * posts nothing and is read again on the next poll.
 */
export function createCdfPoller({ feed, http }: PollerDeps): FeedPoller {
  const source = createDocumentSource(feed, http, 'application/json, */*;q=0.5');
  let last: { test: boolean | null; warnings: string[] } = { test: feed.test === true ? true : null, warnings: [] };
  return {
    async poll(signal) {
      const got = await source.fetch(signal);
      if (!got.changed) return { races: [], ...last };
      const parsed = parseCdf(got.res.body, feed);
      got.accept();
      last = { test: parsed.test, warnings: parsed.warnings };
      return { races: parsed.races, ...last };
    },
  };
}

/** The `cdf` feed kind (NIST SP 1500-100 v2 Election Results Reporting, JSON). */
export const cdfFeed: FeedKind = { kind: 'cdf', sourceName: 'the CDF source', create: createCdfPoller };
