import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RaceDefinition, ResultBatch } from '../../../shared/index.js';
import { silentLogger } from '../../../server/logger.js';
import { MemoryBackend } from '../../../server/store/memory.js';
import { Store } from '../../../server/store/store.js';
import { LatestState, type LatestSink } from '../../../server/realtime/latest.js';
import { overlaySnapshot, refresh } from '../../../server/realtime/snapshot.js';
import { GA_BEFORE, GA_FLIP, GEORGIA } from '../../helpers/fixtures.js';
import { manualClock, storeKinds } from '../../helpers/stores.js';

const GA = 'ga-president-2020';

/** A latest state that does not follow the store (as while its subscriber is away), and the race revisions it pushed. */
function unfollowed() {
  const pushed: number[] = [];
  const ignore = () => {};
  const sink: LatestSink = { race: (v) => pushed.push(v().revision), graphics: ignore, leadChange: ignore, alert: ignore, feed: ignore, call: ignore };
  return { latest: new LatestState(sink), pushed };
}

/** The memory store, whose race list, read at once, is answered only when the test lets it: a slow read. */
class SlowListing extends MemoryBackend {
  private held: Promise<void> | null = null;
  release = () => {};
  hold() {
    this.held = new Promise((r) => (this.release = r));
  }
  override async listRaces() {
    const races = await super.listRaces();
    await this.held;
    return races;
  }
}

describe('a store read racing with a commit', () => {
  it('gives a caller that asks while a read is under way a read that sees every commit made before it asked', async () => {
    const backend = new SlowListing();
    const store = new Store(backend, { clock: manualClock(), timeoutMs: 5_000 });
    await store.defineRace(RaceDefinition.parse({ ...GEORGIA, id: GA }));
    await store.applyBatch(GA, ResultBatch.parse(GA_BEFORE)); // revision 2
    const { latest, pushed } = unfollowed();

    backend.hold();
    const first = refresh(store, latest, silentLogger()); // a page connecting: it read revision 2, the answer is slow
    expect((await store.applyBatch(GA, ResultBatch.parse(GA_FLIP)))?.kind).toBe('applied'); // revision 3, its change message missed
    const second = refresh(store, latest, silentLogger()); // a resync, or a page that was shown revision 3 by another instance
    backend.release();

    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(overlaySnapshot(latest, 'program').races[GA]?.revision).toBe(3);
    expect(pushed).toEqual([2, 3]);
  });
});

describe.each(storeKinds())('refreshing the latest state from the store ($name)', (kind) => {
  beforeAll(() => kind.setup());
  afterAll(() => kind.teardown());

  it('shares one waiting read among every caller that asks while a read is under way', async () => {
    const store = await kind.make();
    await store.defineRace(RaceDefinition.parse({ ...GEORGIA, id: GA }));
    const { latest } = unfollowed();
    const first = refresh(store, latest, silentLogger());
    const waiting = [refresh(store, latest, silentLogger()), refresh(store, latest, silentLogger())];
    expect(waiting[0]).toBe(waiting[1]);
    expect(waiting[0]).not.toBe(first);
    expect(await Promise.all([first, ...waiting])).toEqual([true, true, true]);
    expect(latest.refreshing).toBeNull();
    expect(latest.queued).toBeNull();
  });
});
