import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RaceDefinition, type RaceView } from '../../../shared/index.js';
import { silentLogger } from '../../../server/logger.js';
import { RedisBackend } from '../../../server/store/redis.js';
import { Store } from '../../../server/store/store.js';
import { startRedis, type PrivateRedis } from '../../helpers/redis.js';
import { eventually, GA_BEFORE, GA_FLIP, GEORGIA, next, startLeadWire, type LeadWire } from '../../helpers/server.js';
import { manualClock, storeKinds } from '../../helpers/stores.js';
import { ARIZONA, AZ, AZ_BATCH, GA, georgia, useLeadWire } from './setup.js';

/** Georgia's twin: the same race, fed one batch at a time, to compare the bulk path with. */
const TWIN = 'ga-one-by-one';
const at = (iso: string, votes: Record<string, number>, extra: object = {}) => ({ asOf: iso, votes, ...extra });
const TRUMP_BACK = at('2020-11-06T10:30:00.000Z', { biden: 2_449_500, trump: 2_449_800, other: 61_010 });
const CORRECTED = at('2020-11-06T11:00:00.000Z', { biden: 2_449_600, trump: 2_449_900, other: 61_000 });
const REHEARSAL = at('2020-11-07T08:00:00.000Z', { biden: 10, trump: 20, other: 0 }, { test: true, source: 'ap' });
const REHEARSAL_FLIP = at('2020-11-07T09:00:00.000Z', { biden: 30, trump: 20, other: 0 }, { test: true, source: 'ap' });
const LIVE_AGAIN = at('2020-11-06T12:00:00.000Z', { biden: 2_450_000, trump: 2_449_950, other: 61_020 });

/** Georgia's items of the two bulks: every outcome, two lead changes in the middle, then both mode flips. */
const FIRST: object[] = [
  GA_BEFORE,
  GA_FLIP, // lead change trump → biden
  GA_FLIP, // duplicate
  GA_BEFORE, // stale
  { ...GA_FLIP, votes: { ...GA_FLIP.votes, other: 1 } }, // conflict
  at('2020-11-06T10:00:00Z', { ...GA_FLIP.votes, jorgensen: 5 }), // invalid: not a candidate here
  TRUMP_BACK, // lead change biden → trump
  CORRECTED, // a correction
];
const SECOND: object[] = [REHEARSAL, REHEARSAL_FLIP, LIVE_AGAIN, LIVE_AGAIN];

type Item = { raceId: string | null; status: string; leadChange?: Record<string, unknown> | null; correction?: boolean; issues?: unknown };

/** What must be equal between the twin races: everything but their ids and where an item sat in its request. */
const plain = (x: unknown) =>
  JSON.parse(JSON.stringify(x).replaceAll(TWIN, GA).replaceAll(`"id":"${GA}"`, '"id":"race"').replace(/updates\.\d+\./g, 'updates.#.'));

