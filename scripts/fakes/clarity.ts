import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Clarity (Scytl ENR) site on loopback, for tests and demos. It serves what a real statewide site does:
 * `/<ST>/<electionId>/current_ver.txt` (ETag + Last-Modified, 304 on a matching If-None-Match or a fresh enough
 * If-Modified-Since) and, per published version, `<ver>/json/en/summary.json` and `<ver>/json/en/electionsettings.json`
 * (Last-Modified when given, cached for a day as the real CDN does). Every request is logged in `requests`.
 */

export interface FakeClarityOptions {
  /** @default "GA" */
  state?: string;
  /** @default "107231" */
  electionId?: string;
}

export interface ClarityPublication {
  /** The contests (see `clarityContest`), or a raw body (e.g. a broken one). */
  summary: unknown[] | string;
  /** The settings (see `claritySettings`), a raw body, or null for none (404). @default claritySettings({ istestmode }) with the current test mode */
  settings?: object | string | null;
  /** The versioned files' Last-Modified; null sends none. @default the publication time */
  lastModified?: Date | string | null;
}

export interface FakeClarity {
  /** The site's base URL, `http://127.0.0.1:<port>/<ST>/<electionId>`: a feed's `url`. */
  url: string;
  /** Every request received, oldest first; header names in lower case. */
  requests: { url: string; headers: Record<string, string> }[];
  /** Publishes a version and makes it current (current_ver.txt changes, with a new ETag). */
  publish(version: string | number, p: ClarityPublication): void;
  /** Changes a published file in place, null for a 404 (files under a real version never change: this fakes a bad transfer or a fix). */
  replace(version: string | number, file: 'summary' | 'settings', body: unknown[] | object | string | null): void;
  /** Answers `status` to every request whose path ends with `suffix` (an outage, a 403 wall); null ends it. */
  failWith(suffix: string, status: number | null): void;
  /** The `istestmode` of versions published later without explicit settings. @default false */
  setTestMode(on: boolean): void;
  /** Requests whose path ends with `suffix` (e.g. "/summary.json"). */
  requestsFor(suffix: string): { url: string; headers: Record<string, string> }[];
  close(): Promise<void>;
}

interface Version {
  summary: string | null;
  settings: string | null;
  lastModified: string | null;
}

export async function startFakeClarity(opts: FakeClarityOptions = {}): Promise<FakeClarity> {
  const root = `/${opts.state ?? 'GA'}/${opts.electionId ?? '107231'}`;
  const versions = new Map<string, Version>();
  const requests: FakeClarity['requests'] = [];
  let current: { version: string; etag: string; lastModified: string } | null = null;
  let testMode = false;
  let bumps = 0;
  const failures = new Map<string, number>();

  const server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: flatHeaders(req) });
    route(req, res);
  });

  function route(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const failure = [...failures].find(([suffix]) => path.endsWith(suffix));
    if (failure) return send(res, failure[1], 'text/plain', `failing on purpose (${failure[1]})`);
    if (path === `${root}/current_ver.txt`) {
      if (!current) return send(res, 404, 'text/plain', 'not found');
      const headers = { ETag: current.etag, 'Last-Modified': current.lastModified, 'Cache-Control': 'max-age=0, no-cache' };
      if (notModified(req, current.etag, current.lastModified)) return send(res, 304, 'text/plain', '', headers);
      return send(res, 200, 'text/plain; charset=utf-8', current.version, headers);
    }
    const m = path.startsWith(`${root}/`) ? /^([^/]+)\/json\/en\/(summary|electionsettings)\.json$/.exec(path.slice(root.length + 1)) : null;
    const v = m ? versions.get(m[1]!) : undefined;
    const body = v && (m![2] === 'summary' ? v.summary : v.settings);
    if (!v || body == null) return send(res, 404, 'text/plain', 'not found');
    return send(res, 200, 'application/json', body, {
      'Cache-Control': 'max-age=86400',
      ...(v.lastModified ? { 'Last-Modified': v.lastModified } : {}),
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${root}`,
    requests,
    publish(version, p) {
      const id = String(version);
      const now = new Date();
      const lm = p.lastModified === undefined ? now : p.lastModified;
      versions.set(id, {
        summary: asBody(p.summary),
        settings: asBody(p.settings === undefined ? claritySettings({ istestmode: testMode }) : p.settings),
        lastModified: lm === null ? null : new Date(lm).toUTCString(),
      });
      // nginx-style ETag; the bump counter keeps it new even when a version is published twice.
      current = { version: id, etag: `"${id}-${++bumps}"`, lastModified: now.toUTCString() };
    },
    replace(version, file, body) {
      const v = versions.get(String(version));
      if (!v) throw new Error(`version ${version} was never published`);
      if (file === 'summary') v.summary = asBody(body);
      else v.settings = asBody(body);
    },
    failWith(suffix, status) {
      if (status === null) failures.delete(suffix);
      else failures.set(suffix, status);
    },
    setTestMode(on) {
      testMode = on;
    },
    requestsFor: (suffix) => requests.filter((r) => new URL(r.url, 'http://x').pathname.endsWith(suffix)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** A summary.json contest as Georgia's site publishes it; fields LeadWire does not read get Clarity's defaults. */
export function clarityContest(c: {
  C: string;
  K: string | number;
  CH: string[];
  V: number[];
  PR?: number;
  TP?: number;
  /** Winner flags, one per choice. @default all 0 */
  W?: (0 | 1 | boolean)[];
  /** @default "NP" for each choice */
  P?: string[];
}) {
  const total = c.V.reduce((a, b) => a + b, 0);
  return {
    CATKEY: 'C_0',
    CAT: 'Results',
    C: c.C,
    K: String(c.K),
    VF: 1,
    TP: c.TP ?? 159,
    PR: c.PR ?? 0,
    CH: c.CH,
    P: c.P ?? c.CH.map(() => 'NP'),
    PCT: c.V.map((v) => (total ? (100 * v) / total : 0)),
    V: c.V,
    W: c.W ?? c.CH.map(() => 0),
    IsContestNoChoice: 0,
  };
}

/** An electionsettings.json with the fields LeadWire reads (a real one has hundreds more). */
export function claritySettings(o: { istestmode: boolean; isstate?: boolean; websiteupdatedat?: string }) {
  return {
    settings: { electiondetails: { istestmode: o.istestmode, isstate: o.isstate ?? true, electionid: '107231' } },
    websiteupdatedat: o.websiteupdatedat ?? '11/3/2020 9:00:00 PM EST',
  };
}

function notModified(req: IncomingMessage, etag: string, lastModified: string): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return inm.split(',').some((t) => t.trim() === etag || t.trim() === '*');
  const ims = req.headers['if-modified-since'];
  return ims !== undefined && Date.parse(ims) >= Date.parse(lastModified);
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': type, ...headers });
  res.end(status === 304 ? undefined : body);
}

const asBody = (b: unknown): string | null => (b === null ? null : typeof b === 'string' ? b : JSON.stringify(b));

const flatHeaders = (req: IncomingMessage) =>
  Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
