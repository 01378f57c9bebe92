import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { browserUnavailable, mirrorText, openOverlay, renderStats, screenshot } from '../helpers/browser.js';
import { idleFrames, startWithPages, useBrowser } from '../helpers/browser-suite.js';
import { putAsset, realWoff2, solidPng } from '../helpers/assets.js';
import { GA_FLIP, GEORGIA } from '../helpers/fixtures.js';
import type { Box } from '../helpers/pixels.js';
import type { LeadWire } from '../helpers/server.js';
import { numberToHex, paletteFor } from '../../overlay/onair/look/palette.js';
import { Theme } from '../../shared/index.js';

// Every wait is on something the page reports (its mirror, its data attributes, its frame counter); no sleeps.
const why = browserUnavailable();
/** Generous: these wait on conditions, so a loaded machine only makes them slower, never wrong. */
const WAIT_MS = 60_000;
const GA = 'ga-president-2020';
const AZ = 'az-president-2020';
const HALF = { width: 960, height: 540 };
const TODAY_PANEL = '#0a1d3f';
const PLUM = { panel: '#3a0d2e', text: '#ffffff', accent: '#ffd400', alert: '#b3001b' };
/** A strip of the board's panel below its footer (half-size window), where nothing else is drawn. */
const BOARD_PANEL: Box = { x0: 700, y0: 508, x1: 900, y1: 512 };
/** The right end of the board's header, where the logo bug stands. */
const HEADER_RIGHT: Box = { x0: 760, y0: 30, x1: 900, y1: 85 };
/** The right end of the ticker band (its line is drawn from the left). */
const TICKER_RIGHT: Box = { x0: 860, y0: 492, x1: 908, y1: 510 };
/** A still page draws nothing in this long. */
const QUIET_MS = 1_500;
/** The board's rows. */
const ROWS: Box = { x0: 60, y0: 100, x1: 700, y1: 420 };

/** Pixels (mostly opaque) within `tol` of `hex` on every channel, inside `box`. */
function countNear(png: Buffer, hex: string, box: Box, tol = 10): number {
  const img = PNG.sync.read(png);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let n = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const i = (y * img.width + x) * 4;
      const d = img.data;
      if (d[i + 3]! > 200 && Math.abs(d[i]! - r) <= tol && Math.abs(d[i + 1]! - g) <= tol && Math.abs(d[i + 2]! - b) <= tol) n++;
    }
  }
  return n;
}
const area = (b: Box) => (b.x1 - b.x0) * (b.y1 - b.y0);

