import type { FeedKind, FeedPoller, PollerDeps } from '../types.js';
import { instantOf } from '../http.js';
import { createDocumentSource } from '../document.js';
import { parseSheet } from './parse.js';

/**
 * Polls a desk sheet (`feed.url`: a Google Sheets "export as CSV" URL, any CSV over http(s), or a `file:` URL).
 * An unchanged sheet (304, or the same bytes) posts nothing and repeats the warnings of its last reading (its bad
 * rows are still there). Counts without an `as_of` stand at the answer's Last-Modified, else at the fetch time.
 */
export function createCsvPoller({ feed, http, clock }: PollerDeps): FeedPoller {
  const source = createDocumentSource(feed, http, 'text/csv, text/plain;q=0.9, */*;q=0.5');
  let warnings: string[] = [];
  return {
    async poll(signal) {
      const got = await source.fetch(signal);
      if (!got.changed) return { races: [], test: null, warnings };
      const asOf = instantOf(got.res.headers['last-modified']) ?? clock.now().toISOString();
      const parsed = parseSheet(got.res.body, { feed, asOf });
      got.accept();
      warnings = parsed.warnings;
      return { races: parsed.races, test: null, warnings };
    },
    reread: () => source.forget(),
  };
}

/** The `csv` feed kind: a desk sheet, long form; it posts to races that exist and defines none. */
export const csvFeed: FeedKind = { kind: 'csv', sourceName: 'the sheet', create: createCsvPoller };
