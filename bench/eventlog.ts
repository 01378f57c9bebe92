/**
 * The event log's cost: `results.ingest` (what feeds call) in this process, with the log and without it (a store
 * option only the bench uses), contenders taking turns; and what one event takes in Redis. On Redis, beside it, the
 * same pair done raw: the raw floor's prepared commits (bulk.ts) with their events and without them, so the
 * append's own price in Redis stands next to what it costs LeadWire.
 */
import { createClient } from 'redis';
import { silentLogger } from '../server/logger.js';
import { MemoryBackend } from '../server/store/memory.js';
import { RedisBackend } from '../server/store/redis.js';
import type { Backend } from '../server/store/types.js';
import { compare, ingestInProcess, rateRatio, rawFloor, type BulkOptions, type BulkRate } from './bulk.js';
import { redisCpu, sumOf, thisProcess } from './cpu.js';
import { int, table } from './stats.js';

export const EVENTLOG_PLAN = { races: 200, requests: 10, warmup: 5, repeats: 10 } satisfies Omit<BulkOptions, 'prefix'>;

export interface EventLogReport {
  kind: 'memory' | 'redis';
  withLog: BulkRate;
  without: BulkRate;
  /** Redis only: the raw floor's commits with their events and without them, taking turns like the pair above. */
  raw?: { withLog: BulkRate; without: BulkRate };
  /** Redis only: the stream's bytes per event (MEMORY USAGE / XLEN) after the run, and how many it held. */
  bytesPerEvent?: number;
  events?: number;
}

export async function runEventLog(kind: 'memory' | 'redis', redisUrl: string | undefined): Promise<EventLogReport> {
  const backend = async (prefix: string, enabled: boolean): Promise<Backend> =>
    kind === 'redis'
      ? RedisBackend.connect({ url: redisUrl!, prefix, logger: silentLogger(), events: { enabled } })
      : new MemoryBackend({ events: { enabled } });
  const o = { ...EVENTLOG_PLAN, prefix: 'log' };
  const redis = kind === 'redis' ? await redisCpu(redisUrl!) : null;
  const cpu = sumOf(redis ? [thisProcess, redis.meter] : [thisProcess]);
  // One comparison for all: run k of each contender runs in the same turn, so the raw pair shares the load too.
  const [withLog, without, rawWith, rawWithout] = await compare(o, [
    await ingestInProcess({ ...o, prefix: 'withlog' }, await backend('evlog:with:', true), cpu),
    await ingestInProcess({ ...o, prefix: 'nolog' }, await backend('evlog:without:', false), cpu),
    ...(kind === 'redis'
      ? [await rawFloor(redisUrl!, { ...o, prefix: 'rawlog' }, cpu, true), await rawFloor(redisUrl!, { ...o, prefix: 'rawnolog' }, cpu, false)]
      : []),
  ]);
  const report: EventLogReport = { kind, withLog: withLog!, without: without! };
  if (rawWith && rawWithout) report.raw = { withLog: rawWith, without: rawWithout };
  await redis?.close();
  if (kind === 'redis') {
    const admin = createClient({ url: redisUrl! });
    await admin.connect();
    const events = await admin.xLen('evlog:with:events');
    const bytes = Number(await admin.sendCommand(['MEMORY', 'USAGE', 'evlog:with:events', 'SAMPLES', '0']));
    await admin.close();
    Object.assign(report, { events, bytesPerEvent: bytes / Math.max(1, events) });
  }
  return report;
}

const spread = (q: { median: number; min: number; max: number }) => `${q.median.toFixed(2)}× (${q.min.toFixed(2)}–${q.max.toFixed(2)})`;

function row(name: string, withLog: BulkRate, without: BulkRate, r?: EventLogReport): string[] {
  return [
    name,
    int(withLog.perSecond),
    int(without.perSecond),
    `${(withLog.perSecond / without.perSecond).toFixed(2)}×`,
    spread(rateRatio(withLog, without)),
    spread(rateRatio(withLog, without, 'cpuRuns')),
    r?.bytesPerEvent === undefined ? '—' : r.bytesPerEvent.toFixed(0),
    r?.events === undefined ? '—' : int(r.events),
  ];
}

export function eventLogTable(reports: EventLogReport[]): string {
  const p = EVENTLOG_PLAN;
  return table(
    `Event log: results.ingest in process, ${p.races} races × ${p.requests} bulks (3 candidates each), with the log vs without it, ${p.repeats} side-by-side runs; on Redis also the raw floor's prepared commits with their events vs without (the append's own price); by wall time, then by CPU time (this process and redis-server)`,
    ['store', 'batches/s with log', 'batches/s without', 'ratio (best)', 'ratio (median, range)', 'CPU ratio (median, range)', 'bytes per event (Redis)', 'events'],
    reports.flatMap((r) => [
      row(r.kind, r.withLog, r.without, r),
      ...(r.raw ? [row(`${r.kind}, raw floor`, r.raw.withLog, r.raw.without)] : []),
    ]),
  );
}
