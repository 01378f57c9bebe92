/**
 * Every figure beside its baseline from the same run, as a ratio: HTTP single-batch ingest vs a bare express
 * route, bulk ingest vs the raw pipelined floor (Redis) or the pure domain (memory), push latency vs a bare
 * socket.io broadcast. Contenders take turns, so load from elsewhere on the machine falls on both alike.
 */
import { bulkOverHttp, compare, ingestInProcess, pureDomain, rateRatio, rawFloor, type BulkOptions, type BulkRate } from './bulk.js';
import { redisCpu, sumOf, targetCpu, thisProcess, type CpuMeter } from './cpu.js';
import { feed } from './feed.js';
import { runIngest, type IngestResult } from './ingest.js';
import { runPushPair, type PushPair } from './pushpair.js';
import { PHASES, type Phase } from './phases.js';
import { RedisBackend } from '../server/store/redis.js';
import { silentLogger } from '../server/logger.js';
import { int, median, ms, table } from './stats.js';
import { startTarget, type Target } from './target.js';

export const BASELINE_PLAN = {
  /** Single-batch posts: each side gets `rounds` turns of `batches` (or `maxMs`); the best turn counts. */
  single: { races: 5, batches: 1_000, posters: 4, maxMs: 2_500, rounds: 2 },
  bulk: { races: 200, requests: 15, warmup: 10, repeats: 4 } satisfies Omit<BulkOptions, 'prefix'>,
  /** Each: `rounds` rounds of `samples` samples per side, taken in turn. */
  push: [
    { clients: 100, races: 1, samples: 150, rounds: 3 },
    { clients: 1_000, races: 1, samples: 100, rounds: 3 },
    { clients: 100, races: 50, samples: 30, rounds: 3 },
  ],
  /**
   * The A/A check, once (on the memory store's turn; it involves no store): a second bare server in LeadWire's
   * place, so the table shows the harness's own ratio between two sides doing the same work.
   */
  pushControl: { clients: 1_000, races: 1, samples: 100, rounds: 3 },
  pushMaxMs: 30_000,
};

export interface BaselineReport {
  kind: Target['kind'];
  single?: { ours: IngestResult; bare: IngestResult };
  /** `bare`: the same bulks to a bare express route that parses them and answers each item, storing nothing. */
  bulk?: { ours: BulkRate; floor: BulkRate; inProcess?: BulkRate; bare?: BulkRate; outcomes: Record<string, number> };
  push: PushPair[];
}

const best = (a: IngestResult | undefined, b: IngestResult) => (!a || b.perSecond > a.perSecond ? b : a);

/** Runs every paired phase against `target` (and `bare`, the baselines' server). */
export async function runBaselines(
  target: Target,
  bare: Target,
  redisUrl: string | undefined,
  log: (s: string) => void,
  only: ReadonlySet<Phase> = new Set(PHASES),
): Promise<BaselineReport> {
  const kind = target.kind;
  const report: BaselineReport = { kind, push: [] };
  if (only.has('single')) report.single = await single(target, bare, log);
  if (only.has('bulk')) report.bulk = await bulk(target, bare, redisUrl, log);
  if (only.has('push')) {
    for (const p of BASELINE_PLAN.push) {
      log(`[${kind}] push vs bare socket.io: ${p.clients} clients, ${p.races} race(s) per request, ${p.samples} samples each`);
      report.push.push(await runPushPair(target.base, bare.base, { ...p, maxMs: BASELINE_PLAN.pushMaxMs, prefix: `pair-${p.clients}-${p.races}` }));
    }
    if (kind === 'memory') {
      const p = BASELINE_PLAN.pushControl;
      log(`[${kind}] push, A/A check: a second bare server in LeadWire's place, ${p.clients} clients`);
      const control = await startTarget(kind, undefined, 'bare.ts');
      try {
        report.push.push(await runPushPair(target.base, bare.base, { ...p, maxMs: BASELINE_PLAN.pushMaxMs, prefix: 'pair-aa' }, control.base));
      } finally {
        await control.stop();
      }
    }
  }
  return report;
}

