import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphicsState } from '../../shared/index.js';
import { browserUnavailable, mirrorText, openOverlay } from '../helpers/browser.js';
import { startWithPages, useBrowser } from '../helpers/browser-suite.js';
import type { LeadWire } from '../helpers/server.js';
import { AZ, defineShow, expectedText, GA, openPanel, PA, raceCard } from '../helpers/show.js';

// The show's graphics cued from the panel's buttons (nothing typed but numbers), taken to program, read back from
// the program overlay's mirror. One server for the file: each test clears what it put on air.
const why = browserUnavailable();
const poll = <T>(fn: () => T | Promise<T>, timeout = 20_000) => expect.poll(fn, { timeout, interval: 100 });

describe.skipIf(why !== null)(`the show's graphics from the control panel${why ? ` (skipped: ${why})` : ''}`, () => {
  let lw: LeadWire;
  const browser = useBrowser(async () => {
    for (const layer of ['fullscreen', 'lowerThird', 'ticker']) {
      await lw.api('POST', '/api/graphics/clear', { body: { layer } });
      await lw.api('POST', '/api/graphics/clear', { body: { layer, channel: 'preview' } });
    }
  });
  beforeAll(async () => {
    lw = await startWithPages();
    await defineShow(lw);
  });
  afterAll(async () => lw?.close());

  const graphics = async () => (await lw.api<GraphicsState>('GET', '/api/graphics')).body;
  const open = async () => {
    const panel = await openPanel(browser(), lw);
    const program = await openOverlay(browser(), lw.base, { viewport: { width: 960, height: 540 } });
    return { panel, program };
  };
  const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name });
  const fullTake = (page: Page) => button(page, /^Full-screen take to program/);

  it('cues a full-screen board of Georgia and a key-races board by buttons, and each goes to program on the full-screen TAKE', async () => {
    const { panel, program } = await open();
    await raceCard(panel, /^Georgia President/).click();
    await button(panel, 'Cue full-screen board: Georgia President').click();
    await poll(async () => (await graphics()).preview.fullscreen).toEqual({ type: 'board', raceId: GA });
    await poll(() => fullTake(panel).getAttribute('aria-label')).toBe('Full-screen take to program: Board: Georgia President');
    await fullTake(panel).click();
    await poll(async () => (await graphics()).program.fullscreen).toEqual({ type: 'board', raceId: GA });
    await poll(() => mirrorText(program, 'fullscreen')).toBe(await expectedText(lw, { type: 'board', raceId: GA }, 'fullscreen'));
    await poll(() => panel.locator('.tally [data-layer="fullscreen"]').textContent()).toMatch(/FULL SCREEN\s*ON AIR\s*Board: Georgia President/);

    // Too few ticked: refused on the panel, nothing cued.
    await panel.getByLabel('Georgia President', { exact: true }).check();
    await button(panel, 'Cue key races board: 1 race ticked').click();
    await panel.getByRole('alert').filter({ hasText: 'Cue key races: tick 2 to 8 races (1 ticked)' }).waitFor();
    await panel.getByLabel('Arizona President', { exact: true }).check();
    await panel.getByLabel('Pennsylvania President', { exact: true }).check();
    await panel.getByLabel('Key races title (optional)').fill('Battlegrounds');
    await button(panel, 'Cue key races board: 3 races ticked').click();
    const keyRaces = { type: 'keyRaces', raceIds: [AZ, GA, PA], title: 'Battlegrounds' };
    await poll(async () => (await graphics()).preview.fullscreen).toEqual(keyRaces);
    // The F key is the full-screen TAKE.
    await panel.keyboard.press('f');
    await poll(async () => (await graphics()).program.fullscreen).toEqual(keyRaces);
    await poll(() => mirrorText(program, 'fullscreen')).toBe(await expectedText(lw, keyRaces, 'fullscreen'));
    expect((await mirrorText(program, 'fullscreen'))?.split('\n')[0]).toBe('BATTLEGROUNDS');

    await button(panel, 'Clear full screen (program)').click();
    await poll(() => mirrorText(program, 'fullscreen')).toBeNull();
    expect(panel.errors).toEqual([]);
  });

  it('shows the electoral-vote balance full screen and as a lower-third strip, from two numbers typed', async () => {
    const { panel, program } = await open();
    await panel.getByLabel('Base DEM').fill('253');
    await panel.getByLabel('Base REP').fill('214');
    await button(panel, /^Cue balance full screen/).click();
    const balance = { type: 'balance', target: 270, raceIds: 'all', base: { DEM: 253, REP: 214 } };
    await poll(async () => (await graphics()).preview.fullscreen).toEqual(balance);
    await fullTake(panel).click();
    await poll(() => mirrorText(program, 'fullscreen')).toBe(await expectedText(lw, balance, 'fullscreen'));
    expect(await mirrorText(program, 'fullscreen')).toContain('270 TO WIN');

    await button(panel, /^Cue balance lower third/).click();
    await poll(async () => (await graphics()).preview.lowerThird).toEqual(balance);
    await panel.keyboard.press('t');
    await poll(() => mirrorText(program, 'lowerThird')).toBe(await expectedText(lw, balance, 'lowerThird'));
    expect(panel.errors).toEqual([]);
  });

  it('runs the ticker from the panel and Pause holds it on program until Resume', async () => {
    const { panel, program } = await open();
    await panel.getByLabel('Seconds each').fill('2');
    await button(panel, /^Cue ticker/).click();
    await poll(async () => (await graphics()).preview.ticker).toEqual({ type: 'ticker', raceIds: [AZ, GA, PA], dwellSeconds: 2 });
    await button(panel, /^Ticker take to program/).click();
    await poll(() => mirrorText(program, 'ticker')).toContain('Arizona President');

    await button(panel, 'Pause ticker (program)').click();
    await poll(async () => (await graphics()).program.ticker).toMatchObject({ type: 'ticker', paused: true });
    // The program overlay holds its line: it learns the hold from the push it follows.
    await poll(() => program.evaluate(() => window.leadwire!.state().layers.ticker)).toMatchObject({ paused: true });
    await panel.getByRole('status').filter({ hasText: 'Ticker held on program' }).waitFor();
    await poll(() => button(panel, 'Pause ticker (program)').textContent()).toContain('held');

    await button(panel, 'Resume ticker (program)').click();
    await poll(async () => (await graphics()).program.ticker).not.toMatchObject({ paused: true });
    await poll(() => program.evaluate(() => window.leadwire!.state().layers.ticker)).not.toMatchObject({ paused: true });
    await poll(() => button(panel, 'Pause ticker (program)').textContent()).toContain('running');
    expect(panel.errors).toEqual([]);
  });
});
