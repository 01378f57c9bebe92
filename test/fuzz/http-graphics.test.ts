import fc from 'fast-check';
import { describe, it } from 'vitest';
import { CallInput } from '../../shared/index.js';
import { FUZZ_TIMEOUT_MS, fuzzParams } from './config.js';
import { fuzzStores, SEEDED, segment, useFuzzServer } from './harness.js';
import { NASTY_STRINGS } from './json.js';
import { bodies } from './mutate.js';
import { token, viaQuery } from './tokens.js';
import { alertRef, anyRaceId, callBody, clearBody, layerGraphic, takeBody } from './valid.js';

/** Fields of the graphics commands, for naming issues (`layer`, `graphic.raceId`, `channel`). */
const GRAPHICS_FIELDS = ['layer', 'graphic', 'channel'];
/** Ids in URLs: the seeded ones, near misses and hostile strings. */
const anyId = (...known: string[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS) });

describe.each(fuzzStores())('fuzzing graphics, alerts, calls and feeds over HTTP ($name store)', (kind) => {
  const fz = useFuzzServer(kind);

  it('POST /api/graphics/cue · take · clear · air: never a 5xx, refusals change nothing, every 4xx names its field', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const command = fc.oneof(
      bodies(layerGraphic).map((body) => ({ action: 'cue', body })),
      bodies(layerGraphic).map((body) => ({ action: 'air', body })),
      bodies(takeBody).map((body) => ({ action: 'take', body })),
      bodies(clearBody).map((body) => ({ action: 'clear', body })),
    );
    await fc.assert(
      fc.asyncProperty(command, token, viaQuery, async ({ action, body }, t, q) => {
        await fz.run({ method: 'POST', path: `/api/graphics/${action}`, body, token: t, viaQuery: q }, 'producer', { fields: GRAPHICS_FIELDS });
      }),
      fuzzParams(2),
    );
  });

  it('alerts: GET with any query, take and dismiss by any id: never a 5xx, refusals change nothing', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const request = fc.oneof(
      fc.tuple(anyId(SEEDED.alert, 'nope', SEEDED.leadChange), fc.constantFrom('take', 'dismiss'), bodies(alertRef)).map(([id, action, body]) => ({
        method: 'POST',
        path: `/api/alerts/${id === SEEDED.alert ? id : segment(id)}/${action}`,
        body,
        role: 'producer' as const,
      })),
      fc.oneof(fc.constantFrom('pending', 'aired', 'dismissed'), fc.constantFrom(...NASTY_STRINGS)).chain((status) =>
        fc.constantFrom(`?status=${segment(status)}`, `?status=${segment(status)}&status=aired`, `?other=${segment(status)}`, '').map((query) => ({
          method: 'GET',
          path: `/api/alerts${query}`,
          body: undefined,
          role: 'public' as const,
        })),
      ),
    );
    await fc.assert(
      fc.asyncProperty(request, token, viaQuery, async ({ method, path, body, role }, t, q) => {
        await fz.run({ method, path, body, token: t, viaQuery: q }, role, { fields: ['status', 'other'], readOnly: method === 'GET' });
      }),
      fuzzParams(),
    );
  });

  it('calls: desk call and withdrawal, accept and reject, GET /api/calls with any query: never a 5xx, refusals change nothing', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    // No '..': fetch would resolve `/api/calls/../accept` to `/api/calls/accept` before sending (see `segment`).
    const proposalId = anyId(`${SEEDED.races[0]}.ap.winner.biden`, `${SEEDED.races[0]}.ap.runoff.trump`, 'nope.ap.winner.x', '..x');
    const request = fc.oneof(
      fc.tuple(anyRaceId, bodies(callBody)).map(([id, body]) => ({ method: 'POST', path: `/api/races/${segment(id)}/call`, body, role: 'producer' as const })),
      anyRaceId.map((id) => ({ method: 'DELETE', path: `/api/races/${segment(id)}/call`, body: undefined, role: 'producer' as const })),
      fc.tuple(proposalId, fc.constantFrom('accept', 'reject')).map(([id, action]) => ({
        method: 'POST',
        path: `/api/calls/${segment(id)}/${action}`,
        body: undefined,
        role: 'producer' as const,
      })),
      fc.tuple(fc.constantFrom('status', 'raceId', 'other'), fc.oneof(fc.constantFrom('proposed', 'accepted', SEEDED.races[0]), fc.constantFrom(...NASTY_STRINGS))).map(([k, v]) => ({
        method: 'GET',
        path: `/api/calls?${k}=${segment(v)}`,
        body: undefined,
        role: 'public' as const,
      })),
    );
    await fc.assert(
      fc.asyncProperty(request, token, viaQuery, async ({ method, path, body, role }, t, q) => {
        await fz.run({ method, path, body, token: t, viaQuery: q }, role, { fields: [...Object.keys(CallInput.shape), 'status', 'other'], readOnly: method === 'GET' });
      }),
      fuzzParams(1.5),
    );
  });

  it('feeds: GET, pause, resume and poll by any id, with any body: never a 5xx, refusals change nothing', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const request = fc.tuple(anyId(SEEDED.feed, 'ap'), fc.constantFrom('pause', 'resume', 'poll', ''), bodies(fc.constant({}))).map(([id, action, body]) =>
      action === ''
        ? { method: 'GET', path: `/api/feeds/${segment(id)}`, body: undefined, role: 'public' as const }
        : { method: 'POST', path: `/api/feeds/${segment(id)}/${action}`, body, role: 'producer' as const },
    );
    await fc.assert(
      fc.asyncProperty(request, token, viaQuery, async ({ method, path, body, role }, t, q) => {
        await fz.run({ method, path, body, token: t, viaQuery: q }, role, { readOnly: method === 'GET' });
      }),
      fuzzParams(),
    );
  });
});
