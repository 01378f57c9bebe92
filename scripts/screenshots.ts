/**
 * `npm run screenshots`: PNGs of the on-air graphics, the control panel (1920×1080 and a 1366×768 laptop) and the
 * OBS dock (400 px wide, the whole column) into docs/, for the README.
 * Starts its own LeadWire on a free port with the embedded store, plays the demo night up to Georgia's
 * flip, airs graphics through the API, and photographs the pages in Debian's Chromium.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Alert } from '../shared/index.js';
import { createServer } from '../server/app.js';
import { systemClock } from '../server/clock.js';
import { DEMO_RACES } from '../server/demo/races.js';
import { demoNight } from '../server/demo/scenario.js';
import { silentLogger } from '../server/logger.js';
import { MemoryBackend } from '../server/store/memory.js';
import { Store } from '../server/store/store.js';
import { browserUnavailable, launchBrowser, openPage, WEB_ROOT } from '../test/helpers/browser.js';

const DOCS = resolve(import.meta.dirname, '../docs');
/** Florida's 2020 minimum-wage amendment: a measure that needed 60% (it passed with 60.8%). */
const FL_AMENDMENT_2 = {
  title: 'Amendment 2 · $15 minimum wage',
  jurisdiction: 'Florida',
  kind: 'measure',
  passPct: 60,
  candidates: [
    { id: 'yes', name: 'Yes' },
    { id: 'no', name: 'No' },
  ],
};
const FL_AMENDMENT_2_COUNT = {
  raceId: 'fl-amendment-2-2020',
  asOf: '2020-11-04T06:00:00.000Z',
  votes: { yes: 6_391_753, no: 4_117_811 },
  reporting: { reported: 66, total: 67, unit: 'counties' },
};
const TOKENS = { producerToken: 'screenshot-producer', ingestToken: 'screenshot-ingest' };

