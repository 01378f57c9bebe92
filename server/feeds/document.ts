import { createHash } from 'node:crypto';
import type { FeedConfig } from './config.js';
import { revalidationHeaders, withParams, type HttpClient, type HttpResponse } from './http.js';

/** A fetch of a document polled whole: unchanged, or a new body to parse and then `accept`. */
export type DocumentFetch = { changed: false } | { changed: true; res: HttpResponse; /** the body's SHA-256 */ digest: string; accept(): void };

export interface DocumentSource {
  fetch(signal: AbortSignal): Promise<DocumentFetch>;
  /** The next fetch asks unconditionally and answers the body as changed, whatever it holds. */
  forget(): void;
}

/**
 * One URL fetched whole each poll (a desk sheet, a CDF report): conditionally (`If-None-Match` / `If-Modified-Since`
 * from the last accepted http(s) answer), and a 200 with the same bytes as the
 * last accepted body counts as unchanged too (Google Sheets' export sends no validators). A body counts as seen
 * only once the caller `accept`s it (it parsed), so a body that failed is fetched and parsed again next poll.
 * The feed's `params` are added to an http(s) URL's query.
 */
export function createDocumentSource(feed: FeedConfig, http: HttpClient, accept: string): DocumentSource {
  const url = withParams(feed.url, feed.params);
  let validators: Record<string, string> = {};
  let digest: string | null = null;
  return {
    async fetch(signal) {
      const res = await http.get(url, { signal, headers: { accept, ...validators } });
      if (res.status === 304) return { changed: false };
      const d = createHash('sha256').update(res.body).digest('hex');
      if (d === digest) {
        validators = revalidationHeaders(url, res);
        return { changed: false };
      }
      return {
        changed: true,
        res,
        digest: d,
        accept: () => {
          digest = d;
          validators = revalidationHeaders(url, res);
        },
      };
    },
    forget() {
      digest = null;
      validators = {};
    },
  };
}

