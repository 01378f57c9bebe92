import type { FeedKind, FeedPoller, PollerDeps } from '../types.js';
import { instantOf } from '../http.js';
import { createDocumentSource } from '../document.js';
import { parseSheet } from './parse.js';

/**
 * Polls a desk sheet (`feed.url`: a Google Sheets "export as CSV" URL, any CSV over http(s), or a `file:` URL).
 * An unchanged sheet (304, or the same bytes) posts nothing and repeats the warnings of its last reading (its bad
 * rows are still there). Counts without an `as_of` stand at the answer's Last-Modified, else at the fetch time; a
 * sheet saved again within the same second (Last-Modified has whole seconds) stands a millisecond after the reading
 * before it, so a correction is newer than what it corrects, not a conflict with it.
 */
export function createCsvPoller({ feed, http, clock }: PollerDeps): FeedPoller {
  const source = createDocumentSource(feed, http, 'text/csv, text/plain;q=0.9, */*;q=0.5');
  let warnings: string[] = [];
  /** The last reading: its Last-Modified instant, the asOf given to it, its bytes. */
  let last: { stamp: string; asOf: string; digest: string } | null = null;
  const asOfFor = (stamp: string | null, digest: string): string => {
    if (stamp === null) return clock.now().toISOString();
    if (last?.stamp !== stamp) return stamp;
    return last.digest === digest ? last.asOf : new Date(Date.parse(last.asOf) + 1).toISOString();
  };
  return {
    async poll(signal) {
      const got = await source.fetch(signal);
      if (!got.changed) return { races: [], test: null, warnings };
      const stamp = instantOf(got.res.headers['last-modified']);
      const asOf = asOfFor(stamp, got.digest);
      const parsed = parseSheet(got.res.body, { feed, asOf });
      got.accept();
      last = stamp === null ? null : { stamp, asOf, digest: got.digest };
      warnings = parsed.warnings;
      return { races: parsed.races, test: null, warnings };
    },
    reread: () => source.forget(),
  };
}

/** The `csv` feed kind: a desk sheet, long form; it posts to races that exist and defines none. */
export const csvFeed: FeedKind = { kind: 'csv', sourceName: 'the sheet', create: createCsvPoller };
