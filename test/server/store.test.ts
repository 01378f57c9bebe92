import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StoreChange } from '../../server/store/types.js';
import type { Store } from '../../server/store/store.js';
import { createClient } from 'redis';
import { UnavailableError } from '../../server/errors.js';
import { RaceDefinition, buildRaceView, cue, take } from '../../shared/index.js';
import { GA_BEFORE, GA_FLIP, GEORGIA } from '../helpers/server.js';
import { manualClock, storeKinds } from '../helpers/stores.js';

const def = (over: Partial<typeof GEORGIA> = {}) => RaceDefinition.parse({ ...GEORGIA, id: 'ga-president-2020', ...over });

describe.each(storeKinds())('$name store', (kind) => {
  let store: Store;
  beforeAll(() => kind.setup());
  afterAll(() => kind.teardown());
  afterEach(async () => {
    if (kind.name === 'memory') await store?.close();
  });

  const fresh = async () => (store = await kind.make(manualClock()));

  it('creates a race at revision 1 with zero counts, and an identical redefinition changes nothing', async () => {
    await fresh();
    const a = await store.defineRace(def());
    expect(a.kind).toBe('created');
    const b = await store.defineRace(def());
    expect(b.kind).toBe('unchanged');
    const r = await store.getRace('ga-president-2020');
    expect(r?.revision).toBe(1);
    expect(r?.votes).toEqual({ biden: 0, trump: 0, other: 0 });
  });

  it('keeps counts when a race is redefined and refuses to drop a candidate who has votes', async () => {
    await fresh();
    await store.defineRace(def());
    await store.applyBatch('ga-president-2020', GA_BEFORE);
    const renamed = await store.defineRace(def({ title: 'President of the United States' }));
    expect(renamed.kind).toBe('updated');
    const r = await store.getRace('ga-president-2020');
    expect(r?.votes.biden).toBe(GA_BEFORE.votes.biden);
    expect(r?.revision).toBe(3);
    const dropped = await store.defineRace(def({ candidates: GEORGIA.candidates.slice(0, 2) }));
    expect(dropped.kind).toBe('conflict');
    expect((await store.getRace('ga-president-2020'))?.definition.candidates).toHaveLength(3);
  });

  it('records the Georgia flip as a lead change with a pending alert, in order', async () => {
    await fresh();
    const seen: StoreChange['type'][] = [];
    const off = store.subscribe((c) => seen.push(c.type));
    await store.defineRace(def());
    await store.applyBatch('ga-president-2020', GA_BEFORE);
    const out = await store.applyBatch('ga-president-2020', GA_FLIP);
    expect(out.kind).toBe('applied');
    const lcs = await store.listLeadChanges('ga-president-2020');
    expect(lcs).toHaveLength(1);
    expect(lcs[0]).toMatchObject({ from: 'trump', to: 'biden', margin: 917, asOf: GA_FLIP.asOf, revision: 3 });
    const alerts = await store.listAlerts();
    expect(alerts).toEqual([expect.objectContaining({ leadChangeId: lcs[0]!.id, raceId: 'ga-president-2020', status: 'pending' })]);
    await new Promise((r) => setTimeout(r, 100)); // Redis changes arrive through pub/sub
    off();
    expect(seen).toEqual(['race', 'race', 'race', 'leadChange', 'alert']);
  });

  it('rejects a batch older than the stored count and leaves the count alone', async () => {
    await fresh();
    await store.defineRace(def());
    await store.applyBatch('ga-president-2020', GA_FLIP);
    const out = await store.applyBatch('ga-president-2020', GA_BEFORE);
    expect(out).toEqual({ kind: 'stale', current: { asOf: GA_FLIP.asOf, revision: 2 } });
    expect((await store.getRace('ga-president-2020'))?.votes.biden).toBe(GA_FLIP.votes.biden);
  });

  it('answers not_found for a batch to an undefined race', async () => {
    await fresh();
    expect((await store.applyBatch('nowhere', GA_FLIP)).kind).toBe('not_found');
  });

  it('never lets two store instances overwrite each other when they apply batches to one race at once', async () => {
    // Two stores over the same data: for Redis two clients on one prefix; for memory, one backend is all there is.
    const prefix = `concurrent-${Date.now()}:`;
    store = await kind.make(manualClock(), { prefix });
    const other = kind.name === 'redis' ? await kind.make(manualClock(), { prefix }) : store;
    await store.defineRace(def());
    const batches = Array.from({ length: 40 }, (_, i) => ({
      asOf: new Date(Date.parse('2020-11-06T00:00:00Z') + i * 1000).toISOString(),
      votes: { biden: 1000 + i, trump: 1000 + (i % 2 === 0 ? 2 * i : 0), other: i },
    }));
    // Shuffle deterministically, then race both stores.
    const order = batches.map((b, i) => ({ b, k: (i * 7919) % 41 })).sort((x, y) => x.k - y.k).map((x) => x.b);
    const outcomes = await Promise.all(order.map((b, i) => (i % 2 === 0 ? store : other).applyBatch('ga-president-2020', b)));
    const final = await store.getRace('ga-president-2020');
    const newest = batches[batches.length - 1]!;
    expect(final?.asOf).toBe(newest.asOf);
    expect(final?.votes).toEqual(newest.votes);
    const applied = outcomes.filter((o) => o.kind === 'applied').length;
    expect(final?.revision).toBe(1 + applied);
    expect(outcomes.every((o) => o.kind === 'applied' || o.kind === 'stale')).toBe(true);
  });

  it('moves graphics with compare-and-set and keeps the revision counting', async () => {
    await fresh();
    const g = { type: 'race' as const, raceId: 'ga-president-2020' };
    const s1 = await store.updateGraphics((s) => cue(s, 'lowerThird', g));
    const s2 = await store.updateGraphics((s) => take(s, 'lowerThird'));
    expect(s2.revision).toBe(s1.revision + 1);
    expect((await store.getGraphics()).program.lowerThird).toEqual(g);
    expect((await store.getGraphics()).preview.lowerThird).toEqual(g);
  });

  it('computes the same view from what it stored as from what it returned', async () => {
    await fresh();
    await store.defineRace(def());
    const out = await store.applyBatch('ga-president-2020', GA_FLIP);
    if (out.kind !== 'applied') throw new Error(out.kind);
    expect(buildRaceView((await store.getRace('ga-president-2020'))!)).toEqual(buildRaceView(out.record));
  });

  it.runIf(kind.name === 'redis')('says the outcome is unknown when a write goes unanswered, because it may still land', async () => {
    store = await kind.make(manualClock(), { timeoutMs: 1_000 });
    await store.defineRace(def());
    const record = (await store.getRace('ga-president-2020'))!;
    const staller = createClient({ url: kind.redis()!.url });
    await staller.connect();
    try {
      const stall = staller.sendCommand(['DEBUG', 'SLEEP', '1.5']); // the store's deadline is 1 s
      await new Promise((r) => setTimeout(r, 50));
      const err = await store.putRace({ ...record, revision: 2 }, 1).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(UnavailableError);
      expect((err as UnavailableError).details).toEqual({ outcome: 'unknown' });
      await stall;
      // And indeed it landed once Redis woke up.
      expect((await store.getRace('ga-president-2020'))?.revision).toBe(2);
    } finally {
      await staller.close();
    }
  });

  it.runIf(kind.name === 'redis')('answers unavailable at once while Redis is down, and works again after it returns', async () => {
    await fresh();
    await store.defineRace(def());
    await kind.redis()!.stop();
    const started = Date.now();
    await expect(store.applyBatch('ga-president-2020', GA_BEFORE)).rejects.toBeInstanceOf(UnavailableError);
    expect(Date.now() - started).toBeLessThan(5_000);
    await kind.redis()!.start();
    let ok = false;
    for (let i = 0; i < 100 && !ok; i++) {
      try {
        await store.ping();
        ok = true;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const out = await store.applyBatch('ga-president-2020', GA_BEFORE);
    expect(out.kind).toBe('applied');
    // What was written before the restart survived it (appendonly).
    expect((await store.getRace('ga-president-2020'))?.revision).toBe(2);
  });
});
