import type { Logger } from '../logger.js';
import type { DemoRace } from './races.js';
import { demoNight } from './scenario.js';

/** Real time between demo steps: the night takes about six minutes, Georgia flips 30 s in. */
export const DEMO_STEP_MS = 3_000;

export interface DemoOptions {
  /** Base URL of the LeadWire server to feed, e.g. http://127.0.0.1:8088 */
  baseUrl: string;
  ingestToken: string;
  races: DemoRace[];
  logger: Logger;
  /** Real time between steps. @default DEMO_STEP_MS */
  stepMs?: number;
}

/**
 * Plays the demo night through the public ingest API, exactly as a feed would: PUT each race, then POST
 * one bulk request per step. Returns a stop function.
 */
export function startDemo(o: DemoOptions): () => void {
  const log = o.logger.child({ component: 'demo' });
  const headers = { authorization: `Bearer ${o.ingestToken}`, 'content-type': 'application/json' };
  const steps = demoNight(o.races);
  let step = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const send = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${o.baseUrl}${path}`, { method, headers, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };

  const tick = async () => {
    if (stopped) return;
    const updates = steps[step];
    if (!updates) {
      log.info('demo election night finished: every race has its final count');
      return;
    }
    try {
      if (updates.length > 0) {
        const { results } = (await send('POST', '/api/results', { updates })) as { results: { raceId: string; status: string; leadChange?: unknown }[] };
        for (const r of results) {
          if (r.leadChange) log.info({ raceId: r.raceId, leadChange: r.leadChange }, 'demo: lead change');
          else if (r.status !== 'applied') log.warn({ raceId: r.raceId, status: r.status }, 'demo batch not applied');
        }
      }
      step++;
    } catch (err) {
      log.warn({ err, step }, 'demo step failed; retrying');
    }
    timer = setTimeout(tick, o.stepMs ?? DEMO_STEP_MS);
  };

  void (async () => {
    try {
      for (const r of o.races) await send('PUT', `/api/races/${r.id}`, r.definition);
      log.info({ races: o.races.length, steps: steps.length }, 'demo election night started');
      await tick();
    } catch (err) {
      log.error({ err }, 'demo could not define its races');
    }
  })();

  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
