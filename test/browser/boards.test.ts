import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentText, resolveGraphic } from '../../overlay/onair/graphics/registry.js';
import { Graphic, type LayerName, type RaceView } from '../../shared/index.js';
import { browserUnavailable, mirrorText, openOverlay, renderStats, screenshot } from '../helpers/browser.js';
import { idleFrames, startWithPages, useBrowser } from '../helpers/browser-suite.js';
import { GA_FLIP, GEORGIA } from '../helpers/fixtures.js';
import { countOpaque, countOpaqueOutside, inkOnWhite, type Box } from '../helpers/pixels.js';
import type { LeadWire } from '../helpers/server.js';

// Behaviour, not timings: every wait is on a condition the page reports (its mirror, its frame counter); the only
// fixed durations are the windows in which a static page may draw nothing and a held ticker may not flip.
const why = browserUnavailable();
const run = promisify(execFile);
const tesseract = await run('tesseract', ['--version']).then(
  () => null,
  () => 'tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-eng)',
);

const GA = 'ga-president-2020';
const AZ = 'az-president-2020';
const PA = 'pa-president-2020';
const HALF = { width: 960, height: 540 };
/** The title-safe area in the half-size window: a full-screen graphic stays inside it. */
const FRAME: Box = { x0: 48, y0: 27, x1: 912, y1: 513 };
const QUIET_MS = 3_000;

const ARIZONA = {
  title: 'President',
  jurisdiction: 'Arizona',
  electoralVotes: 11,
  candidates: [
    { id: 'biden', name: 'Joe Biden', party: 'DEM' },
    { id: 'trump', name: 'Donald Trump', party: 'REP' },
  ],
};
const AZ_COUNT = { asOf: '2020-11-12T23:00:00.000Z', votes: { biden: 1_672_143, trump: 1_661_686 }, reporting: { reported: 15, total: 15, unit: 'counties' } };
const PENNSYLVANIA = { ...ARIZONA, jurisdiction: 'Pennsylvania', electoralVotes: 20 };
const PA_COUNT = { asOf: '2020-11-07T16:00:00.000Z', votes: { biden: 3_458_229, trump: 3_377_674 }, expectedVotePct: 98 };

const BOARD = { type: 'board', raceId: GA } as const;
const KEY_RACES = { type: 'keyRaces', raceIds: [GA, AZ, PA], title: 'Battlegrounds' } as const;
const BALANCE = { type: 'balance', target: 270, raceIds: 'all', base: { DEM: 253, REP: 214 } } as const;

const poll = <T>(fn: () => Promise<T>, timeout = 20_000) => expect.poll(fn, { timeout, interval: 100 });

async function start(): Promise<LeadWire> {
  const lw = await startWithPages();
  const define = async (id: string, body: unknown) => expect((await lw.api('PUT', `/api/races/${id}`, { body, token: 'ingest' })).status).toBe(201);
  const count = async (id: string, batch: unknown) =>
    expect((await lw.api('POST', `/api/races/${id}/results`, { body: batch, token: 'ingest' })).status).toBe(200);
  await define(GA, GEORGIA);
  await define(AZ, ARIZONA);
  await define(PA, PENNSYLVANIA);
  await count(GA, GA_FLIP);
  await count(AZ, AZ_COUNT);
  await count(PA, PA_COUNT);
  expect((await lw.api('POST', `/api/races/${AZ}/call`, { body: { winner: 'biden' } })).status).toBe(200);
  return lw;
}

/** The mirror text a graphic must read on `layer`, from the races as the server now has them. */
async function expectedText(lw: LeadWire, graphic: unknown, layer: LayerName): Promise<string> {
  const races = Object.fromEntries(
    await Promise.all([GA, AZ, PA].map(async (id) => [id, (await lw.api<RaceView>('GET', `/api/races/${id}`)).body] as const)),
  );
  const c = resolveGraphic(Graphic.parse(graphic), { races, leadChanges: {} }, layer);
  if (!c) throw new Error('the graphic does not resolve');
  return contentText(c);
}

