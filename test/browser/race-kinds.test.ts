import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lowerThirdModel, lowerThirdText } from '../../overlay/onair/models.js';
import type { RaceView } from '../../shared/index.js';
import { browserUnavailable, mirrorText, openOverlay, renderStats, screenshot } from '../helpers/browser.js';
import { idleFrames, startWithPages, useBrowser } from '../helpers/browser-suite.js';
import { GA_FLIP, GEORGIA } from '../helpers/fixtures.js';
import { countOpaque, countOpaqueOutside, inkOnWhite, type Box } from '../helpers/pixels.js';
import type { LeadWire } from '../helpers/server.js';

// Behaviour, not timings: every wait is on a condition the page reports (its mirror, its frame counter), with
// generous timeouts; the only fixed duration is the window in which a static page may draw nothing.
const why = browserUnavailable();
const run = promisify(execFile);
const tesseract = await run('tesseract', ['--version']).then(
  () => null,
  () => 'tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-eng)',
);

const GA = 'ga-president-2020';
const TN = 'tn-house-03';
const FL = 'fl-amendment-2';
/** Half-size window (software WebGL is slow); the page scales its 1920×1080 stage by half. */
const HALF = { width: 960, height: 540 };
/** Where each graphic is drawn in that window, with a margin: the lower third grows upward from its bottom edge. */
const LOWER_THIRD: Box = { x0: 40, y0: 280, x1: 600, y1: 490 };
const ALERT: Box = { x0: 40, y0: 20, x1: 720, y1: 100 };
const WATERMARK: Box = { x0: 700, y0: 15, x1: 925, y1: 70 };
const QUIET_MS = 3_000;

const TENNESSEE = {
  title: 'House · District 3',
  jurisdiction: 'Tennessee',
  candidates: [
    { id: 'fleischmann', name: 'Chuck Fleischmann', party: 'REP' },
    { id: 'gorman', name: 'Meg Gorman', party: 'DEM' },
    { id: 'hysell', name: 'Amber Hysell' },
  ],
};
const TN_COUNT = {
  asOf: '2020-11-04T04:00:00.000Z',
  votes: { fleischmann: 215_571, gorman: 97_687, hysell: 10_171 },
  expectedVotePct: 90,
  reporting: { reported: 301, total: 334, unit: 'precincts' },
};
const FLORIDA = {
  title: 'Amendment 2',
  jurisdiction: 'Florida',
  kind: 'measure',
  passPct: 60,
  candidates: [
    { id: 'yes', name: 'Yes' },
    { id: 'no', name: 'No' },
  ],
};

const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });

