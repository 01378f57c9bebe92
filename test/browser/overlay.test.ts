import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createServer } from '../../server/app.js';
import { silentLogger } from '../../server/logger.js';
import { MemoryBackend } from '../../server/store/memory.js';
import { Store } from '../../server/store/store.js';
import { browserUnavailable, launchBrowser, mirrorText, openOverlay, screenshot, WEB_ROOT } from '../helpers/browser.js';
import { startWithPages, useBrowser } from '../helpers/browser-suite.js';
import { countOpaque, diffPixels } from '../helpers/pixels.js';
import { freePort } from '../helpers/redis.js';
import { GA_BEFORE, GA_FLIP, GEORGIA, INGEST, PRODUCER, type LeadWire } from '../helpers/server.js';
import { manualClock } from '../helpers/stores.js';
import { formatVotes } from '../../shared/format.js';

// Browser tests run against the embedded store: the store suite already runs both kinds, and Chromium
// with software WebGL is the slow part here.
const why = browserUnavailable();

/** Pixel tests use a 960×540 window (the page scales its 1920×1080 stage by half): software WebGL is slow. */
const HALF = { width: 960, height: 540 };
/** Where the lower third and the alert are drawn, in that window. */
const LOWER_THIRD = { x0: 40, y0: 320, x1: 620, y1: 500 };
const ALERT = { x0: 40, y0: 20, x1: 920, y1: 165 };

const inAnimations = (page: Page, layer: 'lowerThird' | 'alert') =>
  page.evaluate((l) => window.leadwire!.inAnimations[l], layer);
const settled = (page: Page) => poll(() => page.evaluate(() => window.leadwire!.animating())).toBe(false);
/** Software WebGL at 1920×1080 is slow: give the page time, never a fixed sleep. */
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });

