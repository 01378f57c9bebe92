import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelGraphics, ControlSnapshot, LeadChange, OverlaySnapshot, RaceView, Tally } from '../../../shared/index.js';
import { silentLogger } from '../../../server/logger.js';
import { createRedisAdapter } from '../../../server/realtime/redisAdapter.js';
import { RedisBackend } from '../../../server/store/redis.js';
import { Store } from '../../../server/store/store.js';
import { eventually, GA_BEFORE, GA_FLIP, next, startLeadWire, type LeadWire } from '../../helpers/server.js';
import { startRedis, type PrivateRedis } from '../../helpers/redis.js';
import { manualClock } from '../../helpers/stores.js';
import { arrival, batchAt, collect, defineGeorgia, GA, postGeorgia } from './support.js';

const RACE_GRAPHIC = { type: 'race', raceId: GA } as const;

describe('two LeadWire instances sharing one Redis', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.cleanup());

  // Servers close first, all of them, so no adapter is left answering another instance's request with a
  // closed Redis client; then the Redis clients they used.
  let servers: LeadWire[] = [];
  let clients: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((lw) => lw.close()));
    for (const c of clients.reverse()) await c();
    servers = [];
    clients = [];
  });

  /** One instance: its own store clients and socket.io adapter clients, on the shared prefix. */
  async function instance(prefix: string, alertDurationMs?: number): Promise<LeadWire> {
    const redisAdapter = await createRedisAdapter({ url: redis.url, key: `${prefix}socket.io`, logger: silentLogger() }); // as server/main.ts
    clients.push(redisAdapter.close);
    const backend = await RedisBackend.connect({ url: redis.url, prefix, logger: silentLogger() });
    // A deadline a loaded machine does not trip: a process starved of CPU for a second finds every store call
    // it was waiting on past a 1 s deadline, and answers 503 (outcome unknown) though Redis answered at once.
    const store = new Store(backend, { clock: manualClock(), timeoutMs: 10_000 });
    clients.push(() => store.close());
    const lw = await startLeadWire({ store, alertDurationMs, adapter: redisAdapter.adapter });
    servers.push(lw);
    return lw;
  }

  let run = 0;
  /** Servers A and B on a prefix of their own, so tests never see each other's data. */
  async function pair(alertDurationMs?: number) {
    const prefix = `multi${++run}:`;
    return { a: await instance(prefix, alertDurationMs), b: await instance(prefix, alertDurationMs) };
  }

  it('gives a control panel that connects while Redis is down the last known state, and survives', async () => {
    const { a } = await pair();
    await defineGeorgia(a);
    expect((await postGeorgia(a, GA_BEFORE)).status).toBe(200);
    await next(a.overlay(), 'snapshot'); // this instance now knows the state
    await redis.stop();
    try {
      const control = a.control();
      const snapshot = await next<ControlSnapshot>(control, 'snapshot', 10_000);
      expect(snapshot.races[GA]?.revision).toBe(2);
      // Counting pages through the adapter fails while Redis is away; the server must still answer.
      expect((await a.api('GET', '/healthz', { token: null })).status).toBe(503);
    } finally {
      await redis.start();
    }
  });

  it('takes an alert aired on A off air on time even when A is gone', async () => {
    const { a, b } = await pair(1_000);
    await defineGeorgia(a);
    await postGeorgia(a, GA_BEFORE);
    const flip = await postGeorgia(a, GA_FLIP);
    expect((await a.api('POST', `/api/alerts/alert.${flip.body.leadChange.id}/take`)).status).toBe(200);
    await a.close(); // A's own timer goes with it
    const graphics = await eventually(async () => {
      const { body } = await b.api('GET', '/api/graphics');
      return body.program.alert === null ? body : undefined;
    }, 8_000, 'B to take the alert off air');
    expect(graphics.program.alert).toBeNull();
  });

  it('pushes a race update and a lead change posted to A to an overlay page on B', async () => {
    const { a, b } = await pair();
    await defineGeorgia(a);
    expect((await postGeorgia(a, GA_BEFORE)).status).toBe(200);
    const overlay = b.overlay();
    const snapshot = await next<OverlaySnapshot>(overlay, 'snapshot');
    expect(snapshot.races[GA]?.revision).toBe(2);
    const races = collect<RaceView>(overlay, 'race');
    const leadChange = next<LeadChange>(overlay, 'leadChange');

    const flip = await postGeorgia(a, GA_FLIP);
    expect(flip.status).toBe(200);

    expect(await leadChange).toEqual(flip.body.leadChange);
    expect(await arrival(races, (r) => r.revision === 3, 'race revision 3 on B')).toEqual(flip.body.race);
    expect(races.map((r) => r.revision)).toEqual([3]);
    expect(flip.body.race.leader).toBe('biden');
  });

  it('shows graphics taken on A on the overlay pages of B', async () => {
    const { a, b } = await pair();
    await defineGeorgia(a);
    const program = b.overlay('program');
    const preview = b.overlay('preview');
    await Promise.all([next(program, 'snapshot'), next(preview, 'snapshot')]);
    const onProgram = collect<ChannelGraphics>(program, 'graphics');
    const onPreview = collect<ChannelGraphics>(preview, 'graphics');

    expect((await a.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: RACE_GRAPHIC } })).status).toBe(200);
    const taken = await a.api('POST', '/api/graphics/take', { body: { layer: 'lowerThird' } });
    expect(taken.status).toBe(200);

    const shown = { lowerThird: RACE_GRAPHIC, alert: null, ticker: null, fullscreen: null };
    expect(await arrival(onProgram, (g) => g.revision === 2, 'program graphics on B')).toEqual({
      channel: 'program',
      layers: shown,
      revision: 2,
    });
    expect(await arrival(onPreview, (g) => g.revision === 2, 'preview graphics on B')).toEqual({
      channel: 'preview',
      layers: shown,
      revision: 2,
    });
    expect(onProgram.every((g) => g.channel === 'program')).toBe(true);
    expect(onPreview.every((g) => g.channel === 'preview')).toBe(true);
    expect((await b.api('GET', '/api/graphics')).body).toEqual(taken.body);
  });

  it('ends concurrent batches posted alternately to A and B on the newest asOf, and no page sees a revision go backwards', async () => {
    const { a, b } = await pair();
    await defineGeorgia(a);
    const onA = a.overlay();
    const onB = b.overlay();
    // Everything each page is shown of Georgia, snapshots (there is one after every reconnect) as well as pushes.
    const seenA = shownOf(onA);
    const seenB = shownOf(onB);
    await Promise.all([arrival(seenA, (s) => s.via === 'snapshot', 'a snapshot on A'), arrival(seenB, (s) => s.via === 'snapshot', 'a snapshot on B')]);

    const batches = Array.from({ length: 30 }, (_, i) => batchAt(i));
    // Interleave an early and a late half so the two instances really contend and some batches go stale.
    const order = batches.map((_, i) => (i % 2 === 0 ? i / 2 : 15 + (i - 1) / 2));
    const answers = await Promise.all(order.map((n, i) => postGeorgia(i % 2 === 0 ? a : b, batches[n])));

    for (const r of answers) expect([200, 409], JSON.stringify(r.body)).toContain(r.status);
    for (const r of answers.filter((x) => x.status === 409)) expect(r.body.error).toBe('stale');
    const accepted = answers.filter((r) => r.status === 200).map((r) => (r.body.race as RaceView).revision);
    const last = Math.max(...accepted);
    expect(new Set(accepted).size).toBe(accepted.length);
    const [fromA, fromB] = await Promise.all([a.api<RaceView>('GET', `/api/races/${GA}`), b.api<RaceView>('GET', `/api/races/${GA}`)]);
    expect(fromA.body).toEqual(fromB.body);
    expect(fromA.body.asOf).toBe(batches[29]!.asOf);
    expect(fromA.body.candidates.map((c) => c.votes)).toEqual(Object.values(batches[29]!.votes));
    expect(fromA.body.revision).toBe(last);
    expect(last).toBe(1 + accepted.length);

    await arrival(seenA, (s) => s.view.revision === last, `revision ${last} on A`, 15_000);
    await arrival(seenB, (s) => s.view.revision === last, `revision ${last} on B`, 15_000);
    for (const seen of [seenA, seenB]) {
      // Never lower than anything shown before; a push is news, so higher than anything shown before.
      expect(neverBackwards(seen)).toEqual([]);
      expect(seen.filter((s) => s.via === 'race').length).toBeGreaterThan(0);
      expect(seen.at(-1)?.view).toEqual(fromA.body);
    }
  });

  /** Georgia as a page is shown it, in arrival order, and whether by a snapshot or a push. */
  function shownOf(page: ReturnType<LeadWire['overlay']>) {
    const shown: { via: 'snapshot' | 'race'; view: RaceView }[] = [];
    page.on('snapshot', (s: OverlaySnapshot) => void (s.races[GA] && shown.push({ via: 'snapshot', view: s.races[GA] })));
    page.on('race', (view: RaceView) => void (view.id === GA && shown.push({ via: 'race', view })));
    return shown;
  }

  /** What went backwards: a revision lower than one shown before it, or a push of a revision already shown. */
  function neverBackwards(shown: { via: 'snapshot' | 'race'; view: RaceView }[]) {
    return shown.flatMap((s, i) => {
      const before = Math.max(-1, ...shown.slice(0, i).map((p) => p.view.revision));
      const back = s.view.revision < before || (s.via === 'race' && s.view.revision === before);
      return back ? [`${s.via} of revision ${s.view.revision} after revision ${before}`] : [];
    });
  }

  it('counts overlay pages connected to B in the tally a control panel on A sees', async () => {
    const { a, b } = await pair();
    const pages = [b.overlay('program'), b.overlay('program'), b.overlay('preview'), a.overlay('program')];
    await Promise.all(pages.map((p) => next(p, 'snapshot')));

    const control = a.control();
    const tallies = collect<Tally>(control, 'tally');
    await next(control, 'snapshot');
    expect(await arrival(tallies, () => true, 'the first tally')).toEqual({ program: 3, preview: 1 });

    const late = b.overlay('preview');
    await next(late, 'snapshot');
    expect(await arrival(tallies, (t) => t.preview === 2, 'a recount after a page joined B')).toEqual({ program: 3, preview: 2 });

    pages[0]!.disconnect();
    expect(await arrival(tallies, (t) => t.program === 2, 'a recount after a page left B')).toEqual({ program: 2, preview: 2 });
  });
});
