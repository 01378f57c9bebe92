import { createHash } from 'node:crypto';
import type { HttpResponse } from '../http.js';
import type { FeedKind, FeedPoller, FeedRace, PollerDeps, PollResult } from '../types.js';
import { parseAp } from './parse.js';

/** Truncated pages followed in one poll at most; the rest follows on the next poll. */
const MAX_PAGES = 50;

export interface ApPoller extends FeedPoller {
  /** The merged picture: the latest of every race seen so far, deltas applied (a race a delta omits is unchanged). */
  current(): FeedRace[];
}

interface Validators {
  url: string;
  etag?: string;
  lastModified?: string;
}

/**
 * Polls the AP Elections API (v2 or v3): the first request is the feed's URL with its `params` and `format=json`;
 * every later one is the last response's `nextrequest`, verbatim; truncated pages are drained within the poll.
 * A poll is all or nothing: when any request of it fails (HTTP, network, an unreadable body) it throws and the
 * cursor stays where it was, so the next poll asks the same question again. A `file:` URL is re-read each poll
 * (its `nextrequest` points at AP, not at the file), whole and without validators, and is unchanged by its bytes.
 */
export function createApPoller({ feed, env, http }: PollerDeps): ApPoller {
  const isFile = feed.url.startsWith('file:');
  let cursor = isFile ? feed.url : firstRequestUrl(feed.url, feed.params);
  let validators: Validators | null = null;
  /** A `file:` URL: the bytes of the last file read. */
  let fileDigest: string | null = null;
  let lastTest: boolean | null = feed.test === true ? true : null;
  const merged = new Map<string, FeedRace>();

  function headersFor(url: string, v: Validators | null): Record<string, string> {
    // The key travels in the header only: AP's nextrequest links never carry it.
    const key = feed.apiKeyEnv ? env[feed.apiKeyEnv] : undefined;
    return {
      accept: 'application/json',
      ...(key ? { 'x-api-key': key } : {}),
      ...(v?.url === url && v.etag ? { 'if-none-match': v.etag } : {}),
      ...(v?.url === url && v.lastModified ? { 'if-modified-since': v.lastModified } : {}),
    };
  }

  async function poll(signal: AbortSignal): Promise<PollResult> {
    let url = cursor;
    let v = validators;
    let test: boolean | null = null;
    let readDigest: string | null = null;
    const found = new Map<string, FeedRace>();
    const warnings: string[] = [];
    for (let page = 1; ; page++) {
      const res = await http.get(url, { headers: headersFor(url, v), signal });
      if (res.status === 304) break;
      if (isFile) {
        // A file is read whole each poll (no validators: see revalidationHeaders) and is unchanged by its bytes.
        const d = createHash('sha256').update(res.body).digest('hex');
        if (d === fileDigest) break;
        readDigest = d;
      }
      const parsed = parseAp(res.body, feed);
      v = validatorsOf(url, res);
      for (const race of parsed.races) found.set(race.raceId, race);
      warnings.push(...parsed.warnings);
      test = parsed.test ?? test;
      const next = parsed.nextrequest && !isFile ? resolveNext(parsed.nextrequest, url) : url;
      if (parsed.isTruncated && next === url) warnings.push('AP said isTruncated but gave no new nextrequest; the rest follows on the next poll');
      const more = parsed.isTruncated && next !== url;
      url = next;
      if (!more) break;
      if (page >= MAX_PAGES) {
        warnings.push(`AP was still truncated after ${MAX_PAGES} pages; the rest follows on the next poll`);
        break;
      }
    }
    cursor = url;
    validators = v;
    fileDigest = readDigest ?? fileDigest;
    for (const [id, race] of found) merged.set(id, race);
    if (test !== null) lastTest = test;
    return { races: [...found.values()], test: lastTest, warnings: [...new Set(warnings)] };
  }

  return { poll, current: () => [...merged.values()] };
}

/** The AP feed kind, as the supervisor knows it. */
export const apFeed: FeedKind = { kind: 'ap', sourceName: 'AP', create: createApPoller };

/**
 * The first request: the feed URL with each `params` entry the URL does not already name (names compared without
 * case, as AP does) and `format=json` unless the URL or params name a format. The URL itself is kept as written.
 */
export function firstRequestUrl(url: string, params: Record<string, string> = {}): string {
  const hashAt = url.indexOf('#');
  const head = hashAt < 0 ? url : url.slice(0, hashAt);
  const q = head.indexOf('?');
  const named = new Set([...new URLSearchParams(q < 0 ? '' : head.slice(q + 1)).keys()].map((k) => k.toLowerCase()));
  const add = Object.entries(params).filter(([k]) => !named.has(k.toLowerCase()));
  if (!named.has('format') && !add.some(([k]) => k.toLowerCase() === 'format')) add.push(['format', 'json']);
  if (add.length === 0) return head;
  const sep = q < 0 ? '?' : /[?&]$/.test(head) ? '' : '&';
  return head + sep + add.map(([k, val]) => `${encode(k)}=${encode(val)}`).join('&');
}

/** Query encoding that keeps commas readable ("GA,PA"), as AP's own examples write lists. */
const encode = (s: string) => encodeURIComponent(s).replace(/%2C/gi, ',');

/** An absolute nextrequest is used exactly as written; a relative one (not seen from AP) is resolved. */
function resolveNext(next: string, current: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(next)) return next;
  return next.startsWith('/') ? new URL(current).origin + next : new URL(next, current).href;
}

function validatorsOf(url: string, res: HttpResponse): Validators | null {
  if (url.startsWith('file:')) return null;
  const etag = res.headers['etag'];
  const lastModified = res.headers['last-modified'];
  if (!etag && !lastModified) return null;
  return { url, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}
