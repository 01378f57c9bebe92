import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME } from '../../shared/index.js';
import { solidPng } from '../helpers/assets.js';
import { FUZZ_TIMEOUT_MS, fuzzParams } from './config.js';
import { expectContractAnswer, fuzzStores, segment, useFuzzServer, type FuzzServer } from './harness.js';
import { NASTY_STRINGS } from './json.js';
import { bodies } from './mutate.js';
import { token, viaQuery } from './tokens.js';

const hex = fc.constantFrom('#0a1d3f', '#ffffff', '#ffd400', '#e0191f', '#3a0d2e', '#000000', '#1F5FD1', '#777777');
const validTheme = fc.record(
  {
    colors: fc.record({ panel: hex, text: hex, accent: hex, alert: hex }),
    parties: fc.dictionary(fc.constantFrom('DEM', 'REP', 'LIB', 'gop', 'x y'), hex, { maxKeys: 3 }),
    logo: fc.constantFrom('logo.png', 'missing.png', 'font.woff2'),
    font: fc.constantFrom('font.woff2', 'logo.png'),
    headshots: fc.dictionary(fc.constantFrom('biden', 'trump', 'Bad Id'), fc.constantFrom('logo.png', 'nope.jpg'), { maxKeys: 2 }),
  },
  { requiredKeys: ['colors'] },
);
const THEME_FIELDS = ['colors', 'parties', 'font', 'logo', 'headshots'];
const PNG = solidPng('#12ab34', 4, 4);
const WOFF2_HEAD = Buffer.concat([Buffer.from('wOF2'), Buffer.from([0, 1, 0, 0]), Buffer.alloc(40, 3)]);

/** Bytes an upload may carry: real images, a font's head, their headers over noise, or noise. */
const assetBytes = fc.oneof(
  fc.constant(PNG),
  fc.constant(WOFF2_HEAD),
  fc.uint8Array({ maxLength: 256 }).map((b) => Buffer.concat([PNG.subarray(0, 8), Buffer.from(b)])),
  fc.uint8Array({ maxLength: 256 }).map((b) => Buffer.from(b)),
  fc.constantFrom(...NASTY_STRINGS).map((s) => Buffer.from(s)),
);
const assetName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('logo.png', 'a.webp', 'font.woff2', 'x', 'UPPER.JPG') },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
);

/** What a client can read of the theme and the assets. */
async function themeState(fz: FuzzServer) {
  const [theme, assets] = await Promise.all([fz.lw.api('GET', '/api/theme', { token: null }), fz.lw.api('GET', '/api/assets', { token: null })]);
  expect(theme.status).toBe(200);
  return { theme: theme.body, assets: assets.body };
}

describe.each(fuzzStores())('fuzzing the theme and assets over HTTP ($name store)', (kind) => {
  const fz = useFuzzServer(kind);

  it('PUT /api/theme: never a 5xx, every 4xx names its field, a refusal changes nothing', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    // Assets a theme may name: a logo and a font exist; "missing.png" and "nope.jpg" never do.
    expect((await fz.send({ method: 'PUT', path: '/api/assets/logo.png', token: 'producer', raw: PNG, headers: { 'content-type': 'image/png' } })).status).toBe(201);
    expect((await fz.send({ method: 'PUT', path: '/api/assets/font.woff2', token: 'producer', raw: WOFF2_HEAD })).status).toBe(201);
    await fc.assert(
      fc.asyncProperty(bodies(validTheme), token, viaQuery, async (body, t, q) => {
        const before = await themeState(fz);
        const res = await fz.send({ method: 'PUT', path: '/api/theme', body, token: t, viaQuery: q });
        expectContractAnswer({ method: 'PUT', path: '/api/theme', token: t, body }, res, 'producer', THEME_FIELDS);
        const after = await themeState(fz);
        if (res.status >= 400) expect(after, 'a refused theme changes nothing').toEqual(before);
        else {
          expect(after.theme).toEqual(res.body);
          // Back to the starting look, so every run starts from the same one.
          expect((await fz.lw.api('PUT', '/api/theme', { body: DEFAULT_THEME })).status).toBe(200);
        }
      }),
      fuzzParams(),
    );
  });

  it('PUT /api/assets/:name: never a 5xx, kept byte for byte when accepted, nothing stored when refused', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(assetName, assetBytes, token, viaQuery, async (name, bytes, t, q) => {
        const path = `/api/assets/${segment(name)}`;
        const before = await themeState(fz);
        const req = { method: 'PUT', path, token: t, viaQuery: q, raw: new Uint8Array(bytes), headers: { 'content-type': 'application/octet-stream' } };
        const res = await fz.send(req);
        expectContractAnswer(req, res, 'producer', ['name', 'body']);
        const after = await themeState(fz);
        if (res.status >= 400) {
          expect(after, 'a refused upload stores nothing').toEqual(before);
          return;
        }
        expect(['image/png', 'image/jpeg', 'image/webp', 'font/woff2']).toContain(res.body.contentType);
        expect(res.body.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
        const back = await fetch(`${fz.lw.base}/assets/${segment(name)}`);
        expect(back.status).toBe(200);
        expect(Buffer.compare(Buffer.from(await back.arrayBuffer()), bytes)).toBe(0);
      }),
      fuzzParams(),
    );
  });

  it('GET /assets/:name with any name: 200, 400 or 404, never a 5xx', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(assetName, async (name) => {
        const res = await fetch(`${fz.lw.base}/assets/${segment(name)}`);
        // 400: a name that is not valid percent-encoding in the URL.
        expect([200, 400, 404]).toContain(res.status);
      }),
      fuzzParams(),
    );
  });
});