describe.skipIf(why !== null)(`full-screen graphics on air in Chromium${why ? ` (skipped: ${why})` : ''}`, () => {
  let lw: LeadWire;
  const browser = useBrowser(() => lw?.close());

  const air = async (layer: string, graphic: unknown) =>
    expect((await lw.api('POST', '/api/graphics/air', { body: { layer, graphic } })).status).toBe(200);
  const overlay = () => openOverlay(browser(), lw.base, { viewport: HALF });

  it.each([
    { what: 'a board of one race', graphic: BOARD, first: 'Georgia President 16 electoral votes RECOUNT RANGE' },
    { what: 'key races in a grid', graphic: KEY_RACES, first: 'BATTLEGROUNDS' },
    { what: 'the balance of power', graphic: BALANCE, first: 'ELECTORAL VOTES · 270 TO WIN' },
  ])('airs $what full screen, drawn inside the title-safe frame only, and idles at 0 frames', async ({ graphic, first }) => {
    lw = await start();
    const page = await overlay();
    await air('fullscreen', graphic);
    const text = await expectedText(lw, graphic, 'fullscreen');
    expect(text.split('\n')[0]).toBe(first);
    await poll(() => mirrorText(page, 'fullscreen')).toBe(text);
    const before = await idleFrames(page);
    const png = await screenshot(page);
    expect(countOpaque(png, { inside: FRAME })).toBeGreaterThan(300_000);
    expect(countOpaque(png, { outside: FRAME })).toBe(0);
    await page.waitForTimeout(QUIET_MS);
    expect((await renderStats(page)).frames - before).toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('follows a new count on the board in place, without animating it in again', async () => {
    lw = await start();
    const page = await overlay();
    await air('fullscreen', BOARD);
    await poll(() => mirrorText(page, 'fullscreen')).toBe(await expectedText(lw, BOARD, 'fullscreen'));
    await idleFrames(page);
    const later = { asOf: '2020-11-06T11:00:00.000Z', votes: { biden: 2_451_234, trump: 2_449_001, other: 61_100 } };
    expect((await lw.api('POST', `/api/races/${GA}/results`, { body: later, token: 'ingest' })).status).toBe(200);
    await poll(() => mirrorText(page, 'fullscreen')).toContain('2,451,234');
    expect(await mirrorText(page, 'fullscreen')).toBe(await expectedText(lw, BOARD, 'fullscreen'));
    await idleFrames(page);
    expect(await page.evaluate(() => window.leadwire!.inAnimations.fullscreen)).toBe(1);
    expect(page.errors).toEqual([]);
  });

  it('shows a full-screen board and a lower third together, the lower third in front', async () => {
    lw = await start();
    const page = await overlay();
    await air('fullscreen', BOARD);
    await air('lowerThird', { type: 'race', raceId: AZ });
    await poll(() => mirrorText(page, 'fullscreen')).toBe(await expectedText(lw, BOARD, 'fullscreen'));
    await poll(() => mirrorText(page, 'lowerThird')).toBe(await expectedText(lw, { type: 'race', raceId: AZ }, 'lowerThird'));
    await idleFrames(page);
    const png = await screenshot(page);
    expect(countOpaqueOutside(png, [FRAME])).toBe(0);
    // Both layers stay on: clearing the lower third leaves the board.
    expect((await lw.api('POST', '/api/graphics/clear', { body: { layer: 'lowerThird' } })).status).toBe(200);
    await poll(() => mirrorText(page, 'lowerThird')).toBeNull();
    expect(await mirrorText(page, 'fullscreen')).toBe(await expectedText(lw, BOARD, 'fullscreen'));
    expect(page.errors).toEqual([]);
  });

  it('airs the balance as a lower third, bottom left', async () => {
    lw = await start();
    const page = await overlay();
    await air('lowerThird', BALANCE);
    await poll(() => mirrorText(page, 'lowerThird')).toBe(await expectedText(lw, BALANCE, 'lowerThird'));
    await idleFrames(page);
    const png = await screenshot(page);
    const box: Box = { x0: 40, y0: 250, x1: 600, y1: 490 };
    expect(countOpaque(png, { inside: box })).toBeGreaterThan(30_000);
    expect(countOpaque(png, { outside: box })).toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('holds the ticker on its line while paused and runs on from there when resumed', async () => {
    lw = await start();
    const page = await overlay();
    await air('ticker', { type: 'ticker', raceIds: [GA, AZ], dwellSeconds: 2 });
    await poll(() => mirrorText(page, 'ticker')).toContain('Georgia President');
    // Running: it flips to Arizona within a dwell or two.
    await poll(() => mirrorText(page, 'ticker'), 10_000).toContain('Arizona President');
    expect((await lw.api('POST', '/api/graphics/ticker/pause')).status).toBe(200);
    await poll(() => page.evaluate(() => window.leadwire!.state().layers.ticker)).toMatchObject({ paused: true });
    const held = await mirrorText(page, 'ticker');
    await page.waitForTimeout(4_500);
    expect(await mirrorText(page, 'ticker')).toBe(held);
    // Held, it draws nothing at all.
    const before = await idleFrames(page);
    await page.waitForTimeout(QUIET_MS);
    expect((await renderStats(page)).frames - before).toBe(0);
    expect((await lw.api('POST', '/api/graphics/ticker/resume')).status).toBe(200);
    await poll(() => mirrorText(page, 'ticker'), 10_000).not.toBe(held);
    expect(await page.evaluate(() => window.leadwire!.inAnimations.ticker)).toBe(1);
    expect(page.errors).toEqual([]);
  });
});

describe.skipIf(why !== null || tesseract !== null)(
  `full-screen graphics read back by OCR${why || tesseract ? ` (skipped: ${why ?? tesseract})` : ''}`,
  () => {
    let dir: string;
    let lw: LeadWire;
    const browser = useBrowser(() => lw?.close());
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'leadwire-ocr-'));
    });
    afterAll(async () => rm(dir, { recursive: true, force: true }));

    it.each([
      { what: 'the board', graphic: BOARD, box: { x0: 130, y0: 200, x1: 1800, y1: 330 }, scale: 2, name: /Biden/, number: /2,449,371/ },
      { what: 'key races', graphic: KEY_RACES, box: { x0: 150, y0: 200, x1: 700, y1: 460 }, scale: 2, name: /Biden/, number: /16 EV/ },
      // Big type reads best unscaled.
      { what: 'the balance', graphic: BALANCE, box: { x0: 130, y0: 300, x1: 1800, y1: 490 }, scale: 1, name: /Democrats/, number: /264/ },
    ])('reads a name and a number off $what', async ({ graphic, box, scale, name, number }) => {
      lw = await start();
      const page = await openOverlay(browser(), lw.base);
      await lw.api('POST', '/api/graphics/air', { body: { layer: 'fullscreen', graphic } });
      await poll(() => mirrorText(page, 'fullscreen')).not.toBeNull();
      await idleFrames(page);
      const file = join(dir, `${graphic.type}.png`);
      await writeFile(file, inkOnWhite(await screenshot(page), box, scale));
      const { stdout } = await run('tesseract', [file, 'stdout', '--psm', '6', '-l', 'eng']);
      expect(stdout).toMatch(name);
      expect(stdout).toMatch(number);
      await page.context().close();
    });
  },
);
