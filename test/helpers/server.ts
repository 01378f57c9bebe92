import type { ServerOptions } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import type {
  ControlClientToServer,
  ControlServerToClient,
  OverlayClientToServer,
  OverlayServerToClient,
} from '../../shared/index.js';
import { createServer, type ServerDeps } from '../../server/app.js';
import type { Clock } from '../../server/clock.js';
import { silentLogger } from '../../server/logger.js';
import type { Store } from '../../server/store/store.js';
import { manualClock } from './stores.js';

export const PRODUCER = 'producer-token-for-tests';
export const INGEST = 'ingest-token-for-tests';

export type OverlayClient = Socket<OverlayServerToClient, OverlayClientToServer>;
export type ControlClient = Socket<ControlServerToClient, ControlClientToServer>;

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

export interface StartOptions {
  store: Store;
  clock?: Clock;
  alertDurationMs?: number;
  autoAirAlerts?: boolean;
  webRoot?: string;
  adapter?: ServerOptions['adapter'];
  /** Feeds to run, as `createServer` takes them (`instanceId` defaults to "test"). */
  feeds?: Omit<NonNullable<ServerDeps['feeds']>, 'instanceId'> & { instanceId?: string };
}

/**
 * A real LeadWire server on a free port, with helpers for HTTP calls and socket.io clients. Everything it
 * opens is closed by `close()`.
 */
export async function startLeadWire(o: StartOptions) {
  const clock = o.clock ?? manualClock();
  const server = createServer({
    store: o.store,
    clock,
    logger: silentLogger(),
    config: {
      producerToken: PRODUCER,
      ingestToken: INGEST,
      alertDurationMs: o.alertDurationMs ?? 60_000,
      autoAirAlerts: o.autoAirAlerts ?? false,
    },
    webRoot: o.webRoot,
    adapter: o.adapter,
    ...(o.feeds ? { feeds: { instanceId: 'test', ...o.feeds } } : {}),
  });
  const port = await server.listen(0);
  const base = `http://127.0.0.1:${port}`;
  const sockets: Socket[] = [];

  async function api<T = any>(
    method: string,
    path: string,
    init: { body?: unknown; raw?: string; token?: 'producer' | 'ingest' | string | null } = {},
  ): Promise<ApiResponse<T>> {
    const token = init.token === undefined ? 'producer' : init.token;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== null) headers.authorization = `Bearer ${token === 'producer' ? PRODUCER : token === 'ingest' ? INGEST : token}`;
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (e.g. /metrics)
    }
    return { status: res.status, body: body as T };
  }

  function overlay(channel?: 'program' | 'preview', opts: { monitor?: boolean } = {}): OverlayClient {
    const s: OverlayClient = connect(`${base}/overlay`, {
      auth: { ...(channel ? { channel } : {}), ...opts },
      transports: ['websocket'],
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
    });
    sockets.push(s);
    return s;
  }

  function control(token: string | null = PRODUCER): ControlClient {
    const s: ControlClient = connect(`${base}/control`, {
      auth: token === null ? {} : { token },
      transports: ['websocket'],
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
    });
    sockets.push(s);
    return s;
  }

  return {
    base,
    port,
    store: o.store,
    clock,
    server,
    api,
    overlay,
    control,
    async close() {
      for (const s of sockets) s.disconnect();
      await server.close();
    },
  };
}

export type LeadWire = Awaited<ReturnType<typeof startLeadWire>>;

/** Resolves with the next payload of an event (rejects after `ms`). */
export function next<T>(socket: { once(ev: string, fn: (p: T) => void): unknown }, event: string, ms = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no "${event}" within ${ms} ms`)), ms);
    socket.once(event, (p: T) => {
      clearTimeout(t);
      resolve(p);
    });
  });
}

/** Polls until `check` returns a value other than undefined (rejects after `ms`). */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, ms = 5_000, what = 'condition'): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export { GA_BEFORE, GA_FLIP, GEORGIA } from './fixtures.js';
