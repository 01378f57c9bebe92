import { describe, expect, it } from 'vitest';
import { GEORGIA } from '../helpers/fixtures.js';
import { GA } from '../server/http/setup.js';
import { fuzzStores, useFuzzServer } from './harness.js';

/**
 * The fuzzer's counterexamples, kept as plain cases. Bugs found outside the files it may fix are `it.fails`: each
 * starts failing (so this file goes red) the day the bug is fixed; then turn it into a plain `it` and drop its
 * `fc.pre` exclusion in the property.
 */
describe.each(fuzzStores())('bugs found by fuzzing ($name store)', (kind) => {
  const fz = useFuzzServer(kind);

  it('a /control event with no payload, or with an extra argument, still gets its ack (the ack is the last argument)', async () => {
    const c = fz.lw.control();
    try {
      await new Promise<void>((resolve, reject) => {
        c.once('snapshot', () => resolve());
        c.once('connect_error', reject);
      });
      const emit = c.emit as unknown as (...a: unknown[]) => void;
      const ack = <T>(...args: unknown[]) => new Promise<T>((resolve) => emit.call(c, 'take', ...args, (r: T) => resolve(r)));
      expect(await ack<{ ok: boolean; error: { code: string } }>()).toMatchObject({ ok: false, error: { code: 'invalid' } });
      expect(await ack<{ ok: boolean; error: { code: string } }>({ layer: 'nope' }, 'extra')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    } finally {
      c.disconnect();
    }
  });

  it('a URL parameter that is not valid percent-encoding is a 400 invalid, not a 500', async () => {
    for (const method of ['GET', 'PUT']) {
      const res = await fz.run({ method, path: '/api/races/%ED%A0%80', token: 'producer', body: method === 'PUT' ? {} : undefined }, method === 'GET' ? 'public' : 'ingest');
      expect([res.status, res.body.error]).toEqual([400, 'invalid']);
    }
  });

  // Express 5 decodes a route's URL parameters while matching it: the token check has to come first (auth.ts guardedRoutes).
  it('an undecodable URL parameter on a protected route is 401 with no token and 403 with the wrong role; only a caller allowed hears the 400', async () => {
    const bad = '%ED%A0%80';
    const routes: [method: string, path: string, role: 'producer' | 'ingest'][] = [
      ['PUT', `/api/races/${bad}`, 'ingest'],
      ['POST', `/api/races/${bad}/results`, 'ingest'],
      ['POST', `/api/races/${bad}/reset`, 'producer'],
      ['POST', `/api/races/${bad}/call`, 'producer'],
      ['DELETE', `/api/races/${bad}/call`, 'producer'],
      ['POST', `/api/calls/${bad}/accept`, 'producer'],
      ['POST', `/api/alerts/${bad}/take`, 'producer'],
      ['POST', `/api/feeds/a${bad}/pause`, 'producer'],
      ['PUT', `/api/assets/${bad}`, 'producer'],
      ['POST', `/api/rundowns/${bad}/start`, 'producer'],
    ];
    for (const [method, path, role] of routes) {
      const answers = [];
      for (const token of ['none', 'garbage', role === 'producer' ? 'ingest' : null, role] as const) {
        if (token !== null) answers.push((await fz.send({ method, path, token, raw: '{}', headers: { 'content-type': 'application/json' } })).status);
      }
      expect([method, path, answers], 'no token, an unknown one, the wrong role, the right one').toEqual([method, path, role === 'producer' ? [401, 401, 403, 400] : [401, 401, 400]]);
    }
  });

  it('a gzip body that does not inflate is a 400 invalid_json, not a 500', async () => {
    const res = await fz.run({ method: 'POST', path: '/api/graphics/take', token: 'producer', raw: 'not gzip', headers: { 'content-encoding': 'gzip' } }, 'producer');
    expect([res.status, res.body.error]).toEqual([400, 'invalid_json']);
  });

  it('redefining a counted race with a candidate named "constructor" gives them 0 votes (it froze Object and broke the race)', async () => {
    const candidates = [...GEORGIA.candidates, { id: 'constructor', name: 'Candidate Constructor' }];
    const res = await fz.run({ method: 'PUT', path: `/api/races/${GA}`, token: 'ingest', body: { ...GEORGIA, candidates } }, 'ingest');
    expect(res.status).toBe(200);
    expect(res.body.candidates.at(-1)).toMatchObject({ id: 'constructor', votes: 0 });
    expect(Object.isFrozen(Object)).toBe(false);
  });

  it('GET /api/calls?key=<token> reads the calls (the token in the query is not a filter)', async () => {
    const res = await fz.run({ method: 'GET', path: '/api/calls', token: 'producer', viaQuery: true }, 'public', { readOnly: true });
    expect(res.status).toBe(200);
  });

  // server/services/results.ts `raceIdOf` ran String(raw.raceId) on an invalid bulk item: an object whose own
  // `toString` is not a function, or an array nested deeper than the stack, threw there and the bulk answered 500.
  it('a bulk item whose raceId is { "toString": 1 } is answered invalid, not 500', async () => {
    const res = await fz.send({ method: 'POST', path: '/api/results', token: 'ingest', raw: '{"updates":[{"raceId":{"toString":1}}]}' });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([expect.objectContaining({ status: 'invalid' })]);
  });

  it('a bulk item whose raceId is an array nested 100,000 deep is answered invalid, not 500', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const res = await fz.send({ method: 'POST', path: '/api/results', token: 'ingest', raw: `{"updates":[{"raceId":${deep}}]}` });
    expect(res.status).toBe(200);
  });
});
