import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GEORGIA } from '../helpers/fixtures.js';
import { MemoryBackend } from '../../server/store/memory.js';
import { Store } from '../../server/store/store.js';
import { eventually, INGEST, startLeadWire } from '../helpers/server.js';
import { manualClock } from '../helpers/stores.js';
import { startLeadWireProcess } from '../helpers/process.js';
import { startRedis, type PrivateRedis } from '../helpers/redis.js';

const RACES = 8;
const PER_RACE = 40;

describe('SIGTERM in the middle of a burst', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startRedis();
  }, 20_000);
  afterAll(() => redis.cleanup());

  it(
    'answers every request it took, stores exactly what it answered, and exits 0',
    async () => {
      const { proc, base, exited } = await startLeadWireProcess({ REDIS_URL: redis.url });
      const headers = { authorization: `Bearer ${INGEST}`, 'content-type': 'application/json', connection: 'close' };
      for (let r = 0; r < RACES; r++) {
        const res = await fetch(`${base}/api/races/race-${r}`, { method: 'PUT', headers, body: JSON.stringify(GEORGIA) });
        expect(res.status).toBe(201);
      }

      // One poster per race, each batch newer than the last; SIGTERM once a quarter of them are answered.
      const stall = createClient({ url: redis.url });
      await stall.connect();
      let answered = 0;
      let afterSignal = 0;
      let signalled = false;
      const applied = new Map<number, number>();
      const refusedConnection: string[] = [];
      const cutOff: string[] = [];
      const poster = async (r: number) => {
        for (let i = 0; i < PER_RACE; i++) {
          const body = { asOf: new Date(Date.UTC(2020, 10, 4, 0, 0, i)).toISOString(), votes: { biden: i, trump: 0, other: 0 } };
          const sentBeforeSignal = !signalled;
          try {
            const res = await fetch(`${base}/api/races/race-${r}/results`, { method: 'POST', headers, body: JSON.stringify(body) });
            await res.text();
            answered += 1;
            if (signalled) afterSignal += 1;
            if (res.status === 200) applied.set(r, (applied.get(r) ?? 0) + 1);
            else expect(res.status).toBe(503); // the store may be closing: an answer, and nothing stored
          } catch (err) {
            // Sent before the signal: LeadWire had it and must have answered. Sent after: it may be refused.
            const code = String((err as { cause?: { code?: string } }).cause?.code ?? err);
            (sentBeforeSignal ? cutOff : refusedConnection).push(code);
            return;
          }
          if (!signalled && answered >= (RACES * PER_RACE) / 4) {
            signalled = true;
            // Hold Redis's writes for a moment (reads and pub/sub go on) so requests are surely under way when the signal lands.
            await stall.sendCommand(['CLIENT', 'PAUSE', '1200', 'WRITE']);
            await new Promise((r) => setTimeout(r, 300));
            proc.kill('SIGTERM');
          }
        }
      };
      await Promise.all(Array.from({ length: RACES }, (_, r) => poster(r)));
      expect(await exited).toBe(0);
      expect(signalled).toBe(true);
      process.stderr.write(`shutdown: ${answered} answered (${afterSignal} after SIGTERM), ${refusedConnection.length} refused connections\n`);
      await stall.quit();
      // Every request under way when the signal came (each poster had one, held up by Redis) was answered.
      expect(cutOff).toEqual([]);
      expect(afterSignal).toBeGreaterThanOrEqual(RACES - 1); // all but the poster whose answer triggered the signal

      // Nothing half-done: each race's stored revision is its definition plus exactly the batches answered 200.
      const admin = createClient({ url: redis.url });
      await admin.connect();
      try {
        for (let r = 0; r < RACES; r++) {
          const rev = Number(await admin.hGet(`lw:race:race-${r}`, 'rev'));
          expect(rev, `race-${r}`).toBe(1 + (applied.get(r) ?? 0));
        }
      } finally {
        await admin.quit();
      }
    },
    90_000,
  );
});

describe('closing with requests under way', () => {
  it('answers every request it had before it stops, and refuses new connections', async () => {
    // A real memory store whose commits wait at a gate: requests are surely under way when close() starts.
    let open: () => void = () => {};
    const gate = new Promise<void>((r) => (open = r));
    let atGate = 0;
    class GatedBackend extends MemoryBackend {
      override async commitRaces(...args: Parameters<MemoryBackend['commitRaces']>) {
        atGate += 1;
        await gate;
        return super.commitRaces(...args);
      }
    }
    const store = new Store(new GatedBackend(), { clock: manualClock(), timeoutMs: 30_000 });
    const lw = await startLeadWire({ store });
    expect((await lw.api('PUT', '/api/races/ga', { body: GEORGIA })).status).toBe(201);
    const pending = Array.from({ length: 5 }, (_, i) =>
      lw.api('POST', '/api/races/ga/results', { body: { asOf: `2020-11-04T00:00:0${i}Z`, votes: { biden: i, trump: 0, other: 0 } } }),
    );
    await eventually(() => (atGate === 5 ? true : undefined), 20_000, 'all five requests to reach the gate');
    const closing = lw.server.close({ graceMs: 10_000 });
    await expect(fetch(`${lw.base}/healthz`)).rejects.toThrow(); // no new connection once closing
    open();
    const answers = await Promise.all(pending);
    await closing;
    // Each was answered (applied, or stale when a newer one of the five got in first); none was cut off.
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    await store.close();
  });
});