describe.skipIf(why !== null)(`race kinds on air in Chromium${why ? ` (skipped: ${why})` : ''}`, () => {
  let lw: LeadWire;
  const browser = useBrowser(() => lw?.close());

  async function start() {
    lw = await startWithPages();
    const define = async (id: string, body: unknown) =>
      expect((await lw.api('PUT', `/api/races/${id}`, { body, token: 'ingest' })).status).toBe(201);
    await define(GA, GEORGIA);
    await define(TN, TENNESSEE);
    await define(FL, FLORIDA);
  }
  const count = async (id: string, batch: unknown) =>
    expect((await lw.api('POST', `/api/races/${id}/results`, { body: batch, token: 'ingest' })).status).toBe(200);
  const air = async (layer: string, graphic: unknown) =>
    expect((await lw.api('POST', '/api/graphics/air', { body: { layer, graphic } })).status).toBe(200);
  const overlay = (channel: 'program' | 'preview' = 'program', viewport = HALF) => openOverlay(browser(), lw.base, { channel, viewport });
  /** The lower third's mirror text as the page must show it for the race as the server now has it. */
  const expectedLowerThird = async (id: string) => lowerThirdText(lowerThirdModel((await lw.api<RaceView>('GET', `/api/races/${id}`)).body));
  const callGeorgia = async () => {
    await count(GA, GA_FLIP);
    expect((await lw.api('POST', `/api/races/${GA}/call`, { body: { winner: 'biden' } })).status).toBe(200);
    await air('alert', { type: 'call', raceId: GA });
  };

  it('airs a three-candidate lower third with what the runner-up needs and reporting, drawn only in its region', async () => {
    await start();
    await count(TN, TN_COUNT);
    const page = await overlay();
    await air('lowerThird', { type: 'race', raceId: TN });
    const text = await expectedLowerThird(TN);
    await poll(() => mirrorText(page, 'lowerThird')).toBe(text);
    expect(text.split('\n')).toEqual([
      'Tennessee House · District 3',
      'Chuck Fleischmann 215,571 66.7%',
      'Meg Gorman 97,687 30.2%',
      'Amber Hysell 10,171 3.1%',
      'Fleischmann leads by 117,884 · 36.4 pts',
      '90% of expected vote in',
      'Gorman cannot overtake',
      '90% of precincts reporting',
    ]);
    await idleFrames(page);
    const png = await screenshot(page);
    expect(countOpaque(png, { inside: LOWER_THIRD })).toBeGreaterThan(30_000);
    expect(countOpaque(png, { outside: LOWER_THIRD })).toBe(0);
    expect(await mirrorText(page, 'watermark')).toBeNull();
    expect(page.errors).toEqual([]);
  });

  it('airs a measure as YES / NO with its pass line, and follows it across the line without animating in again', async () => {
    await start();
    await count(FL, { asOf: '2020-11-04T03:00:00.000Z', votes: { yes: 599, no: 401 } });
    const page = await overlay();
    await air('lowerThird', { type: 'race', raceId: FL });
    await poll(() => mirrorText(page, 'lowerThird')).toBe(['Florida Amendment 2', 'YES 599 59.9%', 'NO 401 40.1%', 'NEEDS 60% · FAILING'].join('\n'));
    await idleFrames(page);
    const png = await screenshot(page);
    expect(countOpaque(png, { inside: LOWER_THIRD })).toBeGreaterThan(25_000);
    expect(countOpaque(png, { outside: LOWER_THIRD })).toBe(0);

    // Exactly 60% passes a 60% rule.
    await count(FL, { asOf: '2020-11-04T03:10:00.000Z', votes: { yes: 600, no: 400 } });
    await poll(() => mirrorText(page, 'lowerThird')).toBe(['Florida Amendment 2', 'YES 600 60.0%', 'NO 400 40.0%', 'NEEDS 60% · PASSING'].join('\n'));
    await idleFrames(page);
    expect(await page.evaluate(() => window.leadwire!.inAnimations.lowerThird)).toBe(1);
    expect(page.errors).toEqual([]);
  });

  it('airs the projected-winner banner of a called race, and takes it off when the call is withdrawn', async () => {
    await start();
    const page = await overlay();
    await callGeorgia();
    await poll(() => mirrorText(page, 'alert')).toBe('PROJECTED WINNER · GEORGIA · Joe Biden');
    await idleFrames(page);
    const png = await screenshot(page);
    expect(countOpaque(png, { inside: ALERT })).toBeGreaterThan(5_000);
    expect(countOpaque(png, { outside: ALERT })).toBe(0);

    expect((await lw.api('DELETE', `/api/races/${GA}/call`)).status).toBe(200);
    // The page drops the banner as soon as the race has no call, whether or not program still lists the graphic.
    await poll(() => mirrorText(page, 'alert')).toBeNull();
    await idleFrames(page);
    expect(countOpaque(await screenshot(page))).toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('shows the TEST watermark on program only while a race fed rehearsal data is on air there', async () => {
    await start();
    await count(TN, { ...TN_COUNT, test: true });
    await count(GA, GA_FLIP);
    const program = await overlay('program');
    const preview = await overlay('preview');

    // Cued on preview: the preview page marks itself, program stays clean.
    expect((await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: { type: 'race', raceId: TN } } })).status).toBe(200);
    await poll(() => mirrorText(preview, 'watermark')).toBe('TEST\nREHEARSAL DATA');
    await idleFrames(program);
    expect(await mirrorText(program, 'watermark')).toBeNull();
    expect(countOpaque(await screenshot(program))).toBe(0);

    // Taken to program: marked there, in its corner, beside the lower third.
    expect((await lw.api('POST', '/api/graphics/take', { body: { layer: 'lowerThird' } })).status).toBe(200);
    await poll(() => mirrorText(program, 'watermark')).toBe('TEST\nREHEARSAL DATA');
    await idleFrames(program);
    let png = await screenshot(program);
    expect(countOpaque(png, { inside: WATERMARK })).toBeGreaterThan(5_000);
    expect(countOpaqueOutside(png, [WATERMARK, LOWER_THIRD])).toBe(0);

    // Cleared: gone with the lower third.
    expect((await lw.api('POST', '/api/graphics/clear', { body: { layer: 'lowerThird' } })).status).toBe(200);
    await poll(() => mirrorText(program, 'lowerThird')).toBeNull();
    await poll(() => mirrorText(program, 'watermark')).toBeNull();
    await idleFrames(program);
    expect(countOpaque(await screenshot(program))).toBe(0);

    // A live race on air: no watermark.
    await air('lowerThird', { type: 'race', raceId: GA });
    await poll(() => mirrorText(program, 'lowerThird')).toBe(await expectedLowerThird(GA));
    await idleFrames(program);
    png = await screenshot(program);
    expect(await mirrorText(program, 'watermark')).toBeNull();
    expect(countOpaque(png, { inside: WATERMARK })).toBe(0);
    expect(program.errors).toEqual([]);
  });

  it('renders no frame under a static three-candidate lower third once the call banner has gone, nor under the watermark', async () => {
    await start();
    const page = await overlay();
    await air('lowerThird', { type: 'race', raceId: GA });
    await callGeorgia();
    await poll(() => mirrorText(page, 'alert')).toBe('PROJECTED WINNER · GEORGIA · Joe Biden');
    await lw.api('DELETE', `/api/races/${GA}/call`);
    await poll(() => mirrorText(page, 'alert')).toBeNull();
    await poll(() => mirrorText(page, 'lowerThird')).toBe(await expectedLowerThird(GA));
    let before = await idleFrames(page);
    await page.waitForTimeout(QUIET_MS);
    expect((await renderStats(page)).frames - before).toBe(0);

    await count(TN, { ...TN_COUNT, test: true });
    await air('lowerThird', { type: 'race', raceId: TN });
    await poll(() => mirrorText(page, 'watermark')).toBe('TEST\nREHEARSAL DATA');
    await poll(() => mirrorText(page, 'lowerThird')).toBe(await expectedLowerThird(TN));
    before = await idleFrames(page);
    await page.waitForTimeout(QUIET_MS);
    expect((await renderStats(page)).frames - before).toBe(0);
    expect(page.errors).toEqual([]);
  });
});