async function single(target: Target, bare: Target, log: (s: string) => void): Promise<BaselineReport['single']> {
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
  return { ours: single.ours!, bare: single.bare! };
}

async function bulk(target: Target, bare: Target, redisUrl: string | undefined, log: (s: string) => void): Promise<BaselineReport['bulk']> {
  const kind = target.kind;

  const o = { ...BASELINE_PLAN.bulk, prefix: 'bulk' };
  const floorName = kind === 'redis' ? 'raw pipelined commits' : 'the pure domain';
  log(`[${kind}] bulk ingest vs ${floorName}: ${o.races} races × ${o.requests} bulk requests, ${o.repeats} runs each`);
  const outcomes: Record<string, number> = {};
  // CPU time: the load generator (this process) and, where they take part, the server and redis-server.
  const redis = kind === 'redis' ? await redisCpu(redisUrl!) : null;
  const withRedis = (...m: CpuMeter[]) => sumOf(redis ? [...m, redis.meter] : m);
  const contenders = [
    await bulkOverHttp(target.base, o, outcomes, withRedis(thisProcess, targetCpu(target))),
    kind === 'redis' ? await rawFloor(redisUrl!, o, withRedis(thisProcess)) : pureDomain(o),
  ];
  // The same bulks through the feed path (results.ingest, in this process, no HTTP), on a store of the same kind.
  const backend = kind === 'redis' ? await RedisBackend.connect({ url: redisUrl!, prefix: 'inproc:', logger: silentLogger() }) : undefined;
  contenders.push(await ingestInProcess({ ...o, prefix: 'inproc' }, backend, withRedis(thisProcess)));
  // HTTP and JSON alone: what the same bulks cost a server that stores nothing (its items' outcomes are not counted).
  contenders.push(await bulkOverHttp(bare.base, o, {}, sumOf([thisProcess, targetCpu(bare)])));
  const [ours, floor, inProcess, bareHttp] = await compare(o, contenders);
  await redis?.close();
  return { ours: ours!, floor: floor!, inProcess, bare: bareHttp, outcomes };
}

/**
 * What a server would reach doing the work of `a` and then of `b` for every batch and nothing else (rates add
 * as resistances do): run by run, by wall and by CPU time. Over HTTP no store can beat it.
 */
function serial(a: BulkRate, b: BulkRate): BulkRate {
  const both = (x: number, y: number) => 1 / (1 / x + 1 / y);
  return {
    batches: a.batches,
    seconds: a.seconds + b.seconds,
    perSecond: both(a.perSecond, b.perSecond),
    runs: a.runs.map((r, k) => both(r, b.runs[k]!)),
    perCpuSecond: both(a.perCpuSecond, b.perCpuSecond),
    cpuRuns: a.cpuRuns.map((r, k) => both(r, b.cpuRuns[k]!)),
  };
}

const ratio = (x: number, base: number) => (Number.isFinite(x) && base > 0 ? `${(x / base).toFixed(2)}×` : '—');
const x2 = (r: number) => `${r.toFixed(2)}×`;
/** The median ratio of side-by-side runs and their range, e.g. "0.61× (0.55–0.66)". */
const spread = (r: { median: number; min: number; max: number }) => `${x2(r.median)} (${r.min.toFixed(2)}–${r.max.toFixed(2)})`;

