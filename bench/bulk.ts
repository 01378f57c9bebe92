import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createClient } from 'redis';
import { applyBatch, applyDefinition, definitionEvent, RaceDefinition, type RaceRecord, type ResultBatch } from '../shared/index.js';
import { systemClock } from '../server/clock.js';
import { silentLogger } from '../server/logger.js';
import { createMetrics } from '../server/metrics.js';
import { LatestState } from '../server/realtime/latest.js';
import { followStore } from '../server/realtime/publisher.js';
import { createResultsService } from '../server/services/results.js';
import { COMMIT_RACE } from '../server/store/lua.js';
import { MemoryBackend } from '../server/store/memory.js';
import { planRace } from '../server/store/bulk.js';
import { DEFAULT_EVENTS_MAX } from '../server/store/eventLog.js';
import { commitRaceCall, type ScriptCall } from '../server/store/raceScript.js';
import { keyNames } from '../server/store/redisKeys.js';
import { stamp, Store } from '../server/store/store.js';
import type { Backend, RaceCommit } from '../server/store/types.js';
import { defineRaces, feed, raceDefinition } from './feed.js';
import { thisProcess, type CpuMeter } from './cpu.js';
import { httpClient } from './http.js';
import { median } from './stats.js';

export interface BulkOptions {
  /** Races per bulk request: each request carries one new batch of every race. */
  races: number;
  /** Timed bulk requests, sent one after the other. */
  requests: number;
  /** Untimed requests first (JIT, connections, caches), the same for every contender. */
  warmup: number;
  /** Timed runs of `requests` each; the best counts, as the other engineers' work shares these CPUs. */
  repeats: number;
  prefix: string;
}

export interface BulkRate {
  batches: number;
  /** The best timed run. */
  seconds: number;
  perSecond: number;
  /** Batches per second of every timed run, in the order run (run k of each contender ran side by side). */
  runs: number[];
  /** Batches per second of CPU time (every process the contender runs in): the best run, and each run's. */
  perCpuSecond: number;
  cpuRuns: number[];
  /** Item status → count (HTTP only); all should be "applied". */
  outcomes?: Record<string, number>;
}

const NOW = new Date('2020-11-04T12:00:00Z');
const BENCH_ACTOR = { role: 'ingest', name: 'bench' } as const;
const ids = (o: BulkOptions) => Array.from({ length: o.races }, (_, i) => `${o.prefix}-${i}`);

/** Every round of batches the contenders apply: round r holds one batch of each race, all in `asOf` order. */
function rounds(o: BulkOptions): ResultBatch[][] {
  const feeds = ids(o).map(() => feed());
  return Array.from({ length: o.warmup + o.repeats * o.requests }, () => feeds.map((f) => ({ ...f(), source: 'manual' })));
}

const rate = (batches: number, runs: readonly Run[]): BulkRate => {
  const best = Math.min(...runs.map((r) => r.ms));
  const bestCpu = Math.min(...runs.map((r) => r.cpuMs));
  return {
    batches,
    seconds: best / 1_000,
    perSecond: (1_000 * batches) / best,
    runs: runs.map((r) => (1_000 * batches) / r.ms),
    perCpuSecond: (1_000 * batches) / bestCpu,
    cpuRuns: runs.map((r) => (1_000 * batches) / r.cpuMs),
  };
};

/**
 * A contender's rate against a baseline's, by wall time (`runs`) or by CPU time (`cpuRuns`): the best runs',
 * and the median and range of the side-by-side runs' ratios.
 */
export function rateRatio(x: BulkRate, base: BulkRate, by: 'runs' | 'cpuRuns' = 'runs'): { best: number; median: number; min: number; max: number } {
  const pairs = x[by].map((r, k) => r / base[by][k]!).filter(Number.isFinite);
  const best = by === 'runs' ? x.perSecond / base.perSecond : x.perCpuSecond / base.perCpuSecond;
  return { best, median: median(pairs), min: Math.min(...pairs), max: Math.max(...pairs) };
}

/** One timed run: its wall time and the CPU time it cost, both in milliseconds. */
export interface Run {
  ms: number;
  cpuMs: number;
}

/**
 * One way of applying the rounds: `warm` sends the warm-up rounds, `run(k)` the k-th timed run of
 * `requests` rounds and answers its wall and CPU time.
 */
export interface Contender {
  warm(): Promise<void>;
  run(k: number): Promise<Run>;
  close(): Promise<void>;
}

/** `cpu`: what the contender's CPU time is (the processes it runs in). @default this process */
function contender<T>(
  o: BulkOptions,
  all: T[],
  send: (round: T, timed: boolean) => Promise<void>,
  close = async () => {},
  cpu: CpuMeter = thisProcess,
): Contender {
  return {
    async warm() {
      for (const round of all.slice(0, o.warmup)) await send(round, false);
    },
    async run(k) {
      const c0 = await cpu();
      const t0 = performance.now();
      for (const round of all.slice(o.warmup + k * o.requests, o.warmup + (k + 1) * o.requests)) await send(round, true);
      const ms = performance.now() - t0;
      return { ms, cpuMs: (await cpu()) - c0 };
    },
    close,
  };
}

/**
 * Runs each contender's timed runs in turn (A, B, C, then B, C, A, …: who goes first rotates) so that whatever
 * else loads the machine loads all alike; answers each one's runs.
 */
export async function compare(o: BulkOptions, contenders: Contender[]): Promise<BulkRate[]> {
  for (const c of contenders) await c.warm();
  const runs = contenders.map((): Run[] => []);
  for (let k = 0; k < o.repeats; k++) {
    for (let j = 0; j < contenders.length; j++) {
      const i = (j + k) % contenders.length;
      runs[i]!.push(await contenders[i]!.run(k));
    }
  }
  for (const c of contenders) await c.close();
  return runs.map((r) => rate(o.requests * o.races, r));
}