describe.skipIf(why !== null)(`on-air overlay in Chromium${why ? ` (skipped: ${why})` : ''}`, () => {
  let lw: LeadWire;
  const browser = useBrowser(() => lw?.close());

  async function start(alertDurationMs = 60_000) {
    lw = await startWithPages({ alertDurationMs });
    await lw.api('PUT', '/api/races/ga-president-2020', { body: GEORGIA, token: 'ingest' });
    await lw.api('POST', '/api/races/ga-president-2020/results', { body: GA_BEFORE, token: 'ingest' });
    return lw;
  }
  const overlay = (channel: 'program' | 'preview') => openOverlay(browser(), lw.base, { channel, viewport: HALF, timeout: 15_000 });
  const airGeorgia = () =>
    lw.api('POST', '/api/graphics/air', { body: { layer: 'lowerThird', graphic: { type: 'race', raceId: 'ga-president-2020' } } });

  it('is fully transparent on program when nothing is on air', async () => {
    await start();
    const page = await overlay('program');
    expect(await countOpaque(await screenshot(page))).toBe(0);
    expect(await page.locator('#on-air > *').count()).toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('airs a race lower third with candidates, votes and margin, drawn only in the lower-third region', async () => {
    await start();
    const page = await overlay('program');
    await airGeorgia();
    await poll(() => mirrorText(page, 'lowerThird')).toContain('Donald Trump');
    const text = (await mirrorText(page, 'lowerThird'))!;
    expect(text).toContain('Georgia');
    expect(text).toContain('Joe Biden');
    expect(text).toContain('2,448,454');
    expect(text).toContain('2,447,991');
    expect(text).toContain('Trump leads by 463');
    expect(text).toContain('16 electoral votes');
    expect(text).toContain('RECOUNT RANGE');
    await settled(page);
    const png = await screenshot(page);
    expect(countOpaque(png, { inside: LOWER_THIRD })).toBeGreaterThan(25_000);
    expect(countOpaque(png, { outside: LOWER_THIRD })).toBe(0);
  });

  it('follows a new batch on air by changing the numbers, without animating the graphic in again', async () => {
    await start();
    const page = await overlay('program');
    await airGeorgia();
    await poll(() => mirrorText(page, 'lowerThird')).toContain('Trump leads by 463');
    await settled(page);
    expect(await inAnimations(page, 'lowerThird')).toBe(1);
    await lw.api('POST', '/api/races/ga-president-2020/results', { body: GA_FLIP, token: 'ingest' });
    await poll(() => mirrorText(page, 'lowerThird')).toContain('Biden leads by 917');
    const text = (await mirrorText(page, 'lowerThird'))!;
    expect(text).toContain('2,449,371');
    expect(text).toContain('8,410 military and overseas ballots outstanding');
    await settled(page);
    expect(await inAnimations(page, 'lowerThird')).toBe(1);
  });

  it('draws the count that came in while a graphic waited for the one before it to leave, on the lower third and a board', async () => {
    await start();
    const pa = { ...GEORGIA, jurisdiction: 'Pennsylvania', electoralVotes: 20 };
    await lw.api('PUT', '/api/races/pa-president-2020', { body: pa, token: 'ingest' });
    const votes = (biden: number) => ({ biden, trump: 1_100_000, other: 10_000 });
    await lw.api('POST', '/api/races/pa-president-2020/results', { body: { asOf: '2020-11-06T08:00:00.000Z', votes: votes(1_000_000) }, token: 'ingest' });
    const page = await overlay('program');
    for (const [k, [layer, type]] of ([['lowerThird', 'race'], ['fullscreen', 'board']] as const).entries()) {
      await lw.api('POST', '/api/graphics/air', { body: { layer, graphic: { type, raceId: 'ga-president-2020' } } });
      await poll(() => mirrorText(page, layer)).toContain('Georgia');
      await settled(page);
      // Pennsylvania replaces Georgia: it waits while Georgia animates out (400 ms), and its new count lands
      // meanwhile, rolling (400 ms) until after Pennsylvania has started to come on.
      const leaving = await page.evaluate((l) => window.leadwire!.outAnimations[l], layer);
      await lw.api('POST', '/api/graphics/air', { body: { layer, graphic: { type, raceId: 'pa-president-2020' } } });
      await poll(() => page.evaluate((l) => window.leadwire!.outAnimations[l], layer)).toBe(leaving + 1);
      const biden = 1_150_051 + k;
      const posted = await lw.api('POST', '/api/races/pa-president-2020/results', { body: { asOf: `2020-11-06T09:0${k}:00.000Z`, votes: votes(biden) }, token: 'ingest' });
      expect(posted.status).toBe(200);
      await poll(() => mirrorText(page, layer)).toContain(formatVotes(biden));
      await settled(page);
      // What is drawn is what the mirror says, not a number frozen half-way through its roll.
      const drawn = await page.evaluate(() => window.leadwire!.drawnText());
      expect(drawn).toContain(formatVotes(biden));
      expect(drawn).toContain(formatVotes(1_100_000));
      await lw.api('POST', '/api/graphics/clear', { body: { layer } });
      await poll(() => mirrorText(page, layer)).toBeNull();
    }
    expect(page.errors).toEqual([]);
  });

  it('keeps a vote-for-7 lower third, its long line of winners and its count line, inside its panel', async () => {
    await start();
    const surnames = ['Richardson', 'Washington', 'Montgomery', 'Fitzgerald', 'Henderson', 'Castellanos', 'Abernathy', 'Kowalski', 'Nakamura'];
    const candidates = surnames.map((s) => ({ id: s.toLowerCase(), name: `Pat ${s}` }));
    await lw.api('PUT', '/api/races/council', { body: { title: 'City Council', jurisdiction: 'Springfield', seats: 7, candidates }, token: 'ingest' });
    const votes = Object.fromEntries(candidates.map((c, i) => [c.id, 10_000 - i * 500]));
    const outstanding = { ballots: 12_000, label: 'mail ballots' };
    await lw.api('POST', '/api/races/council/results', { body: { asOf: '2020-11-03T22:00:00Z', votes, outstanding }, token: 'ingest' });
    const page = await overlay('program');
    await lw.api('POST', '/api/graphics/air', { body: { layer: 'lowerThird', graphic: { type: 'race', raceId: 'council' } } });
    await poll(() => mirrorText(page, 'lowerThird')).toContain('12,000 mail ballots outstanding');
    await settled(page);
    const png = await screenshot(page);
    // Seven winners make the panel taller than Georgia's: its width is what must hold.
    expect(countOpaque(png, { outside: { ...LOWER_THIRD, y0: 0, y1: HALF.height } })).toBe(0);
    // Both lines drawn at a readable width: squeezed to fit, never to a sliver or mirrored.
    const widths = await page.evaluate(() => window.leadwire!.drawnTextWidths());
    const line = (start: string) => widths.find(([t]) => t.startsWith(start))?.[1];
    // The panel is 1,080 stage pixels wide: the two lines share it, neither cut off nor squeezed to a sliver.
    expect(line('Richardson, Washington')).toBeGreaterThan(500);
    expect(line('12,000 mail ballots')).toBeGreaterThan(250);
    expect(line('Richardson, Washington')! + line('12,000 mail ballots')!).toBeLessThan(1_080 - 40);
  });

  it('takes CasparCG’s update() and play(), called as the page loads, before it can draw (CG ADD with data)', async () => {
    await start();
    await lw.api('PUT', '/api/races/pa-president-2020', { body: { ...GEORGIA, jurisdiction: 'Pennsylvania', electoralVotes: 20 }, token: 'ingest' });
    await lw.api('POST', '/api/races/pa-president-2020/results', { body: GA_BEFORE, token: 'ingest' });
    await airGeorgia();
    const context = await browser().newContext({ viewport: HALF, deviceScaleFactor: 1 });
    // What CasparCG's HTML producer does with `CG ADD 1-20 0 leadwire/overlay 1 "<data>"`: at the load event, while
    // the page still waits for its fonts and WebGL, update(data) then play().
    await context.addInitScript(() => {
      window.addEventListener('load', () => {
        const errors: string[] = [];
        (window as unknown as { casparErrors: string[] }).casparErrors = errors;
        for (const call of [() => window.update!('{"raceId":"pa-president-2020"}'), () => window.play!()]) {
          try {
            call();
          } catch (e) {
            errors.push(String(e));
          }
        }
      });
    });
    const page = await context.newPage();
    await page.goto(`${lw.base}/overlay/?channel=program`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { casparErrors: string[] }).casparErrors)).toEqual([]);
    // The pinned race, not the one the server has on air.
    await poll(() => mirrorText(page, 'lowerThird')).toContain('Pennsylvania');
    expect(await page.evaluate(() => window.leadwire!.state().pinnedRaceId)).toBe('pa-president-2020');
  });

  it('shows a lead-change alert taken from the queue, beside the lower third, and lets it leave by itself', async () => {
    await start(8_000);
    const page = await overlay('program');
    await airGeorgia();
    await lw.api('POST', '/api/races/ga-president-2020/results', { body: GA_FLIP, token: 'ingest' });
    const { body: pending } = await lw.api('GET', '/api/alerts?status=pending');
    expect(pending).toHaveLength(1);
    await lw.api('POST', `/api/alerts/${pending[0].id}/take`);
    await poll(() => mirrorText(page, 'alert')).toMatch(/LEAD CHANGE.*GEORGIA.*Biden overtakes Trump.*917/s);
    await settled(page);
    const png = await screenshot(page);
    expect(countOpaque(png, { inside: ALERT })).toBeGreaterThan(5_000);
    expect(await mirrorText(page, 'lowerThird')).toContain('Biden leads by 917');
    // The server takes it off air after its duration; the page animates it out and the mirror entry goes.
    await poll(() => mirrorText(page, 'alert')).toBeNull();
    await settled(page);
    expect(countOpaque(await screenshot(page), { inside: ALERT })).toBe(0);
    expect(await mirrorText(page, 'lowerThird')).toContain('Biden leads by 917');
  });

  it('keeps preview and program independent', async () => {
    await start();
    const program = await overlay('program');
    const preview = await overlay('preview');
    await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: { type: 'race', raceId: 'ga-president-2020' } } });
    await poll(() => mirrorText(preview, 'lowerThird')).toContain('Georgia');
    await settled(program);
    expect(await mirrorText(program, 'lowerThird')).toBeNull();
    expect(countOpaque(await screenshot(program))).toBe(0);
    await lw.api('POST', '/api/graphics/take', { body: { layer: 'lowerThird' } });
    await poll(() => mirrorText(program, 'lowerThird')).toContain('Georgia');
    await lw.api('POST', '/api/graphics/clear', { body: { layer: 'lowerThird', channel: 'preview' } });
    await poll(() => mirrorText(preview, 'lowerThird')).toBeNull();
    expect(await mirrorText(program, 'lowerThird')).toContain('Georgia');
  });
});