export function baselineTables(reports: BaselineReport[]): string {
  const s = BASELINE_PLAN.single;
  const b = BASELINE_PLAN.bulk;
  const out: string[] = [];
  const singles = reports.filter((r) => r.single);
  if (singles.length > 0) {
    out.push(
      table(
        `Single-batch ingest: POST /api/races/:id/results vs a bare express route parsing the same JSON (${s.races} races, ${s.posters} posters)`,
        ['store', 'batches/s', 'bare batches/s', 'ratio', 'p50', 'bare p50', 'p99', 'bare p99', 'outcomes'],
        singles.map(({ kind, single: x }) => [
          kind,
          int(x!.ours.perSecond),
          int(x!.bare.perSecond),
          ratio(x!.ours.perSecond, x!.bare.perSecond),
          ms(x!.ours.latency.p50),
          ms(x!.bare.latency.p50),
          ms(x!.ours.latency.p99),
          ms(x!.bare.latency.p99),
          Object.entries(x!.ours.outcomes).map(([k, v]) => `${k}×${v}`).join(' '),
        ]),
      ),
    );
  }
  const bulks = reports.filter((r) => r.bulk);
  if (bulks.length > 0) {
    const row = (what: string, x: BulkRate, floorName: string, floor: BulkRate, outcomes = '') => {
      const r = rateRatio(x, floor);
      const c = rateRatio(x, floor, 'cpuRuns');
      return [what, int(x.perSecond), floorName, int(floor.perSecond), x2(r.best), spread(r), int(x.perCpuSecond), int(floor.perCpuSecond), spread(c), outcomes];
    };
    out.push(
      table(
        `Bulk ingest: ${b.races} races × ${b.requests} requests (one batch of each race per request); best of ${b.repeats} side-by-side runs, and the median (range) of their ratios; by wall time, then by CPU time (every process taking part: load generator, server, redis-server)`,
        ['store, path', 'batches/s', 'baseline', 'baseline batches/s', 'ratio (best)', 'ratio (median, range)', 'per CPU-s', 'baseline per CPU-s', 'CPU ratio (median, range)', 'outcomes'],
        bulks.flatMap(({ kind, bulk: x }) => {
          const floorName = kind === 'redis' ? 'raw pipelined commits' : 'pure domain loop';
          return [
            row(`${kind}: POST /api/results`, x!.ours, floorName, x!.floor, Object.entries(x!.outcomes).map(([k, v]) => `${k}×${v}`).join(' ')),
            ...(x!.inProcess ? [row(`${kind}: results.ingest (no HTTP)`, x!.inProcess, floorName, x!.floor)] : []),
            ...(x!.bare
              ? [
                  row('bare express bulk route (HTTP, JSON)', x!.bare, floorName, x!.floor),
                  row(`${kind} ceiling: HTTP + ${kind === 'redis' ? 'raw commits' : 'pure domain'}`, serial(x!.bare, x!.floor), floorName, x!.floor),
                ]
              : []),
          ];
        }),
      ),
    );
  }
  const pushes = reports.filter((r) => r.push.length > 0);
  if (pushes.length > 0) out.push(pushTable(pushes));
  return out.join('\n\n');
}

function pushTable(reports: BaselineReport[]): string {
  const rounds = (p: PushPair, k: 'p50' | 'p99') => {
    const rs = p.rounds.map((r) => r[k]).filter(Number.isFinite);
    return rs.length === 0 ? '—' : spread({ median: median(rs), min: Math.min(...rs), max: Math.max(...rs) });
  };
  return table(
    "Push: request sent → every overlay client has every race's new view, vs a bare socket.io server broadcasting the same views (sample by sample in turn; ratio over all samples, then the median (range) of the rounds' ratios); the A/A row puts a second bare server in LeadWire's place: the harness's own ratio",
    ['store', 'clients', 'races', 'samples', 'p50', 'bare p50', 'ratio p50', 'p99', 'bare p99', 'ratio p99', 'rounds p50', 'rounds p99', 'paired median', 'missed'],
    reports.flatMap((r) =>
      r.push.map((p) => [
        p.control ? 'A/A: bare in its place' : r.kind,
        int(p.clients),
        String(p.races),
        `${p.ours.n} in ${p.rounds.length}`,
        ms(p.ours.p50),
        ms(p.bare.p50),
        ratio(p.ours.p50, p.bare.p50),
        ms(p.ours.p99),
        ms(p.bare.p99),
        ratio(p.ours.p99, p.bare.p99),
        rounds(p, 'p50'),
        rounds(p, 'p99'),
        x2(p.pairedMedian),
        String(p.missed),
      ]),
    ),
  );
}
