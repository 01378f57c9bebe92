import { createClient } from 'redis';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert, GraphicsState, LeadChange, OverlaySnapshot, RaceView } from '../../../shared/index.js';
import { silentLogger } from '../../../server/logger.js';
import { RedisBackend } from '../../../server/store/redis.js';
import { Store } from '../../../server/store/store.js';
import { eventually, GA_BEFORE, GA_FLIP, GEORGIA, next, startLeadWire, type LeadWire } from '../../helpers/server.js';
import { startRedis, type PrivateRedis } from '../../helpers/redis.js';
import { manualClock } from '../../helpers/stores.js';
import { arrival, batchAt, collect, defineGeorgia, GA, postGeorgia, strictlyIncreasing } from './support.js';

const PREFIX = 'restart:';
const RACE_GRAPHIC = { type: 'race', raceId: GA } as const;

describe('LeadWire on Redis across restarts and outages', () => {
  let cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups = [];
  });

  async function privateRedis(): Promise<PrivateRedis> {
    const redis = await startRedis();
    cleanups.push(() => redis.cleanup());
    return redis;
  }

  async function openStore(redis: PrivateRedis): Promise<Store> {
    const backend = await RedisBackend.connect({ url: redis.url, prefix: PREFIX, logger: silentLogger() });
    const store = new Store(backend, { clock: manualClock(), timeoutMs: 1_000 });
    cleanups.push(() => store.close());
    return store;
  }

  async function serve(redis: PrivateRedis): Promise<{ lw: LeadWire; store: Store }> {
    const store = await openStore(redis);
    const lw = await startLeadWire({ store });
    cleanups.push(() => lw.close());
    return { lw, store };
  }

  /** Everything a client can read over HTTP. */
  async function readAll(lw: LeadWire) {
    const [races, leadChanges, graphics, alerts] = await Promise.all([
      lw.api<RaceView[]>('GET', '/api/races'),
      lw.api<LeadChange[]>('GET', `/api/races/${GA}/lead-changes`),
      lw.api<GraphicsState>('GET', '/api/graphics'),
      lw.api<Alert[]>('GET', '/api/alerts'),
    ]);
    for (const r of [races, leadChanges, graphics, alerts]) expect(r.status).toBe(200);
    return { races: races.body, leadChanges: leadChanges.body, graphics: graphics.body, alerts: alerts.body };
  }

  it('takes an aired alert off air once Redis is back when its time ran out during an outage', async () => {
    const redis = await privateRedis();
    const store = await openStore(redis);
    const lw = await startLeadWire({ store, alertDurationMs: 800 });
    cleanups.push(() => lw.close());
    await defineGeorgia(lw);
    await postGeorgia(lw, GA_BEFORE);
    const flip = await postGeorgia(lw, GA_FLIP);
    const alertId = `alert.${flip.body.leadChange.id}`;
    expect((await lw.api('POST', `/api/alerts/${alertId}/take`)).status).toBe(200);
    await redis.stop();
    await new Promise((r) => setTimeout(r, 1_500)); // the alert's time runs out while Redis is away
    await redis.start();
    const graphics = await eventually(async () => {
      const res = await lw.api<GraphicsState>('GET', '/api/graphics');
      return res.status === 200 && res.body.program.alert === null ? res.body : undefined;
    }, 10_000, 'the alert to leave air');
    expect(graphics.program.alert).toBeNull();
  });

  it('serves exactly the same races, lead changes, graphics and alerts from a new server on the same Redis', async () => {
    const redis = await privateRedis();
    const first = await serve(redis);
    await defineGeorgia(first.lw);
    expect((await first.lw.api('PUT', '/api/races/pa-president-2020', { body: { ...GEORGIA, jurisdiction: 'Pennsylvania', electoralVotes: 20 } })).status).toBe(201);
    expect((await postGeorgia(first.lw, GA_BEFORE)).status).toBe(200);
    const flip = await postGeorgia(first.lw, GA_FLIP);
    expect(flip.status).toBe(200);
    expect((await first.lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: RACE_GRAPHIC } })).status).toBe(200);
    expect((await first.lw.api('POST', '/api/graphics/take', { body: { layer: 'lowerThird' } })).status).toBe(200);
    const [alert] = (await first.lw.api<Alert[]>('GET', '/api/alerts')).body;
    expect((await first.lw.api('POST', `/api/alerts/${alert!.id}/take`)).status).toBe(200);
    const before = await readAll(first.lw);
    expect(before.races.map((r) => [r.id, r.revision])).toEqual([
      [GA, 3],
      ['pa-president-2020', 1],
    ]);
    expect(before.leadChanges).toEqual([flip.body.leadChange]);
    expect(before.graphics).toEqual({
      program: { lowerThird: RACE_GRAPHIC, alert: { type: 'leadChange', leadChangeId: flip.body.leadChange.id }, ticker: null, fullscreen: null },
      preview: { lowerThird: RACE_GRAPHIC, alert: null, ticker: null, fullscreen: null },
      revision: 3,
    });
    expect(before.alerts.map((a) => a.status)).toEqual(['aired']);

    await first.lw.close();
    await first.store.close();
    const second = await serve(redis);

    expect(await readAll(second.lw)).toEqual(before);
    const snapshot = await next<OverlaySnapshot>(second.lw.overlay(), 'snapshot');
    expect(snapshot.layers).toEqual(before.graphics.program);
    expect(snapshot.revision).toBe(3);
    expect(snapshot.races[GA]).toEqual(before.races[0]);
  });

  it('keeps an overlay page’s state while Redis is down, answers writes with 503, and pushes again once Redis is back', async () => {
    const redis = await privateRedis();
    const { lw } = await serve(redis);
    await defineGeorgia(lw);
    expect((await postGeorgia(lw, GA_BEFORE)).status).toBe(200);
    const overlay = lw.overlay();
    const snapshot = await next<OverlaySnapshot>(overlay, 'snapshot');
    expect(snapshot.races[GA]?.revision).toBe(2);
    const snapshots = collect<OverlaySnapshot>(overlay, 'snapshot');
    const races = collect<RaceView>(overlay, 'race');
    const disconnects = collect<string>(overlay, 'disconnect');

    await redis.stop();
    const refused = await postGeorgia(lw, GA_FLIP);
    expect(refused.status).toBe(503);
    expect(refused.body.error).toBe('unavailable');
    const cue = await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: RACE_GRAPHIC } });
    expect(cue.status).toBe(503);
    expect(cue.body.error).toBe('unavailable');
    expect(overlay.connected).toBe(true);
    expect(disconnects).toEqual([]);
    expect(snapshots).toEqual([]);
    expect(races).toEqual([]);

    await redis.start();
    await eventually(async () => ((await lw.api('GET', '/healthz')).status === 200 ? true : undefined), 15_000, 'health after restart');
    const accepted = await eventually(async () => {
      const res = await postGeorgia(lw, GA_FLIP);
      return res.status === 200 ? res : undefined;
    }, 15_000, 'a write after restart');

    expect(accepted.body.race.revision).toBe(3);
    const pushed = await arrival(races, (r) => r.revision === 3, 'race revision 3 after the outage', 10_000);
    expect(pushed).toEqual(accepted.body.race);
    expect(overlay.connected).toBe(true);
    expect(strictlyIncreasing([2, ...races.map((r) => r.revision)])).toBe(true);
  });

  it('still delivers a batch committed while the change subscription is reconnecting', async () => {
    const redis = await privateRedis();
    const { lw } = await serve(redis);
    await defineGeorgia(lw);
    const overlay = lw.overlay();
    await next(overlay, 'snapshot');
    const races = collect<RaceView>(overlay, 'race');

    // Drop only the server's pub/sub connection and keep it from coming back (no room for another client),
    // while its command connection stays up: the write succeeds, its PUBLISH reaches no one on this instance.
    const admin = createClient({ url: redis.url });
    admin.on('error', () => {});
    await admin.connect();
    cleanups.push(() => admin.close());
    const clients = String(await admin.sendCommand(['CLIENT', 'LIST'])).trim().split('\n');
    await admin.sendCommand(['CONFIG', 'SET', 'maxclients', String(clients.length - 1)]);
    expect(Number(await admin.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']))).toBe(1);
    const posted = await postGeorgia(lw, batchAt(0));
    expect(posted.status).toBe(200);
    expect(posted.body.race.revision).toBe(2);
    await admin.sendCommand(['CONFIG', 'SET', 'maxclients', '10000']);
    await eventually(async () => {
      const list = String(await admin.sendCommand(['CLIENT', 'LIST']));
      return list.includes('cmd=subscribe') || list.includes('sub=1') ? true : undefined;
    }, 10_000, 'the subscription back');

    // The contract: the latest accepted revision always arrives.
    const pushed = await arrival(races, (r) => r.revision === 2, 'race revision 2', 10_000);
    expect(pushed).toEqual(posted.body.race);
  });
});
