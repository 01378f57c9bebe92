import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect } from 'vitest';
import { ErrorCode } from '../../shared/index.js';
import { FeedsFile } from '../../server/feeds/config.js';
import type { FeedKind } from '../../server/feeds/types.js';
import type { Store } from '../../server/store/store.js';
import { GA_BEFORE, GA_FLIP, GEORGIA, INGEST, PRODUCER, startLeadWire, type LeadWire } from '../helpers/server.js';
import { storeKinds, type StoreKind } from '../helpers/stores.js';
import { ARIZONA, AZ, AZ_BATCH, GA, snapshot } from '../server/http/setup.js';
import { serialize } from './json.js';

/** Who asks: no token, the two roles, or a token that is no one's. */
export type TokenKind = 'none' | 'ingest' | 'producer' | 'garbage';
export type Role = 'public' | 'ingest' | 'producer';

/** The store kinds to fuzz: memory in `npm test`; `FUZZ_STORES=memory,redis` (as `npm run fuzz` sets) adds Redis. */
export function fuzzStores(): StoreKind[] {
  const wanted = (process.env.FUZZ_STORES ?? 'memory').split(',').map((s) => s.trim());
  return storeKinds().filter((k) => wanted.includes(k.name));
}

/** The ids the fixed starting state holds, for arbitraries to aim at (`$ALERT` stands for the alert's id). */
export const SEEDED = {
  races: [GA, AZ] as const,
  leadChange: `${GA}.r3`,
  feed: 'desk',
  alert: '$ALERT',
};

/** A feed that polls nothing: enough for pause, resume and "poll now" to have something to act on. */
const QUIET_FEED: FeedKind = {
  kind: 'csv',
  sourceName: 'the fuzz desk sheet',
  create: () => ({ poll: async () => ({ races: [], test: null, warnings: [] }) }),
};

export interface FuzzRequest {
  method: string;
  /** Path with its segments already encoded; `$ALERT` is replaced by the seeded alert's id. */
  path: string;
  token: TokenKind;
  /** Send the token as `?key=` instead of the Authorization header. */
  viaQuery?: boolean;
  /** A JSON value (markers expanded), or undefined for no body. */
  body?: unknown;
  /** Raw body text instead of `body`. */
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
}

export interface FuzzAnswer {
  status: number;
  body: any;
  text: string;
  /** The body as sent. */
  sent: string | Uint8Array | undefined;
}

const TOKENS: Record<TokenKind, string | null> = {
  none: null,
  ingest: INGEST,
  producer: PRODUCER,
  garbage: 'not-a-token-0123456789',
};

/**
 * One server for a whole fuzz file, in the fixed starting state: Georgia after the real flip (a lead change and its
 * pending alert), Arizona with a batch, Georgia cued on preview, a quiet feed. `run` sends a request, checks the
 * contract's invariants on the answer and the stored state, and restores the starting state only when a run
 * changed it, so every run starts from the same state (and a failing case replays the same way).
 */