describe.each(storeKinds())('bulk ingest through the pipeline ($name store)', (kind) => {
  const start = useLeadWire(kind);

  it('gives every item the outcome it would have had applied one by one, in request order', async () => {
    const lw = await start();
    await georgia(lw);
    expect((await lw.api('PUT', `/api/races/${TWIN}`, { body: GEORGIA })).status).toBe(201);
    expect((await lw.api('PUT', `/api/races/${AZ}`, { body: ARIZONA })).status).toBe(201);

    const oneByOne: Item[] = [];
    for (const items of [FIRST, SECOND]) {
      for (const b of items) oneByOne.push((await lw.api('POST', '/api/results', { body: { updates: [{ raceId: TWIN, ...b }] } })).body.results[0]);
    }
    const first = FIRST.map((b) => ({ raceId: GA, ...b }));
    first.splice(3, 0, { raceId: AZ, ...AZ_BATCH }, { raceId: 'nowhere', ...GA_FLIP }, { raceId: GA, asOf: 'yesterday', votes: {} } as never);
    const bulk1 = await lw.api('POST', '/api/results', { body: { updates: first } });
    expect(bulk1.status).toBe(200);
    const r1 = bulk1.body.results as Item[];
    expect(r1.map((r) => [r.raceId, r.status])).toEqual([
      [GA, 'applied'],
      [GA, 'applied'],
      [GA, 'duplicate'],
      [AZ, 'applied'],
      ['nowhere', 'not_found'],
      [GA, 'invalid'],
      [GA, 'stale'],
      [GA, 'conflict'],
      [GA, 'invalid'],
      [GA, 'applied'],
      [GA, 'applied'],
    ]);
    expect(r1[1]!.leadChange).toMatchObject({ from: 'trump', to: 'biden', revision: 3 });
    expect(r1[9]!.leadChange).toMatchObject({ from: 'biden', to: 'trump', revision: 4 });
    expect(r1[10]).toMatchObject({ correction: true, leadChange: null });
    expect(r1[8]!.issues).toEqual([{ path: 'updates.8.votes.jorgensen', message: expect.any(String) }]);
    expect(r1[5]!.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'updates.5.asOf' })]));

    const bulk2 = await lw.api('POST', '/api/results', { body: { updates: SECOND.map((b) => ({ raceId: GA, ...b })) } });
    const gaResults = [...r1.filter((r, i) => r.raceId === GA && i !== 5), ...(bulk2.body.results as Item[])];
    expect(plain(gaResults)).toEqual(plain(oneByOne));
    expect(gaResults.slice(-4).map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'duplicate']);

    // The same race, the same lead changes and the same alerts (the rehearsal's dismissed by the live batch).
    const view = (id: string) => lw.api('GET', `/api/races/${id}`).then((r) => plain(r.body));
    expect(await view(GA)).toEqual(await view(TWIN));
    const lcs = (id: string) => lw.api('GET', `/api/races/${id}/lead-changes`).then((r) => plain(r.body));
    expect(await lcs(GA)).toEqual(await lcs(TWIN));
    expect(await lcs(GA)).toHaveLength(3);
    const alerts = (await lw.api('GET', '/api/alerts')).body as { raceId: string; status: string }[];
    const of = (id: string) => plain(alerts.filter((a) => a.raceId === id));
    expect(of(GA)).toEqual(of(TWIN));
    expect(alerts.filter((a) => a.raceId === GA).map((a) => a.status)).toEqual(['dismissed', 'dismissed', 'dismissed']);
  });

  it('pushes a race once per bulk, with its final view, and each lead change once', async () => {
    const lw = await start();
    await georgia(lw);
    expect((await lw.api('PUT', `/api/races/${AZ}`, { body: ARIZONA })).status).toBe(201);
    const overlay = lw.overlay();
    await next(overlay, 'snapshot');
    const races: RaceView[] = [];
    const leadChanges: unknown[] = [];
    overlay.on('race', (v) => void races.push(v));
    overlay.on('leadChange', (lc) => void leadChanges.push(lc));

    const updates = [GA_BEFORE, GA_FLIP, TRUMP_BACK].map((b) => ({ raceId: GA, ...b }));
    const res = await lw.api('POST', '/api/results', { body: { updates: [...updates, { raceId: AZ, ...AZ_BATCH }] } });
    expect(res.body.results.map((r: Item) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    // A later change of another race: once it has arrived, everything the bulk pushed has (commit order).
    const later = { asOf: '2020-11-13T00:00:00.000Z', votes: { biden: 1_672_143, trump: 1_661_686 + 1 } };
    expect((await lw.api('POST', `/api/races/${AZ}/results`, { body: later })).status).toBe(200);
    await eventually(() => races.find((v) => v.id === AZ && v.revision === 3), 5_000, 'the later Arizona push');

    const georgiaPushes = races.filter((v) => v.id === GA);
    expect(georgiaPushes.map((v) => [v.revision, v.asOf, v.leader])).toEqual([[4, TRUMP_BACK.asOf, 'trump']]);
    expect(races.filter((v) => v.id === AZ).map((v) => v.revision)).toEqual([2, 3]);
    expect(leadChanges).toEqual([
      expect.objectContaining({ from: 'trump', to: 'biden', revision: 3 }),
      expect.objectContaining({ from: 'biden', to: 'trump', revision: 4 }),
    ]);
  });
});

