import { describe, expect, it } from 'vitest';
import { GA_BEFORE, GA_FLIP, eventually } from '../../helpers/server.js';
import { storeKinds } from '../../helpers/stores.js';
import { ARIZONA, AZ, GA, georgia, snapshot, useLeadWire } from './setup.js';

describe.each(storeKinds())('health and metrics over HTTP ($name store)', (kind) => {
  const start = useLeadWire(kind);

  it('reports the store as ok on /healthz without a token', async () => {
    const lw = await start();
    expect(await lw.api('GET', '/healthz', { token: null })).toEqual({ status: 200, body: { status: 'ok', store: kind.name, feeds: [] } });
  });

  it('counts batches by outcome and lead changes in Prometheus text on /metrics', async () => {
    const lw = await start();
    const empty = await lw.api('GET', '/metrics', { token: null });
    expect(empty.status).toBe(200);
    expect(empty.body).toContain('# TYPE leadwire_batches_total counter');
    await georgia(lw, GA_BEFORE, GA_FLIP);
    await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP });
    await lw.api('POST', `/api/races/${GA}/results`, { body: GA_BEFORE });
    const text = (await lw.api('GET', '/metrics', { token: null })).body as string;
    expect(text).toMatch(/^leadwire_batches_total\{outcome="applied"\} 2$/m);
    expect(text).toMatch(/^leadwire_batches_total\{outcome="duplicate"\} 1$/m);
    expect(text).toMatch(/^leadwire_batches_total\{outcome="stale"\} 1$/m);
    expect(text).toMatch(/^leadwire_lead_changes_total 1$/m);
  });

  it.runIf(kind.name === 'redis')(
    'answers 503 degraded on /healthz and 503 unavailable to writes at once while Redis is down, changing nothing',
    async () => {
      const redis = kind.redis()!;
      const lw = await start();
      await georgia(lw, GA_BEFORE);
      const before = await snapshot(lw);
      await redis.stop();
      try {
        const health = await lw.api('GET', '/healthz', { token: null });
        expect(health.status).toBe(503);
        expect(health.body).toMatchObject({ status: 'degraded', store: 'redis' });

        const writes: [string, string, unknown][] = [
          ['POST', `/api/races/${GA}/results`, GA_FLIP],
          ['POST', '/api/results', { updates: [{ raceId: GA, ...GA_FLIP }] }],
          ['PUT', `/api/races/${AZ}`, ARIZONA],
          ['POST', '/api/graphics/cue', { layer: 'lowerThird', graphic: { type: 'race', raceId: GA } }],
        ];
        for (const [method, path, body] of writes) {
          const t0 = Date.now();
          const res = await lw.api(method, path, { body });
          expect(Date.now() - t0, `${method} ${path} answered within a few seconds`).toBeLessThan(5_000);
          expect(res, `${method} ${path}`).toEqual({ status: 503, body: { error: 'unavailable', message: expect.any(String) } });
        }
      } finally {
        await redis.start();
      }
      await eventually(async () => ((await lw.api('GET', '/healthz')).status === 200 ? true : undefined), 15_000, 'Redis to be back');
      expect(await snapshot(lw)).toEqual(before);
      const after = await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP });
      expect(after.status).toBe(200);
      expect(after.body.race.revision).toBe(3);
    },
    40_000,
  );
});