describe.skipIf(why !== null || tesseract !== null)(
  `the projected-winner banner read back by OCR${why || tesseract ? ` (skipped: ${why ?? tesseract})` : ''}`,
  () => {
    let lw: LeadWire;
    let dir: string;
    const browser = useBrowser(() => lw?.close());
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'leadwire-ocr-'));
    });
    afterAll(async () => rm(dir, { recursive: true, force: true }));

    it('names the winner legibly: tesseract reads Biden off the drawn banner', async () => {
      lw = await startWithPages();
      await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA, token: 'ingest' });
      await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP, token: 'ingest' });
      await lw.api('POST', `/api/races/${GA}/call`, { body: { winner: 'biden' } });
      // Full size, as OBS captures it: the banner's pixels are what a viewer sees.
      const page = await openOverlay(browser(), lw.base);
      await lw.api('POST', '/api/graphics/air', { body: { layer: 'alert', graphic: { type: 'call', raceId: GA } } });
      await poll(() => mirrorText(page, 'alert')).toBe('PROJECTED WINNER · GEORGIA · Joe Biden');
      await idleFrames(page);
      const file = join(dir, 'banner.png');
      await writeFile(file, inkOnWhite(await screenshot(page), { x0: 80, y0: 60, x1: 1440, y1: 180 }));
      const { stdout } = await run('tesseract', [file, 'stdout', '--psm', '7', '-l', 'eng']);
      expect(stdout).toMatch(/Biden/);
      expect(stdout).toMatch(/PROJECTED/);
    });
  },
);
