import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME, type ThemeState } from '../../shared/index.js';
import { JPEG_HEAD, putAsset, realWoff2, solidPng } from '../helpers/assets.js';
import { INGEST, next, startLeadWire, type LeadWire } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';
import { useLeadWire } from './http/setup.js';

const COLORS = { panel: '#3a0d2e', text: '#ffffff', accent: '#ffd400', alert: '#b3001b' };
const STATION = { colors: COLORS, parties: { DEM: '#1f5fd1', REP: '#c21f1f', LIB: '#7a5a00' } };

const stored = async (lw: LeadWire) => ({
  theme: (await lw.api('GET', '/api/theme', { token: null })).body,
  assets: (await lw.api('GET', '/api/assets', { token: null })).body,
  events: ((await lw.api('GET', '/api/events?type=theme')).body as { events: unknown[] }).events.length,
});

describe.each(storeKinds())('theme and assets over HTTP ($name store)', (kind) => {
  const start = useLeadWire(kind);

  it('answers today’s look to anyone until a producer stores a theme, then the stored theme', async () => {
    const lw = await start();
    expect(await lw.api('GET', '/api/theme', { token: null })).toEqual({ status: 200, body: DEFAULT_THEME });
    const put = await lw.api('PUT', '/api/theme', { body: { ...STATION, colors: { ...COLORS, panel: '#3A0D2E' } } });
    expect(put).toEqual({ status: 200, body: STATION });
    expect((await lw.api('GET', '/api/theme', { token: null })).body).toEqual(STATION);
    const events = (await lw.api('GET', '/api/events?type=theme')).body.events;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'theme', actor: { role: 'producer', name: 'producer' }, data: { action: 'set', colors: COLORS } });
    // The same theme again changes nothing and logs nothing.
    expect((await lw.api('PUT', '/api/theme', { body: STATION })).status).toBe(200);
    expect((await lw.api('GET', '/api/events?type=theme')).body.events).toHaveLength(1);
  });

  it.each([
    { does: 'no token', token: null, status: 401 },
    { does: 'the ingest token', token: INGEST, status: 403 },
    { does: 'a wrong token', token: 'nope', status: 401 },
  ])('refuses a theme or an upload with $does ($status) and stores nothing', async ({ token, status }) => {
    const lw = await start();
    const before = await stored(lw);
    expect((await lw.api('PUT', '/api/theme', { body: STATION, token })).status).toBe(status);
    expect((await putAsset(lw.base, 'logo.png', solidPng('#ff0000'), { token })).status).toBe(status);
    expect(await stored(lw)).toEqual(before);
  });

  it.each([
    { does: 'a colour that is not #rrggbb', body: { ...STATION, colors: { ...COLORS, accent: 'gold' } }, path: 'colors.accent' },
    { does: 'text too faint on the panel', body: { ...STATION, colors: { ...COLORS, text: '#5a3050' } }, path: 'colors.text' },
    { does: 'white text on a yellow party', body: { ...STATION, parties: { LIB: '#fed105' } }, path: 'parties.LIB' },
    { does: 'a logo never uploaded', body: { ...STATION, logo: 'logo.png' }, path: 'logo' },
    { does: 'a headshot never uploaded', body: { ...STATION, headshots: { biden: 'biden.png' } }, path: 'headshots.biden' },
    { does: 'an unknown field', body: { ...STATION, background: '#000000' }, path: 'background' },
  ])('refuses $does with a 400 naming $path, and changes nothing', async ({ body, path }) => {
    const lw = await start();
    const before = await stored(lw);
    const res = await lw.api('PUT', '/api/theme', { body });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid');
    expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(await stored(lw)).toEqual(before);
  });

  it('stores an uploaded PNG exactly and serves it with its type, an ETag of its SHA-256 and a revalidating cache', async () => {
    const lw = await start();
    const png = solidPng('#12ab34');
    const up = await putAsset(lw.base, 'logo.png', png, { contentType: 'text/plain' });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ name: 'logo.png', contentType: 'image/png', size: png.length });
    const res = await fetch(`${lw.base}/assets/logo.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const etag = res.headers.get('etag');
    expect(etag).toBe(`"${up.body.sha256}"`);
    expect(res.headers.get('cache-control')).toMatch(/must-revalidate/);
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), png)).toBe(0);
    expect((await fetch(`${lw.base}/assets/logo.png`, { headers: { 'if-none-match': etag! } })).status).toBe(304);
    const events = (await lw.api('GET', '/api/events?type=theme')).body.events;
    expect(events).toMatchObject([{ type: 'theme', data: { action: 'asset', asset: 'logo.png', contentType: 'image/png' } }]);
  });

  it('judges an upload by its bytes: a PNG named .webp is a PNG, a WOFF2 is a font, a JPEG a JPEG', async () => {
    const lw = await start();
    expect((await putAsset(lw.base, 'photo.webp', solidPng('#000000'), { contentType: 'image/webp' })).body.contentType).toBe('image/png');
    expect((await fetch(`${lw.base}/assets/photo.webp`)).headers.get('content-type')).toBe('image/png');
    expect((await putAsset(lw.base, 'station.woff2', realWoff2())).body.contentType).toBe('font/woff2');
    expect((await putAsset(lw.base, 'anchor.jpg', JPEG_HEAD)).body.contentType).toBe('image/jpeg');
    // Whatever the client calls it, even JSON: the bytes decide.
    expect((await putAsset(lw.base, 'said-json.png', solidPng('#ffffff'), { contentType: 'application/json' })).body.contentType).toBe('image/png');
  });

  it.each([
    { does: 'text named .png', name: 'biden.png', bytes: Buffer.from('definitely not a picture\n'.repeat(20)) },
    { does: 'a GIF (an image, but not one of the four kinds)', name: 'logo.gif', bytes: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1') },
    { does: 'a PDF named .jpg', name: 'anchor.jpg', bytes: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n', 'latin1') },
  ])('refuses $does with a 4xx naming the asset, and stores nothing', async ({ name, bytes }) => {
    const lw = await start();
    const res = await putAsset(lw.base, name, bytes, { contentType: 'image/png' });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ error: 'invalid', asset: name });
    expect(String(res.body.message)).toContain(`"${name}"`);
    expect((await fetch(`${lw.base}/assets/${name}`)).status).toBe(404);
    expect((await stored(lw)).assets).toEqual([]);
  });

  it('refuses a 6 MB upload with 413 naming the 5 MB limit, and stores nothing', async () => {
    const lw = await start();
    const big = Buffer.concat([solidPng('#ffffff'), Buffer.alloc(6 * 1024 * 1024)]);
    const res = await putAsset(lw.base, 'huge.png', big);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: 'too_large', asset: 'huge.png' });
    expect(String(res.body.message)).toMatch(/5 MB/);
    expect((await stored(lw)).assets).toEqual([]);
    // Just under the limit is fine.
    const fits = Buffer.concat([solidPng('#ffffff'), Buffer.alloc(5 * 1024 * 1024 - 1024)]);
    expect((await putAsset(lw.base, 'fits.png', fits)).status).toBe(201);
  });

  it('answers 404 for an asset never uploaded and 400 for a name that cannot be one', async () => {
    const lw = await start();
    const res = await fetch(`${lw.base}/assets/nobody.png`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
    const bad = await putAsset(lw.base, 'a b.png', solidPng('#000000'));
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toMatchObject([{ path: 'name' }]);
    expect(bad.body.issues).toBeDefined();
    const empty = await putAsset(lw.base, 'empty.png', Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(empty.body.issues).toMatchObject([{ path: 'body' }]);
  });

  it('accepts a theme naming uploaded assets of the right kinds, and refuses a font where a logo goes', async () => {
    const lw = await start();
    await putAsset(lw.base, 'logo.png', solidPng('#ffffff'));
    await putAsset(lw.base, 'biden.png', solidPng('#1f5fd1'));
    await putAsset(lw.base, 'station.woff2', realWoff2());
    const theme = { ...STATION, logo: 'logo.png', font: 'station.woff2', headshots: { biden: 'biden.png' } };
    expect(await lw.api('PUT', '/api/theme', { body: theme })).toEqual({ status: 200, body: theme });
    const wrong = await lw.api('PUT', '/api/theme', { body: { ...theme, logo: 'station.woff2', font: 'logo.png' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['font', 'logo']);
    expect((await lw.api('GET', '/api/theme', { token: null })).body).toEqual(theme);
  });

  it('keeps the theme and its assets in the store: another server over it answers and pushes them', async () => {
    const lw = await start();
    const up = await putAsset(lw.base, 'logo.png', solidPng('#ffffff'));
    await lw.api('PUT', '/api/theme', { body: { ...STATION, logo: 'logo.png' } });
    const other = await startLeadWire({ store: lw.store });
    try {
      expect((await other.api('GET', '/api/theme', { token: null })).body).toEqual({ ...STATION, logo: 'logo.png' });
      const served = await fetch(`${other.base}/assets/logo.png`);
      expect(served.headers.get('etag')).toBe(`"${up.body.sha256}"`);
      expect(await next<ThemeState>(other.overlay('program'), 'theme')).toMatchObject({ revision: 1, theme: { logo: 'logo.png' } });
    } finally {
      await other.close();
    }
  });

  it('pushes the theme to overlays and control panels on connect and on every change, with asset versions', async () => {
    const lw = await start();
    const overlay = lw.overlay('program');
    const control = lw.control();
    const [first, firstControl] = await Promise.all([next<ThemeState>(overlay, 'theme'), next<ThemeState>(control, 'theme')]);
    expect(first).toEqual({ theme: DEFAULT_THEME, revision: 0, assets: {} });
    expect(firstControl).toEqual(first);
    const up = await putAsset(lw.base, 'logo.png', solidPng('#ffffff'));
    const pushed = next<ThemeState>(overlay, 'theme');
    const pushedControl = next<ThemeState>(control, 'theme');
    await lw.api('PUT', '/api/theme', { body: { ...STATION, logo: 'logo.png' } });
    const want = { theme: { ...STATION, logo: 'logo.png' }, revision: 1, assets: { 'logo.png': { contentType: 'image/png', sha256: up.body.sha256 } } };
    expect(await pushed).toEqual(want);
    expect(await pushedControl).toEqual(want);
    // A new logo under the same name: the same theme, a new version to load.
    const again = next<ThemeState>(overlay, 'theme');
    const up2 = await putAsset(lw.base, 'logo.png', solidPng('#000000'));
    expect((await again).assets['logo.png']?.sha256).toBe(up2.body.sha256);
    // A page that connects later gets the stored look at once.
    expect(await next<ThemeState>(lw.overlay('preview'), 'theme')).toMatchObject({ theme: { logo: 'logo.png' }, revision: 1 });
  });
});
