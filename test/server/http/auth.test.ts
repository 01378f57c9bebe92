import { describe, expect, it } from 'vitest';
import { INGEST, PRODUCER, type LeadWire } from '../../helpers/server.js';
import { storeKinds } from '../../helpers/stores.js';
import { ARIZONA, AZ, GA, OVERSIZE, allRejectedWithoutChange, georgiaFlipped, snapshot, useLeadWire } from './setup.js';

interface Endpoint {
  name: string;
  method: string;
  path: (alertId: string) => string;
  body?: unknown;
  /** The least role that may call it. */
  role: 'ingest' | 'producer';
}

const GA_LT = { type: 'race', raceId: GA };
const at = (asOf: string) => ({ asOf, votes: { biden: 2_449_400, trump: 2_448_500, other: 61_010 } });

/**
 * Every protected endpoint, each with a body a caller of the right role would have applied. In this order,
 * each one changes something stored even after all those before it were applied.
 */
const ENDPOINTS: Endpoint[] = [
  { name: 'PUT /api/races/:raceId', method: 'PUT', path: () => `/api/races/${AZ}`, body: ARIZONA, role: 'ingest' },
  { name: 'POST /api/races/:raceId/results', method: 'POST', path: () => `/api/races/${GA}/results`, body: at('2020-11-06T11:00:00Z'), role: 'ingest' },
  { name: 'POST /api/results', method: 'POST', path: () => '/api/results', body: { updates: [{ raceId: GA, ...at('2020-11-06T12:00:00Z') }] }, role: 'ingest' },
  { name: 'POST /api/graphics/cue', method: 'POST', path: () => '/api/graphics/cue', body: { layer: 'lowerThird', graphic: GA_LT }, role: 'producer' },
  { name: 'POST /api/graphics/take', method: 'POST', path: () => '/api/graphics/take', body: { layer: 'lowerThird' }, role: 'producer' },
  { name: 'POST /api/graphics/clear', method: 'POST', path: () => '/api/graphics/clear', body: { layer: 'lowerThird', channel: 'preview' }, role: 'producer' },
  { name: 'POST /api/graphics/air', method: 'POST', path: () => '/api/graphics/air', body: { layer: 'lowerThird', graphic: GA_LT }, role: 'producer' },
  { name: 'POST /api/alerts/:id/take', method: 'POST', path: (id) => `/api/alerts/${id}/take`, role: 'producer' },
  { name: 'POST /api/alerts/:id/dismiss', method: 'POST', path: (id) => `/api/alerts/${id}/dismiss`, role: 'producer' },
];
const PRODUCER_ONLY = ENDPOINTS.filter((e) => e.role === 'producer');