/** `POST /api/results`, one bulk at a time, each with one batch of every race. `outcomes` fills as it runs. */
export async function bulkOverHttp(base: string, o: BulkOptions, outcomes: Record<string, number>, cpu: CpuMeter = thisProcess): Promise<Contender> {
  const http = httpClient(base, undefined, 1);
  const raceIds = ids(o);
  await defineRaces(http, raceIds);
  return contender(
    o,
    rounds(o),
    async (round, counted) => {
      const res = await http.call<{ results: { status: string }[] }>('POST', '/api/results', {
        updates: round.map((b, i) => ({ raceId: raceIds[i]!, ...b })),
      });
      if (res.status !== 200) throw new Error(`POST /api/results: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      if (counted) for (const x of res.body.results) outcomes[x.status] = (outcomes[x.status] ?? 0) + 1;
    },
    async () => http.close(),
    cpu,
  );
}

/**
 * The feed path in this process: `results.ingest` (what feeds call) on a memory store whose changes go to the
 * latest state as the server's publisher sends them (no sockets connected: like the server with no page, it
 * builds no views), without HTTP.
 */
export async function ingestInProcess(o: BulkOptions, backend: Backend = new MemoryBackend(), cpu: CpuMeter = thisProcess): Promise<Contender> {
  const store = new Store(backend, { clock: systemClock });
  const latest = new LatestState({ race() {}, graphics() {}, leadChange() {}, alert() {}, feed() {}, call() {} });
  const stop = followStore(store, latest, silentLogger());
  const results = createResultsService({ store, metrics: createMetrics() });
  const raceIds = ids(o);
  for (const [i, id] of raceIds.entries()) await results.defineRace(id, raceDefinition(i), BENCH_ACTOR);
  return contender(
    o,
    rounds(o),
    async (round) => {
      const out = await results.ingest(round.map((b, i) => ({ raceId: raceIds[i]!, ...b })), BENCH_ACTOR);
      if (out.some((r) => r.status !== 'applied')) throw new Error('in-process ingest: not every batch applied');
    },
    async () => {
      stop();
      await store.close();
    },
    cpu,
  );
}

function freshRecords(o: BulkOptions): RaceRecord[] {
  return ids(o).map((id, i) => {
    const out = applyDefinition(null, RaceDefinition.parse({ ...raceDefinition(i), id }), NOW);
    if (out.kind !== 'created') throw new Error(`defining ${id}: ${out.kind}`);
    return out.record;
  });
}

/** The floor of the memory store: the pure domain applying the same batches in a loop, nothing else. */
export function pureDomain(o: BulkOptions): Contender {
  const all = rounds(o);
  const records = freshRecords(o);
  const apply = async (round: ResultBatch[]) => {
    for (let i = 0; i < round.length; i++) {
      const out = applyBatch(records[i]!, round[i]!, NOW);
      if (out.kind === 'applied') records[i] = out.record;
    }
  };
  return contender(o, all, apply);
}

/**
 * The floor of the Redis store: the same compare-and-set commits (the store's own script, its arguments as
 * the store builds them: the record, its events, a commit id), prepared beforehand and sent by one node-redis
 * client, one bulk's worth pipelined per round trip. Their messages go to one subscriber that ignores them, as
 * a server's commits always have one (itself); without it Redis would skip the work of delivering them. No
 * reads, no domain, no HTTP.
 */
export async function rawFloor(redisUrl: string, o: BulkOptions, cpu: CpuMeter = thisProcess, logging = true): Promise<Contender> {
  const k = keyNames(`floor:${o.prefix}:`);
  let seq = 0;
  const call = (commit: RaceCommit) =>
    commitRaceCall(k, commit, {
      json: JSON.stringify(commit.record),
      tag: `floor:${++seq}`,
      messages: [],
      maxlen: String(DEFAULT_EVENTS_MAX),
      logging,
    });
  const records = freshRecords(o);
  const planned: ScriptCall[][] = [
    records.map((r) => call({ record: r, expectedRevision: null, log: stamp([definitionEvent(r, true)], BENCH_ACTOR, NOW), commitId: `floor-${seq}` })),
  ];
  for (const round of rounds(o)) {
    planned.push(
      round.map((b, i) => {
        const plan = planRace(records[i]!, [b], NOW, () => {
          throw new Error('floor: the bench feed has no lead changes');
        });
        if (!plan.commit) throw new Error(`floor: ${plan.outcomes[0]?.kind}`);
        records[i] = plan.commit.record;
        return call({ ...plan.commit, log: stamp(plan.log, BENCH_ACTOR, NOW), commitId: `floor-${seq}` });
      }),
    );
  }
  const channel = k.channel;
  const client = createClient({ url: redisUrl });
  client.on('error', (err: Error) => process.stderr.write(`floor client: ${err.message}\n`));
  await client.connect();
  const subscriber = client.duplicate();
  subscriber.on('error', (err: Error) => process.stderr.write(`floor subscriber: ${err.message}\n`));
  await subscriber.connect();
  await subscriber.subscribe(channel, () => {}, true);
  const sha = createHash('sha1').update(COMMIT_RACE).digest('hex');
  await client.scriptLoad(COMMIT_RACE);
  await Promise.all(planned[0]!.map((c) => client.evalSha(sha, c))); // the definitions
  return contender(
    o,
    planned.slice(1),
    async (commits) => {
      const replies = await Promise.all(commits.map((c) => client.evalSha(sha, c)));
      if (replies.some((x) => x !== 1)) throw new Error('floor: a commit lost its compare-and-set');
    },
    async () => {
      await subscriber.close();
      await client.close();
    },
    cpu,
  );
}
