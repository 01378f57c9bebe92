import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserUnavailable, openPage } from '../helpers/browser.js';
import { startWithPages, useBrowser } from '../helpers/browser-suite.js';
import { solidPng } from '../helpers/assets.js';
import { GA_FLIP, GEORGIA } from '../helpers/fixtures.js';
import { PRODUCER, type LeadWire } from '../helpers/server.js';

const why = browserUnavailable();
/** Generous: every wait is on a condition, so a loaded machine only makes it slower. */
const WAIT_MS = 60_000;
const GA = 'ga-president-2020';

describe.skipIf(why !== null)(`the control panel's Theme page in Chromium${why ? ` (skipped: ${why})` : ''}`, () => {
  let lw: LeadWire;
  const browser = useBrowser(() => lw?.close());
  const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: WAIT_MS, interval: 100 });

  it('edits colours with their contrast in words, refuses unreadable text, saves, uploads a logo, and the preview monitor restyles', { timeout: 3 * WAIT_MS }, async () => {
    lw = await startWithPages();
    expect((await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA })).status).toBe(201);
    expect((await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP })).status).toBe(200);

    // The panel's one way in: a Theme link.
    const panel = await openPage(browser(), `${lw.base}/control/?key=${PRODUCER}&monitors=off`, { width: 1400, height: 900 });
    await panel.getByRole('link', { name: 'Theme' }).click();
    await panel.waitForURL(/page=theme/);
    const page = panel;
    const panelHex = page.getByLabel('Panel as #rrggbb');
    await poll(() => panelHex.inputValue()).toBe('#0a1d3f');
    const monitor = page.frameLocator('iframe.theme-monitor-frame');
    await poll(() => monitor.locator('body').getAttribute('data-theme-revision')).toBe('0');

    // Cue the board on preview from the page itself.
    await page.getByRole('button', { name: 'Cue board' }).click();
    await poll(() => monitor.locator('#on-air [data-layer="fullscreen"]').count()).toBe(1);

    await panelHex.fill('#3a0d2e');
    const textHex = page.getByLabel('Text as #rrggbb');
    await textHex.fill('#5a3050');
    const line = page.locator('.theme-contrast li[data-field="colors.text"]');
    await poll(() => line.textContent()).toMatch(/✗ Text on panel.*too low \(needs 4\.5:1\)/);
    await page.getByRole('button', { name: 'Save theme' }).click();
    await poll(() => page.getByRole('status').textContent()).toMatch(/Not saved: colors\.text/);
    expect((await lw.api('GET', '/api/theme')).body.colors.panel).toBe('#0a1d3f');

    await textHex.fill('#ffffff');
    await poll(() => line.textContent()).toMatch(/✓ Text on panel.*reads/);
    await page.getByRole('button', { name: 'Save theme' }).click();
    await poll(() => page.getByRole('status').textContent()).toMatch(/Saved/);
    expect((await lw.api('GET', '/api/theme')).body.colors).toMatchObject({ panel: '#3a0d2e', text: '#ffffff' });
    await poll(() => monitor.locator('body').getAttribute('data-theme-panel')).toBe('#3a0d2e');

    const file = join(tmpdir(), `leadwire-logo-${process.pid}.png`);
    await writeFile(file, solidPng('#ffd400', 200, 100));
    await page.getByLabel('Upload Logo').setInputFiles(file);
    await poll(() => page.getByRole('status').textContent()).toMatch(/Logo uploaded as logo\.png \(image\/png\)/);
    await page.getByRole('button', { name: 'Save theme' }).click();
    await poll(async () => (await lw.api('GET', '/api/theme')).body.logo).toBe('logo.png');
    await poll(() => monitor.locator('body').getAttribute('data-logo')).toBe('shown');
    expect(page.errors).toEqual([]);
  });
});
