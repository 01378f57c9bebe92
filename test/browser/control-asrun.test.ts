import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../server/app.js';
import { silentLogger } from '../../server/logger.js';
import type { AsRunEntry } from '../../shared/index.js';
import { browserUnavailable, launchBrowser, openPage, WEB_ROOT } from '../helpers/browser.js';
import { GA_BEFORE, GA_FLIP, GEORGIA, INGEST, PRODUCER } from '../helpers/server.js';
import { manualClock, storeKinds } from '../helpers/stores.js';

const unavailable = browserUnavailable();
const memory = storeKinds().find((k) => k.name === 'memory')!;
const GA = 'ga-president-2020';
/** A named producer, as a `LEADWIRE_TOKENS` file holds her (the hash only). */
const MARIA = 'maria-token-5b7e1f0a9c';
const NAMED = [{ name: 'Maria', role: 'producer' as const, sha256: createHash('sha256').update(MARIA).digest('hex') }];
const GA_LATER = { asOf: '2020-11-06T10:30:00.000Z', votes: { biden: 2_450_000, trump: 2_448_900, other: 61_100 } };
/** Set LEADWIRE_SHOTS=<dir> to keep screenshots of the view at 1366×768 and 1920×1080. */
const SHOTS = process.env.LEADWIRE_SHOTS;
const WAIT = { timeout: 20_000 };

