import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RaceDefinitionInput, ResultBatch } from '../../shared/index.js';
import { GA_FLIP, GEORGIA } from '../helpers/fixtures.js';
import { AZ, GA } from '../server/http/setup.js';
import { FUZZ_TIMEOUT_MS, fuzzParams } from './config.js';
import { fuzzStores, SEEDED, useFuzzServer, type Role } from './harness.js';
import { adversarialJson, serialize } from './json.js';
import { token } from './tokens.js';

/** Every route that reads a body (and a few that ignore it), with the role it needs. */
const RACE = Object.keys(RaceDefinitionInput.shape);
const BATCH = Object.keys(ResultBatch.shape);
const ROUTES: [string, string, Role, string[]][] = [
  ['PUT', `/api/races/${GA}`, 'ingest', RACE],
  ['PUT', '/api/races/new-race-1', 'ingest', RACE],
  ['POST', `/api/races/${GA}/results`, 'ingest', BATCH],
  ['POST', `/api/races/${AZ}/results?dryRun=1`, 'ingest', BATCH],
  ['POST', '/api/results', 'ingest', ['updates']],
  ['POST', `/api/races/${GA}/reset`, 'producer', ['test']],
  ['POST', `/api/races/${GA}/call`, 'producer', ['winner']],
  ['POST', '/api/graphics/cue', 'producer', ['layer', 'graphic']],
  ['POST', '/api/graphics/take', 'producer', ['layer']],
  ['POST', '/api/graphics/clear', 'producer', ['layer', 'channel']],
  ['POST', '/api/graphics/air', 'producer', ['layer', 'graphic']],
  ['POST', `/api/alerts/${SEEDED.alert}/take`, 'producer', []],
  ['POST', `/api/feeds/${SEEDED.feed}/pause`, 'producer', []],
  ['GET', '/api/races', 'public', []],
];

const enc = new TextEncoder();
const valid = [GEORGIA, GA_FLIP, { updates: [{ raceId: GA, ...GA_FLIP }] }, { layer: 'lowerThird' }, { winner: 'biden' }];

/** Bodies that are not (quite) JSON, or not JSON at all, with the headers that claim they are something. */
const rawBody: fc.Arbitrary<{ raw: string | Uint8Array; headers?: Record<string, string> }> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '{',
    '{"layer": "lowerThird",',
    "{'layer': 'lowerThird'}",
    '{"layer": "lowerThird",}',
    '{"layer": NaN}',
    '{"layer": undefined}',
    '[1, 2, 3]',
    'null',
    '"a string"',
    '12',
    '\uFEFF{"layer": "lowerThird"}',
    '{"layer": "lowerThird", "layer": "ticker"}',
    '{"__proto__": {"polluted": true}, "layer": "lowerThird"}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '{"layer": "\\ud800"}',
    '{"asOf": "2020-11-06T09:50:07.414Z", "votes": {"biden": 1e400, "trump": -0, "other": 9007199254740993}}',
    '[' .repeat(400_000) + ']'.repeat(400_000),
  ).map((raw) => ({ raw })),
  // Over the 1 MB limit, valid JSON otherwise.
  fc.constantFrom(1_048_577, 1_100_000).map((n) => ({ raw: JSON.stringify({ ...GEORGIA, title: 'x'.repeat(n) }) })),
  // Bytes that are not UTF-8.
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((raw) => ({ raw })),
  // JSON under other content types and encodings.
  fc.tuple(fc.constantFrom(...valid), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/vnd.api+json', ''))
    .map(([body, type]) => ({ raw: JSON.stringify(body), headers: { 'content-type': type } })),
  fc.constantFrom(...valid).map((body) => ({ raw: new Uint8Array(gzipSync(JSON.stringify(body))), headers: { 'content-encoding': 'gzip' } })),
  fc.constantFrom('not gzip at all', '\u001f\u008b broken').map((raw) => ({ raw: enc.encode(raw), headers: { 'content-encoding': 'gzip' } })),
  fc.constantFrom('br', 'compress', 'identity, gzip', 'x-unknown').map((e) => ({ raw: '{"layer":"lowerThird"}', headers: { 'content-encoding': e } })),
  adversarialJson.map((v) => ({ raw: serialize(v) })),
);

describe.each(fuzzStores())('fuzzing raw request bodies on every route ($name store)', (kind) => {
  const fz = useFuzzServer(kind);

  it('a body that is not JSON or over the limit is 401 without a token and 403 with the wrong role; only a valid caller hears 400 / 413', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const bad = [{ raw: '{"layer": "lowerThird",' }, { raw: JSON.stringify({ layer: 'x'.repeat(1_100_000) }) }, { raw: '{}', headers: { 'content-type': 'application/json; charset=latin1' } }];
    const answers = [];
    for (const b of bad) {
      for (const t of ['none', 'garbage', 'ingest', 'producer'] as const) {
        const res = await fz.run({ method: 'POST', path: '/api/graphics/take', token: t, ...b }, 'producer', { fields: ['layer'] });
        answers.push(`${t} ${res.status} ${res.body.error}`);
      }
    }
    expect(answers).toEqual([
      ...['none 401 unauthorized', 'garbage 401 unauthorized', 'ingest 403 forbidden', 'producer 400 invalid_json'],
      ...['none 401 unauthorized', 'garbage 401 unauthorized', 'ingest 403 forbidden', 'producer 413 too_large'],
      ...['none 401 unauthorized', 'garbage 401 unauthorized', 'ingest 403 forbidden', 'producer 415 invalid'],
    ]);
  });

  it('a body that is not JSON, too large, compressed, in another charset or hostile: never a 5xx, refusals change nothing', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), rawBody, token, async ([method, path, role, fields], { raw, headers }, t) => {
        if (method === 'GET' && typeof raw !== 'string') return; // fetch sends no body with GET
        await fz.run({ method, path, raw: method === 'GET' ? undefined : raw, headers, token: t }, role, { fields, readOnly: path.includes('dryRun') });
      }),
      fuzzParams(1.5),
    );
  });
});
