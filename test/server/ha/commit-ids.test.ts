import { describe, expect, it } from 'vitest';
import { applyBatch, SYSTEM_ACTOR, batchEvents, type RaceRecord } from '../../../shared/index.js';
import { Store, stamp } from '../../../server/store/store.js';
import type { Backend } from '../../../server/store/types.js';
import { GA_BEFORE, GEORGIA, startLeadWire } from '../../helpers/server.js';
import { backendKinds, manualClock } from '../../helpers/stores.js';

const GA = 'ga-president-2020';

/** The backend, but the `nth` call of `method` is applied and then its answer lost, as a failover loses it. */
function losingAnswer(backend: Backend, method: keyof Backend, nth: number): Backend {
  let calls = 0;
  return new Proxy(backend, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (prop !== method) return value.bind(target);
      return async (...args: unknown[]) => {
        const answer: unknown = await value.apply(target, args);
        if (++calls === nth) {
          throw new Error('Socket closed unexpectedly');
        }
        return answer;
      };
    },
  });
}

describe('commit ids', () => {
  const { kinds, connectRedis } = backendKinds();

  for (const kind of kinds) {
    describe(kind.name, () => {
      it('replays the same race commit twice: applied once, the second answers already applied', async () => {
        const backend = await kind.make();
        const clock = manualClock();
        const store = new Store(backend, { clock });
        await store.defineRace({ id: GA, ...GEORGIA } as never);
        const read = (await backend.readRace(GA))!;
        const outcome = applyBatch(read, GA_BEFORE as never, clock.now());
        if (outcome.kind !== 'applied') throw new Error(`expected the batch to apply, got ${outcome.kind}`);
        const log = stamp(batchEvents(outcome), SYSTEM_ACTOR, clock.now());
        const commit = { record: outcome.record as RaceRecord, expectedRevision: read.revision, log, commitId: 'commit-1' };
        const before = (await backend.readEvents({ limit: 1000 })).events.length;

        expect(await backend.commitRace(commit)).toBe(true);
        expect(await backend.commitRace(commit)).toBe('already_applied');
        // Another commit id with the same expectation has lost its compare-and-set: the id is checked first.
        expect(await backend.commitRace({ ...commit, commitId: 'commit-2' })).toBe(false);

        expect((await backend.readRace(GA))!.revision).toBe(outcome.record.revision);
        expect((await backend.listRaces()).map((r) => r.definition.id)).toEqual([GA]);
        expect((await backend.readEvents({ limit: 1000 })).events.length).toBe(before + log.length);
      });

      it('replays the same graphics commit twice: the second answers already applied and nothing moves', async () => {
        const backend = await kind.make();
        const state = await backend.readGraphics();
        const next = { ...state, revision: state.revision + 1 };
        expect(await backend.commitGraphics(next, state.revision, [], 'take-1')).toBe(true);
        expect(await backend.commitGraphics(next, state.revision, [], 'take-1')).toBe('already_applied');
        expect((await backend.readGraphics()).revision).toBe(state.revision + 1);
      });

      it('a take whose answer was lost is sent again and leaves program as one take would', async () => {
        const backend = losingAnswer(await kind.make(), 'commitGraphics', 2);
        const store = new Store(backend, { clock: manualClock(), timeoutMs: 2_000 });
        await store.defineRace({ id: GA, ...GEORGIA } as never);
        // The take is the second graphics commit: its answer is the one lost, and the store sends it again.
        const lw = await startLeadWire({ store });
        try {
          const graphic = { type: 'race', raceId: GA };
          const cued = await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic } });
          expect(cued.status).toBe(200);
          const take = await lw.api('POST', '/api/graphics/take', { body: { layer: 'lowerThird' } });
          expect(take.status).toBe(200);
          const after = (await lw.api('GET', '/api/graphics')).body;
          expect(after.program.lowerThird).toEqual(graphic);
          expect(after.revision).toBe(2); // one cue, one take
          const logged = (await store.readEvents({ limit: 100, type: 'graphics' })).events;
          expect(logged.map((e) => (e.data as { action: string }).action)).toEqual(['cue', 'take']);
        } finally {
          await lw.close();
        }
      });
    });
  }

  it('answers 503 with outcome unknown when no replica confirms a commit in time (LEADWIRE_REDIS_MIN_REPLICAS=1)', async () => {
    const backend = await connectRedis({
      // a lone server: WAIT 1 can never be satisfied
      minReplicas: 1,
      replicaTimeoutMs: 200,
    });
    const lw = await startLeadWire({ store: new Store(backend, { clock: manualClock() }) });
    try {
      const res = await lw.api('PUT', `/api/races/${GA}`, { token: 'ingest', body: GEORGIA });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ error: 'unavailable', outcome: 'unknown' });
      // It did land on the primary: read back, it is there (what "unknown" tells the caller to do).
      expect((await lw.api('GET', `/api/races/${GA}`)).status).toBe(200);
    } finally {
      await lw.close();
    }
  });
});
