import { z } from 'zod';
import { FeedKindName } from '../../../shared/index.js';

/**
 * A recorded feed folder (`LEADWIRE_FEED_RECORD_DIR/<feedId>/`), as `server/feeds/record.ts` writes it and the
 * `replay` kind reads it:
 * - `feed.json`: the recorded feed's config (a `FeedConfig`; keys are only ever named, never written);
 * - `<seq>-<fetchedAt>.json`, one per fetched payload: a `RecordedFetch`. `seq` is zero-padded, so the names sort
 *   in fetch order; `fetchedAt` has `:` written as `-` (file systems that refuse colons).
 * Anything else in the folder (a `.tmp` file a crash left behind, notes) is not part of the recording.
 */
export const FEED_FILE = 'feed.json';

/** One fetched payload (2xx), its headers and fetch time. */
export const RecordedFetch = z.object({
  kind: FeedKindName,
  feedId: z.string(),
  /** The URL requested, exactly as the poller asked for it. */
  url: z.string(),
  status: z.number().int().min(200).max(299),
  /** Response headers, names in lower case. */
  headers: z.record(z.string(), z.string()),
  fetchedAt: z.iso.datetime({ offset: true }),
  body: z.string(),
  /** Which recording process fetched it: a new session is a restarted LeadWire, whose poller began afresh. */
  session: z.string().optional(),
});
export type RecordedFetch = z.infer<typeof RecordedFetch>;

const SEQ_DIGITS = 6;

/** `000042-2020-11-06T09-50-07.414Z.json` */
export function payloadName(seq: number, fetchedAt: string): string {
  return `${String(seq).padStart(SEQ_DIGITS, '0')}-${fetchedAt.replace(/:/g, '-')}.json`;
}

const PAYLOAD = /^(\d+)-[0-9A-Za-z.+-]*\.json$/;

/** The sequence number of a payload file name; null for anything else in the folder (temp files, feed.json). */
export function seqOf(name: string): number | null {
  const m = PAYLOAD.exec(name);
  return m ? Number(m[1]) : null;
}