describe.skipIf(unavailable !== null)(`control panel: As run${unavailable ? ` — skipped: ${unavailable}` : ''}`, () => {
  let browser: Browser;
  let close: (() => Promise<void>) | null = null;
  const opened: Page[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.allSettled(opened.splice(0).map((p) => p.context().close()));
    await close?.();
    close = null;
  });

  /** A server with the env tokens and Maria's, on a clock the test sets, serving the built pages. */
  async function setup() {
    const clock = manualClock('2020-11-06T21:00:00.000Z');
    const server = createServer({
      store: await memory.make(clock),
      clock,
      logger: silentLogger(),
      config: { producerToken: PRODUCER, ingestToken: INGEST, alertDurationMs: 60_000, autoAirAlerts: false, namedTokens: NAMED },
      webRoot: WEB_ROOT,
    });
    const base = `http://127.0.0.1:${await server.listen(0)}`;
    close = () => server.close();
    const api = async (method: string, path: string, body?: unknown, token = INGEST) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text() };
    };
    expect((await api('PUT', `/api/races/${GA}`, GEORGIA)).status).toBe(201);
    expect((await api('POST', `/api/races/${GA}/results`, GA_BEFORE)).status).toBe(200);
    return { clock, base, api };
  }

  async function panel(base: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
    const page = await openPage(browser, `${base}/control/?key=${MARIA}&monitors=off`, viewport);
    opened.push(page);
    await page.getByRole('button', { name: /^Take/ }).waitFor({ state: 'visible', ...WAIT });
    return page;
  }

  it('lists what was on program with its versions, who took it, when the race last aired, and exports the CSV', async () => {
    const { clock, base, api } = await setup();
    const page = await panel(base);
    await page.getByText('Signed in as Maria (producer)').waitFor(WAIT);

    // Cue and take Georgia at 21:14:05, two batches while it is up, cleared at 21:17:00.
    clock.set('2020-11-06T21:14:05.000Z');
    const card = page.getByRole('list', { name: 'Races' }).getByRole('button', { name: /Georgia President/ });
    await card.click();
    await page.locator('.race.in-preview').waitFor(WAIT);
    await page.getByRole('button', { name: /^Take/ }).click();
    await page.locator('.race.on-program').waitFor(WAIT);
    await card.getByText('on air now').waitFor(WAIT);
    clock.set('2020-11-06T21:15:00.000Z');
    expect((await api('POST', `/api/races/${GA}/results`, GA_FLIP)).status).toBe(200);
    clock.set('2020-11-06T21:16:00.000Z');
    expect((await api('POST', `/api/races/${GA}/results`, GA_LATER)).status).toBe(200);
    clock.set('2020-11-06T21:17:00.000Z');
    await page.getByRole('button', { name: /^Clear lower third/ }).click();
    await card.getByText('last aired 21:17:00Z').waitFor(WAIT);

    const asRun = (await api('GET', '/api/as-run', undefined, PRODUCER)).body as AsRunEntry[];
    expect(asRun).toHaveLength(1);
    expect(asRun[0]!.shown.map((v) => v.at)).toEqual(['2020-11-06T21:14:05.000Z', '2020-11-06T21:15:00.000Z', '2020-11-06T21:16:00.000Z']);

    await page.getByRole('button', { name: 'As run', exact: true }).click();
    const timeline = page.getByRole('list', { name: 'As run timeline' });
    const entry = timeline.locator('.run-entry');
    await entry.first().waitFor(WAIT);
    expect(await entry.count()).toBe(1);
    expect(await entry.locator('.run-layer').textContent()).toBe('LOWER THIRD');
    expect(await entry.locator('.run-what').textContent()).toBe('Georgia President');
    expect(await entry.locator('.run-span').textContent()).toBe('21:14:05Z – 21:17:00Z · 2 min 55 s');
    const versions = entry.getByRole('list', { name: 'Versions shown' }).locator('li');
    expect(await versions.count()).toBe(3);
    for (const [i, v] of asRun[0]!.shown.entries()) {
      expect(await versions.nth(i).locator('.v-n').textContent()).toBe(String(i + 1));
      expect(await versions.nth(i).locator('.v-at').textContent()).toBe(v.at.slice(11, 19) + 'Z');
      expect(await versions.nth(i).locator('.v-text').textContent()).toBe(v.text);
    }

    // The event log, newest first: the clear, then (older) the take, both Maria's.
    const log = page.getByRole('list', { name: 'Event log' });
    const take = log.locator('li', { hasText: 'take lowerThird → Georgia President' });
    await take.waitFor(WAIT);
    expect((await take.textContent())?.replace(/\s+/g, ' ')).toContain('21:14:05ZMaria (producer)take lowerThird → Georgia President');
    const lines = await log.locator('li').allTextContents();
    expect(lines.findIndex((l) => l.includes('clear lowerThird'))).toBeLessThan(lines.findIndex((l) => l.includes('take lowerThird')));
    expect(lines.some((l) => l.includes('ingest') && l.includes('batch Georgia President'))).toBe(true);

    // A filter by type asks the server again.
    await page.getByRole('combobox', { name: 'Event type' }).selectOption('graphics');
    await expect.poll(() => log.locator('li').count(), WAIT).toBe(3);
    expect((await log.locator('li').allTextContents()).every((l) => /cue|take|clear/.test(l))).toBe(true);

    if (SHOTS) await shots(page, base, 'asrun');

    // Export CSV: fetched with the bearer header, handed over as a file; the token is nowhere on the page.
    const [csv, download] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/as-run.csv'), WAIT),
      page.waitForEvent('download', WAIT),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect(download.suggestedFilename()).toMatch(/^as-run-.*\.csv$/);
    expect(await page.content()).not.toContain(MARIA);
    expect(page.url()).not.toContain(MARIA);

    // Back to live: the switching column is there again.
    await page.getByRole('button', { name: 'Live', exact: true }).click();
    await page.getByRole('button', { name: /^Take/ }).waitFor({ state: 'visible', ...WAIT });
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
  });

  async function shots(page: Page, base: string, name: string): Promise<void> {
    mkdirSync(SHOTS!, { recursive: true });
    await page.getByRole('combobox', { name: 'Event type' }).selectOption('');
    await page.getByRole('list', { name: 'Event log' }).locator('li', { hasText: 'batch' }).first().waitFor(WAIT);
    await page.screenshot({ path: join(SHOTS!, `${name}-1366x768.png`) });
    const big = await panel(base, { width: 1920, height: 1080 });
    await big.getByRole('button', { name: 'As run', exact: true }).click();
    await big.getByRole('list', { name: 'Event log' }).locator('li').first().waitFor(WAIT);
    await big.screenshot({ path: join(SHOTS!, `${name}-1920x1080.png`) });
    await big.getByRole('button', { name: 'Live', exact: true }).click();
    await big.screenshot({ path: join(SHOTS!, `live-1920x1080.png`) });
    await page.getByRole('combobox', { name: 'Event type' }).selectOption('graphics');
  }
});
