import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

/** Debian's Chromium; nothing is ever downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The built pages the server serves in browser tests (`npm test` builds them first). */
export const WEB_ROOT = resolve(import.meta.dirname, '../../dist/web');

/** Why browser tests cannot run here, or null when they can. */
export function browserUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
  if (!existsSync(resolve(WEB_ROOT, 'overlay/index.html'))) return `pages not built in ${WEB_ROOT} (npm run build)`;
  return null;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // Keep timers and rAF running in background tabs: two pages are often open at once.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
      '--enable-unsafe-swiftshader',
    ],
  });
}

/**
 * A page at device scale 1, 1920×1080 as OBS captures it unless told otherwise (software WebGL makes full-HD
 * screenshots take seconds, so pixel tests use a half-size window: the overlay scales its 1920×1080 stage).
 * Page errors are collected in `errors`.
 */
export async function openPage(
  browser: Browser,
  url: string,
  viewport = { width: 1920, height: 1080 },
): Promise<Page & { errors: string[] }> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = Object.assign(await context.newPage(), { errors: [] as string[] });
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(url);
  return page;
}

/** What an overlay page (or a control panel's monitor frame) says about its own rendering (`window.leadwire`). */
export interface RenderStats {
  /** Frames rendered since the page loaded. */
  frames: number;
  /** Producing frames right now (a change waits to be drawn, or an animation runs). */
  rendering: boolean;
  animating: boolean;
  paused: boolean;
}

export function renderStats(target: Page | Frame): Promise<RenderStats> {
  return target.evaluate(() => {
    const lw = window.leadwire!;
    return { frames: lw.framesRendered, rendering: lw.rendering, animating: lw.animating(), paused: lw.paused };
  });
}

/** The text of the on-air page's mirror for `layer` (what the layer shows, in words), or null when it is empty. */
export function mirrorText(target: Page | Frame, layer: string): Promise<string | null> {
  return target.evaluate((l) => document.querySelector(`#on-air [data-layer="${l}"]`)?.textContent ?? null, layer);
}

/** A screenshot that keeps the page's transparency. */
export function screenshot(page: Page): Promise<Buffer> {
  return page.screenshot({ omitBackground: true });
}

/**
 * Opens the on-air overlay of the server at `base` on `channel` and resolves once the page says it is ready.
 * @param o.channel `program` by default
 * @param o.viewport 1920×1080 by default (as `openPage`)
 * @param o.timeout how long the page may take to be ready, 20 s by default
 */
export async function openOverlay(
  browser: Browser,
  base: string,
  o: { channel?: 'program' | 'preview'; viewport?: { width: number; height: number }; timeout?: number } = {},
): Promise<Page & { errors: string[] }> {
  const page = await openPage(browser, `${base}/overlay/?channel=${o.channel ?? 'program'}`, o.viewport);
  await page.waitForSelector('body[data-ready="true"]', { timeout: o.timeout ?? 20_000 });
  return page;
}
