/**
 * The event log's cost: `results.ingest` (what feeds call) in this process, with the log and without it (a store
 * option only the bench uses), contenders taking turns; and what one event takes in Redis.
 */
import { createClient } from 'redis';
import { silentLogger } from '../server/logger.js';
import { MemoryBackend } from '../server/store/memory.js';
import { RedisBackend } from '../server/store/redis.js';
import type { Backend } from '../server/store/types.js';
import { compare, ingestInProcess, rateRatio, type BulkOptions, type BulkRate } from './bulk.js';
import { redisCpu, sumOf, thisProcess } from './cpu.js';
import { int, table } from './stats.js';

export const EVENTLOG_PLAN = { races: 200, requests: 10, warmup: 5, repeats: 10 } satisfies Omit<BulkOptions, 'prefix'>;

export interface EventLogReport {
  kind: 'memory' | 'redis';
  withLog: BulkRate;
  without: BulkRate;
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
  const [withLog, without] = await compare(o, [
    await ingestInProcess({ ...o, prefix: 'withlog' }, await backend('evlog:with:', true), cpu),
    await ingestInProcess({ ...o, prefix: 'nolog' }, await backend('evlog:without:', false), cpu),
  ]);
  await redis?.close();
  const report: EventLogReport = { kind, withLog: withLog!, without: without! };
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

export function eventLogTable(reports: EventLogReport[]): string {
  const p = EVENTLOG_PLAN;
  return table(
    `Event log: results.ingest in process, ${p.races} races × ${p.requests} bulks (3 candidates each), with the log vs without it, ${p.repeats} side-by-side runs; by wall time, then by CPU time (this process and redis-server)`,
    ['store', 'batches/s with log', 'batches/s without', 'ratio (best)', 'ratio (median, range)', 'CPU ratio (median, range)', 'bytes per event (Redis)', 'events'],
    reports.map((r) => [
      r.kind,
      int(r.withLog.perSecond),
      int(r.without.perSecond),
      `${(r.withLog.perSecond / r.without.perSecond).toFixed(2)}×`,
      spread(rateRatio(r.withLog, r.without)),
      spread(rateRatio(r.withLog, r.without, 'cpuRuns')),
      r.bytesPerEvent === undefined ? '—' : r.bytesPerEvent.toFixed(0),
      r.events === undefined ? '—' : int(r.events),
    ]),
  );
}
