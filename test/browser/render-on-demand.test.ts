import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lowerThirdModel, lowerThirdText } from '../../overlay/onair/models.js';
import type { RaceView } from '../../shared/index.js';
import { browserUnavailable, mirrorText, openOverlay, openPage, renderStats, screenshot } from '../helpers/browser.js';
import { countOpaque } from '../helpers/pixels.js';
import { idleFrames, startWithPages, useBrowser } from '../helpers/browser-suite.js';
import { GA_BEFORE, GA_FLIP, GEORGIA, PRODUCER, type LeadWire } from '../helpers/server.js';

// Behaviour, not timings: every wait is on a condition the page reports itself (its frame counter, its
// mirror), with generous timeouts; the only fixed durations are the windows in which nothing may be drawn.
const why = browserUnavailable();

const GA = 'ga-president-2020';
/** Half-size window: software WebGL is slow, and the page scales its 1920×1080 stage. */
const HALF = { width: 960, height: 540 };
/** How long an idle page is watched for frames it should not render. */
const QUIET_MS = 3_000;
/** Biden further ahead: a count that interrupts the roll to GA_FLIP. */
const GA_LATER = {
  asOf: '2020-11-06T11:00:00.000Z',
  votes: { biden: 2_451_234, trump: 2_449_001, other: 61_100 },
  outstanding: { ballots: 4_120, label: 'military and overseas ballots' },
};

const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });
const drawn = (target: Page | Frame) => target.evaluate(() => window.leadwire!.drawnText());
/** Watches an idle page for QUIET_MS and returns how many frames it rendered meanwhile (should be 0). */
async function framesWhileQuiet(page: Page, target: Page | Frame = page): Promise<number> {
  const before = await idleFrames(target);
  await page.waitForTimeout(QUIET_MS);
  return (await renderStats(target)).frames - before;
}

