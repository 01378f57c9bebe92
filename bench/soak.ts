import { performance } from 'node:perf_hooks';
import { defineRaces, feed } from './feed.js';
import { httpClient } from './http.js';
import type { Target } from './target.js';

export interface SoakPoint {
  label: string;
  batches: number;
  heapUsed: number;
  rss: number;
}

export interface SoakOptions {
  total: number;
  steps: number;
  /** Batches per `POST /api/results` request. */
  chunk: number;
  maxMs: number;
}

/**
 * Posts `total` batches to the same five races through `POST /api/results` (bulk, so the soak measures the
 * store rather than HTTP overhead) in `steps` equal parts, reading the server's heap after a full GC after
 * each part: a server that keeps one record per race stays flat however many batches arrive.
 */
export async function runSoak(target: Target, o: SoakOptions): Promise<{ points: SoakPoint[]; applied: number; other: number; seconds: number }> {
  const http = httpClient(target.base, undefined, 1);
  const ids = Array.from({ length: 5 }, (_, i) => `soak-${i}`);
  await defineRaces(http, ids);
  const feeds = ids.map(() => feed());
  const points: SoakPoint[] = [];
  const started = performance.now();
  const deadline = started + o.maxMs;
  const perStep = Math.ceil(o.total / o.steps);
  let sent = 0;
  let applied = 0;
  let other = 0;
  for (let step = 1; step <= o.steps && performance.now() < deadline; step++) {
    for (let inStep = 0; inStep < perStep && performance.now() < deadline; inStep += o.chunk) {
      const updates = Array.from({ length: Math.min(o.chunk, perStep - inStep) }, (_, k) => {
        const r = (sent + k) % ids.length;
        return { raceId: ids[r]!, ...feeds[r]!() };
      });
      const res = await http.call<{ results: { status: string }[] }>('POST', '/api/results', { updates });
      if (res.status !== 200) throw new Error(`POST /api/results: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      for (const r of res.body.results) r.status === 'applied' ? applied++ : other++;
      sent += updates.length;
    }
    const m = await target.memory();
    const cut = sent < step * perStep ? ' (time limit)' : '';
    points.push({ label: `soak ${step}/${o.steps}${cut}`, batches: sent, heapUsed: m.heapUsed, rss: m.rss });
  }
  http.close();
  return { points, applied, other, seconds: (performance.now() - started) / 1_000 };
}