async function main() {
  const why = browserUnavailable();
  if (why) throw new Error(why);
  mkdirSync(DOCS, { recursive: true });
  const store = new Store(new MemoryBackend(), { clock: systemClock });
  const server = createServer({
    store,
    clock: systemClock,
    logger: silentLogger(),
    config: { ...TOKENS, alertDurationMs: 600_000, autoAirAlerts: false },
    webRoot: WEB_ROOT,
  });
  const base = `http://127.0.0.1:${await server.listen(0)}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKENS.producerToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };

  for (const r of DEMO_RACES) await call('PUT', `/api/races/${r.id}`, r.definition);
  for (const updates of demoNight(DEMO_RACES).slice(0, 11)) if (updates.length) await call('POST', '/api/results', { updates });
  const [alert] = (await call('GET', '/api/alerts?status=pending')) as Alert[];
  if (!alert) throw new Error('the demo night produced no lead-change alert');

  const browser = await launchBrowser();
  try {
    const shoot = async (page: Page, name: string) => {
      await page.screenshot({ path: resolve(DOCS, name) });
      process.stdout.write(`wrote docs/${name}\n`);
    };
    const overlay = await openPage(browser, `${base}/overlay/?channel=program&bg=%23141a2e`);
    await overlay.waitForSelector('body[data-ready="true"]');

    await call('POST', '/api/graphics/air', { layer: 'lowerThird', graphic: { type: 'race', raceId: 'ga-president-2020' } });
    await overlay.waitForSelector('#on-air [data-layer="lowerThird"]');
    await overlay.waitForTimeout(1_500); // let the in-animation and rolling numbers settle
    await shoot(overlay, 'lower-third.png');

    await call('POST', `/api/alerts/${alert.id}/take`);
    await overlay.waitForSelector('#on-air [data-layer="alert"]');
    await overlay.waitForTimeout(1_500);
    await shoot(overlay, 'lead-change-alert.png');

    await call('POST', '/api/graphics/cue', { layer: 'lowerThird', graphic: { type: 'race', raceId: 'pa-president-2020' } });
    await overlay.context().close(); // one software-WebGL page fewer while the monitors start
    const panelAt = async (viewport: { width: number; height: number }, name: string) => {
      const control = await openPage(browser, `${base}/control/?key=${TOKENS.producerToken}`, viewport);
      // The monitors are the real overlay pages: wait until both have drawn their snapshot.
      await control.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
      for (const frame of control.frames().filter((f) => f.url().includes('/overlay/'))) {
        await frame.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
      }
      await control.waitForTimeout(2_000);
      await shoot(control, name);
      await control.context().close();
    };
    await panelAt({ width: 1920, height: 1080 }, 'control-panel.png');
    // A 1366×768 laptop, the common producer's machine.
    await panelAt({ width: 1366, height: 768 }, 'control-panel-1366.png');
    // The OBS dock (`?dock=1`) as a 400 px custom browser dock, the whole column, with a rundown running on preview
    // (program's layers stay as the shots after this one expect them).
    const battlegrounds = ['ga-president-2020', 'pa-president-2020', 'az-president-2020', 'ga-senate-perdue-2020'];
    await call('PUT', '/api/rundowns/battlegrounds', {
      name: 'Battlegrounds',
      items: [
        { layer: 'fullscreen', graphic: { type: 'board', raceId: 'az-president-2020' }, dwellSeconds: 600 },
        { layer: 'fullscreen', graphic: { type: 'keyRaces', raceIds: battlegrounds, title: 'Battlegrounds' } },
      ],
    });
    await call('POST', '/api/rundowns/battlegrounds/start', { channel: 'preview' });
    const dock = await openPage(browser, `${base}/control/?dock=1&key=${TOKENS.producerToken}`, { width: 400, height: 800 });
    await dock.getByRole('button', { name: 'Pause rundown (preview)' }).waitFor({ state: 'visible' });
    await dock.evaluate(() => document.fonts.ready.then(() => undefined));
    await dock.screenshot({ path: resolve(DOCS, 'control-dock.png'), fullPage: true });
    process.stdout.write('wrote docs/control-dock.png\n');
    await dock.context().close();
    await call('POST', '/api/rundowns/battlegrounds/stop', { channel: 'preview' });
    await call('POST', '/api/graphics/clear', { layer: 'fullscreen', channel: 'preview' });

    // Race kinds: a three-way race, a ballot measure against its pass mark, and the projected-winner banner.
    await call('POST', '/api/graphics/clear', { layer: 'alert' });
    await call('PUT', '/api/races/fl-amendment-2-2020', FL_AMENDMENT_2);
    await call('POST', '/api/results', { updates: [FL_AMENDMENT_2_COUNT] });
    const kinds = await openPage(browser, `${base}/overlay/?channel=program&bg=%23141a2e`);
    await kinds.waitForSelector('body[data-ready="true"]');
    const airAndShoot = async (layer: string, graphic: unknown, name: string | null, text: string) => {
      await call('POST', '/api/graphics/air', { layer, graphic });
      await kinds.waitForFunction(
        ([l, t]) => document.querySelector(`#on-air [data-layer="${l}"]`)?.textContent?.includes(t!) ?? false,
        [layer, text],
      );
      await kinds.waitForTimeout(1_500);
      if (name) await shoot(kinds, name);
    };
    await airAndShoot('lowerThird', { type: 'race', raceId: 'ga-senate-perdue-2020' }, 'lower-third-three-way.png', 'Hazel');
    await airAndShoot('lowerThird', { type: 'race', raceId: 'fl-amendment-2-2020' }, 'lower-third-measure.png', 'NEEDS 60%');
    await call('POST', '/api/races/ga-president-2020/call', { winner: 'biden' });
    await airAndShoot('lowerThird', { type: 'race', raceId: 'ga-president-2020' }, null, 'CALLED');
    await airAndShoot('alert', { type: 'call', raceId: 'ga-president-2020' }, 'call-banner.png', 'PROJECTED WINNER');

    // Full-screen graphics (v2): a board, key races, the balance toward 270 (with the states called before tonight).
    await call('POST', '/api/graphics/clear', { layer: 'alert' });
    await call('POST', '/api/graphics/clear', { layer: 'lowerThird' });
    await airAndShoot('fullscreen', { type: 'board', raceId: 'pa-president-2020' }, 'board.png', 'Pennsylvania');
    await airAndShoot('fullscreen', { type: 'keyRaces', raceIds: battlegrounds, title: 'Battlegrounds' }, 'key-races.png', 'BATTLEGROUNDS');
    await airAndShoot('fullscreen', { type: 'balance', target: 270, raceIds: 'all', base: { DEM: 253, REP: 217 } }, 'balance.png', '270 TO WIN');
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`screenshots failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