describe.skipIf(why !== null)(`overlay across a server restart${why ? ` (skipped: ${why})` : ''}`, () => {
  it('keeps its pixels while the server is away and shows the current state when it returns', async () => {
    const store = new Store(new MemoryBackend(), { clock: manualClock() });
    const port = await freePort();
    const make = async () => {
      const s = createServer({
        store,
        clock: manualClock(),
        logger: silentLogger(),
        config: { producerToken: PRODUCER, ingestToken: INGEST, alertDurationMs: 60_000, autoAirAlerts: false },
        webRoot: WEB_ROOT,
      });
      await s.listen(port);
      return s;
    };
    const auth = { authorization: `Bearer ${PRODUCER}`, 'content-type': 'application/json' };
    const post = (path: string, body: unknown, method = 'POST') =>
      fetch(`http://127.0.0.1:${port}${path}`, { method, headers: auth, body: JSON.stringify(body) });

    let server = await make();
    const browser = await launchBrowser();
    try {
      await post('/api/races/ga-president-2020', GEORGIA, 'PUT');
      await post('/api/races/ga-president-2020/results', GA_BEFORE);
      await post('/api/graphics/air', { layer: 'lowerThird', graphic: { type: 'race', raceId: 'ga-president-2020' } });
      const page = await openOverlay(browser, `http://127.0.0.1:${port}`, { viewport: HALF, timeout: 15_000 });
      await poll(() => mirrorText(page, 'lowerThird')).toContain('Trump leads by 463');
      await settled(page);
      const before = await screenshot(page);

      await server.close();
      await poll(() => page.evaluate(() => document.body.dataset.connected)).toBe('false');
      // A batch arrives at the store while this server is away (another instance, say).
      await store.applyBatch('ga-president-2020', GA_FLIP);
      await page.waitForTimeout(1_000);
      expect(diffPixels(before, await screenshot(page))).toBe(0);
      expect(await mirrorText(page, 'lowerThird')).toContain('Trump leads by 463');

      server = await make();
      await poll(() => mirrorText(page, 'lowerThird')).toContain('Biden leads by 917');
      expect(await page.evaluate(() => document.body.dataset.connected)).toBe('true');
      expect(await inAnimations(page, 'lowerThird')).toBe(1);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
