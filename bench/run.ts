/**
 * `npm run bench`: ingest throughput, push latency and server memory, for the embedded store and a private
 * redis-server, each figure beside its baseline from the same run (baselines.ts). Loopback only, bounded in
 * count and time; prints figures, asserts nothing.
 */
import { cpus, loadavg } from 'node:os';
import { createClient } from 'redis';
import { startRedis, type PrivateRedis } from '../test/helpers/redis.js';
import { baselineTables, runBaselines, type BaselineReport } from './baselines.js';
import { eventLogTable, runEventLog, type EventLogReport } from './eventlog.js';
import { runIngest, type IngestResult } from './ingest.js';
import { overlayTables, runOverlayBench } from './overlay.js';
import { argList, PHASES, STORES } from './phases.js';
import { runSoak, type SoakPoint } from './soak.js';
import { int, mb, ms, table } from './stats.js';
import { startTarget, type Target } from './target.js';

/** Every phase stops at its count or its time limit, whichever comes first. */
const PLAN = {
  ingest: { races: 5, batches: 2_000, posters: 4, maxMs: 5_000 },
  soak: { total: 20_000, steps: 4, chunk: 100, maxMs: 10_000 },
  redisAppendfsync: 'everysec',
  /** The whole run stops here whatever happens. */
  budgetMs: 300_000,
};

interface KindReport {
  kind: Target['kind'];
  ingest?: IngestResult;
  vs?: BaselineReport;
  memory: SoakPoint[];
  soak?: { applied: number; other: number; seconds: number };
  eventLog?: EventLogReport;
}

const log = (s: string) => process.stderr.write(`${s}\n`);

const only = argList(process.argv, 'only', PHASES);
const stores = argList(process.argv, 'stores', STORES);

async function benchKind(kind: Target['kind'], cleanup: (() => Promise<void>)[]): Promise<KindReport> {
  let redis: PrivateRedis | null = null;
  if (kind === 'redis') {
    redis = await startRedis();
    cleanup.push(() => redis!.cleanup());
    // The test helper fsyncs every write; production Redis (and this bench) uses the default, once a second.
    const admin = createClient({ url: redis.url });
    await admin.connect();
    await admin.configSet('appendfsync', PLAN.redisAppendfsync);
    await admin.quit();
  }
  const target = await startTarget(kind, redis?.url);
  cleanup.push(() => target.stop());
  const memory: SoakPoint[] = [];
  const mark = async (label: string, batches: number) => {
    const m = await target.memory();
    memory.push({ label, batches, heapUsed: m.heapUsed, rss: m.rss });
  };

  await mark('started, empty', 0);
  let sent = 0;
  let ingest: IngestResult | undefined;
  if (only.has('ingest')) {
    log(`[${kind}] ingest: ${PLAN.ingest.batches} batches, ${PLAN.ingest.races} races, ${PLAN.ingest.posters} posters`);
    ingest = await runIngest(target.base, { ...PLAN.ingest, prefix: 'ingest' });
    sent += ingest.sent;
    await mark('after ingest', sent);
  }

  let vs: BaselineReport | undefined;
  if (only.has('single') || only.has('bulk') || only.has('push')) {
    const bare = await startTarget(kind, undefined, 'bare.ts');
    cleanup.push(() => bare.stop());
    vs = await runBaselines(target, bare, redis?.url, log, only);
    await bare.stop();
    sent += (vs.single?.ours.sent ?? 0) + (vs.bulk?.ours.batches ?? 0) + vs.push.reduce((a, p) => a + p.ours.n * p.races, 0);
    await mark('after baselines and push', sent);
  }

  let soak: KindReport['soak'];
  if (only.has('soak')) {
    log(`[${kind}] soak: ${PLAN.soak.total} batches in bulk requests of ${PLAN.soak.chunk}`);
    const { points, ...rest } = await runSoak(target, PLAN.soak);
    soak = rest;
    for (const pt of points) memory.push({ ...pt, batches: pt.batches + sent });
  }

  await target.stop();
  let eventLog: EventLogReport | undefined;
  if (only.has('eventlog')) {
    log(`[${kind}] event log: results.ingest with the log vs without it, taking turns`);
    eventLog = await runEventLog(kind, redis?.url);
  }
  await redis?.cleanup();
  return { kind, ingest, vs, memory, soak, eventLog };
}

