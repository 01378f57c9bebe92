import { describe, expect, it } from 'vitest';
import { UnavailableError } from '../../server/errors.js';
import { createMetrics } from '../../server/metrics.js';
import { createResultsService } from '../../server/services/results.js';
import { MemoryBackend } from '../../server/store/memory.js';
import { Store } from '../../server/store/store.js';
import type { CommitResult, RaceCommit } from '../../server/store/types.js';
import { RaceDefinition, type Actor } from '../../shared/index.js';

const FEED: Actor = { role: 'feed', name: 'ap' };
import { GA_BEFORE, GA_FLIP, GEORGIA } from '../helpers/server.js';
import { manualClock } from '../helpers/stores.js';

/** A memory backend whose commits of `failing` races fail as a Redis that went away would, and that counts what it is asked. */
class FlakyBackend extends MemoryBackend {
  failing = new Set<string>();
  reads: string[][] = [];
  commits: string[][] = [];
  override async readRaces(ids: readonly string[]) {
    this.reads.push([...ids]);
    return super.readRaces(ids);
  }
  // A race commit that failed in a pipelined group is sent again on its own: that fails too while the store is away.
  override async commitRace(commit: RaceCommit) {
    if (this.failing.has(commit.record.definition.id)) throw new Error('Socket closed unexpectedly');
    return super.commitRace(commit);
  }
  override async commitRaces(commits: Iterable<RaceCommit>): Promise<CommitResult[]> {
    const all = [...commits];
    this.commits.push(all.map((c) => c.record.definition.id));
    const ok = await super.commitRaces(all.filter((c) => !this.failing.has(c.record.definition.id)));
    return all.map((c) => (this.failing.has(c.record.definition.id) ? { ok: false, error: new Error('Socket closed unexpectedly') } : ok.shift()!));
  }
}

async function setup() {
  const backend = new FlakyBackend();
  const store = new Store(backend, { clock: manualClock(), timeoutMs: 1_000 });
  for (const id of ['ga-a', 'ga-b']) await store.defineRace(RaceDefinition.parse({ ...GEORGIA, id }));
  const results = createResultsService({ store, metrics: createMetrics() });
  return { backend, store, results };
}

describe('a bulk when the store fails part-way', () => {
  it('reads every race once and commits each changed race once, whatever the number of its batches', async () => {
    const { backend, results } = await setup();
    const out = await results.ingest([
      { raceId: 'ga-a', ...GA_BEFORE },
      { raceId: 'ga-b', ...GA_BEFORE },
      { raceId: 'ga-a', ...GA_FLIP },
      { raceId: 'ga-b', ...GA_BEFORE }, // a duplicate
    ], FEED);
    expect(out.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'duplicate']);
    expect(backend.reads).toEqual([['ga-a', 'ga-b']]);
    expect(backend.commits).toEqual([['ga-a', 'ga-b']]);
  });

  it('answers the items of a race whose commit failed as unavailable, and keeps the others', async () => {
    const { backend, store, results } = await setup();
    backend.failing.add('ga-b');
    const out = await results.ingest([
      { raceId: 'ga-a', ...GA_BEFORE },
      { raceId: 'ga-b', ...GA_BEFORE },
      { raceId: 'nowhere', ...GA_BEFORE },
      { raceId: 'ga-b', ...GA_FLIP },
    ], FEED);
    expect(out.map((r) => [r.raceId, r.status])).toEqual([
      ['ga-a', 'applied'],
      ['ga-b', 'unavailable'],
      ['nowhere', 'not_found'],
      ['ga-b', 'unavailable'],
    ]);
    expect((await store.getRace('ga-a'))?.revision).toBe(2);
    expect((await store.getRace('ga-b'))?.revision).toBe(1);
  });

  it('answers the whole request as unavailable when nothing was applied', async () => {
    const { backend, store, results } = await setup();
    backend.failing.add('ga-b');
    await expect(results.ingest([{ raceId: 'ga-b', ...GA_BEFORE }, { raceId: 'nowhere', ...GA_BEFORE }], FEED)).rejects.toBeInstanceOf(UnavailableError);
    expect((await store.getRace('ga-b'))?.revision).toBe(1);
  });
});
