import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ControlSnapshot, RundownStatus, type GraphicsState, type LogEvent, type RundownRun } from '../../shared/index.js';
import type { Store } from '../../server/store/store.js';
import { GA_FLIP, GEORGIA, INGEST, next, startLeadWire, type LeadWire } from '../helpers/server.js';
import { manualClock, storeKinds } from '../helpers/stores.js';

const GA = 'ga-president-2020';
const AZ = 'az-president-2020';
const PA = 'pa-president-2020';
const race = (raceId: string) => ({ type: 'race', raceId }) as const;
const lt = (raceId: string, dwellSeconds?: number) => ({ layer: 'lowerThird', graphic: race(raceId), ...(dwellSeconds ? { dwellSeconds } : {}) });
const NIGHT = { name: 'Battlegrounds', items: [lt(GA), lt(AZ, 3), lt(PA)], loop: false, skipAwaiting: false };
const votes = (asOf: string) => ({ asOf, votes: { biden: 10, trump: 9, other: 1 } });

type Clock = ReturnType<typeof manualClock>;

describe.each(storeKinds())('rundowns ($name store)', (kind) => {
  let lw: LeadWire | null = null;
  let clock: Clock;
  beforeAll(() => kind.setup(), 20_000);
  afterAll(() => kind.teardown());
  afterEach(async () => {
    await lw?.close();
    lw = null;
  });

  async function start(prefix?: string): Promise<{ lw: LeadWire; store: Store }> {
    const store = await kind.make(clock, prefix ? { prefix } : {});
    lw = await startLeadWire({ store, clock });
    return { lw, store };
  }

  /** Georgia, Arizona and Pennsylvania defined, with votes in those named. */
  async function races(l: LeadWire, withVotes: string[] = [GA, AZ, PA]) {
    for (const id of [GA, AZ, PA]) {
      expect((await l.api('PUT', `/api/races/${id}`, { body: GEORGIA })).status).toBe(201);
      if (withVotes.includes(id)) expect((await l.api('POST', `/api/races/${id}/results`, { body: votes('2020-11-04T01:00:00Z') })).status).toBe(200);
    }
  }

  async function save(l: LeadWire, id = 'night', body: object = NIGHT) {
    const res = await l.api('PUT', `/api/rundowns/${id}`, { body });
    expect([200, 201]).toContain(res.status);
    return res.body;
  }

  const graphics = async (l: LeadWire) => (await l.api<GraphicsState>('GET', '/api/graphics')).body;
  const runOf = async (l: LeadWire, channel: 'program' | 'preview' = 'program'): Promise<RundownRun | null> => (await graphics(l)).runs?.[channel] ?? null;
  const onAir = async (l: LeadWire, channel: 'program' | 'preview' = 'program') => (await graphics(l))[channel].lowerThird;
  /** Moves the injected clock on and lets the runner look (no sleeping: time is the test's). */
  async function after(l: LeadWire, ms: number) {
    clock.advance(ms);
    await l.server.rundowns.tick();
  }
  const post = (l: LeadWire, path: string, body?: object) => l.api<RundownStatus>('POST', `/api/rundowns/night/${path}`, body ? { body } : {});

  /** Everything stored that a refusal must leave as it was. */
  async function stored(l: LeadWire) {
    return { list: (await l.api('GET', '/api/rundowns')).body, graphics: await graphics(l), events: (await l.api('GET', '/api/events?limit=1000')).body };
  }

  beforeEach(() => {
    clock = manualClock();
  });

  it('saves a rundown (201, then 200), lists it, and answers an identical save without a change', async () => {
    const { lw: l } = await start();
    await races(l);
    const created = await l.api('PUT', '/api/rundowns/night', { body: NIGHT });
    expect(created).toMatchObject({ status: 201, body: { id: 'night', ...NIGHT, updatedAt: clock.now().toISOString() } });
    clock.advance(1_000);
    expect(await l.api('PUT', '/api/rundowns/night', { body: NIGHT })).toEqual({ status: 200, body: created.body });
    const changed = await l.api('PUT', '/api/rundowns/night', { body: { ...NIGHT, loop: true } });
    expect(changed).toMatchObject({ status: 200, body: { loop: true, updatedAt: clock.now().toISOString() } });
    await save(l, 'early', { name: 'Early states', items: [lt(PA)] });
    expect((await l.api('GET', '/api/rundowns')).body.map((r: { id: string }) => r.id)).toEqual(['night', 'early']);
    expect((await l.api('GET', '/api/rundowns/early')).body).toMatchObject({ id: 'early', loop: false, skipAwaiting: false });
    const saves = (await l.api('GET', '/api/events?type=rundown')).body.events as LogEvent[];
    expect(saves.map((e) => e.data)).toEqual([
      { rundown: 'night', action: 'save' },
      { rundown: 'night', action: 'save' },
      { rundown: 'early', action: 'save' },
    ]);
    expect(saves[0]!.actor).toEqual({ role: 'producer', name: 'producer' });
  });

  it('airs its items in order on their layer, each for its dwell by the clock, then ends and takes the last off air', async () => {
    const { lw: l } = await start();
    await races(l);
    await save(l);
    const t0 = clock.now().getTime();
    const started = await post(l, 'start', { channel: 'program' });
    expect(started).toMatchObject({ status: 200, body: { channel: 'program', nextIndex: 1, endsAt: new Date(t0 + 8_000).toISOString() } });
    expect(started.body.run).toMatchObject({ rundownId: 'night', index: 0, pausedAt: null });
    expect(await onAir(l)).toEqual(race(GA));
    await after(l, 7_999);
    expect(await onAir(l)).toEqual(race(GA));
    await after(l, 1);
    expect(await onAir(l)).toEqual(race(AZ));
    // Arizona's own dwell is 3 s.
    await after(l, 2_999);
    expect(await onAir(l)).toEqual(race(AZ));
    await after(l, 1);
    expect(await onAir(l)).toEqual(race(PA));
    expect((await runOf(l))?.index).toBe(2);
    await after(l, 8_000);
    const g = await graphics(l);
    expect(g.program.lowerThird).toBeNull();
    expect(g.runs?.program).toBeNull();
    expect(g.runs?.stopped?.program).toMatchObject({ reason: 'end', rundownId: 'night', message: expect.stringContaining('ended after its last item') });
    const log = (await l.api('GET', '/api/events?type=rundown')).body.events as { data: Record<string, unknown>; actor: { role: string } }[];
    expect(log.map((e) => [e.data.action, e.data.index, e.actor.role])).toEqual([
      ['save', undefined, 'producer'],
      ['start', 0, 'producer'],
      ['advance', 1, 'system'],
      ['advance', 2, 'system'],
      ['stop', 2, 'system'],
    ]);
    // Each advance is on air like a take: a graphics event of its own in the same commit.
    const aired = ((await l.api('GET', '/api/events?type=graphics')).body.events as { data: { action: string; program: GraphicsState['program'] } }[]).map((e) => e.data);
    expect(aired.map((d) => [d.action, d.program.lowerThird])).toEqual([
      ['air', race(GA)],
      ['air', race(AZ)],
      ['air', race(PA)],
      ['clear', null],
    ]);
  });

  it('loops back to the first item after the last', async () => {
    const { lw: l } = await start();
    await races(l);
    await save(l, 'night', { ...NIGHT, loop: true });
    await post(l, 'start');
    await after(l, 8_000);
    await after(l, 3_000);
    expect(await onAir(l)).toEqual(race(PA));
    await after(l, 8_000);
    expect(await onAir(l)).toEqual(race(GA));
    expect(await runOf(l)).toMatchObject({ index: 0, pausedAt: null });
  });

  it('skips races with no votes when skipAwaiting, starting at the first with votes', async () => {
    const { lw: l } = await start();
    await races(l, [AZ, PA]);
    await save(l, 'night', { ...NIGHT, items: [lt(GA), lt(AZ), lt(GA), lt(PA)], skipAwaiting: true });
    expect((await post(l, 'start')).body).toMatchObject({ run: { index: 1 }, nextIndex: 3 });
    expect(await onAir(l)).toEqual(race(AZ));
    await after(l, 8_000);
    expect(await onAir(l)).toEqual(race(PA));
    // Georgia's first votes: the next look airs it.
    expect((await l.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP })).status).toBe(200);
    await save(l, 'night', { ...NIGHT, items: [lt(PA), lt(GA)], skipAwaiting: true });
    await post(l, 'start');
    await after(l, 8_000);
    expect(await onAir(l)).toEqual(race(GA));
  });

  it('pushes a new next item when a skipped race gets its first votes', async () => {
    const { lw: l } = await start();
    await races(l, [AZ, PA]);
    await save(l, 'night', { ...NIGHT, items: [lt(AZ), lt(GA), lt(PA)], skipAwaiting: true });
    const control = l.control();
    await next(control, 'snapshot');
    expect((await post(l, 'start')).body).toMatchObject({ run: { index: 0 }, nextIndex: 2 });
    const pushed = new Promise<RundownStatus>((resolve) => control.on('rundown', (s) => s.nextIndex === 1 && resolve(s)));
    expect((await l.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP })).status).toBe(200);
    expect(await pushed).toMatchObject({ channel: 'program', run: { index: 0 }, nextIndex: 1 });
    await after(l, 8_000);
    expect(await onAir(l)).toEqual(race(GA));
  });

  it('refuses to start with 409 when every race is awaiting and it skips them, changing nothing', async () => {
    const { lw: l } = await start();
    await races(l, []);
    await save(l, 'night', { ...NIGHT, skipAwaiting: true });
    const before = await stored(l);
    const res = await post(l, 'start');
    expect(res).toMatchObject({ status: 409, body: { error: 'conflict', message: expect.stringContaining('awaiting votes') } });
    expect(await stored(l)).toEqual(before);
  });

  it('holds on pause and gives the item the rest of its dwell on resume', async () => {
    const { lw: l } = await start();
    await races(l);
    await save(l);
    await post(l, 'start');
    await after(l, 3_000);
    const paused = await post(l, 'pause');
    expect(paused.body).toMatchObject({ run: { index: 0, pausedAt: clock.now().toISOString() }, endsAt: null });
    await after(l, 600_000);
    expect(await onAir(l)).toEqual(race(GA));
    const resumed = await post(l, 'resume');
    expect(resumed.body).toMatchObject({ run: { pausedAt: null }, endsAt: new Date(clock.now().getTime() + 5_000).toISOString() });
    await after(l, 4_999);
    expect(await onAir(l)).toEqual(race(GA));
    await after(l, 1);
    expect(await onAir(l)).toEqual(race(AZ));
    // Pausing twice or resuming a running run changes nothing and logs nothing.
    const n = (await l.api('GET', '/api/events?type=rundown')).body.events.length;
    expect((await post(l, 'resume')).status).toBe(200);
    expect((await l.api('GET', '/api/events?type=rundown')).body.events).toHaveLength(n);
  });

  it('steps by hand: next, previous (standing again at the first), next on the last ends it', async () => {
    const { lw: l } = await start();
    await races(l);
    await save(l);
    await post(l, 'start');
    expect((await post(l, 'next')).body).toMatchObject({ run: { index: 1 }, nextIndex: 2 });
    expect(await onAir(l)).toEqual(race(AZ));
    expect((await post(l, 'previous')).body).toMatchObject({ run: { index: 0 } });
    clock.advance(5_000);
    const again = await post(l, 'previous');
    expect(again.body).toMatchObject({ run: { index: 0, itemStartedAt: clock.now().toISOString() } });
    await post(l, 'next');
    await post(l, 'next');
    expect(await onAir(l)).toEqual(race(PA));
    const ended = await post(l, 'next');
    expect(ended.body).toMatchObject({ channel: 'program', run: null, stopped: { reason: 'end' } });
    expect(await onAir(l)).toBeNull();
  });

  it('stops: the run ends with its graphic off air, and its actions then answer 409 not running', async () => {
    const { lw: l } = await start();
    await races(l);
    await save(l);
    await post(l, 'start');
    const stopped = await post(l, 'stop');
    expect(stopped.body).toMatchObject({ run: null, stopped: { reason: 'stop', message: expect.stringContaining('stopped by the producer') } });
    expect(await onAir(l)).toBeNull();
    await after(l, 60_000);
    expect(await onAir(l)).toBeNull();
    const before = await stored(l);
    for (const action of ['pause', 'resume', 'next', 'previous', 'stop']) {
      expect(await post(l, action)).toMatchObject({ status: 409, body: { error: 'conflict', message: 'rundown "night" is not running' } });
    }
    expect(await stored(l)).toEqual(before);
  });

  it.each([
    { how: 'a take of another graphic', reason: 'take', act: { path: '/api/graphics/air', body: { layer: 'lowerThird', graphic: race(PA) } }, stays: race(PA) },
    { how: 'a clear', reason: 'clear', act: { path: '/api/graphics/clear', body: { layer: 'lowerThird' } }, stays: null },
  ])('stops when a producer does $how on the layer it airs, says so, and never fights it', async ({ reason, act, stays }) => {
    const { lw: l } = await start();
    await races(l);
    await save(l);
    const control = l.control();
    await next(control, 'snapshot');
    await post(l, 'start');
    const pushed = new Promise<RundownStatus>((resolve) => control.on('rundown', (s) => s.run === null && resolve(s)));
    expect((await l.api('POST', act.path, { body: act.body })).status).toBe(200);
    expect(await pushed).toMatchObject({ channel: 'program', run: null, stopped: { reason, message: expect.stringContaining('by hand on the program lower third') } });
    await after(l, 60_000);
    expect(await onAir(l)).toEqual(stays);
    const log = ((await l.api('GET', '/api/events?type=rundown')).body.events as LogEvent[]).at(-1)!;
    expect(log).toMatchObject({ actor: { role: 'producer' }, data: { rundown: 'night', action: 'stop', reason, index: 0 } });
  });

  it('stops when a producer takes an alert from the queue onto the alert layer it airs: the alert stays on air', async () => {
    const { lw: l } = await start();
    await races(l);
    const call = (raceId: string) => ({ layer: 'alert', graphic: { type: 'call', raceId }, dwellSeconds: 5 });
    await save(l, 'night', { name: 'Calls', items: [call(AZ), call(PA)], loop: true, skipAwaiting: false });
    await post(l, 'start');
    expect((await graphics(l)).program.alert).toEqual({ type: 'call', raceId: AZ });
    // Trump goes ahead in Georgia: a lead change, its alert waiting in the queue.
    const flip = { asOf: '2020-11-04T02:00:00Z', votes: { biden: 10, trump: 12, other: 1 } };
    expect((await l.api('POST', `/api/races/${GA}/results`, { body: flip })).body).toMatchObject({ leadChange: { to: 'trump' } });
    const [alert] = (await l.api<{ id: string; leadChangeId: string }[]>('GET', '/api/alerts?status=pending')).body;
    expect((await l.api('POST', `/api/alerts/${alert!.id}/take`)).status).toBe(200);
    const g = await graphics(l);
    expect(g.runs?.program).toBeNull();
    expect(g.runs?.stopped?.program).toMatchObject({ reason: 'take', message: expect.stringContaining('by hand on the program alert') });
    await after(l, 60_000);
    expect((await graphics(l)).program.alert).toEqual({ type: 'leadChange', leadChangeId: alert!.leadChangeId });
  });

  it('runs on when a producer changes another layer or the other channel', async () => {
    const { lw: l } = await start();
    await races(l);
    await save(l);
    await post(l, 'start');
    await l.api('POST', '/api/graphics/air', { body: { layer: 'fullscreen', graphic: { type: 'board', raceId: PA } } });
    await l.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: race(PA) } });
    await after(l, 8_000);
    expect(await onAir(l)).toEqual(race(AZ));
    expect((await graphics(l)).program.fullscreen).toEqual({ type: 'board', raceId: PA });
  });

  it('starts on preview without touching program, and a start replaces the rundown running on a channel', async () => {
    const { lw: l } = await start();
    await races(l);
    await save(l);
    await save(l, 'other', { name: 'Other', items: [lt(PA)], loop: true });
    await post(l, 'start', { channel: 'preview' });
    expect(await onAir(l, 'preview')).toEqual(race(GA));
    expect(await onAir(l, 'program')).toBeNull();
    const replaced = await l.api('POST', '/api/rundowns/other/start', { body: { channel: 'preview' } });
    expect(replaced.body).toMatchObject({ channel: 'preview', run: { rundownId: 'other', index: 0 } });
    expect(await onAir(l, 'preview')).toEqual(race(PA));
    expect((await post(l, 'next')).status).toBe(409);
  });

  it('deletes a rundown, stopping its run first', async () => {
    const { lw: l } = await start();
    await races(l);
    await save(l);
    await post(l, 'start');
    expect(await l.api('DELETE', '/api/rundowns/night')).toMatchObject({ status: 200, body: { id: 'night' } });
    expect((await l.api('GET', '/api/rundowns')).body).toEqual([]);
    expect(await onAir(l)).toBeNull();
    expect((await graphics(l)).runs?.stopped?.program).toMatchObject({ reason: 'deleted' });
    expect((await l.api('GET', '/api/rundowns/night')).status).toBe(404);
  });

  it('pushes its position as rundown on both namespaces, the list as rundowns, and fills the control snapshot', async () => {
    const { lw: l } = await start();
    await races(l);
    const control = l.control();
    const overlay = l.overlay('program');
    const preview = l.overlay('preview');
    await Promise.all([next(control, 'snapshot'), next(overlay, 'snapshot'), next(preview, 'snapshot')]);
    const list = next<unknown[]>(control, 'rundowns');
    await save(l);
    expect(await list).toMatchObject([{ id: 'night', name: 'Battlegrounds' }]);
    const seen: RundownStatus[] = [];
    preview.on('rundown', (s) => seen.push(s));
    const both = Promise.all([next<RundownStatus>(control, 'rundown'), next<RundownStatus>(overlay, 'rundown')]);
    await post(l, 'start');
    for (const s of await both) expect(s).toMatchObject({ channel: 'program', run: { index: 0 }, nextIndex: 1 });
    const moved = next<RundownStatus>(overlay, 'rundown');
    await after(l, 8_000);
    expect(await moved).toMatchObject({ run: { index: 1 }, nextIndex: 2 });
    const late = l.control();
    const snap = await next<ControlSnapshot>(late, 'snapshot');
    expect(snap.rundowns?.list.map((r) => r.id)).toEqual(['night']);
    expect(snap.rundowns?.runs).toMatchObject([
      { channel: 'program', run: { rundownId: 'night', index: 1 } },
      { channel: 'preview', run: null },
    ]);
    expect(seen).toEqual([]);
    // Every push reads as its one schema (shared/schema/rundown.ts, protocol.ts).
    expect(ControlSnapshot.parse(snap)).toEqual(snap);
    expect(RundownStatus.parse(await moved)).toEqual(await moved);
  });

  it.runIf(kind.name === 'redis')('resumes at the same item after a restart (a new store and server on the same Redis)', async () => {
    const prefix = `rd${Date.now().toString(36)}:`;
    const first = (await start(prefix)).lw;
    await races(first);
    await save(first);
    await post(first, 'start');
    await after(first, 8_000);
    const airedAt = (await runOf(first))!.itemStartedAt;
    clock.advance(1_000);
    await first.close();
    lw = null;
    const { lw: second } = await start(prefix);
    expect(await runOf(second)).toMatchObject({ rundownId: 'night', index: 1, itemStartedAt: airedAt });
    const snap = await next<ControlSnapshot>(second.control(), 'snapshot');
    expect(snap.rundowns?.runs[0]).toMatchObject({ run: { index: 1 }, endsAt: new Date(Date.parse(airedAt) + 3_000).toISOString() });
    await after(second, 1_999);
    expect(await onAir(second)).toEqual(race(AZ));
    await after(second, 1);
    expect(await onAir(second)).toEqual(race(PA));
  });

  it.runIf(kind.name === 'redis')('advances once when two instances on one Redis find the item due together', async () => {
    const prefix = `rd2${Date.now().toString(36)}:`;
    const a = (await start(prefix)).lw;
    const b = await startLeadWire({ store: await kind.make(clock, { prefix }), clock });
    try {
      await races(a);
      await save(a);
      await post(a, 'start');
      clock.advance(8_000);
      await Promise.all([a.server.rundowns.tick(), b.server.rundowns.tick(), a.server.rundowns.tick(), b.server.rundowns.tick()]);
      expect(await runOf(b)).toMatchObject({ index: 1 });
      const log = (await b.api('GET', '/api/events?type=rundown')).body.events as { data: Record<string, unknown> }[];
      expect(log.filter((e) => e.data.action === 'advance')).toHaveLength(1);
    } finally {
      await b.close();
    }
  });

  it('answers 400 naming the field for a bad body or id, changing nothing', async () => {
    const { lw: l } = await start();
    await races(l);
    await save(l);
    const before = await stored(l);
    const cases: [string, string, object | undefined, string][] = [
      ['PUT', '/api/rundowns/night', { ...NIGHT, name: '' }, 'name'],
      ['PUT', '/api/rundowns/night', { ...NIGHT, items: [] }, 'items'],
      ['PUT', '/api/rundowns/night', { ...NIGHT, items: [lt(GA, 1)] }, 'items.0.dwellSeconds'],
      ['PUT', '/api/rundowns/night', { ...NIGHT, items: [lt(GA), { layer: 'alert', graphic: race(GA) }] }, 'items.1.graphic.type'],
      ['PUT', '/api/rundowns/night', { ...NIGHT, items: [{ layer: 'sky', graphic: race(GA) }] }, 'items.0.layer'],
      ['PUT', '/api/rundowns/night', { ...NIGHT, loop: 'yes' }, 'loop'],
      ['PUT', '/api/rundowns/night', { ...NIGHT, colour: 'red' }, 'colour'],
      ['PUT', '/api/rundowns/Night!', NIGHT, 'id'],
      ['POST', '/api/rundowns/night/start', { channel: 'air' }, 'channel'],
      ['POST', '/api/rundowns/night/next', { channel: 'both' }, 'channel'],
      ['POST', '/api/rundowns/night/start', { chanel: 'program' }, 'chanel'],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await l.api(method, path, { body });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.error).toBe('invalid');
      expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(field);
    }
    expect(await stored(l)).toEqual(before);
  });

  it('answers 404 for an unknown rundown and for an item naming an unknown race', async () => {
    const { lw: l } = await start();
    await races(l);
    for (const [method, path] of [
      ['GET', '/api/rundowns/nope'],
      ['DELETE', '/api/rundowns/nope'],
      ['POST', '/api/rundowns/nope/start'],
      ['POST', '/api/rundowns/nope/pause'],
      ['POST', '/api/rundowns/nope/next'],
      ['POST', '/api/rundowns/nope/stop'],
    ] as const) {
      expect(await l.api(method, path), `${method} ${path}`).toMatchObject({ status: 404, body: { error: 'not_found', message: 'no rundown "nope"' } });
    }
    const res = await l.api('PUT', '/api/rundowns/night', { body: { ...NIGHT, items: [lt(GA), lt('mars-president')] } });
    expect(res).toMatchObject({ status: 404, body: { error: 'not_found', path: 'items.1.graphic', message: expect.stringContaining('mars-president') } });
    expect((await l.api('GET', '/api/rundowns')).body).toEqual([]);
  });

  it('answers 401 without a token and 403 with the ingest token, on every route', async () => {
    const { lw: l } = await start();
    await races(l);
    await save(l);
    const before = await stored(l);
    const routes = [
      ['GET', '/api/rundowns'],
      ['GET', '/api/rundowns/night'],
      ['PUT', '/api/rundowns/night'],
      ['DELETE', '/api/rundowns/night'],
      ...['start', 'pause', 'resume', 'next', 'previous', 'stop'].map((a) => ['POST', `/api/rundowns/night/${a}`]),
    ] as const;
    for (const [method, path] of routes) {
      const body = method === 'GET' ? undefined : NIGHT;
      expect((await l.api(method, path, { token: null, body })).status, `${method} ${path}`).toBe(401);
      expect((await l.api(method, path, { token: INGEST, body })).status, `${method} ${path}`).toBe(403);
    }
    expect(await stored(l)).toEqual(before);
  });
});
