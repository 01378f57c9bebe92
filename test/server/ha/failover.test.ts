import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import type { RaceView } from '../../../shared/index.js';
import { silentLogger } from '../../../server/logger.js';
import { createRedisAdapter } from '../../../server/realtime/redisAdapter.js';
import type { RedisTarget } from '../../../server/store/connection.js';
import { RedisBackend } from '../../../server/store/redis.js';
import { Store } from '../../../server/store/store.js';
import { startSentinelGroup, type SentinelGroup } from '../../helpers/sentinel.js';
import { eventually, GEORGIA, startLeadWire, type LeadWire } from '../../helpers/server.js';
import { manualClock } from '../../helpers/stores.js';

const GA = 'ga-president-2020';
const GRAPHIC = { type: 'race', raceId: GA };
const PREFIX = 'lw:';

/** Which server the sentinels call the primary now. */
async function primaryPort(group: SentinelGroup): Promise<number> {
  const c = createClient({ socket: { host: '127.0.0.1', port: group.sentinels[0]!.port } });
  c.on('error', () => {});
  await c.connect();
  try {
    const [, port] = (await c.sendCommand(['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', group.master])) as [string, string];
    return Number(port);
  } finally {
    c.destroy();
  }
}

/** Every batch.applied event stored on the server at `port`, by asOf. */
async function storedBatches(port: number): Promise<Set<string>> {
  const c = createClient({ socket: { host: '127.0.0.1', port } });
  c.on('error', () => {});
  await c.connect();
  try {
    const rows = await c.xRange(`${PREFIX}events`, '-', '+');
    return new Set((rows ?? []).filter((r) => r.message.t === 'batch.applied').map((r) => (JSON.parse(r.message.d!) as { asOf: string }).asOf));
  } finally {
    c.destroy();
  }
}

