import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import type { ChannelGraphics } from '../../../shared/index.js';
import { silentLogger } from '../../../server/logger.js';
import { createRedisAdapter } from '../../../server/realtime/redisAdapter.js';
import type { RedisTarget } from '../../../server/store/connection.js';
import { RedisBackend } from '../../../server/store/redis.js';
import { Store } from '../../../server/store/store.js';
import { startRedis } from '../../helpers/redis.js';
import { primaryPort, startSentinelGroup } from '../../helpers/sentinel.js';
import { eventually, GEORGIA, next, startLeadWire, type LeadWire } from '../../helpers/server.js';
import { manualClock } from '../../helpers/stores.js';

const GA = 'ga-president-2020';

/** Drops every pub/sub connection of the Redis server at `port`: a network blip, no failover. */
async function killSubscriptions(port: number): Promise<void> {
  const c = createClient({ socket: { host: '127.0.0.1', port, reconnectStrategy: false } });
  c.on('error', () => {});
  await c.connect();
  try {
    await c.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']);
  } finally {
    c.destroy();
  }
}

/**
 * A change published while an instance's subscription is down is lost on the channel: the instance must notice and
 * re-read, or its overlays keep what the producer took off. With a plain URL the client says it is ready again; a
 * Sentinel link renews its subscription without a word, so the backend probes its own channel until it hears itself.
 */
describe('a dropped change subscription, no failover', () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
    closers.length = 0;
  });

  it.each(['url', 'sentinel'] as const)('%s: a clear committed while the subscription was down still reaches the program overlay', async (mode) => {
    let target: RedisTarget;
    let port: number;
    if (mode === 'url') {
      const redis = await startRedis();
      closers.push(() => redis.cleanup());
      target = { url: redis.url };
      port = redis.port;
    } else {
      const group = await startSentinelGroup('leadwire', 1);
      closers.push(() => group.cleanup());
      target = { sentinel: { name: group.master, nodes: group.sentinels } };
      port = await primaryPort(group);
    }
    const redisAdapter = await createRedisAdapter({ target, key: 'lw:socket.io', logger: silentLogger() });
    const store = new Store(await RedisBackend.connect({ target, prefix: 'lw:', logger: silentLogger() }), { clock: manualClock() });
    const lw: LeadWire = await startLeadWire({ store, adapter: redisAdapter.adapter });
    closers.push(redisAdapter.close, () => store.close(), () => lw.close());
    expect((await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA })).status).toBe(201);
    const overlay = lw.overlay('program');
    await next(overlay, 'snapshot');
    const seen: ChannelGraphics[] = [];
    overlay.on('graphics', (g: ChannelGraphics) => seen.push(g));
    const reaches = (revision: number, what: string) => eventually(() => seen.find((g) => g.revision >= revision), 15_000, what);

    // The subscriptions come back within about 50 ms; a clear sent as they drop is published in that gap often,
    // not always: a few rounds, each of which must reach the overlay.
    for (let round = 1; round <= 4; round++) {
      const aired = await lw.api('POST', '/api/graphics/air', { body: { layer: 'lowerThird', graphic: { type: 'race', raceId: GA } } });
      await reaches(aired.body.revision, `round ${round}: the take on the program overlay`);
      const [, cleared] = await Promise.all([killSubscriptions(port), lw.api('POST', '/api/graphics/clear', { body: { layer: 'lowerThird' } })]);
      expect(cleared.status).toBe(200);
      const got = await reaches(cleared.body.revision, `round ${round}: the clear on the program overlay`);
      expect(got.layers.lowerThird).toBeNull();
    }
  });
});