describe.skipIf(why !== null)(`the station's look on air in Chromium${why ? ` (skipped: ${why})` : ''}`, () => {
  let lw: LeadWire;
  const browser = useBrowser(() => lw?.close());
  const poll = <T>(fn: () => Promise<T>, message?: string) => expect.poll(fn, { timeout: WAIT_MS, interval: 100, message });
  const dataset = (page: import('playwright-core').Page) => page.evaluate(() => ({ ...document.body.dataset }));

  async function onAir() {
    lw = await startWithPages();
    expect((await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA })).status).toBe(201);
    expect((await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP })).status).toBe(200);
    const page = await openOverlay(browser(), lw.base, { viewport: HALF, timeout: WAIT_MS });
    for (const [layer, graphic] of [
      ['fullscreen', { type: 'board', raceId: GA }],
      ['lowerThird', { type: 'race', raceId: GA }],
    ] as const) {
      expect((await lw.api('POST', '/api/graphics/air', { body: { layer, graphic } })).status).toBe(200);
      await poll(() => mirrorText(page, layer)).not.toBeNull();
    }
    await poll(async () => (await dataset(page)).themeRevision, 'the default theme arrives').toBe('0');
    await idleFrames(page, WAIT_MS);
    return page;
  }
  const putTheme = async (body: unknown) => expect((await lw.api('PUT', '/api/theme', { body })).status).toBe(200);

  it('restyles an open overlay live: the panel colour changes, nothing animates in again, the page idles', { timeout: 3 * WAIT_MS }, async () => {
    const page = await onAir();
    const mirror = { board: await mirrorText(page, 'fullscreen'), lt: await mirrorText(page, 'lowerThird') };
    const drawn = await page.evaluate(() => window.leadwire!.drawnText());
    const ins = await page.evaluate(() => ({ ...window.leadwire!.inAnimations }));
    const before = await screenshot(page);
    expect(countNear(before, TODAY_PANEL, BOARD_PANEL)).toBeGreaterThan(area(BOARD_PANEL) * 0.9);
    expect(countNear(before, PLUM.panel, BOARD_PANEL)).toBe(0);
    const framesBefore = (await renderStats(page)).frames;

    await putTheme({ colors: PLUM, parties: { DEM: '#1f5fd1', REP: '#c21f1f' } });
    await poll(async () => (await dataset(page)).themeRevision).toBe('1');
    expect((await dataset(page)).themePanel).toBe(PLUM.panel);
    const framesAfter = await idleFrames(page, WAIT_MS);
    expect(framesAfter).toBeGreaterThan(framesBefore);
    const after = await screenshot(page);
    expect(countNear(after, PLUM.panel, BOARD_PANEL)).toBeGreaterThan(area(BOARD_PANEL) * 0.9);
    expect(countNear(after, TODAY_PANEL, BOARD_PANEL)).toBe(0);
    // The same words and numbers, drawn at rest: no in-animation ran again.
    expect(await mirrorText(page, 'fullscreen')).toBe(mirror.board);
    expect(await mirrorText(page, 'lowerThird')).toBe(mirror.lt);
    expect(await page.evaluate(() => window.leadwire!.drawnText())).toEqual(drawn);
    expect(await page.evaluate(() => ({ ...window.leadwire!.inAnimations }))).toEqual(ins);
    // Render on demand: once restyled, a still page draws nothing.
    await page.waitForTimeout(QUIET_MS);
    expect((await renderStats(page)).frames).toBe(framesAfter);
    expect(page.errors).toEqual([]);
  });

  it('restyles key races, the ticker, the balance strip and the call banner live too, without animating them in again', { timeout: 3 * WAIT_MS }, async () => {
    lw = await startWithPages();
    expect((await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA })).status).toBe(201);
    expect((await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP })).status).toBe(200);
    expect((await lw.api('POST', `/api/races/${GA}/call`, { body: { winner: 'biden' } })).status).toBe(200);
    expect((await lw.api('PUT', `/api/races/${AZ}`, { body: { ...GEORGIA, jurisdiction: 'Arizona', electoralVotes: 11, recount: undefined } })).status).toBe(201);
    const page = await openOverlay(browser(), lw.base, { viewport: HALF, timeout: WAIT_MS });
    const layers = {
      fullscreen: { type: 'keyRaces', raceIds: [GA, AZ], title: 'Battlegrounds' },
      lowerThird: { type: 'balance', target: 270, raceIds: 'all', base: { DEM: 253, REP: 214 } },
      ticker: { type: 'ticker', raceIds: [GA, AZ] },
      alert: { type: 'call', raceId: GA },
    } as const;
    for (const [layer, graphic] of Object.entries(layers)) {
      expect((await lw.api('POST', '/api/graphics/air', { body: { layer, graphic } })).status).toBe(200);
      await poll(() => mirrorText(page, layer), `${layer} on air`).not.toBeNull();
    }
    // Held, the ticker stands on its line: a restyle must keep it there (and its mirror says so).
    expect((await lw.api('POST', '/api/graphics/ticker/pause', { body: {} })).status).toBe(200);
    await poll(async () => (await lw.api('GET', '/api/graphics')).body.program.ticker.paused, 'the ticker is held').toBe(true);
    await idleFrames(page, WAIT_MS);
    const mirrors = Object.fromEntries(await Promise.all(Object.keys(layers).map(async (l) => [l, await mirrorText(page, l)] as const)));
    const ins = await page.evaluate(() => ({ ...window.leadwire!.inAnimations }));
    const theme = Theme.parse({ colors: PLUM });
    const deep = numberToHex(paletteFor(theme).panelDeep);
    expect(countNear(await screenshot(page), deep, TICKER_RIGHT)).toBe(0);

    await putTheme(theme);
    await poll(async () => (await dataset(page)).themeRevision, 'the theme is applied').toBe('1');
    await idleFrames(page, WAIT_MS);
    expect(await page.evaluate(() => window.leadwire!.restyles)).toBe(1);
    expect(countNear(await screenshot(page), deep, TICKER_RIGHT)).toBeGreaterThan(area(TICKER_RIGHT) * 0.8);
    for (const l of Object.keys(layers)) expect(await mirrorText(page, l), l).toBe(mirrors[l]);
    expect(await page.evaluate(() => ({ ...window.leadwire!.inAnimations }))).toEqual(ins);
    expect(page.errors).toEqual([]);
  });

  it('draws a page opened while graphics are on air in the station’s look from its first frame', { timeout: 3 * WAIT_MS }, async () => {
    lw = await startWithPages();
    expect((await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA })).status).toBe(201);
    expect((await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP })).status).toBe(200);
    expect((await putAsset(lw.base, 'logo.png', solidPng('#ffd400', 200, 100))).status).toBe(201);
    await putTheme({ colors: PLUM, logo: 'logo.png' });
    expect((await lw.api('POST', '/api/graphics/air', { body: { layer: 'fullscreen', graphic: { type: 'board', raceId: GA } } })).status).toBe(200);
    const page = await openOverlay(browser(), lw.base, { viewport: HALF, timeout: WAIT_MS });
    await poll(() => mirrorText(page, 'fullscreen'), 'the board on air').not.toBeNull();
    expect((await dataset(page)).themeRevision).toBe('1');
    await idleFrames(page, WAIT_MS);
    // Built once, in the look: never drawn in the default and rebuilt.
    expect(await page.evaluate(() => window.leadwire!.restyles)).toBe(0);
    const png = await screenshot(page);
    expect(countNear(png, PLUM.panel, BOARD_PANEL)).toBeGreaterThan(area(BOARD_PANEL) * 0.9);
    expect(countNear(png, '#ffd400', HEADER_RIGHT, 4)).toBeGreaterThan(500);
    expect(page.errors).toEqual([]);
  });

  it('wears the logo bug and a headshot; a headshot that fails to load shows initials on the candidate’s colour', { timeout: 3 * WAIT_MS }, async () => {
    const page = await onAir();
    const logo = solidPng('#ffd400', 200, 100);
    expect((await putAsset(lw.base, 'logo.png', logo)).status).toBe(201);
    expect((await putAsset(lw.base, 'biden.png', solidPng('#12ab34', 96, 96))).status).toBe(201);
    // A PNG signature over bytes that do not decode: accepted by its header, broken in the browser.
    const broken = Buffer.concat([solidPng('#000000').subarray(0, 16), Buffer.alloc(200, 7)]);
    expect((await putAsset(lw.base, 'trump.png', broken)).status).toBe(201);
    const before = await screenshot(page);
    expect(countNear(before, '#ffd400', HEADER_RIGHT, 4)).toBe(0);
    expect(countNear(before, '#12ab34', ROWS, 4)).toBe(0);

    await putTheme({ colors: PLUM, logo: 'logo.png', headshots: { biden: 'biden.png', trump: 'trump.png' } });
    await poll(async () => (await dataset(page)).themeRevision).toBe('1');
    const d = await dataset(page);
    expect(d.logo).toBe('shown');
    expect(d.headshotsMissing).toBe('trump');
    await idleFrames(page, WAIT_MS);
    const png = await screenshot(page);
    expect(countNear(png, '#ffd400', HEADER_RIGHT, 4)).toBeGreaterThan(500);
    expect(countNear(png, '#12ab34', ROWS, 4)).toBeGreaterThan(300);
    // Trump is still on the board, by name and by his initials on a disc: no hole, no blank layer.
    const drawn = await page.evaluate(() => window.leadwire!.drawnText());
    expect(drawn).toContain('Donald Trump');
    expect(drawn).toContain('DT');
    expect(drawn).not.toContain('JB');
    expect(await mirrorText(page, 'fullscreen')).toContain('Donald Trump');
    expect(page.errors).toEqual([]);
  });

  it('sets text in an uploaded WOFF2 font, and falls back to the bundled font when one will not load', { timeout: 3 * WAIT_MS }, async () => {
    const page = await onAir();
    expect((await putAsset(lw.base, 'station.woff2', realWoff2())).status).toBe(201);
    await putTheme({ colors: PLUM, font: 'station.woff2' });
    await poll(async () => (await dataset(page)).font, 'the station font is worn').toBe('station');
    expect(await page.evaluate(() => [...document.fonts].some((f) => f.family.includes('LeadWire Station') && f.status === 'loaded'))).toBe(true);
    // A WOFF2 signature with nothing behind it: the browser refuses the face, the graphics keep the bundled one.
    const bad = Buffer.concat([Buffer.from('wOF2'), Buffer.from([0, 1, 0, 0]), Buffer.alloc(64, 1)]);
    expect((await putAsset(lw.base, 'broken.woff2', bad)).body.contentType).toBe('font/woff2');
    await putTheme({ colors: PLUM, font: 'broken.woff2' });
    await poll(async () => (await dataset(page)).themeRevision, 'the theme with a broken font is applied').toBe('2');
    expect((await dataset(page)).font).toBe('bundled');
    await idleFrames(page, WAIT_MS);
    expect(await mirrorText(page, 'fullscreen')).toContain('Joe Biden');
    expect(page.errors).toEqual([]);
  });
});
