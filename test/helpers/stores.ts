import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { Clock } from '../../server/clock.js';
import { silentLogger } from '../../server/logger.js';
import { MemoryBackend } from '../../server/store/memory.js';
import { RedisBackend, type RedisBackendOptions } from '../../server/store/redis.js';
import { Store } from '../../server/store/store.js';
import type { Backend } from '../../server/store/types.js';
import { startRedis, type PrivateRedis } from './redis.js';

/** A clock the test moves by hand. */
export function manualClock(start = '2020-11-06T10:00:00.000Z') {
  let t = Date.parse(start);
  const clock: Clock & { advance(ms: number): void; set(iso: string): void } = {
    now: () => new Date(t),
    advance: (ms) => void (t += ms),
    set: (iso) => void (t = Date.parse(iso)),
  };
  return clock;
}

export interface StoreKind {
  name: 'memory' | 'redis';
  /** Called once per file (beforeAll): starts what the kind needs. */
  setup(): Promise<void>;
  /**
   * A fresh, empty store (its own key prefix on the shared private Redis), with the store's own deadline (2 s)
   * unless `timeoutMs` says otherwise: a test that needs a call to run out of time sets a short one.
   */
  make(clock?: Clock, opts?: { prefix?: string; timeoutMs?: number }): Promise<Store>;
  /** Only for redis: the private server, to stop and restart. */
  redis(): PrivateRedis | null;
  teardown(): Promise<void>;
}

/**
 * The deadline of a store `make` opens: the one production runs with, so that a call a loaded machine (or a slow
 * fsync of the private Redis) holds up for a second is not taken for an outage.
 */
const DEADLINE_MS = 2_000;

/** The two store kinds every store-dependent suite runs against. */
export function storeKinds(): StoreKind[] {
  let redis: PrivateRedis | null = null;
  const opened: Store[] = [];
  return [
    {
      name: 'memory',
      setup: async () => {},
      make: async (clock = manualClock(), opts = {}) => new Store(new MemoryBackend(), { clock, timeoutMs: opts.timeoutMs ?? DEADLINE_MS }),
      redis: () => null,
      teardown: async () => {},
    },
    {
      name: 'redis',
      setup: async () => {
        redis = await startRedis();
      },
      make: async (clock = manualClock(), opts = {}) => {
        if (!redis) throw new Error('redis kind used before setup()');
        const backend = await RedisBackend.connect({
          url: redis.url,
          prefix: opts.prefix ?? `t${randomUUID().slice(0, 8)}:`,
          logger: silentLogger(),
        });
        const store = new Store(backend, { clock, timeoutMs: opts.timeoutMs ?? DEADLINE_MS });
        opened.push(store);
        return store;
      },
      redis: () => redis,
      teardown: async () => {
        await Promise.allSettled(opened.map((s) => s.close()));
        opened.length = 0;
        await redis?.cleanup();
        redis = null;
      },
    },
  ];
}

export interface BackendKind {
  name: 'memory' | 'redis';
  /** A fresh, empty backend (no `Store` around it), for tests that wrap one. */
  make(): Promise<Backend>;
}

/**
 * The two bare backends, for tests that wrap one (a Proxy that fails a call) before a `Store` sees it. Call it in a
 * `describe`: it starts the private Redis in that block's `beforeAll` and closes everything in its `afterAll`.
 */
export function backendKinds() {
  let redis: PrivateRedis | null = null;
  const opened: Backend[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.allSettled(opened.map((b) => b.close()));
    await redis?.cleanup();
  });
  const privateRedis = (): PrivateRedis => {
    if (!redis) throw new Error('backendKinds() used outside its describe');
    return redis;
  };
  /** A backend on the private Redis, its own key prefix unless `opts` gives one; closed after the block. */
  const connectRedis = async (opts: Omit<RedisBackendOptions, 'url' | 'target' | 'logger'> = {}): Promise<RedisBackend> => {
    const b = await RedisBackend.connect({ url: privateRedis().url, prefix: `t${randomUUID().slice(0, 8)}:`, logger: silentLogger(), ...opts });
    opened.push(b);
    return b;
  };
  const kinds: BackendKind[] = [
    { name: 'memory', make: async () => new MemoryBackend() },
    { name: 'redis', make: () => connectRedis() },
  ];
  return { kinds, redis: privateRedis, connectRedis };
}
