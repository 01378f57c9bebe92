import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RaceDefinition, cue, replay, take, clear, type Actor, type LogEvent } from '../../../shared/index.js';
import { silentLogger } from '../../../server/logger.js';
import { RedisBackend } from '../../../server/store/redis.js';
import { Store } from '../../../server/store/store.js';
import { GEORGIA } from '../../helpers/fixtures.js';
import { startRedis, type PrivateRedis } from '../../helpers/redis.js';
import { manualClock } from '../../helpers/stores.js';
import { STORE_DEADLINE_MS } from './setup.js';

const RACES = ['crash-a', 'crash-b', 'crash-c', 'crash-d'];
const WIRE: Actor = { role: 'feed', name: 'wire' };
const DESK: Actor = { role: 'producer', name: 'desk' };

/** Kills the private redis-server with SIGKILL: no shutdown, no last write flushed beyond what fsync already has. */
async function killHard(redis: PrivateRedis): Promise<void> {
  const admin = createClient({ url: redis.url });
  await admin.connect();
  const info = await admin.info('server');
  await admin.close();
  const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
  process.kill(pid, 'SIGKILL');
  // Gone once it no longer accepts connections.
  for (;;) {
    try {
      process.kill(pid, 0);
      await new Promise((r) => setTimeout(r, 10));
    } catch {
      return;
    }
  }
}

async function readAll(store: Store): Promise<LogEvent[]> {
  const all: LogEvent[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.readEvents({ after, limit: 1000 });
    all.push(...page.events);
    if (page.next === null) return all;
    after = page.next;
  }
}

describe('a change and its event across a Redis crash (kill -9, AOF appendfsync always)', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startRedis();
  }, 20_000);
  afterAll(() => redis.cleanup());

  it('never leaves a change without its event or an event without its change', async () => {
    const clock = manualClock();
    const backend = await RedisBackend.connect({ url: redis.url, prefix: 'crash:', logger: silentLogger() });
    // The setup and the checks wait as long as a loaded machine needs; the burst gives up on a call after 1 s, so
    // once Redis is gone each worker soon counts its failures and ends (a call re-sends until its deadline).
    const store = new Store(backend, { clock, timeoutMs: STORE_DEADLINE_MS });
    const burstStore = new Store(backend, { clock, timeoutMs: 1_000 });
    for (const id of RACES) await store.defineRace(RaceDefinition.parse({ ...GEORGIA, id }), DESK);
    await store.updateGraphics((s) => cue(s, 'lowerThird', { type: 'race', raceId: RACES[0]! }), { action: 'cue', layer: 'lowerThird' }, DESK);

    // A bounded burst: bulks of one batch per race (pipelined commits) and takes / clears, two at a time.
    let done = 0;
    let failed = 0;
    const burst = async (worker: number) => {
      for (let k = 0; k < 150; k++) {
        clock.advance(1_000);
        const n = worker * 1_000 + k + 1;
        const asOf = new Date(Date.parse('2020-11-04T00:00:00Z') + n * 1_000).toISOString();
        try {
          if (worker === 0) {
            await burstStore.applyBatches(RACES.map((raceId, i) => ({ raceId, batch: { asOf, votes: { biden: n * 10 + i, trump: n * 9, other: n }, source: 'wire' } })), WIRE);
          } else {
            await burstStore.updateGraphics((s) => (k % 2 === 0 ? take(s, 'lowerThird') : clear(s, 'lowerThird', 'program')), { action: k % 2 === 0 ? 'take' : 'clear', layer: 'lowerThird' }, DESK);
          }
          done += 1;
        } catch {
          failed += 1;
          if (failed > 10) return; // the store is gone: the burst ends
        }
      }
    };
    let ended = false;
    const running = Promise.all([burst(0), burst(1)]).finally(() => (ended = true));
    while (done < 60 && !ended) await new Promise((r) => setTimeout(r, 5));
    expect(ended, 'the burst was still writing when Redis was killed').toBe(false);
    await killHard(redis);
    await running;
    expect(failed).toBeGreaterThan(0); // the kill landed while writes were under way

    await redis.start(); // replays the append-only file
    // The client reconnects on its own (backing off up to 2 s); a loaded machine may take a while longer.
    for (const until = Date.now() + 30_000; ; ) {
      try {
        await store.ping();
        break;
      } catch {
        if (Date.now() > until) throw new Error('redis did not come back');
        await new Promise((r) => setTimeout(r, 25));
      }
    }

    const events = await readAll(store);
    const replayed = replay(events);
    for (const id of RACES) {
      const stored = (await store.getRace(id))!;
      const rebuilt = replayed.races.get(id)!;
      expect(rebuilt.revision).toBe(stored.revision);
      expect(rebuilt.votes).toEqual(stored.votes);
      expect(rebuilt.asOf).toBe(stored.asOf);
      // One event per revision: the definition, then one per batch.
      expect(events.filter((e) => e.raceId === id && (e.type === 'race.defined' || e.type === 'batch.applied'))).toHaveLength(stored.revision);
    }
    const graphics = await store.getGraphics();
    expect(replayed.graphicsRevision).toBe(graphics.revision);
    expect(replayed.program).toEqual(graphics.program);
    expect(events.filter((e) => e.type === 'graphics')).toHaveLength(graphics.revision);
    await store.close();
  }, 60_000);
});
