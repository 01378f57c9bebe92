import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, CallProposal, FeedStatus, GraphicsState, RaceView } from '../../shared/index.js';
import { FEED_KINDS } from '../../server/feeds/kinds.js';
import { apRace, apSteps, startFakeAp, type FakeAp } from '../../scripts/fakes/ap.js';
import { hourlyApFeed } from '../helpers/apFeed.js';
import { browserUnavailable, launchBrowser, openPage, WEB_ROOT } from '../helpers/browser.js';
import { eventually, GEORGIA, PRODUCER, startLeadWire, type LeadWire } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';

const unavailable = browserUnavailable();
const memory = storeKinds().find((k) => k.name === 'memory')!;

const GA = 'ga-president-2020';
const MEASURE = 'ca-prop-22';
const BOARD = 'az-school-board';

/** Georgia from AP: Biden ahead by 917; `winner: 'X'` on a candidate is AP's call. */
const apGeorgia = (lastUpdated: string, o: { biden?: 'X'; test?: boolean } = {}) =>
  apRace({
    statePostal: 'GA',
    stateName: 'Georgia',
    raceID: '0',
    officeName: 'President',
    ...(o.test ? { test: true } : {}),
    units: [
      {
        lastUpdated,
        candidates: [
          { first: 'Joe', last: 'Biden', party: 'Dem', candidateID: '1036', ballotOrder: 1, voteCount: 2_449_371, ...(o.biden ? { winner: o.biden } : {}) },
          { first: 'Donald', last: 'Trump', party: 'GOP', candidateID: '8639', ballotOrder: 2, voteCount: 2_448_454 },
        ],
      },
    ],
  });

/** The text of the overlay page's visually hidden mirror for one layer, or null when the layer is off screen. */
const mirror = (page: Page, layer: string) =>
  page.evaluate((l) => document.querySelector(`#on-air [data-layer="${l}"]`)?.textContent ?? null, layer);
const pageErrors = (page: Page) => (page as Page & { errors: string[] }).errors;