// Needs redis-server with Sentinel and ~1 min: run with LEADWIRE_HA_TESTS=1 (see the report of issue 13's HA part).
describe.runIf(process.env.LEADWIRE_HA_TESTS === '1')('a Sentinel failover under a steady feed', () => {
  afterAll(() => {
    // Every redis-server this file started is gone.
    let left = '';
    try {
      left = execFileSync('pgrep', ['-a', 'redis-server'], { encoding: 'utf8' });
    } catch {
      left = ''; // pgrep exits 1 when nothing matches
    }
    const ours = left.split('\n').filter((l) => l.includes('leadwire-sentinel-'));
    expect(ours).toEqual([]);
  });

  for (const how of ['SIGKILL', 'SIGSTOP'] as const) {
    it(`follows the promoted replica after ${how} of the primary: every batch answered 200 survives, no overlay goes back`, async () => {
      // Two replicas: with LEADWIRE_REDIS_MIN_REPLICAS=1, writes go on once one is promoted and the other follows it.
      const group = await startSentinelGroup('leadwire', 2);
      const closers: (() => Promise<unknown>)[] = [];
      let stopFeed = false;
      try {
        const target: RedisTarget = { sentinel: { name: group.master, nodes: group.sentinels } };
        const instance = async (): Promise<LeadWire> => {
          const redisAdapter = await createRedisAdapter({ target, key: `${PREFIX}socket.io`, logger: silentLogger() });
          closers.push(redisAdapter.close);
          const backend = await RedisBackend.connect({ target, prefix: PREFIX, logger: silentLogger(), minReplicas: 1, replicaTimeoutMs: 500 });
          const store = new Store(backend, { clock: manualClock(), timeoutMs: 2_000 });
          closers.push(() => store.close());
          const lw = await startLeadWire({ store, adapter: redisAdapter.adapter });
          closers.unshift(() => lw.close()); // servers first
          return lw;
        };
        const [a, b] = [await instance(), await instance()];
        expect((await a.api('PUT', `/api/races/${GA}`, { token: 'ingest', body: GEORGIA })).status).toBe(201);
        expect((await a.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: GRAPHIC } })).status).toBe(200);

        // Overlays on both instances; every revision each one sees, to check none goes back.
        const seen: number[][] = [];
        for (const lw of [a, b, a, b]) {
          const o = lw.overlay('program');
          const revs: number[] = [];
          seen.push(revs);
          o.on('snapshot', (s: { races?: Record<string, { revision: number }> }) => {
            const r = s.races?.[GA]?.revision;
            if (r !== undefined) revs.push(r);
          });
          o.on('race', (r: RaceView) => revs.push(r.revision));
        }

        // The feed: batches with growing counts, alternately on A and B, with a take now and then.
        const acked: string[] = [];
        const statuses: { at: number; status: number }[] = [];
        const unexpected: string[] = [];
        let n = 0;
        const feed = (async () => {
          while (!stopFeed) {
            n++;
            const lw = n % 2 ? a : b;
            const asOf = new Date(Date.parse('2020-11-06T09:00:00.000Z') + n * 1000).toISOString();
            const res = await lw
              .api('POST', `/api/races/${GA}/results`, {
                token: 'ingest',
                body: { asOf, votes: { biden: 2_440_000 + n * 10, trump: 2_445_000 + n * 9, other: 60_000 + n }, expectedVotePct: 98 },
              })
              .catch(() => ({ status: 0, body: 'no answer' })); // the servers closed under it (a failed test's cleanup)
            if (stopFeed) break;
            statuses.push({ at: Date.now(), status: res.status });
            if (res.status === 200) acked.push(asOf);
            else if (res.status !== 503) unexpected.push(`${res.status} ${JSON.stringify(res.body)}`);
            if (n % 5 === 0) await lw.api('POST', '/api/graphics/take', { body: { layer: 'lowerThird' } }).catch(() => undefined);
            await new Promise((r) => setTimeout(r, 20));
          }
        })();

        await eventually(() => (acked.length >= 10 ? true : undefined), 15_000, 'the feed under way');
        const [primary, ...replicas] = group.ports as [number, ...number[]];
        const killedAt = Date.now();
        group.signal(primary, how);

        // Some 503s, then 200s again, from the promoted replica.
        const firstFailure = await eventually(() => statuses.find((s) => s.at >= killedAt && s.status !== 200), 20_000, 'the write outage');
        const firstBack = await eventually(() => statuses.find((s) => s.at > firstFailure.at && s.status === 200), 30_000, 'writes back');
        const ackedBefore = acked.length;
        await eventually(() => (acked.length >= ackedBefore + 10 ? true : undefined), 20_000, 'the feed going on after the failover');
        stopFeed = true;
        await feed;
        const lastBefore = statuses.filter((s) => s.at < firstFailure.at && s.status === 200).at(-1);
        console.log(
          `[failover ${how}] write outage ${firstBack.at - firstFailure.at} ms (first 503 → first 200), ` +
            `${lastBefore ? firstBack.at - lastBefore.at : '?'} ms from the last 200 before it, ` +
            `${statuses.filter((s) => s.status !== 200).length} of ${statuses.length} batches answered 503`,
        );

        const promoted = await primaryPort(group);
        expect(replicas).toContain(promoted);
        const stored = await storedBatches(promoted);
        expect(acked.filter((asOf) => !stored.has(asOf))).toEqual([]);

        // The overlays converge on the stored state, and none ever went back.
        const race = (await a.api('GET', `/api/races/${GA}`)).body as RaceView;
        expect((await b.api('GET', `/api/races/${GA}`)).body.revision).toBe(race.revision);
        await eventually(() => (seen.every((revs) => revs.at(-1) === race.revision) ? true : undefined), 15_000, 'the overlays on the stored state');
        for (const revs of seen) expect(revs.filter((r, i) => i > 0 && r < revs[i - 1]!)).toEqual([]);
        const graphics = (await b.api('GET', '/api/graphics')).body;
        expect(graphics.program.lowerThird).toEqual(GRAPHIC);
      } finally {
        stopFeed = true;
        for (const c of closers) await c().catch(() => {});
        await group.cleanup();
      }
    }, 60_000);
  }
});
