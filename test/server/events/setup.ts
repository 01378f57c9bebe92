import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { ControlClientToServer, ControlServerToClient, LogEvent } from '../../../shared/index.js';
import { createServer, type ServerDeps } from '../../../server/app.js';
import type { NamedToken } from '../../../server/http/tokens.js';
import type { Logger } from '../../../server/logger.js';
import type { Store } from '../../../server/store/store.js';
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

/** One server per test over a fresh store of `kind`, closed after it. */
export function useServer(kind: StoreKind) {
  let open: Started | null = null;
  beforeAll(() => kind.setup(), 20_000);
  afterAll(() => kind.teardown());
  afterEach(async () => {
    await open?.close();
    if (kind.name === 'memory') await open?.store.close();
    open = null;
  });
  return async (o: Omit<StartOpts, 'store'> = {}) => {
    const clock = o.clock ?? manualClock();
    open = await start({ ...o, clock, store: await kind.make(clock) });
    return open;
  };
}

/** What a test compares of an event: its type, who, and its race. */
export const brief = (e: LogEvent) => ({ type: e.type, actor: `${e.actor.role}:${e.actor.name}`, ...(e.raceId ? { raceId: e.raceId } : {}) });
