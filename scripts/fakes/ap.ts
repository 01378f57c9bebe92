/**
 * A fake AP Elections API on loopback, for tests and `npm run demo:feeds`: it answers each request with the next
 * scripted step and hands out `nextrequest` links the way AP does (the request's filters plus `minDateTime`, with
 * AP's lower-case `%3a`, so a client that re-encodes a link is caught). When the script runs out it answers
 * "nothing changed" (no races, the same link) and, to a request carrying that answer's ETag, `304`.
 *
 * ```ts
 * const ap = await startFakeAp({ apiKey: 'k' });
 * ap.push(apSteps.full([apRace({ statePostal: 'GA', stateName: 'Georgia', raceID: '0', officeName: 'President',
 *   units: [{ lastUpdated: '2020-11-04T13:28:22Z', precinctsReporting: 2493, precinctsTotal: 2655,
 *     candidates: [{ first: 'Joe', last: 'Biden', party: 'Dem', candidateID: '8639', ballotOrder: 1, voteCount: 2280541 }] }] })]));
 * ```
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApJson } from '../../server/feeds/ap/build.js';

/** The AP JSON builder moved into the server (the demo night's recording is built with it); re-exported here. */
export { apRace, type ApCandidateInput, type ApJson, type ApRaceInput, type ApUnitInput } from '../../server/feeds/ap/build.js';

/** What the fake answers to one request. */
export type ApStep =
  | { kind: 'races'; races: ApJson[]; isTruncated?: boolean }
  | { kind: 'unchanged' }
  | { kind: 'answer'; status: number; body: string; contentType: string; retryAfterSeconds?: number };

/** Ready-made steps. */
export const apSteps = {
  /** A response with these races (the first answer of a night, or any full snapshot). */
  full: (races: ApJson[]): ApStep => ({ kind: 'races', races }),
  /** A `nextrequest` answer: only the races that changed. */
  delta: (races: ApJson[]): ApStep => ({ kind: 'races', races }),
  /** One update in two pages: the first says `isTruncated: true`, a client must follow its link at once. */
  truncated: (first: ApJson[], rest: ApJson[]): ApStep[] => [
    { kind: 'races', races: first, isTruncated: true },
    { kind: 'races', races: rest, isTruncated: false },
  ],
  /** Nothing changed: no races, the same link back (and 304 to a request carrying this answer's ETag). */
  unchanged: (): ApStep => ({ kind: 'unchanged' }),
  /** AP's quota answer (developer.ap.org "API Codes": 403 'Per-minute Quota ({QuotaLimit}) Exceeded, try again in a little bit.'). */
  quota: (limit = 100): ApStep => ({
    kind: 'answer',
    status: 403,
    contentType: 'application/json',
    body: JSON.stringify({ errorCode: 403, errorMessage: `Per-minute Quota (${limit}) Exceeded, try again in a little bit.` }),
  }),
  /** The XML quota body v2 sent even to `format=json` requests (newsdev/elex issue #163). */
  quotaXml: (): ApStep => ({
    kind: 'answer',
    status: 403,
    contentType: 'application/xml',
    body: '<Error xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><Code>403</Code><Message>Over quota limit.</Message></Error>',
  }),
  /** A gateway's throttle answer, with Retry-After. */
  tooManyRequests: (retryAfterSeconds = 5): ApStep => ({
    kind: 'answer',
    status: 429,
    contentType: 'application/json',
    body: JSON.stringify({ errorCode: 429, errorMessage: 'Too many requests' }),
    retryAfterSeconds,
  }),
  /** Any body and status, e.g. a truncated JSON document. */
  raw: (body: string, status = 200, contentType = 'application/json'): ApStep => ({ kind: 'answer', status, body, contentType }),
};

export interface FakeApOptions {
  /** Requests without this `x-api-key` get AP's 401 (and consume no step). @default no check */
  apiKey?: string;
  /** @default 2 */
  version?: 2 | 3;
  /** @default '2020-11-03' */
  electionDate?: string;
  script?: ApStep[];
  /** The response `timestamp` (never to be read as the results' time). @default the wall clock */
  now?: () => Date;
}