describe('two instances sending overlapping bulks for the same races at once (Redis)', () => {
  let redis: PrivateRedis;
  let servers: LeadWire[] = [];
  let stores: Store[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  }, 20_000);
  afterAll(() => redis.cleanup());
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await Promise.all(stores.map((s) => s.close()));
    servers = [];
    stores = [];
  });

  const RACES = ['race-a', 'race-b', 'race-c'];
  const N = 24;
  /** The n-th batch of a race: one second apart, the lead swapping every fifth. */
  const batch = (n: number) => ({
    asOf: new Date(Date.parse('2020-11-04T00:00:00Z') + n * 1_000).toISOString(),
    votes: { biden: 1_000 + 10 * n + (Math.floor(n / 5) % 2 === 0 ? 100 : 0), trump: 1_050 + 10 * n, other: n },
  });
  /** Deterministic shuffles of the batch numbers, different per instance, so they overlap and interleave. */
  const order = (seed: number) => Array.from({ length: N }, (_, i) => i).sort((x, y) => ((x * seed) % 31) - ((y * seed) % 31));

  async function instance(prefix: string) {
    const backend = await RedisBackend.connect({ url: redis.url, prefix, logger: silentLogger() });
    const store = new Store(backend, { clock: manualClock(), timeoutMs: 5_000 });
    stores.push(store);
    const lw = await startLeadWire({ store });
    servers.push(lw);
    return lw;
  }

  it('keeps the newest asOf per race, uses no revision twice and shows each overlay revisions in increasing order', async () => {
    const a = await instance('pair:');
    const b = await instance('pair:');
    for (const id of RACES) expect((await a.api('PUT', `/api/races/${id}`, { body: GEORGIA })).status).toBe(201);
    const overlays = [a.overlay(), b.overlay()];
    await Promise.all(overlays.map((o) => next(o, 'snapshot')));
    const seen = overlays.map((o) => {
      const views: RaceView[] = [];
      o.on('race', (v) => void views.push(v));
      return views;
    });

    // Each instance posts every batch of every race once, in its own order, four per race per bulk.
    const bulks = (lw: LeadWire, seed: number) => {
      const numbers = order(seed);
      const requests: object[][] = [];
      for (let k = 0; k < N; k += 4) requests.push(RACES.flatMap((raceId) => numbers.slice(k, k + 4).map((n) => ({ raceId, ...batch(n) }))));
      return requests.map((updates) => lw.api('POST', '/api/results', { body: { updates } }));
    };
    const responses = await Promise.all([...bulks(a, 7), ...bulks(b, 13)]);
    const items = responses.flatMap((r) => {
      expect(r.status).toBe(200);
      return r.body.results as Item[];
    });
    expect(new Set(items.map((r) => r.status))).toEqual(new Set(['applied', 'stale', 'duplicate']));

    const newest = batch(N - 1);
    for (const id of RACES) {
      const race = (await a.api('GET', `/api/races/${id}`)).body as RaceView;
      expect(race.asOf).toBe(newest.asOf);
      expect(race.candidates.map((c) => c.votes)).toEqual([newest.votes.biden, newest.votes.trump, newest.votes.other]);
      // Every accepted batch took the next revision: as many revisions as accepted batches, none shared.
      const applied = items.filter((r) => r.raceId === id && r.status === 'applied').length;
      expect(race.revision).toBe(1 + applied);
      for (const views of seen) {
        await eventually(() => views.some((v) => v.id === id && v.revision === race.revision) || undefined, 5_000, `${id} r${race.revision} pushed`);
        const revisions = views.filter((v) => v.id === id).map((v) => v.revision);
        expect(revisions.every((r, i) => i === 0 || r > revisions[i - 1]!)).toBe(true);
      }
      const byRevision = new Map<number, string>();
      for (const v of seen.flat().filter((x) => x.id === id)) {
        expect(byRevision.get(v.revision) ?? v.asOf).toBe(v.asOf);
        byRevision.set(v.revision, v.asOf!);
      }
    }
    const [lcA, lcB] = await Promise.all([a.api('GET', `/api/races/${RACES[0]}/lead-changes`), b.api('GET', `/api/races/${RACES[0]}/lead-changes`)]);
    expect(lcA.body).toEqual(lcB.body);
    expect(new Set((lcA.body as { revision: number }[]).map((lc) => lc.revision)).size).toBe(lcA.body.length);
  });

  it('applies overlapping bulks of two stores called directly, retrying only the races that lost', async () => {
    const prefix = 'direct:';
    const stores2 = await Promise.all(
      [0, 1].map(async () => {
        const s = new Store(await RedisBackend.connect({ url: redis.url, prefix, logger: silentLogger() }), { clock: manualClock(), timeoutMs: 5_000 });
        stores.push(s);
        return s;
      }),
    );
    for (const id of RACES) await stores2[0]!.defineRace(RaceDefinition.parse({ ...GEORGIA, id }));
    const items = (seed: number) => order(seed).flatMap((n) => RACES.map((raceId) => ({ raceId, batch: batch(n) })));
    const rounds = await Promise.all(
      [7, 13, 17, 19].map((seed, i) => {
        const all = items(seed);
        return Promise.all(Array.from({ length: 6 }, (_, k) => stores2[i % 2]!.applyBatches(all.slice(k * 12, k * 12 + 12))));
      }),
    );
    const outcomes = rounds.flat(2);
    expect(outcomes.every((o) => o.kind === 'applied' || o.kind === 'stale' || o.kind === 'duplicate')).toBe(true);
    for (const id of RACES) {
      const race = (await stores2[1]!.getRace(id))!;
      expect(race.asOf).toBe(batch(N - 1).asOf);
      const applied = outcomes.filter((o) => o.kind === 'applied' && o.record.definition.id === id).length;
      expect(race.revision).toBe(1 + applied);
    }
  });
});