export function useFuzzServer(kind: StoreKind) {
  let lw: LeadWire | null = null;
  let store: Store | null = null;
  let baseline: Awaited<ReturnType<typeof fullSnapshot>> | null = null;
  let alertId = '';
  let restarts = 0;

  async function start() {
    store = await kind.make();
    const configs = FeedsFile.parse({ feeds: [{ id: SEEDED.feed, kind: 'csv', url: 'file:///nonexistent/desk.csv', intervalSeconds: 3600 }] }).feeds;
    // Aired alerts leave air by a real timer: far beyond any fuzz run, so air never changes by itself.
    lw = await startLeadWire({ store, alertDurationMs: 1_000_000_000, feeds: { configs, kinds: { csv: QUIET_FEED } } });
    const seed = async (method: string, path: string, body: unknown, status: number) =>
      expect((await lw!.api(method, path, { body })).status, `${method} ${path}`).toBe(status);
    await seed('PUT', `/api/races/${GA}`, GEORGIA, 201);
    await seed('POST', `/api/races/${GA}/results`, GA_BEFORE, 200);
    await seed('POST', `/api/races/${GA}/results`, GA_FLIP, 200);
    await seed('PUT', `/api/races/${AZ}`, ARIZONA, 201);
    await seed('POST', `/api/races/${AZ}/results`, AZ_BATCH, 200);
    await seed('POST', '/api/graphics/cue', { layer: 'lowerThird', graphic: { type: 'race', raceId: GA } }, 200);
    // The feed's first poll happens at start; wait for it so its status stands still.
    for (let i = 0; i < 200; i++) {
      const feeds = (await lw.api('GET', '/api/feeds')).body as { polls: number }[];
      if (feeds[0] && feeds[0].polls >= 1) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    alertId = ((await lw.api('GET', '/api/alerts')).body as { id: string }[])[0]!.id;
    baseline = await fullSnapshot(lw);
  }

  async function stop() {
    await lw?.close();
    if (kind.name === 'memory') await store?.close();
    lw = null;
    store = null;
  }

  beforeAll(async () => {
    await kind.setup();
    await start();
  }, 60_000);
  afterAll(async () => {
    await stop();
    await kind.teardown();
  });

  /** Sends one request as given. */
  async function send(r: FuzzRequest): Promise<FuzzAnswer> {
    const token = TOKENS[r.token];
    const headers: Record<string, string> = { 'content-type': 'application/json', ...r.headers };
    let path = r.path.replaceAll('$ALERT', encodeURIComponent(alertId));
    if (token !== null && !r.viaQuery) headers.authorization = `Bearer ${token}`;
    if (token !== null && r.viaQuery) path += `${path.includes('?') ? '&' : '?'}key=${encodeURIComponent(token)}`;
    const body = r.raw ?? (r.body === undefined ? undefined : serialize(r.body));
    const res = await fetch(`${lw!.base}${path}`, { method: r.method, headers, body: body as BodyInit | undefined });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: checked by the caller
    }
    return { status: res.status, body: parsed, text, sent: body };
  }

  /**
   * Runs `act` from the starting state and checks what every answer must satisfy: the server still answers
   * `/healthz`, and when `refused()` says the action was refused (or `readOnly`), nothing stored changed.
   * Restores the starting state afterwards if anything changed.
   */
  async function around<T>(act: () => Promise<T>, opts: { refused: (t: T) => boolean; readOnly?: boolean }): Promise<T> {
    let changed = true;
    try {
      const result = await act();
      const after = await fullSnapshot(lw!);
      changed = !equal(after, baseline);
      if (opts.refused(result) || opts.readOnly) expect(after, 'nothing stored changes on a refusal').toEqual(baseline);
      return result;
    } finally {
      if (changed) {
        restarts++;
        await stop();
        await start();
      }
    }
  }

  /** Sends `r`, checks the answer against the contract (see `expectContractAnswer`) and the stored state. */
  async function run(r: FuzzRequest, role: Role, o: { fields?: readonly string[]; readOnly?: boolean } = {}): Promise<FuzzAnswer> {
    return around(
      async () => {
        const res = await send(r);
        expectContractAnswer(r, res, role, o.fields ?? []);
        return res;
      },
      { refused: (res) => res.status >= 400, readOnly: o.readOnly },
    );
  }

  return {
    run,
    around,
    send,
    get lw() {
      return lw!;
    },
    get alertId() {
      return alertId;
    },
    /** How often a run changed the state (and the server was started afresh). */
    get restarts() {
      return restarts;
    },
  };
}

export type FuzzServer = ReturnType<typeof useFuzzServer>;