export interface FakeAp {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Where a feed points: `<url>/v2/elections/<electionDate>`. */
  electionUrl: string;
  /** Every request, in order: its request-target exactly as sent (path and query), its headers, the status answered. */
  requests: { url: string; headers: IncomingHttpHeaders; status: number }[];
  /** Every `nextrequest` link handed out, in order. */
  handedOut: string[];
  /** Appends steps (arrays, such as `apSteps.truncated`, are flattened). */
  push(...steps: (ApStep | ApStep[])[]): void;
  /** Replaces the steps not yet served. */
  setScript(steps: (ApStep | ApStep[])[]): void;
  /** Steps not yet served. */
  pending(): number;
  close(): Promise<void>;
}

export async function startFakeAp(opts: FakeApOptions = {}): Promise<FakeAp> {
  const version = opts.version ?? 2;
  const electionDate = opts.electionDate ?? '2020-11-03';
  const now = opts.now ?? (() => new Date());
  let script: ApStep[] = (opts.script ?? []).flat();
  const requests: FakeAp['requests'] = [];
  const handedOut: string[] = [];
  let seq = 0;
  let origin = '';

  const server = createServer((req, res) => {
    const target = req.url ?? '/';
    const seen = { url: target, headers: req.headers, status: 0 };
    requests.push(seen);
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      seen.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(body);
    };
    if (opts.apiKey && req.headers['x-api-key'] !== opts.apiKey) {
      return send(401, JSON.stringify({ errorCode: 401, errorMessage: 'Invalid apikey' }));
    }
    const step = script.shift() ?? { kind: 'unchanged' };
    const head = { electionDate, timestamp: now().toISOString(), ...(version === 3 ? { apiVersion: '3.1' } : {}) };
    if (step.kind === 'answer') {
      const headers: Record<string, string> = { 'content-type': step.contentType };
      if (step.retryAfterSeconds !== undefined) headers['retry-after'] = String(step.retryAfterSeconds);
      return send(step.status, step.body, headers);
    }
    if (step.kind === 'unchanged') {
      const etag = `"ap-unchanged-${hash(target)}"`;
      if (req.headers['if-none-match'] === etag) return send(304, '', { etag });
      const nextrequest = origin + target;
      handedOut.push(nextrequest);
      return send(200, JSON.stringify({ ...head, nextrequest }), { etag });
    }
    const nextrequest = nextLink(origin, target, latestUpdate(step.races) ?? `${electionDate}T00:00:00.000Z`, ++seq);
    handedOut.push(nextrequest);
    const body = { ...head, ...(step.isTruncated === undefined ? {} : { isTruncated: step.isTruncated }), races: step.races, nextrequest };
    return send(200, JSON.stringify(body), { etag: `"ap-${seq}"` });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    electionUrl: `${origin}/v${version}/elections/${electionDate}`,
    requests,
    handedOut,
    push: (...steps) => void script.push(...steps.flat()),
    setScript: (steps) => void (script = steps.flat()),
    pending: () => script.length,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The request's own filters (kept as sent), `format=json` if missing, then `minDateTime` and a cursor, as AP writes them. */
function nextLink(origin: string, target: string, minDateTime: string, seq: number): string {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const kept = (q < 0 ? [] : target.slice(q + 1).split('&')).filter((p) => p && !/^(mindatetime|seq)=/i.test(p));
  if (!kept.some((p) => /^format=/i.test(p))) kept.unshift('format=json');
  kept.push(`minDateTime=${minDateTime.replace(/:/g, '%3a')}`, `seq=${seq}`);
  return `${origin}${path}?${kept.join('&')}`;
}

function latestUpdate(races: ApJson[]): string | null {
  const times = races.flatMap((r) => ((r.reportingUnits as ApJson[] | undefined) ?? []).map((u) => String(u.lastUpdated)));
  return times.length === 0 ? null : times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

function hash(s: string): string {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}