function print(reports: KindReport[]) {
  const out: string[] = [];
  const withIngest = reports.filter((r) => r.ingest);
  if (withIngest.length > 0) {
    out.push(
      table(
        `Ingest: POST /api/races/:id/results over HTTP (${PLAN.ingest.races} races, ${PLAN.ingest.posters} concurrent posters)`,
        ['store', 'batches', 'seconds', 'batches/s', 'p50', 'p95', 'p99', 'max', 'outcomes'],
        withIngest.map(({ kind, ingest: i }) => [
          kind,
          int(i!.sent),
          i!.seconds.toFixed(2),
          int(i!.perSecond),
          ms(i!.latency.p50),
          ms(i!.latency.p95),
          ms(i!.latency.p99),
          ms(i!.latency.max),
          Object.entries(i!.outcomes).map(([k, v]) => `${k}×${v}`).join(' '),
        ]),
      ),
    );
  }
  const vs = reports.flatMap((r) => (r.vs ? [r.vs] : []));
  if (vs.length > 0) out.push(baselineTables(vs));
  const logs = reports.flatMap((r) => (r.eventLog ? [r.eventLog] : []));
  if (logs.length > 0) out.push(eventLogTable(logs));
  out.push(
    table(
      'Server memory (separate process, after a full GC)',
      ['store', 'point', 'batches so far', 'heap used', 'rss'],
      reports.flatMap((r) => r.memory.map((m) => [r.kind, m.label, int(m.batches), mb(m.heapUsed), mb(m.rss)])),
    ),
  );
  const soaks = reports.filter((r) => r.soak);
  if (soaks.length > 0) {
    out.push(
      table(
        'Soak (POST /api/results, bulk)',
        ['store', 'batches applied', 'not applied', 'seconds', 'batches/s'],
        soaks.map(({ kind, soak: s }) => [kind, int(s!.applied), int(s!.other), s!.seconds.toFixed(1), int((s!.applied + s!.other) / s!.seconds)]),
      ),
    );
  }
  console.log(`\n${out.join('\n\n')}\n`);
  console.log(`Notes: server (own process) and load generator share this machine's ${cpus().length} CPUs (load average`);
  console.log(`${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end). The private redis-server runs with appendonly yes,`);
  console.log(`appendfsync ${PLAN.redisAppendfsync}. Phases stop at their count or time limit, whichever comes first.`);
  console.log('Baselines: the bare server is its own process too; the raw floor sends the store\'s own commit script with');
  console.log('the store\'s arguments, prepared beforehand, a bulk\'s worth per round trip, to a channel one idle client follows.');
}

async function main() {
  const started = Date.now();
  const cleanup: (() => Promise<void>)[] = [];
  const reports: KindReport[] = [];
  const watchdog = setTimeout(async () => {
    log(`bench: over its ${PLAN.budgetMs / 1000} s budget, stopping; figures so far:`);
    if (reports.length > 0) print(reports);
    await Promise.allSettled(cleanup.map((c) => c()));
    process.exit(1);
  }, PLAN.budgetMs);
  try {
    for (const kind of ['memory', 'redis'] as const) if (stores.has(kind)) reports.push(await benchKind(kind, cleanup));
    let overlay: Awaited<ReturnType<typeof runOverlayBench>> | null = null;
    if (only.has('overlay')) {
      log('[overlay] Chromium: busy fraction at rest, ingest → pixels, page heap over a long run');
      overlay = await runOverlayBench(cleanup);
    }
    print(reports);
    if (overlay) console.log(`${overlayTables(overlay)}\n`);
    log(`bench: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    clearTimeout(watchdog);
    await Promise.allSettled(cleanup.map((c) => c()));
  }
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