/** `snapshot(lw)` (races, lead changes, graphics, alerts) plus the calls and feeds, and a health check. */
async function fullSnapshot(lw: LeadWire) {
  const [health, calls, feeds, rest] = await Promise.all([
    lw.api('GET', '/healthz', { token: null }),
    lw.api('GET', '/api/calls', { token: null }),
    lw.api('GET', '/api/feeds', { token: null }),
    snapshot(lw),
  ]);
  expect(health.status, 'the server still answers /healthz').toBe(200);
  return { ...rest, calls: calls.body, feeds: feeds.body };
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What every answer must be: never a 5xx; every 4xx is `{ error: <contract code>, message, … }`; a 400 `invalid`
 * lists issues whose paths name a field (the body's root `''`, a URL parameter, a key of the body or a field of
 * the endpoint's schema); a missing or unknown token on a protected route is 401 before any validation, the
 * wrong role 403. Both come before the JSON body is read (`bodyAfterAuth`), so a body that is not JSON, over the
 * limit or in another charset is still 401 / 403 from them: only a valid caller hears 400 `invalid_json` / 413 / 415.
 */
export function expectContractAnswer(r: FuzzRequest, res: FuzzAnswer, role: Role, fields: readonly string[]) {
  const where = `${r.method} ${r.path} (token ${r.token}) answered ${res.status} ${res.text.slice(0, 500)}`;
  expect(res.status, `never a 5xx: ${where}`).toBeLessThan(500);
  if (res.status < 400) return;
  expect(typeof res.body === 'object' && res.body !== null && !Array.isArray(res.body), `a 4xx body is an object: ${where}`).toBe(true);
  expect(ErrorCode.options, `a contract error code: ${where}`).toContain(res.body.error);
  expect(typeof res.body.message === 'string' && res.body.message.length > 0, `a message: ${where}`).toBe(true);
  if (res.status === 400 && res.body.error === 'invalid') {
    const issues = res.body.issues as { path: unknown; message: unknown }[];
    expect(Array.isArray(issues) && issues.length > 0, `a 400 invalid lists issues: ${where}`).toBe(true);
    const keys = topLevelKeys(res);
    // Paths are dotted, and a key may hold a dot itself: a path names a field when it is one or starts with one.
    const named = ['raceId', 'id', ...fields, ...keys];
    for (const i of issues) {
      expect(typeof i.path === 'string' && typeof i.message === 'string', `issues are { path, message }: ${where}`).toBe(true);
      const path = String(i.path);
      const ok = path === '' || named.some((k) => path === k || path.startsWith(`${k}.`));
      expect(ok, `issue path "${path}" names a field of [${named.join(', ')}]: ${where}`).toBe(true);
    }
  }
  // An empty id (`/api/races//call`) matches no route: a plain 404, whoever asks.
  const routed = !/\/\/|\/$/.test(r.path.split('?')[0]!);
  if (role !== 'public' && routed) {
    if (r.token === 'none' || r.token === 'garbage') {
      expect([res.status, res.body.error], `no valid token: 401 before validation: ${where}`).toEqual([401, 'unauthorized']);
    } else if (r.token === 'ingest' && role === 'producer') {
      expect([res.status, res.body.error], `ingest on a producer route: 403: ${where}`).toEqual([403, 'forbidden']);
    }
  }
  if (role !== 'public' && routed && (r.token === 'producer' || (r.token === 'ingest' && role === 'ingest'))) {
    // A role may be refused one field it may not set (ingest and a race's autoAirAlerts): a 403 naming that field
    // (checked above as an issue path of the body) is a refusal of the field, not of the token.
    const fieldRefused = res.status === 403 && r.token !== 'producer' && Array.isArray(res.body.issues) && res.body.issues.length > 0;
    if (!fieldRefused) expect([401, 403], `a valid token is never refused: ${where}`).not.toContain(res.status);
  }
}

/** The body the server read, as a value (undefined when it was not JSON text). */
export function sentJson(res: FuzzAnswer): unknown {
  try {
    if (typeof res.sent === 'string') return JSON.parse(res.sent.replace(/^\uFEFF/, '')); // the parser drops a BOM
    // A gzip body: what the server read after inflating it.
    return res.sent ? JSON.parse(gunzipSync(res.sent).toString('utf8')) : undefined;
  } catch {
    return undefined;
  }
}

/** The keys of a JSON object body (none for anything else). */
function topLevelKeys(res: FuzzAnswer): string[] {
  const v = sentJson(res);
  return v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
}

/**
 * Encodes a path segment; a lone surrogate (which encodeURIComponent refuses) is sent as its raw WTF-8 bytes.
 * `.` and `..` cannot be sent as a segment: fetch (the WHATWG URL parser) resolves them, and their `%2e` spellings,
 * before the request leaves (`/api/calls/../accept` is sent as `/api/calls/accept`), so what the server answered
 * would not be the request the run meant; a generator must not produce them.
 */
export function segment(s: string): string {
  if (s === '.' || s === '..') throw new Error(`segment: fetch resolves the path segment ${JSON.stringify(s)} away before sending; leave it out of the generator`);
  try {
    return encodeURIComponent(s);
  } catch {
    return Array.from(s, (ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        const c = ch.charCodeAt(0);
        return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
      }
    }).join('');
  }
}
