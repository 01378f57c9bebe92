import { createHash, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { ControlClientToServer, ControlServerToClient, LogEvent } from '../../../shared/index.js';
import { createServer, type ServerDeps } from '../../../server/app.js';
import type { NamedToken } from '../../../server/http/tokens.js';
import type { Clock } from '../../../server/clock.js';
import { silentLogger, type Logger } from '../../../server/logger.js';
import { MemoryBackend } from '../../../server/store/memory.js';
import { RedisBackend } from '../../../server/store/redis.js';
import { Store } from '../../../server/store/store.js';
import { INGEST, PRODUCER } from '../../helpers/server.js';
import { manualClock, type StoreKind } from '../../helpers/stores.js';

export { INGEST, PRODUCER };
export const GA = 'ga-president-2020';

/** Two named producers, as a `LEADWIRE_TOKENS` file holds them (hashes only). */
export const ALICE = 'alice-token-4f1c9e2b7d';
export const BOB = 'bob-token-8a3e6d0c5f';
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const NAMED: NamedToken[] = [
  { name: 'Alice Producer', role: 'producer', sha256: sha256(ALICE) },
  { name: 'Bob Producer', role: 'producer', sha256: sha256(BOB) },
];

/** A logger whose every line is kept, to search what was logged. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, sink), lines };
}

export interface StartOpts {
  store: Store;
  clock?: ReturnType<typeof manualClock>;
  logger?: Logger;
  alertDurationMs?: number;
  feeds?: ServerDeps['feeds'];
}

/** A server with the env tokens and the two named producers; `api` sends any raw token. */
export async function start(o: StartOpts) {
  const clock = o.clock ?? manualClock();
  const server = createServer({
    store: o.store,
    clock,
    logger: o.logger ?? pino({ level: 'silent' }),
    config: { producerToken: PRODUCER, ingestToken: INGEST, alertDurationMs: o.alertDurationMs ?? 60_000, autoAirAlerts: false, namedTokens: NAMED },
    ...(o.feeds ? { feeds: o.feeds } : {}),
  });
  const port = await server.listen(0);
  const base = `http://127.0.0.1:${port}`;
  const sockets: Socket[] = [];

  async function api<T = any>(method: string, path: string, init: { body?: unknown; token?: string | null } = {}) {
    const token = init.token === undefined ? PRODUCER : init.token;
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // CSV
    }
    return { status: res.status, body: body as T, text, headers: res.headers };
  }

  /** Every event of the log, oldest first, page by page. */
  async function events(filter: Record<string, string> = {}): Promise<LogEvent[]> {
    const all: LogEvent[] = [];
    let after: string | null = null;
    for (;;) {
      const q = new URLSearchParams({ ...filter, limit: '1000', ...(after ? { after } : {}) });
      const { status, body } = await api<{ events: LogEvent[]; next: string | null }>('GET', `/api/events?${q}`);
      if (status !== 200) throw new Error(`GET /api/events: ${status} ${JSON.stringify(body)}`);
      all.push(...body.events);
      if (!body.next) return all;
      after = body.next;
    }
  }

  function control(token: string): Socket<ControlServerToClient, ControlClientToServer> {
    const s: Socket<ControlServerToClient, ControlClientToServer> = connect(`${base}/control`, { auth: { token }, transports: ['websocket'] });
    sockets.push(s);
    return s;
  }

  return {
    base,
    clock,
    server,
    store: o.store,
    api,
    events,
    control,
    async close() {
      for (const s of sockets) s.disconnect();
      await server.close();
    },
  };
}
export type Started = Awaited<ReturnType<typeof start>>;

/**
 * How long one store call may take in these tests. `kind.make` gives 1 s, which a loaded machine overran: a file's
 * first Redis calls (connection, scripts, code paths all cold) took 2 s and answered 503, and the as-run's steps
 * went missing. These tests check the log, not deadlines: a slow machine is slow, never wrong.
 */
export const STORE_DEADLINE_MS = 15_000;

/** A fresh, empty store of `kind` (its own key prefix on the kind's private Redis) with `STORE_DEADLINE_MS`. */
export async function freshStore(kind: StoreKind, clock: Clock): Promise<Store> {
  const opts = { clock, timeoutMs: STORE_DEADLINE_MS };
  if (kind.name === 'memory') return new Store(new MemoryBackend(), opts);
  const redis = kind.redis();
  if (!redis) throw new Error('redis kind used before setup()');
  const backend = await RedisBackend.connect({ url: redis.url, prefix: `t${randomUUID().slice(0, 8)}:`, logger: silentLogger() });
  return new Store(backend, opts);
}

/** How long a test waits for something that happens on its own (a push, a poll, a timer): long, as a loaded machine needs. */
export const PATIENCE_MS = 20_000;

/** One server per test over a fresh store of `kind`, both closed after it. */
export function useServer(kind: StoreKind) {
  let open: Started | null = null;
  beforeAll(() => kind.setup(), 60_000);
  afterAll(() => kind.teardown());
  afterEach(async () => {
    await open?.close();
    await open?.store.close();
    open = null;
  });
  return async (o: Omit<StartOpts, 'store'> = {}) => {
    const clock = o.clock ?? manualClock();
    open = await start({ ...o, clock, store: await freshStore(kind, clock) });
    return open;
  };
}

/** What a test compares of an event: its type, who, and its race. */
export const brief = (e: LogEvent) => ({ type: e.type, actor: `${e.actor.role}:${e.actor.name}`, ...(e.raceId ? { raceId: e.raceId } : {}) });
