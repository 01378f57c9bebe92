import { performance } from 'node:perf_hooks';
import { defineRaces, feed } from './feed.js';
import { httpClient } from './http.js';
import { summarize, type Summary } from './stats.js';

export interface IngestOptions {
  races: number;
  batches: number;
  /** Concurrent posters; each posts its share of the races' batches in order. */
  posters: number;
  /** Stop early after this long, whatever the count. */
  maxMs: number;
  /** Prefix of the race ids, so several runs against one server do not collide. */
  prefix: string;
  /** Each race's batch source; pass the same map to continue a run where the last one stopped. */
  feeds?: Map<string, ReturnType<typeof feed>>;
}

export interface IngestResult {
  sent: number;
  seconds: number;
  perSecond: number;
  latency: Summary;
  /** HTTP status (and body error code) → count; all should be "200". */
  outcomes: Record<string, number>;
}

/**
 * Posts `batches` batches, spread evenly over `races` races, one `POST /api/races/:id/results` at a time
 * per poster. Each race belongs to one poster, so its batches arrive in `asOf` order.
 */
export async function runIngest(base: string, o: IngestOptions): Promise<IngestResult> {
  const http = httpClient(base, undefined, o.posters);
  const ids = Array.from({ length: o.races }, (_, i) => `${o.prefix}-${i}`);
  await defineRaces(http, ids);
  const feeds = o.feeds ?? new Map<string, ReturnType<typeof feed>>();
  for (const id of ids) if (!feeds.has(id)) feeds.set(id, feed());
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const deadline = started + o.maxMs;

  const poster = async (p: number) => {
    const mine = ids.filter((_, i) => i % o.posters === p);
    for (let k = 0; mine.length > 0; k++) {
      if (next >= o.batches || performance.now() > deadline) return;
      next += 1;
      const id = mine[k % mine.length]!;
      const t0 = performance.now();
      const res = await http.call('POST', `/api/races/${id}/results`, feeds.get(id)!());
      latencies.push(performance.now() - t0);
      const key = res.status === 200 ? '200' : `${res.status} ${(res.body as { error?: string })?.error ?? ''}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: o.posters }, (_, p) => poster(p)));
  const seconds = (performance.now() - started) / 1_000;
  http.close();
  return { sent: latencies.length, seconds, perSecond: latencies.length / seconds, latency: summarize(latencies), outcomes };
}
