import { randomUUID } from 'node:crypto';
import { ClientOfflineError, createClient, SocketClosedUnexpectedlyError } from 'redis';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../server/store/store.js';
import type { Backend, CommitResult, Committed, RaceCommit } from '../../../server/store/types.js';
import { GA_BEFORE, GA_FLIP, GEORGIA, startLeadWire } from '../../helpers/server.js';
import { backendKinds, manualClock } from '../../helpers/stores.js';

const RACES = ['ga-a', 'ga-b', 'ga-c'];
const VICTIM = 'ga-b';

/**
 * The backend, but in the first pipelined group of race commits that holds `raceId`'s commit, that one fails:
 * `answer lost` sends it (it lands) and then loses its answer, as a connection dropped under it would;
 * `never sent` fails it before it is sent, as a client that went offline would. Answers of single race commits
 * (the store's re-sends) are noted in `resent`.
 */
function failingOnce(backend: Backend, raceId: string, how: 'answer lost' | 'never sent') {
  const state = { failed: 0, resent: [] as Committed[] };
  const wrapped = new Proxy(backend, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (prop === 'commitRace') {
        return async (commit: RaceCommit) => {
          const answer = await target.commitRace(commit);
          if (commit.record.definition.id === raceId && state.failed > 0) state.resent.push(answer);
          return answer;
        };
      }
      if (prop !== 'commitRaces') return value.bind(target);
      return async (commits: Iterable<RaceCommit>): Promise<CommitResult[]> => {
        const list = [...commits];
        const k = state.failed === 0 ? list.findIndex((c) => c.record.definition.id === raceId) : -1;
        if (k < 0) return target.commitRaces(list);
        state.failed += 1;
        if (how === 'answer lost') {
          const results = await target.commitRaces(list);
          results[k] = { ok: false, error: new SocketClosedUnexpectedlyError() };
          return results;
        }
        const results = await target.commitRaces(list.filter((_, i) => i !== k));
        results.splice(k, 0, { ok: false, error: new ClientOfflineError() });
        return results;
      };
    },
  });
  return { backend: wrapped, state };
}

describe('bulk commits re-sent after a failed send', () => {
  const { kinds, redis, connectRedis } = backendKinds();

  for (const kind of kinds) {
    describe(kind.name, () => {
      const cases = [
        { how: 'answer lost', answers: ['already_applied'] },
        { how: 'never sent', answers: [true] },
      ] as const;
      for (const { how, answers } of cases) {
        it(`a race commit whose send failed (${how}) is sent again with its commit id: every item applied, once`, async () => {
          const { backend, state } = failingOnce(await kind.make(), VICTIM, how);
          const store = new Store(backend, { clock: manualClock(), timeoutMs: 2_000 });
          const lw = await startLeadWire({ store });
          try {
            for (const id of RACES) expect((await lw.api('PUT', `/api/races/${id}`, { token: 'ingest', body: GEORGIA })).status).toBe(201);
            const updates = RACES.flatMap((raceId) => [
              { raceId, ...GA_BEFORE },
              { raceId, ...GA_FLIP },
            ]);
            const res = await lw.api('POST', '/api/results', { token: 'ingest', body: { updates } });

            expect(res.status).toBe(200);
            expect(res.body.results.map((r: { raceId: string; status: string }) => `${r.raceId} ${r.status}`)).toEqual(
              updates.map((u) => `${u.raceId} applied`),
            );
            expect(state.failed).toBe(1);
            // The re-send found its own first send (or, never sent, applied now): the race moved on by its two batches only.
            expect(state.resent).toEqual(answers);
            for (const id of RACES) {
              const race = (await lw.api('GET', `/api/races/${id}`)).body;
              expect({ id, revision: race.revision, votes: race.candidates.map((c: { votes: number }) => c.votes) }).toEqual({
                id,
                revision: 3,
                votes: [GA_FLIP.votes.biden, GA_FLIP.votes.trump, GA_FLIP.votes.other],
              });
            }
            const events = (await store.readEvents({ limit: 1000, raceId: VICTIM })).events.map((e) => e.type);
            expect(events).toEqual(['race.defined', 'batch.applied', 'batch.applied', 'leadChange', 'alert']);
            expect((await store.listLeadChanges(VICTIM)).length).toBe(1);
            // Sent again, the same bulk is all duplicates: nothing applied twice.
            const again = await lw.api('POST', '/api/results', { token: 'ingest', body: { updates } });
            expect(new Set(again.body.results.map((r: { status: string }) => r.status))).toEqual(new Set(['duplicate', 'stale']));
          } finally {
            await lw.close();
          }
        });
      }
    });
  }

  it("keeps no Redis key per race commit: a night of batches does not pile up keys (a re-send still answers 'already applied')", async () => {
    const prefix = `t${randomUUID().slice(0, 8)}:`;
    const backend = await connectRedis({ prefix });
    const store = new Store(backend, { clock: manualClock(), timeoutMs: 2_000 });
    const lw = await startLeadWire({ store });
    const admin = createClient({ url: redis().url });
    await admin.connect();
    try {
      expect((await lw.api('PUT', '/api/races/ga-a', { token: 'ingest', body: GEORGIA })).status).toBe(201);
      const keys = async () => (await admin.keys(`${prefix}*`)).sort();
      const before = await keys();
      for (let k = 0; k < 20; k++) {
        const asOf = new Date(Date.parse(GA_BEFORE.asOf) + 1_000 * (k + 1)).toISOString();
        const res = await lw.api('POST', '/api/results', { token: 'ingest', body: { updates: [{ raceId: 'ga-a', ...GA_BEFORE, asOf }] } });
        expect(res.body.results[0].status).toBe('applied');
      }
      expect((await lw.api('GET', '/api/races/ga-a')).body.revision).toBe(21);
      expect(await keys()).toEqual(before);
    } finally {
      await admin.quit();
      await lw.close();
    }
  });
});