describe.each(storeKinds())('roles over HTTP ($name store)', (kind) => {
  const start = useLeadWire(kind);

  /** Georgia flipped (a pending alert) with Georgia cued on the lower third: every endpoint has something to change. */
  async function ready(): Promise<{ lw: LeadWire; alertId: string }> {
    const lw = await start();
    await georgiaFlipped(lw);
    expect((await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: GA_LT } })).status).toBe(200);
    const [alert] = (await lw.api('GET', '/api/alerts')).body;
    return { lw, alertId: alert.id };
  }

  /** Calls every endpoint of `endpoints` with `token` (header) or `key` (query); answers `[name, status, body]` rows. */
  async function refusals(endpoints: Endpoint[], auth: { token?: string | null; key?: string }) {
    const { lw, alertId } = await ready();
    const query = auth.key === undefined ? '' : `?key=${encodeURIComponent(auth.key)}`;
    const responses = await allRejectedWithoutChange(
      lw,
      endpoints.map((e) => () => lw.api(e.method, `${e.path(alertId)}${query}`, { body: e.body, token: auth.token ?? null })),
    );
    return responses.map((r, i) => [endpoints[i]!.name, r.status, r.body]);
  }
  const expected = (endpoints: Endpoint[], status: number, error: string) =>
    endpoints.map((e) => [e.name, status, { error, message: expect.any(String) }]);

  it('refuses every protected endpoint without a token with 401 unauthorized, and changes nothing', async () => {
    expect(await refusals(ENDPOINTS, { token: null })).toEqual(expected(ENDPOINTS, 401, 'unauthorized'));
  });

  // A token that matches no role is not a credential at all: 401, as for a missing one (403 is for a known
  // token whose role may not do this).
  it('refuses every protected endpoint with a token of no role with 401 unauthorized, and changes nothing', async () => {
    expect(await refusals(ENDPOINTS, { token: 'not-a-real-token' })).toEqual(expected(ENDPOINTS, 401, 'unauthorized'));
  });

  it('refuses every producer endpoint with the ingest token with 403 forbidden, and changes nothing', async () => {
    expect(await refusals(PRODUCER_ONLY, { token: 'ingest' })).toEqual(expected(PRODUCER_ONLY, 403, 'forbidden'));
  });

  it('refuses every producer endpoint with the ingest token in ?key= with 403 forbidden, and changes nothing', async () => {
    expect(await refusals(PRODUCER_ONLY, { key: INGEST })).toEqual(expected(PRODUCER_ONLY, 403, 'forbidden'));
  });

  it('accepts the token of the least allowed role in ?key= on every protected endpoint', async () => {
    const { lw, alertId } = await ready();
    const rows: [string, number, boolean][] = [];
    let before = JSON.stringify(await snapshot(lw));
    for (const e of ENDPOINTS) {
      const key = e.role === 'ingest' ? INGEST : PRODUCER;
      const res = await lw.api(e.method, `${e.path(alertId)}?key=${encodeURIComponent(key)}`, { body: e.body, token: null });
      const after = JSON.stringify(await snapshot(lw));
      rows.push([e.name, res.status, after !== before]);
      before = after;
    }
    expect(rows).toEqual(ENDPOINTS.map((e) => [e.name, e.name.startsWith('PUT') ? 201 : 200, true]));
  });

  // The token is checked before the body is read: someone without one learns nothing from how a body fails.
  it.each([
    { what: 'malformed JSON', raw: '{"title": "President",' },
    { what: 'a body over 1 MB', raw: OVERSIZE },
    { what: 'JSON that is not an object', raw: '[1, 2, 3]' },
  ])('refuses $what without a valid token with 401 (the wrong role: 403) on every protected endpoint, and changes nothing', async ({ raw }) => {
    const { lw, alertId } = await ready();
    const send = (endpoints: Endpoint[], token: string | null) => endpoints.map((e) => () => lw.api(e.method, e.path(alertId), { raw, token }));
    const responses = await allRejectedWithoutChange(lw, [...send(ENDPOINTS, null), ...send(ENDPOINTS, 'not-a-real-token'), ...send(PRODUCER_ONLY, 'ingest')]);
    expect(responses.map((r) => [r.status, r.body])).toEqual([
      ...expected(ENDPOINTS, 401, 'unauthorized'),
      ...expected(ENDPOINTS, 401, 'unauthorized'),
      ...expected(PRODUCER_ONLY, 403, 'forbidden'),
    ].map(([, status, body]) => [status, body]));
  });

  it('still reads the body of a caller with a valid token: malformed JSON is 400 invalid_json, too large 413', async () => {
    const { lw } = await ready();
    const answers = await allRejectedWithoutChange(lw, [
      () => lw.api('POST', '/api/graphics/cue', { raw: '{"layer":', token: 'producer' }),
      () => lw.api('POST', '/api/results', { raw: OVERSIZE, token: 'ingest' }),
    ]);
    expect(answers.map((r) => [r.status, r.body.error])).toEqual([
      [400, 'invalid_json'],
      [413, 'too_large'],
    ]);
  });

  it('lets the producer token call the ingest endpoints', async () => {
    const { lw, alertId } = await ready();
    const statuses = [];
    for (const e of ENDPOINTS.filter((x) => x.role === 'ingest')) {
      statuses.push((await lw.api(e.method, e.path(alertId), { body: e.body, token: 'producer' })).status);
    }
    expect(statuses).toEqual([201, 200, 200]);
    expect((await lw.api('GET', `/api/races/${GA}`)).body.revision).toBe(5);
  });

  it('answers every public GET without a token', async () => {
    const { lw } = await ready();
    const paths = [
      '/api/races',
      `/api/races/${GA}`,
      `/api/races/${GA}/lead-changes`,
      '/api/graphics',
      '/api/alerts',
      '/api/alerts?status=pending',
      '/healthz',
      '/metrics',
    ];
    const statuses = [];
    for (const p of paths) statuses.push([p, (await lw.api('GET', p, { token: null })).status]);
    expect(statuses).toEqual(paths.map((p) => [p, 200]));
  });
});