describe.skipIf(why !== null)(`render on demand in Chromium${why ? ` (skipped: ${why})` : ''}`, () => {
  let lw: LeadWire;
  const browser = useBrowser(() => lw?.close());

  async function start() {
    lw = await startWithPages();
    await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA, token: 'ingest' });
    await lw.api('POST', `/api/races/${GA}/results`, { body: GA_BEFORE, token: 'ingest' });
  }
  const overlay = (channel: 'program' | 'preview' = 'program') => openOverlay(browser(), lw.base, { channel, viewport: HALF });
  const airGeorgia = () =>
    lw.api('POST', '/api/graphics/air', { body: { layer: 'lowerThird', graphic: { type: 'race', raceId: GA } } });
  const postCount = async (batch: unknown) => {
    expect((await lw.api('POST', `/api/races/${GA}/results`, { body: batch, token: 'ingest' })).status).toBe(200);
  };
  /** The lower third's mirror text as the page must show it for the race as the server now has it. */
  const expectedLowerThird = async () => lowerThirdText(lowerThirdModel((await lw.api<RaceView>('GET', `/api/races/${GA}`)).body));

  it('renders no frame once an empty overlay is ready', async () => {
    await start();
    const page = await overlay();
    expect(await idleFrames(page)).toBeGreaterThan(0);
    expect(await framesWhileQuiet(page)).toBe(0);
    expect(await page.locator('#on-air > *').count()).toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('renders nothing under a static lower third, frames for a new count, then nothing again, the mirror exact throughout', async () => {
    await start();
    const page = await overlay();
    await airGeorgia();
    const before = await expectedLowerThird();
    await poll(() => mirrorText(page, 'lowerThird')).toBe(before);
    expect(await framesWhileQuiet(page)).toBe(0);
    expect(await mirrorText(page, 'lowerThird')).toBe(before);

    const atRest = (await renderStats(page)).frames;
    await postCount(GA_FLIP);
    const after = await expectedLowerThird();
    await poll(() => mirrorText(page, 'lowerThird')).toBe(after);
    expect(await idleFrames(page)).toBeGreaterThan(atRest);
    expect(await drawn(page)).toEqual(expect.arrayContaining(['2,449,371', '2,448,454']));

    expect(await framesWhileQuiet(page)).toBe(0);
    expect(await mirrorText(page, 'lowerThird')).toBe(after);
    expect(page.errors).toEqual([]);
  });

  it('ends a roll interrupted by a new count on the new number', async () => {
    await start();
    const page = await overlay();
    await airGeorgia();
    await poll(() => mirrorText(page, 'lowerThird')).toBe(await expectedLowerThird());
    await idleFrames(page);

    await postCount(GA_FLIP);
    await poll(() => mirrorText(page, 'lowerThird')).toContain('2,449,371');
    // The roll to GA_FLIP lasts 400 ms of animation; the next count lands while it runs.
    await postCount(GA_LATER);
    const final = await expectedLowerThird();
    await poll(() => mirrorText(page, 'lowerThird')).toBe(final);
    await idleFrames(page);
    const text = await drawn(page);
    expect(text).toEqual(expect.arrayContaining(['2,451,234', '2,449,001']));
    expect(text).not.toContain('2,449,371');
    expect(await mirrorText(page, 'lowerThird')).toBe(final);
    expect(await framesWhileQuiet(page)).toBe(0);
  });

  it('draws a static lower third again after the GPU context is lost and restored, with no new count, then idles', async () => {
    await start();
    const page = await overlay();
    await airGeorgia();
    await poll(() => mirrorText(page, 'lowerThird')).toBe(await expectedLowerThird());
    expect(await framesWhileQuiet(page)).toBe(0);
    const shown = countOpaque(await screenshot(page));
    expect(shown).toBeGreaterThan(25_000);
    await page.evaluate(() => {
      const canvas = document.querySelector('canvas')!;
      const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
      const lose = gl!.getExtension('WEBGL_lose_context')!;
      (window as unknown as { lose: WEBGL_lose_context }).lose = lose;
      lose.loseContext();
    });
    await poll(() => page.evaluate(() => document.querySelector('canvas')!.getContext('webgl2')!.isContextLost())).toBe(true);
    const lost = (await renderStats(page)).frames;
    await page.evaluate(() => (window as unknown as { lose: WEBGL_lose_context }).lose.restoreContext());
    // Nothing changed on the server: the page itself must ask for the frame that puts the graphic back.
    await poll(async () => (await renderStats(page)).frames).toBeGreaterThan(lost);
    await poll(async () => countOpaque(await screenshot(page))).toBeGreaterThan(shown * 0.9);
    expect(await framesWhileQuiet(page)).toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('draws a push to a race that is not on air with no frame at all', async () => {
    await start();
    await lw.api('PUT', '/api/races/pa-president-2020', { body: { ...GEORGIA, jurisdiction: 'Pennsylvania' }, token: 'ingest' });
    const page = await overlay();
    await airGeorgia();
    await poll(() => mirrorText(page, 'lowerThird')).toBe(await expectedLowerThird());
    const atRest = await idleFrames(page);
    await lw.api('POST', '/api/races/pa-president-2020/results', { body: GA_BEFORE, token: 'ingest' });
    await poll(() => page.evaluate(() => window.leadwire!.state().races['pa-president-2020']?.totalVotes ?? 0)).toBeGreaterThan(0);
    expect(await idleFrames(page)).toBe(atRest);
  });

  it('keeps the playout hooks working: stop() and play() animate, a resize and an OBS resync redraw, then idle', async () => {
    await start();
    const page = await overlay();
    await airGeorgia();
    const text = await expectedLowerThird();
    await poll(() => mirrorText(page, 'lowerThird')).toBe(text);

    let atRest = await idleFrames(page);
    await page.evaluate(() => window.stop());
    await poll(() => mirrorText(page, 'lowerThird')).toBeNull();
    expect(await idleFrames(page)).toBeGreaterThan(atRest);
    expect(await drawn(page)).toEqual([]);

    atRest = await idleFrames(page);
    await page.evaluate(() => window.play!());
    await poll(() => mirrorText(page, 'lowerThird')).toBe(text);
    expect(await idleFrames(page)).toBeGreaterThan(atRest);

    atRest = await idleFrames(page);
    await page.setViewportSize({ width: 800, height: 450 });
    await poll(async () => (await renderStats(page)).frames).toBeGreaterThan(atRest);

    atRest = await idleFrames(page);
    await page.evaluate(() =>
      window.dispatchEvent(new CustomEvent('obsSourceVisibleChanged', { detail: { visible: true } })),
    );
    await poll(async () => (await renderStats(page)).frames).toBeGreaterThan(atRest);
    await idleFrames(page);
    expect(await mirrorText(page, 'lowerThird')).toBe(text);
    expect(await framesWhileQuiet(page)).toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('pauses a control-panel monitor scrolled out of view or hidden, and draws it again when it comes back', { timeout: 90_000 }, async () => {
    await start();
    // A short window: the centre column (monitors above the air buttons) scrolls.
    const panel = await openPage(browser(), `${lw.base}/control/?key=${PRODUCER}`, { width: 1280, height: 420 });
    await panel.getByRole('button', { name: /^Take/ }).waitFor({ state: 'visible', timeout: 20_000 });
    const frameOf = async (channel: string) => {
      await poll(async () => panel.frames().some((f) => f.url().includes(`/overlay/?channel=${channel}&`))).toBe(true);
      const f = panel.frames().find((x) => x.url().includes(`/overlay/?channel=${channel}&`))!;
      await f.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
      return f;
    };
    const program = await frameOf('program');
    const preview = await frameOf('preview');
    expect((await renderStats(program)).paused).toBe(false);
    expect(await framesWhileQuiet(panel, program)).toBe(0);
    expect(await framesWhileQuiet(panel, preview)).toBe(0);

    const scrollCentre = (to: 'top' | 'bottom') =>
      panel.evaluate((where) => {
        const centre = document.querySelector('.center')!;
        centre.scrollTop = where === 'top' ? 0 : centre.scrollHeight;
      }, to);
    await scrollCentre('bottom');
    await poll(async () => (await renderStats(program)).paused).toBe(true);
    const away = await idleFrames(program);
    await airGeorgia();
    const text = await expectedLowerThird();
    // The page keeps its state and mirror exact while it draws nothing.
    await poll(() => mirrorText(program, 'lowerThird')).toBe(text);
    await idleFrames(program);
    expect((await renderStats(program)).frames).toBe(away);

    await scrollCentre('top');
    await poll(async () => (await renderStats(program)).paused).toBe(false);
    expect(await idleFrames(program)).toBeGreaterThan(away);
    expect(await drawn(program)).toEqual(expect.arrayContaining(['2,448,454', '2,447,991']));
    expect(await framesWhileQuiet(panel, program)).toBe(0);

    // Hidden outright (display: none) counts as out of view too.
    const screen = '.monitor-program .monitor-screen';
    await panel.evaluate((sel) => document.querySelector<HTMLElement>(sel)!.style.setProperty('display', 'none'), screen);
    await poll(async () => (await renderStats(program)).paused).toBe(true);
    await panel.evaluate((sel) => document.querySelector<HTMLElement>(sel)!.style.removeProperty('display'), screen);
    await poll(async () => (await renderStats(program)).paused).toBe(false);
    expect(panel.errors).toEqual([]);
  });
});
