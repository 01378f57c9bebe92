/**
 * Every figure beside its baseline from the same run, as a ratio: HTTP single-batch ingest vs a bare express
 * route, bulk ingest vs the raw pipelined floor (Redis) or the pure domain (memory), push latency vs a bare
 * socket.io broadcast. Contenders take turns, so load from elsewhere on the machine falls on both alike.
 */
import { bulkOverHttp, compare, ingestInProcess, pureDomain, rawFloor, type BulkOptions, type BulkRate } from './bulk.js';
import { feed } from './feed.js';
import { runIngest, type IngestResult } from './ingest.js';
import { runPushPair, type PushPair } from './pushpair.js';
import { int, ms, table } from './stats.js';
import type { Target } from './target.js';

export const BASELINE_PLAN = {
  /** Single-batch posts: each side gets `rounds` turns of `batches` (or `maxMs`); the best turn counts. */
  single: { races: 5, batches: 1_000, posters: 4, maxMs: 2_500, rounds: 2 },
  bulk: { races: 200, requests: 15, warmup: 10, repeats: 4 } satisfies Omit<BulkOptions, 'prefix'>,
  push: [
    { clients: 100, races: 1, samples: 200 },
    { clients: 1_000, races: 1, samples: 100 },
    { clients: 100, races: 50, samples: 60 },
  ],
  pushMaxMs: 15_000,
};

export interface BaselineReport {
  kind: Target['kind'];
  single: { ours: IngestResult; bare: IngestResult };
  bulk: { ours: BulkRate; floor: BulkRate; inProcess?: BulkRate; outcomes: Record<string, number> };
  push: PushPair[];
}

const best = (a: IngestResult | undefined, b: IngestResult) => (!a || b.perSecond > a.perSecond ? b : a);

/** Runs every paired phase against `target` (and `bare`, the baselines' server). */
export async function runBaselines(target: Target, bare: Target, redisUrl: string | undefined, log: (s: string) => void): Promise<BaselineReport> {
  const kind = target.kind;
  const s = BASELINE_PLAN.single;
  log(`[${kind}] single-batch ingest vs a bare express route: ${s.rounds} turns each, ${s.posters} posters`);
  const feeds = { ours: new Map<string, ReturnType<typeof feed>>(), bare: new Map<string, ReturnType<typeof feed>>() };
  let single: { ours?: IngestResult; bare?: IngestResult } = {};
  for (let r = 0; r < s.rounds; r++) {
    single = {
      ours: best(single.ours, await runIngest(target.base, { ...s, prefix: 'single', feeds: feeds.ours })),
      bare: best(single.bare, await runIngest(bare.base, { ...s, prefix: 'single', feeds: feeds.bare })),
    };
  }

  const o = { ...BASELINE_PLAN.bulk, prefix: 'bulk' };
  const floorName = kind === 'redis' ? 'raw pipelined commits' : 'the pure domain';
  log(`[${kind}] bulk ingest vs ${floorName}: ${o.races} races × ${o.requests} bulk requests, best of ${o.repeats}`);
  const outcomes: Record<string, number> = {};
  const contenders = [await bulkOverHttp(target.base, o, outcomes), kind === 'redis' ? await rawFloor(redisUrl!, o) : pureDomain(o)];
  if (kind === 'memory') contenders.push(await ingestInProcess({ ...o, prefix: 'inproc' }));
  const [ours, floor, inProcess] = await compare(o, contenders);

  const push: PushPair[] = [];
  for (const p of BASELINE_PLAN.push) {
    log(`[${kind}] push vs bare socket.io: ${p.clients} clients, ${p.races} race(s) per request, ${p.samples} samples each`);
    push.push(await runPushPair(target.base, bare.base, { ...p, maxMs: BASELINE_PLAN.pushMaxMs, prefix: `pair-${p.clients}-${p.races}` }));
  }
  return { kind, single: { ours: single.ours!, bare: single.bare! }, bulk: { ours: ours!, floor: floor!, inProcess, outcomes }, push };
}

const ratio = (x: number, base: number) => (Number.isFinite(x) && base > 0 ? `${(x / base).toFixed(2)}×` : '—');

export function baselineTables(reports: BaselineReport[]): string {
  const s = BASELINE_PLAN.single;
  const b = BASELINE_PLAN.bulk;
  return [
    table(
      `Single-batch ingest: POST /api/races/:id/results vs a bare express route parsing the same JSON (${s.races} races, ${s.posters} posters)`,
      ['store', 'batches/s', 'bare batches/s', 'ratio', 'p50', 'bare p50', 'p99', 'bare p99', 'outcomes'],
      reports.map((r) => [
        r.kind,
        int(r.single.ours.perSecond),
        int(r.single.bare.perSecond),
        ratio(r.single.ours.perSecond, r.single.bare.perSecond),
        ms(r.single.ours.latency.p50),
        ms(r.single.bare.latency.p50),
        ms(r.single.ours.latency.p99),
        ms(r.single.bare.latency.p99),
        Object.entries(r.single.ours.outcomes).map(([k, v]) => `${k}×${v}`).join(' '),
      ]),
    ),
    table(
      `Bulk ingest: POST /api/results, ${b.races} races × ${b.requests} requests (one batch of each race per request), best of ${b.repeats}`,
      ['store', 'batches/s', 'baseline', 'baseline batches/s', 'ratio', 'outcomes'],
      reports.flatMap((r) => [
        [
          r.kind,
          int(r.bulk.ours.perSecond),
          r.kind === 'redis' ? 'raw pipelined commits' : 'pure domain loop',
          int(r.bulk.floor.perSecond),
          ratio(r.bulk.ours.perSecond, r.bulk.floor.perSecond),
          Object.entries(r.bulk.outcomes).map(([k, v]) => `${k}×${v}`).join(' '),
        ],
        ...(r.bulk.inProcess
          ? [[`${r.kind} (results.ingest, no HTTP)`, int(r.bulk.inProcess.perSecond), 'pure domain loop', int(r.bulk.floor.perSecond), ratio(r.bulk.inProcess.perSecond, r.bulk.floor.perSecond), '']]
          : []),
      ]),
    ),
    table(
      'Push: request sent → every overlay client has every race\'s new view, vs a bare socket.io server broadcasting the same views (turn about)',
      ['store', 'clients', 'races', 'samples', 'p50', 'bare p50', 'ratio p50', 'p99', 'bare p99', 'ratio p99', 'missed'],
      reports.flatMap((r) =>
        r.push.map((p) => [
          r.kind,
          int(p.clients),
          String(p.races),
          String(p.ours.n),
          ms(p.ours.p50),
          ms(p.bare.p50),
          ratio(p.ours.p50, p.bare.p50),
          ms(p.ours.p99),
          ms(p.bare.p99),
          ratio(p.ours.p99, p.bare.p99),
          String(p.missed),
        ]),
      ),
    ),
  ].join('\n\n');
}