describe.skipIf(unavailable !== null)(`control panel: calls (/control/)${unavailable ? ` — skipped: ${unavailable}` : ''}`, () => {
  let browser: Browser;
  let lw: LeadWire;
  let ap: FakeAp;
  const opened: Page[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.allSettled(opened.splice(0).map((p) => p.context().close()));
    await lw?.close();
    await ap?.close();
  });

  /** A server with an AP feed on Georgia (a long interval: the test polls), a ballot measure and a vote-for-3 race. */
  async function setup() {
    ap = await startFakeAp();
    const configs = hourlyApFeed(ap.electionUrl, { GA });
    lw = await startLeadWire({ store: await memory.make(), webRoot: WEB_ROOT, alertDurationMs: 60_000, feeds: { configs, kinds: FEED_KINDS } });
    expect((await lw.api('PUT', `/api/races/${GA}`, { body: { ...GEORGIA, candidates: GEORGIA.candidates.slice(0, 2) } })).status).toBe(201);
    await eventually(async () => ((await lw.api<FeedStatus[]>('GET', '/api/feeds')).body[0]!.polls >= 1 ? true : undefined), 20_000, 'the first AP poll');
    return lw;
  }

  /** AP calls Georgia for Biden; the next poll brings the call in as a proposal. */
  async function apCalls(o: { test?: boolean } = {}) {
    ap.push(apSteps.delta([apGeorgia('2020-11-07T16:25:00Z', { biden: 'X', ...o })]));
    expect((await lw.api('POST', '/api/feeds/ap/poll')).status).toBe(200);
    await eventually(async () => ((await lw.api<CallProposal[]>('GET', '/api/calls?status=proposed')).body.length === 1 ? true : undefined), 20_000, 'the proposal');
  }

  async function open(path: string): Promise<Page> {
    const page = await openPage(browser, `${lw.base}${path}`);
    opened.push(page);
    return page;
  }

  async function panel(viewport?: { width: number; height: number }): Promise<Page> {
    const page = await openPage(browser, `${lw.base}/control/?key=${PRODUCER}&monitors=off`, viewport);
    opened.push(page);
    await page.getByRole('button', { name: /^Take/ }).waitFor({ state: 'visible', timeout: 20_000 });
    return page;
  }

  const card = (page: Page, name: RegExp) => page.getByRole('list', { name: 'Races' }).getByRole('button', { name });
  const queue = (page: Page) => page.getByRole('list', { name: 'Calls to approve' });
  const decided = (page: Page) => page.getByRole('list', { name: 'Decided calls' });
  const graphics = async () => (await lw.api<GraphicsState>('GET', '/api/graphics')).body;
  const ga = async () => (await lw.api<RaceView>('GET', `/api/races/${GA}`)).body;
  const pendingAlerts = async () => (await lw.api<Alert[]>('GET', '/api/alerts?status=pending')).body;
  const slow = { timeout: 20_000 };

  it('queues AP’s call with its source; Accept calls the race and queues its alert, AIR puts the projected winner on program, withdrawing from the card takes it off', { timeout: 90_000 }, async () => {
    await setup();
    const page = await panel();
    const program = await open('/overlay/?channel=program');
    await apCalls();

    const proposal = queue(page).getByRole('listitem');
    await proposal.waitFor(slow);
    await expect.poll(() => proposal.textContent(), slow).toMatch(/WINNER[\s\S]*AP[\s\S]*Georgia President[\s\S]*Joe Biden \(DEM\)/);
    expect(await page.getByRole('heading', { name: 'Calls to approve' }).isVisible()).toBe(true);
    expect((await ga()).call).toBeNull(); // waiting for the desk

    await page.getByRole('button', { name: 'Accept call: Georgia President — Joe Biden (AP)' }).click();
    await expect.poll(() => card(page, /^Georgia President/).locator('.tag-called').textContent(), slow).toBe('✓ CALLED · BIDEN');
    await expect.poll(() => card(page, /^Georgia President/).locator('.race-line').textContent(), slow).toMatch(/^✓ AP call, accepted \d\d:\d\dZ$/);
    expect(await card(page, /^Georgia President/).getAttribute('aria-label')).toMatch(/· AP call, accepted \d\d:\d\dZ \(called for Biden/);
    await expect.poll(() => decided(page).textContent(), slow).toMatch(/ACCEPTED[\s\S]*Georgia President — Joe Biden \(DEM\)[\s\S]*AP · accepted by producer \d\d:\d\d:\d\dZ/);
    await expect.poll(() => queue(page).getByRole('listitem').count(), slow).toBe(0);
    await expect.poll(() => page.locator('.calls-pane .alert-count').textContent(), slow).toBe('none waiting');

    // The call alert waits in the alert queue; AIR puts the banner on program.
    const air = page.getByRole('button', { name: 'Air alert: Georgia President projected winner Joe Biden' });
    await air.waitFor(slow);
    await expect.poll(() => page.getByRole('list', { name: 'Pending alerts' }).textContent(), slow).toMatch(/PROJECTED WINNER[\s\S]*Projected winner: Joe Biden \(DEM\)[\s\S]*AP call accepted by producer/);
    await air.click();
    await expect.poll(async () => (await graphics()).program.alert, slow).toEqual({ type: 'call', raceId: GA });
    await expect.poll(() => mirror(program, 'alert'), slow).toMatch(/PROJECTED WINNER[\s\S]*Joe Biden/);

    // Withdrawn from the picked race's card: the banner leaves program at once, the card is no longer called.
    await card(page, /^Georgia President/).click();
    await page.getByRole('button', { name: 'Withdraw call: Georgia President' }).click();
    await page.getByRole('button', { name: 'Confirm withdraw call: Georgia President' }).click();
    await expect.poll(async () => (await graphics()).program.alert, slow).toBeNull();
    await expect.poll(() => mirror(program, 'alert'), slow).toBeNull();
    await expect.poll(() => card(page, /^Georgia President/).locator('.tag-called').count(), slow).toBe(0);
    expect((await ga()).call).toBeNull();
    expect(pageErrors(page)).toEqual([]);
  });

  it('Reject calls nothing and airs nothing; the decision moves to the history, and a TEST proposal says TEST', { timeout: 90_000 }, async () => {
    await setup();
    // A producer's laptop: the waiting call and both its buttons are in view without scrolling anything.
    const page = await panel({ width: 1366, height: 768 });
    const program = await open('/overlay/?channel=program');
    await apCalls({ test: true });

    const proposal = queue(page).getByRole('listitem');
    await expect.poll(() => proposal.textContent(), slow).toContain('TEST');
    const reject = page.getByRole('button', { name: 'Reject call: Georgia President — Joe Biden (AP, TEST)' });
    const accept = page.getByRole('button', { name: 'Accept call: Georgia President — Joe Biden (AP, TEST)' });
    const pane = (await queue(page).boundingBox())!;
    for (const b of [accept, reject]) {
      const box = (await b.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(pane.y);
      expect(box.y + box.height).toBeLessThanOrEqual(Math.min(pane.y + pane.height, 768));
      expect(box.x + box.width).toBeLessThanOrEqual(1366);
    }
    await reject.click();
    await expect.poll(() => decided(page).textContent(), slow).toMatch(/REJECTED[\s\S]*Georgia President — Joe Biden \(DEM\)[\s\S]*AP · TEST · rejected by producer/);
    await expect.poll(() => queue(page).getByRole('listitem').count(), slow).toBe(0);
    expect((await ga()).call).toBeNull();
    expect(await pendingAlerts()).toEqual([]);
    expect((await graphics()).program.alert).toBeNull();
    expect(await mirror(program, 'alert')).toBeNull();
    expect(await card(page, /^Georgia President/).locator('.tag-called').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows a measure’s YES/NO shares and pass line, and a vote-for-3 race’s winning set with the tie at the cut-off', { timeout: 60_000 }, async () => {
    await setup();
    const measure = { title: 'Proposition 22', jurisdiction: 'California', candidates: [{ id: 'yes', name: 'Yes' }, { id: 'no', name: 'No' }], kind: 'measure', passPct: 60 };
    expect((await lw.api('PUT', `/api/races/${MEASURE}`, { body: measure, token: 'ingest' })).status).toBe(201);
    expect((await lw.api('POST', `/api/races/${MEASURE}/results`, { body: { asOf: '2020-11-04T06:00:00Z', votes: { yes: 6_200, no: 3_800 }, reporting: { reported: 72, total: 100, unit: 'precincts' } }, token: 'ingest' })).status).toBe(200);
    const board = {
      title: 'School Board',
      jurisdiction: 'Arizona',
      seats: 3,
      candidates: ['Adams', 'Baker', 'Clark', 'Diaz', 'Evans'].map((n) => ({ id: n.toLowerCase(), name: `Pat ${n}` })),
    };
    expect((await lw.api('PUT', `/api/races/${BOARD}`, { body: board, token: 'ingest' })).status).toBe(201);
    expect((await lw.api('POST', `/api/races/${BOARD}/results`, { body: { asOf: '2020-11-04T06:00:00Z', votes: { adams: 500, baker: 400, clark: 300, diaz: 300, evans: 100 } }, token: 'ingest' })).status).toBe(200);
    const page = await panel();

    const prop = card(page, /^California Proposition 22/);
    await expect.poll(() => prop.locator('.race-lead').textContent(), slow).toBe('YES 62.0% · NO 38.0%');
    expect(await prop.locator('.race-line').textContent()).toBe('needs 60% · passing');
    expect(await prop.locator('.race-count').textContent()).toContain('72% of precincts reporting');
    expect(await prop.getAttribute('aria-label')).toContain('needs 60% · passing');

    const school = card(page, /^Arizona School Board/);
    await expect.poll(() => school.locator('.race-lead').textContent(), slow).toBe('Vote for 3 · tied for the last seat at 300');
    expect(await school.locator('.race-line').textContent()).toBe('● winning: Adams, Baker= tied for the last seat: Clark, Diaz');
    expect(await school.locator('.cand-mark').allTextContents()).toEqual(['● IN', '● IN', '= TIE', '= TIE', '']);
    expect(await school.getAttribute('aria-label')).toContain('winning: Adams, Baker · tied for the last seat: Clark, Diaz');
    expect(pageErrors(page)).toEqual([]);
  });
});
