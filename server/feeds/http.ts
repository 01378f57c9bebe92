import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { FeedError, FeedHttpError } from './errors.js';

export interface HttpResponse {
  /** 200, 304…; a file: URL answers 200, or 304 when it has not changed since `If-Modified-Since`. */
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  url: string;
  fetchedAt: Date;
}

export interface GetOptions {
  headers?: Record<string, string>;
  signal: AbortSignal;
}

export interface HttpClient {
  /** GETs a URL; rejects with a `FeedError` for a network failure, a timeout or a status other than 2xx/304. */
  get(url: string, opts: GetOptions): Promise<HttpResponse>;
}

export interface HttpClientOptions {
  /** How errors name the source ("AP"). */
  sourceName: string;
  timeoutMs: number;
  now: () => Date;
  /** Called with every payload fetched (2xx), e.g. to record it. */
  onFetch?: (r: HttpResponse) => void | Promise<void>;
}

/** The least wait after a 403 or 429 that gives no Retry-After. */
const QUOTA_WAIT_MS = 5_000;

/** Feeds' HTTP: the platform's fetch with a timeout through `AbortSignal`, `file:` URLs read from disk. */
export function createHttpClient(o: HttpClientOptions): HttpClient {
  return {
    async get(url, { headers = {}, signal }) {
      const timeout = AbortSignal.timeout(o.timeoutMs);
      const both = AbortSignal.any([signal, timeout]);
      let res: HttpResponse;
      try {
        res = url.startsWith('file:') ? await readFileUrl(url, headers, o.now()) : await fetchUrl(url, headers, both, o.now);
      } catch (err) {
        if (err instanceof FeedError) throw err;
        if (timeout.aborted) throw new FeedError(`${o.sourceName} did not answer within ${Math.round(o.timeoutMs / 1000)} s`, 'timeout', null, { cause: err });
        if (signal.aborted) throw new FeedError('the poll was cancelled', 'network', null, { cause: err });
        throw new FeedError(`could not reach ${o.sourceName} (${networkReason(err)})`, 'network', null, { cause: err });
      }
      if (res.status === 304) return res;
      if (res.status < 200 || res.status >= 300) {
        // A quota answer rarely says when to come back; AP asks for 5–10 s.
        const wait = retryAfterMs(res, o.now()) ?? (res.status === 403 || res.status === 429 ? QUOTA_WAIT_MS : null);
        throw new FeedHttpError(res.status, `${o.sourceName} answered ${res.status}: ${reasonOf(res)}`, wait);
      }
      await o.onFetch?.(res);
      return res;
    },
  };
}

async function fetchUrl(url: string, headers: Record<string, string>, signal: AbortSignal, now: () => Date): Promise<HttpResponse> {
  const r = await fetch(url, { headers, signal, redirect: 'follow' });
  const body = await r.text();
  return { status: r.status, headers: Object.fromEntries(r.headers), body, url, fetchedAt: now() };
}

async function readFileUrl(url: string, headers: Record<string, string>, now: Date): Promise<HttpResponse> {
  const path = fileURLToPath(url);
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new FeedError(`cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, 'network', null, { cause: err });
  }
  const lastModified = new Date(Math.floor(info.mtimeMs / 1000) * 1000).toUTCString();
  const since = headerValue(headers, 'if-modified-since');
  const base = { headers: { 'last-modified': lastModified }, url, fetchedAt: now };
  if (since && Date.parse(since) >= Date.parse(lastModified)) return { ...base, status: 304, body: '' };
  return { ...base, status: 200, body: await readFile(path, 'utf8') };
}

const headerValue = (h: Record<string, string>, name: string) =>
  Object.entries(h).find(([k]) => k.toLowerCase() === name)?.[1];

/** The most useful words of an error answer: a JSON message field, else the start of the body, else the status. */
function reasonOf(res: HttpResponse): string {
  const text = res.body.trim();
  try {
    const j = JSON.parse(text) as Record<string, unknown>;
    for (const k of ['errorMessage', 'message', 'error', 'detail', 'title']) {
      const v = j[k];
      if (typeof v === 'string' && v.trim()) return tidy(v);
    }
  } catch {
    // not JSON
  }
  if (text && !text.startsWith('<')) return tidy(text.slice(0, 120));
  return STATUS_WORDS[res.status] ?? 'an error';
}

const tidy = (s: string) => {
  const t = s.trim().replace(/\s+/g, ' ').replace(/\.$/, '');
  return t.charAt(0).toLowerCase() + t.slice(1);
};

const STATUS_WORDS: Record<number, string> = {
  400: 'bad request',
  401: 'the key was refused',
  403: 'forbidden (key or quota)',
  404: 'not found',
  429: 'too many requests',
  500: 'server error',
  502: 'bad gateway',
  503: 'service unavailable',
  504: 'gateway timeout',
};

function retryAfterMs(res: HttpResponse, now: Date): number | null {
  const v = res.headers['retry-after'];
  if (!v) return null;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (err as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset';
  return cause?.message ?? (err as Error).message ?? 'network error';
}

/**
 * The conditional headers to ask `url` again with after `res`, or none for a `file:` URL: a file's Last-Modified is its
 * mtime in whole seconds, so a file rewritten within the second of the last read, or put back with an older mtime (a
 * copy that keeps timestamps, a restore), would answer 304 and its new contents never be read. Files are read whole.
 */
export function revalidationHeaders(url: string, res: HttpResponse): Record<string, string> {
  return url.startsWith('file:') ? {} : conditionalHeaders(res);
}

/** The headers of a conditional request for what `res` answered: `If-None-Match` its ETag, `If-Modified-Since` its Last-Modified. */
export function conditionalHeaders(res: HttpResponse): Record<string, string> {
  const etag = res.headers['etag'];
  const lastModified = res.headers['last-modified'];
  return {
    ...(etag ? { 'if-none-match': etag } : {}),
    ...(lastModified ? { 'if-modified-since': lastModified } : {}),
  };
}

/** An HTTP date as an ISO UTC instant; null when absent or unreadable. */
export function instantOf(httpDate: string | undefined): string | null {
  const t = httpDate ? Date.parse(httpDate) : NaN;
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** A feed's `params` added to an http(s) URL's query (set, replacing any of the same name); a `file:` URL as it is. */
export function withParams(url: string, params: Record<string, string> | undefined): string {
  if (!params || Object.keys(params).length === 0 || url.startsWith('file:')) return url;
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}
