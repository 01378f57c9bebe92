import { request as httpRequest } from 'node:http';
import { connect as connectTcp } from 'node:net';
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

/** One POST on a connection of its own; `received` fires once LeadWire has read the request (its `100 Continue`). */
function post(url: string, body: unknown, received: () => void): Promise<{ status: number; body: string }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      agent: false,
      headers: { authorization: `Bearer ${INGEST}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), expect: '100-continue' },
    });
    req.once('continue', () => {
      received();
      req.end(data);
    });
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.once('end', () => resolve({ status: res.statusCode!, body: text }));
      res.once('error', reject);
    });
    req.once('error', reject);
  });
}

/** Whether LeadWire still accepts connections (a TCP connect, so no kept-alive connection answers for it). */
function accepts(base: string): Promise<boolean> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const s = connectTcp({ host: hostname, port: Number(port) });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

describe('SIGTERM in the middle of a burst', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startRedis();
  }, 20_000);
  afterAll(() => redis.cleanup());

  it(
    'answers every request it had read, stores exactly the batches it stored whole, and exits 0',
    async () => {
      const { proc, base, exited } = await startLeadWireProcess({ REDIS_URL: redis.url });
      const headers = { authorization: `Bearer ${INGEST}`, 'content-type': 'application/json', connection: 'close' };
      for (let r = 0; r < RACES; r++) {
        const res = await fetch(`${base}/api/races/race-${r}`, { method: 'PUT', headers, body: JSON.stringify(GEORGIA) });
        expect(res.status).toBe(201);
      }

      // One poster per race, each batch newer than the last. Once a quarter are answered, Redis holds its writes
      // (reads and pub/sub go on) until every poster has a request LeadWire has read and not answered; then SIGTERM.
      const admin = createClient({ url: redis.url });
      admin.on('error', () => {});
      await admin.connect();
      let answered = 0;
      let signalled = false;
      /** Per race: the batches answered 200, those answered 503 "nothing was changed", those answered 503 outcome unknown. */
      const applied = new Map<number, number[]>();
      const unchanged = new Map<number, number[]>();
      const unknown = new Map<number, number[]>();
      const push = (m: Map<number, number[]>, r: number, i: number) => m.set(r, [...(m.get(r) ?? []), i]);
      /** The races whose poster has a request LeadWire has read and not yet answered. */
      const held = new Set<number>();
      const inFlightAtSignal: number[] = [];
      const refused: string[] = [];
      const cutOff: string[] = [];
      const odd: string[] = [];
      const poster = async (r: number) => {
        for (let i = 0; i < PER_RACE; i++) {
          const body = { asOf: new Date(Date.UTC(2020, 10, 4, 0, 0, i)).toISOString(), votes: { biden: i, trump: 0, other: 0 } };
          let read = false;
          try {
            const res = await post(`${base}/api/races/race-${r}/results`, body, () => {
              read = true;
              held.add(r);
            });
            held.delete(r);
            answered += 1;
            if (res.status === 200) push(applied, r, i);
            else if (res.status === 503) push(JSON.parse(res.body).outcome === 'unknown' ? unknown : unchanged, r, i);
            else odd.push(`race-${r} #${i}: ${res.status} ${res.body}`);
          } catch (err) {
            held.delete(r);
            // Read by LeadWire: it must have answered. Not read (its connection came after the signal): it may be refused.
            const code = String((err as { code?: string }).code ?? err);
            (read ? cutOff : refused).push(`race-${r} #${i}: ${code}`);
            return;
          }
          if (!signalled && answered >= (RACES * PER_RACE) / 4) {
            signalled = true;
            await admin.sendCommand(['CLIENT', 'PAUSE', '20000', 'WRITE']);
            await eventually(() => (held.size === RACES - 1 ? true : undefined), 20_000, 'every other poster with a request held');
            inFlightAtSignal.push(...held);
            proc.kill('SIGTERM');
            // Stopped accepting while those requests are still held, then Redis lets them finish.
            await eventually(async () => ((await accepts(base)) ? undefined : true), 20_000, 'LeadWire to stop accepting');
            await admin.sendCommand(['CLIENT', 'UNPAUSE']);
          }
        }
      };
      await Promise.all(Array.from({ length: RACES }, (_, r) => poster(r)));
      expect(await exited).toBe(0);
      const total = (m: Map<number, number[]>) => [...m.values()].flat().length;
      process.stderr.write(
        `shutdown: ${answered} answered (${total(applied)} 200, ${total(unchanged)} 503 nothing changed, ${total(unknown)} 503 outcome unknown), ` +
          `${inFlightAtSignal.length} in flight at SIGTERM, ${refused.length} refused after it\n`,
      );
      expect(odd).toEqual([]);
      // Every request LeadWire had read was answered; every poster but the signalling one had one in flight.
      expect(cutOff).toEqual([]);
      expect(inFlightAtSignal).toHaveLength(RACES - 1);

      // Nothing half-done: per race, the stored batches (in the event log) are every batch answered 200, none answered
      // "nothing was changed", and the revision and counts are those of exactly the stored batches.
      try {
        const events = (await admin.xRange('lw:events', '-', '+')) ?? [];
        for (let r = 0; r < RACES; r++) {
          const stored = events
            .filter((e) => e.message.t === 'batch.applied' && e.message.r === `race-${r}`)
            .map((e) => new Date((JSON.parse(e.message.d!) as { asOf: string }).asOf).getUTCSeconds());
          const ok = applied.get(r) ?? [];
          expect(ok.filter((i) => !stored.includes(i)), `race-${r}: answered 200, not stored`).toEqual([]);
          expect((unchanged.get(r) ?? []).filter((i) => stored.includes(i)), `race-${r}: "nothing was changed", stored`).toEqual([]);
          expect(stored.filter((i) => !ok.includes(i) && !(unknown.get(r) ?? []).includes(i)), `race-${r}: stored, never answered 200`).toEqual([]);
          const record = JSON.parse((await admin.hGet(`lw:race:race-${r}`, 'json'))!) as { revision: number; votes: Record<string, number> };
          expect(Number(await admin.hGet(`lw:race:race-${r}`, 'rev')), `race-${r} revision`).toBe(1 + stored.length);
          expect(record.revision, `race-${r} record`).toBe(1 + stored.length);
          expect(record.votes.biden, `race-${r} count`).toBe(Math.max(0, ...stored));
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
