import { describe, expect, it } from 'vitest';
import { RaceDefinition, SYSTEM_ACTOR, type LogEvent } from '../../../shared/index.js';
import { silentLogger } from '../../../server/logger.js';
import { MemoryBackend } from '../../../server/store/memory.js';
import { RedisBackend } from '../../../server/store/redis.js';
import { Store } from '../../../server/store/store.js';
import { GEORGIA } from '../../helpers/fixtures.js';
import { startRedis } from '../../helpers/redis.js';
import { manualClock, storeKinds } from '../../helpers/stores.js';
import { STORE_DEADLINE_MS, useServer } from './setup.js';

const race = (i: number) => `race-${i}`;

describe.each(storeKinds())('GET /api/events ($name store)', (kind) => {
  const begin = useServer(kind);

  it('pages oldest first after a cursor, filters by type and race, and says where the next page starts', async () => {
    const lw = await begin();
    for (let i = 0; i < 5; i++) {
      expect((await lw.api('PUT', `/api/races/${race(i)}`, { body: GEORGIA })).status).toBe(201);
      lw.clock.advance(1_000);
      await lw.api('POST', `/api/races/${race(i)}/results`, { body: { asOf: '2020-11-04T01:00:00Z', votes: { biden: i, trump: 0, other: 0 } } });
    }
    const all = (await lw.api<{ events: LogEvent[]; next: string | null }>('GET', '/api/events?limit=1000')).body;
    expect(all.next).toBeNull();
    expect(all.events.map((e) => `${e.type} ${e.raceId}`)).toEqual([0, 1, 2, 3, 4].flatMap((i) => [`race.defined ${race(i)}`, `batch.applied ${race(i)}`]));
    expect(all.events[0]!.at).toBe('2020-11-06T10:00:00.000Z'); // the injected clock's instant

    const first = (await lw.api('GET', '/api/events?limit=3')).body;
    expect(first.events.map((e: LogEvent) => e.id)).toEqual(all.events.slice(0, 3).map((e) => e.id));
    expect(first.next).toBe(all.events[2]!.id);
    const second = (await lw.api('GET', `/api/events?limit=3&after=${first.next}`)).body;
    expect(second.events.map((e: LogEvent) => e.id)).toEqual(all.events.slice(3, 6).map((e) => e.id));
    const last = (await lw.api('GET', `/api/events?after=${all.events[8]!.id}`)).body;
    expect(last).toEqual({ events: [all.events[9]], next: null });
    // Ids are unique and ordered: stream ids, `<ms>-<seq>`.
    expect(new Set(all.events.map((e) => e.id)).size).toBe(10);
    expect(all.events.every((e) => /^\d+-\d+$/.test(e.id))).toBe(true);

    const batches = (await lw.api('GET', '/api/events?type=batch.applied&limit=2')).body;
    expect(batches.events.map((e: LogEvent) => e.raceId)).toEqual([race(0), race(1)]);
    const more = (await lw.api('GET', `/api/events?type=batch.applied&after=${batches.next}`)).body;
    expect(more.events.map((e: LogEvent) => e.raceId)).toEqual([race(2), race(3), race(4)]);
    expect(more.next).toBeNull();
    const one = (await lw.api('GET', `/api/events?raceId=${race(3)}`)).body;
    expect(one.events.map((e: LogEvent) => e.type)).toEqual(['race.defined', 'batch.applied']);
    expect((await lw.api('GET', `/api/events?raceId=${race(3)}&type=batch.applied`)).body.events).toHaveLength(1);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=ten', 'limit'],
    ['after=yesterday', 'after'],
    // Twenty digits, but past a 64-bit part: Redis refuses it as a stream id, which must not read as an outage.
    ['after=99999999999999999999-0', 'after'],
    ['after=1604656207414-18446744073709551616', 'after'],
    ['type=vote', 'type'],
    ['raceId=Not%20A%20Race', 'raceId'],
    ['colour=red', 'colour'],
  ])('answers 400 naming the field for ?%s', async (query, field) => {
    const lw = await begin();
    const res = await lw.api('GET', `/api/events?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(field);
  });

  it('is for producers only', async () => {
    const lw = await begin();
    expect((await lw.api('GET', '/api/events', { token: null })).status).toBe(401);
    expect((await lw.api('GET', '/api/events', { token: 'ingest-token-for-tests' })).status).toBe(403);
    expect((await lw.api('GET', '/api/as-run', { token: 'ingest-token-for-tests' })).status).toBe(403);
  });
});

describe('the log’s cap', () => {
  const entry = (i: number) => ({
    key: { field: `feed:ap|race-${i}`, value: 'stale|' },
    entry: { type: 'batch.refused' as const, at: '2020-11-06T10:00:00.000Z', actor: SYSTEM_ACTOR, raceId: `race-${i}`, data: { reason: 'stale' as const, source: 'ap', message: 'old' } },
  });

  it('keeps exactly the newest `max` events in memory, dropping the oldest', async () => {
    const backend = new MemoryBackend({ events: { max: 5 } });
    await backend.logRefusals(Array.from({ length: 12 }, (_, i) => entry(i)));
    const page = await backend.readEvents({ limit: 1000 });
    expect(page.events.map((e) => e.raceId)).toEqual([7, 8, 9, 10, 11].map((i) => `race-${i}`));
  });

  it('trims the Redis stream to about `max` (MAXLEN ~) in the same scripts', async () => {
    const redis = await startRedis();
    try {
      const backend = await RedisBackend.connect({ url: redis.url, prefix: 'cap:', logger: silentLogger(), events: { max: 1_000 } });
      const store = new Store(backend, { clock: manualClock(), timeoutMs: STORE_DEADLINE_MS });
      for (let k = 0; k < 6; k++) await backend.logRefusals(Array.from({ length: 500 }, (_, i) => entry(k * 500 + i)));
      await store.defineRace(RaceDefinition.parse({ ...GEORGIA, id: 'after-the-flood' }));
      const length = await (backend as unknown as { client: { xLen(k: string): Promise<number> } }).client.xLen('cap:events');
      expect(length).toBeGreaterThanOrEqual(1_000);
      expect(length).toBeLessThan(1_200); // whole stream nodes are dropped: roughly the cap
      const last = await backend.readEvents({ type: 'race.defined', limit: 10 });
      expect(last.events.map((e) => e.raceId)).toEqual(['after-the-flood']);
      await store.close();
    } finally {
      await redis.cleanup();
    }
  });
});
