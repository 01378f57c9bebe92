import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, launchBrowser, openPage, WEB_ROOT } from '../helpers/browser.js';
import { GA_BEFORE, GA_FLIP, GEORGIA, INGEST, PRODUCER, startLeadWire, type LeadWire } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';

const unavailable = browserUnavailable();
// Browser tests run against the memory store only, to save time: the store suite already runs every store
// behaviour against both kinds, and what is tested here is the page.
const memory = storeKinds().find((k) => k.name === 'memory')!;

const GA = 'ga-president-2020';
const PA = 'pa-president-2020';
const PENNSYLVANIA = { ...GEORGIA, jurisdiction: 'Pennsylvania', electoralVotes: 20, recount: { marginPct: 0.5 } };
/** Trump back ahead of Biden in Georgia: a second lead change. */
const GA_BACK = { asOf: '2020-11-06T10:30:00.000Z', votes: { biden: 2_449_371, trump: 2_450_000, other: 61_000 } };

/** The text of the overlay page's visually hidden mirror for one layer, or null when the layer is off screen. */
const mirror = (page: Page | Frame, layer: string) =>
  page.evaluate((l) => document.querySelector(`#on-air [data-layer="${l}"]`)?.textContent ?? null, layer);
const pageErrors = (page: Page) => (page as Page & { errors: string[] }).errors;

describe.skipIf(unavailable !== null)(`control panel (/control/)${unavailable ? ` — skipped: ${unavailable}` : ''}`, () => {
  let browser: Browser;
  let lw: LeadWire;
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
  });

  async function setup() {
    lw = await startLeadWire({ store: await memory.make(), webRoot: WEB_ROOT, alertDurationMs: 60_000 });
    expect((await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA, token: 'ingest' })).status).toBe(201);
    expect((await lw.api('POST', `/api/races/${GA}/results`, { body: GA_BEFORE, token: 'ingest' })).status).toBe(200);
    expect((await lw.api('PUT', `/api/races/${PA}`, { body: PENNSYLVANIA, token: 'ingest' })).status).toBe(201);
    return lw;
  }

  async function open(path: string): Promise<Page> {
    const page = await openPage(browser, `${lw.base}${path}`);
    opened.push(page);
    return page;
  }

  /**
   * A control panel signed in with the producer token, once its snapshot is on screen. Its two monitors are
   * real overlay pages (two more pixi renderers), so only the test about monitors turns them on.
   */
  async function panel({ monitors = false } = {}): Promise<Page> {
    const page = await open(`/control/?key=${PRODUCER}${monitors ? '' : '&monitors=off'}`);
    await page.getByRole('button', { name: /^Take/ }).waitFor({ state: 'visible' });
    return page;
  }

  const race = (page: Page, name: RegExp) => page.getByRole('list', { name: 'Races' }).getByRole('button', { name });
  const graphics = async () => (await lw.api('GET', '/api/graphics')).body;
  const pending = async () => (await lw.api('GET', '/api/alerts?status=pending')).body as { id: string }[];
  const lamp = (page: Page, layer: string) => page.locator(`.tally [data-layer="${layer}"]`).textContent();

  it('refuses a wrong or missing token and offers nothing of the panel until the server accepts one', async () => {
    await setup();
    const wrong = await open('/control/?key=not-the-token');
    await wrong.getByText(/Refused by the server: unauthorized/).waitFor();
    expect(await wrong.getByRole('button', { name: /^Take/ }).count()).toBe(0);
    expect(await wrong.getByRole('button', { name: /^Clear/ }).count()).toBe(0);
    expect(await wrong.getByRole('button', { name: /Georgia/ }).count()).toBe(0);
    expect(wrong.url()).not.toContain('not-the-token');

    const bare = await open('/control/');
    const field = bare.getByLabel('Producer token');
    await field.waitFor();
    expect(await bare.getByRole('button', { name: /^Take/ }).count()).toBe(0);

    // Typing in the token field is typing, not shortcuts: "t" does not take what is cued.
    await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: { type: 'race', raceId: GA } } });
    await field.fill('');
    await field.pressSequentially('tla');
    expect((await graphics()).program.lowerThird).toBeNull();

    await field.fill(INGEST);
    await field.press('Enter');
    await bare.getByText(/Refused by the server: forbidden/).waitFor();
    expect(await bare.getByRole('button', { name: /^Take/ }).count()).toBe(0);

    await field.fill(PRODUCER);
    await field.press('Enter');
    await bare.getByRole('button', { name: /^Take/ }).waitFor({ state: 'visible' });
    await race(bare, /^Georgia President/).waitFor();
    expect(pageErrors(wrong)).toEqual([]);
    expect(pageErrors(bare)).toEqual([]);
  });

  it('cues a clicked race to preview and TAKE puts it on program, the program overlay and the panel tally', { timeout: 60_000 }, async () => {
    await setup();
    const page = await panel({ monitors: true });
    const program = await open('/overlay/?channel=program');

    await race(page, /^Georgia President/).click();
    await expect.poll(async () => (await graphics()).preview.lowerThird).toEqual({ type: 'race', raceId: GA });
    await expect.poll(() => race(page, /^Georgia President/).getAttribute('aria-label')).toContain('in preview');

    await page.getByRole('button', { name: /^Take/ }).click();
    await expect.poll(async () => (await graphics()).program.lowerThird).toEqual({ type: 'race', raceId: GA });
    await expect.poll(() => lamp(page, 'lowerThird')).toContain('ON AIR');
    await expect.poll(() => race(page, /^Georgia President/).getAttribute('aria-label')).toContain('on program');
    await expect.poll(() => mirror(program, 'lowerThird'), { timeout: 10_000 }).toMatch(/Biden[\s\S]*Trump|Trump[\s\S]*Biden/);
    // The program monitor is the program overlay page itself, so it shows the same.
    const monitor = page.frames().find((f) => f.url().includes('/overlay/?channel=program&bg=checker'));
    expect(monitor).toBeDefined();
    await expect.poll(() => mirror(monitor!, 'lowerThird'), { timeout: 10_000 }).toMatch(/Biden[\s\S]*Trump|Trump[\s\S]*Biden/);
    expect(pageErrors(page)).toEqual([]);
  });

  it('drives air from the keyboard: arrows cue the next and previous race, T takes, L clears the lower third', async () => {
    await setup();
    const page = await panel();
    const program = await open('/overlay/?channel=program');

    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await graphics()).preview.lowerThird).toEqual({ type: 'race', raceId: GA });
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await graphics()).preview.lowerThird).toEqual({ type: 'race', raceId: PA });
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await graphics()).preview.lowerThird).toEqual({ type: 'race', raceId: GA });

    await page.keyboard.press('t');
    await expect.poll(async () => (await graphics()).program.lowerThird).toEqual({ type: 'race', raceId: GA });
    await expect.poll(() => mirror(program, 'lowerThird'), { timeout: 10_000 }).toContain('Biden');

    await page.keyboard.press('l');
    await expect.poll(async () => (await graphics()).program.lowerThird).toBeNull();
    await expect.poll(() => lamp(page, 'lowerThird')).toContain('OFF');
    await expect.poll(() => mirror(program, 'lowerThird'), { timeout: 10_000 }).toBeNull();
  });

  it('shows the server’s refusal when TAKE finds nothing cued in preview', async () => {
    await setup();
    const page = await panel();
    await page.getByRole('button', { name: /^Take/ }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /Take lower third refused — nothing is cued on the preview lowerThird layer \(nothing_cued\)/ })
      .waitFor();
    expect((await graphics()).program.lowerThird).toBeNull();
  });

  it('queues a lead change posted through the API at once, with its race and margin', async () => {
    await setup();
    const page = await panel();
    expect(await page.getByRole('button', { name: /^Air alert/ }).count()).toBe(0);

    await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP, token: 'ingest' });
    const air = page.getByRole('button', { name: /^Air alert: Georgia President lead change/ });
    await air.waitFor();
    await page.getByRole('button', { name: /^Dismiss alert: Georgia President lead change/ }).waitFor();
    const card = page.locator('.alert-card', { has: air });
    await expect.poll(() => card.textContent()).toContain('Biden takes the lead from Trump · +917');
  });

  it('AIR puts a pending alert on the program overlay, A clears it, and DISMISS removes another from the queue', async () => {
    await setup();
    const page = await panel();
    const program = await open('/overlay/?channel=program');

    await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP, token: 'ingest' });
    await page.getByRole('button', { name: /^Air alert: Georgia President lead change to Biden/ }).click();
    await expect.poll(async () => (await graphics()).program.alert?.type).toBe('leadChange');
    await expect.poll(() => mirror(program, 'alert'), { timeout: 10_000 }).toMatch(/Biden/);
    await expect.poll(() => lamp(page, 'alert')).toContain('ON AIR');
    await expect.poll(() => page.getByRole('list', { name: 'Alert history' }).textContent()).toMatch(/ON AIR.*Georgia President lead change to Biden/);
    expect(await page.getByRole('button', { name: /^Air alert/ }).count()).toBe(0);

    await page.keyboard.press('a');
    await expect.poll(async () => (await graphics()).program.alert).toBeNull();
    await expect.poll(() => mirror(program, 'alert'), { timeout: 10_000 }).toBeNull();

    await lw.api('POST', `/api/races/${GA}/results`, { body: GA_BACK, token: 'ingest' });
    const dismiss = page.getByRole('button', { name: /^Dismiss alert: Georgia President lead change to Trump/ });
    await dismiss.click();
    await expect.poll(async () => (await pending()).length).toBe(0);
    await expect.poll(() => dismiss.count()).toBe(0);
    await expect.poll(() => page.getByRole('list', { name: 'Alert history' }).textContent()).toMatch(/DISMISSED.*lead change to Trump/);
    expect((await graphics()).program.alert).toBeNull();
  });

  it('keeps two control panels in agreement after actions in either', { timeout: 60_000 }, async () => {
    await setup();
    const a = await panel();
    const b = await panel();

    await race(a, /^Georgia President/).click();
    await expect.poll(() => race(b, /^Georgia President/).getAttribute('aria-label')).toContain('in preview');

    await b.keyboard.press('t');
    await expect.poll(() => lamp(a, 'lowerThird')).toContain('ON AIR');
    await expect.poll(() => race(a, /^Georgia President/).getAttribute('aria-label')).toContain('on program');

    await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP, token: 'ingest' });
    await a.getByRole('button', { name: /^Air alert: Georgia President/ }).waitFor();
    await b.getByRole('button', { name: /^Air alert: Georgia President/ }).click();
    await expect.poll(() => a.getByRole('button', { name: /^Air alert/ }).count()).toBe(0);
    await expect.poll(() => lamp(a, 'alert')).toContain('ON AIR');

    await a.getByRole('button', { name: /^Clear lower third/ }).click();
    await expect.poll(() => lamp(b, 'lowerThird')).toContain('OFF');
    const tally = (p: Page) => p.getByRole('list', { name: 'On program now' }).textContent();
    await expect.poll(async () => (await tally(a)) === (await tally(b))).toBe(true);
    expect(await tally(a)).toMatch(/LOWER THIRD\s*OFF.*ALERT\s*ON AIR/);
  });

  it('resyncs from the snapshot after a reconnect, including what changed while it was away', async () => {
    await setup();
    const page = await panel();
    // Drop every connection; the cue happens while the panel is away, so only the reconnect snapshot brings it.
    lw.server.http.closeAllConnections();
    // This process's own keep-alive connection was dropped as well: a fetch on it fails once, then reconnects.
    const cue = () => lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: { type: 'race', raceId: PA } } });
    const res = await cue().catch(cue);
    expect(res.status).toBe(200);
    await expect.poll(() => race(page, /^Pennsylvania President/).getAttribute('aria-label'), { timeout: 15_000 }).toContain('in preview');
    await expect.poll(() => page.getByRole('status', { name: 'Connection' }).textContent()).toContain('LIVE');
    await page.keyboard.press('t');
    await expect.poll(async () => (await graphics()).program.lowerThird).toEqual({ type: 'race', raceId: PA });
  });

  it('calls Georgia for the chosen winner after a confirming second click, shows CALLED, and withdraws the call', async () => {
    await setup();
    await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP, token: 'ingest' });
    const page = await panel();
    const getGa = async () => (await lw.api('GET', `/api/races/${GA}`)).body as { status: string; call: { winner: string } | null };
    await race(page, /^Georgia President/).click();

    // The leader is preselected; choosing another winner renames the button.
    const winner = page.getByLabel('Winner', { exact: true });
    expect(await winner.inputValue()).toBe('biden');
    await winner.selectOption('trump');
    await page.getByRole('button', { name: 'Call race: Georgia President for Trump' }).waitFor();
    await winner.selectOption('biden');

    // One click only arms: nothing is called until the second.
    await page.getByRole('button', { name: 'Call race: Georgia President for Biden' }).click();
    const confirm = page.getByRole('button', { name: 'Confirm call: Georgia President for Biden' });
    await confirm.waitFor();
    expect((await getGa()).status).not.toBe('called');
    await confirm.click();
    await expect.poll(getGa).toMatchObject({ status: 'called', call: { winner: 'biden' } });
    await expect.poll(() => race(page, /^Georgia President/).locator('.tag-called').textContent()).toContain('CALLED · BIDEN');
    await expect.poll(() => race(page, /^Georgia President/).getAttribute('aria-label')).toContain('called for Biden');
    await page.getByRole('status').filter({ hasText: 'CALLED: Georgia President for Biden' }).waitFor();

    await page.getByRole('button', { name: 'Withdraw call: Georgia President' }).click();
    expect((await getGa()).status).toBe('called');
    await page.getByRole('button', { name: 'Confirm withdraw call: Georgia President' }).click();
    await expect.poll(getGa).toMatchObject({ status: 'leading', call: null });
    await expect.poll(() => race(page, /^Georgia President/).locator('.tag-called').count()).toBe(0);
    await page.getByRole('button', { name: 'Call race: Georgia President for Biden' }).waitFor();
    expect(pageErrors(page)).toEqual([]);
  });

  it('takes a double click on CALL RACE or AIR DIRECT as one click: it arms, and confirms nothing', async () => {
    await setup();
    await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP, token: 'ingest' });
    const page = await panel();
    const before = (await graphics()).program.lowerThird;
    await race(page, /^Georgia President/).click();
    await page.getByRole('button', { name: 'Call race: Georgia President for Biden' }).dblclick();
    const confirmCall = page.getByRole('button', { name: 'Confirm call: Georgia President for Biden' });
    await confirmCall.waitFor();
    await page.getByRole('button', { name: /^Air direct \(emergency\): Georgia President/ }).dblclick();
    await page.getByRole('button', { name: /^Confirm air direct: Georgia President/ }).waitFor();
    expect((await lw.api('GET', `/api/races/${GA}`)).body.status).not.toBe('called');
    expect((await graphics()).program.lowerThird).toEqual(before);
    // A deliberate second click still confirms.
    await confirmCall.click();
    await expect.poll(async () => (await lw.api('GET', `/api/races/${GA}`)).body.status).toBe('called');
    expect(pageErrors(page)).toEqual([]);
  });

  it('asks for a winner when there is no leader, and shows a refused call like any other refusal', async () => {
    await setup();
    const page = await panel();
    // Pennsylvania has no votes: no leader to preselect, so the producer must choose.
    await race(page, /^Pennsylvania President/).click();
    await page.getByRole('button', { name: 'Call race: Pennsylvania President (choose the winner first)' }).click();
    await page.getByRole('alert').filter({ hasText: 'Call Pennsylvania President: choose the winner first' }).waitFor();

    await page.getByLabel('Winner', { exact: true }).selectOption('biden');
    // The store is away for this one request: the server's refusal is shown with its code.
    await page.route('**/api/races/*/call', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'unavailable', message: 'the store cannot be reached' }) }),
    );
    await page.getByRole('button', { name: 'Call race: Pennsylvania President for Biden' }).click();
    await page.getByRole('button', { name: 'Confirm call: Pennsylvania President for Biden' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Call Pennsylvania President for Biden refused — the store cannot be reached (unavailable)' })
      .waitFor();
    expect((await lw.api('GET', `/api/races/${PA}`)).body.status).toBe('awaiting');
  });

  it('counts down the aired alert on the ALERT lamp, the program monitor row and the history', async () => {
    await setup();
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    opened.push(page);
    // The server's clock (a manual one) stands at 10:00:00Z: the page's clock starts there too.
    await page.clock.install({ time: new Date('2020-11-06T10:00:00.000Z') });
    await page.goto(`${lw.base}/control/?key=${PRODUCER}&monitors=off`);
    await page.getByRole('button', { name: /^Take/ }).waitFor();

    await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP, token: 'ingest' });
    await page.getByRole('button', { name: /^Air alert: Georgia President/ }).click();
    // alertDurationMs is 60 s in these tests; the page clock runs on meanwhile, so allow for a slow machine.
    const secondsLeft = async (text: Promise<string | null>) => Number(/leaves air in (\d+) s/.exec((await text) ?? '')?.[1] ?? NaN);
    const row = page.getByRole('list', { name: 'PROGRAM layers' }).locator('[data-layer="alert"]');
    const history = page.getByRole('list', { name: 'Alert history' });
    for (const text of [() => lamp(page, 'alert'), () => row.textContent(), () => history.textContent()]) {
      await expect.poll(() => secondsLeft(text())).toBeGreaterThanOrEqual(45);
      expect(await secondsLeft(text())).toBeLessThanOrEqual(60);
    }
    expect(await history.textContent()).toMatch(/ON AIR.*leaves air in/);

    const before = await secondsLeft(lamp(page, 'alert'));
    await page.clock.fastForward(30_000);
    await expect.poll(() => secondsLeft(lamp(page, 'alert'))).toBeLessThanOrEqual(before - 30);
    await page.clock.fastForward(35_000);
    // Past offAirAt: nothing special while the server has yet to take it off.
    await expect.poll(() => lamp(page, 'alert')).not.toContain('leaves air');
    expect(await row.textContent()).not.toContain('leaves air');
  });

  it('shows TAKE idle when preview already is on program, and TAKE and AIR DIRECT disabled while not live', async () => {
    await setup();
    const page = await panel();
    const take = page.getByRole('button', { name: /^Take/ });
    await race(page, /^Georgia President/).click();
    await expect.poll(() => take.getAttribute('class')).not.toMatch(/idle|empty/);
    await page.keyboard.press('t');
    await expect.poll(() => take.getAttribute('aria-label')).toBe('Take lower third to program: Georgia President (already on program)');
    expect(await take.textContent()).toContain('already on program');
    expect(await take.getAttribute('class')).toContain('idle');

    await lw.close();
    await page.getByRole('alert').filter({ hasText: /NOT LIVE/ }).waitFor();
    const air = page.getByRole('button', { name: /^Air direct/ });
    await expect.poll(() => take.getAttribute('aria-disabled')).toBe('true');
    expect(await air.getAttribute('aria-disabled')).toBe('true');
    await take.focus();
    expect(await take.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Take lower third: not sent — not connected to the server' }).waitFor();
    // aria-disabled: playwright would wait for it to become enabled before a click, so press it from the keyboard.
    await air.focus();
    await page.keyboard.press('Space');
    await page.getByRole('alert').filter({ hasText: 'Air direct Georgia President: not sent — not connected to the server' }).waitFor();
  });

  it('turns a race amber after 60 s and red after 180 s without a new revision, and fresh again on the next batch', async () => {
    await setup();
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    opened.push(page);
    // The page's clock is the test's: ages move without waiting for them.
    await page.clock.install();
    await page.goto(`${lw.base}/control/?key=${PRODUCER}&monitors=off`);
    await page.getByRole('button', { name: /^Take/ }).waitFor();
    const age = race(page, /^Georgia President/).locator('.race-age');
    expect(await age.getAttribute('data-age')).toBe('fresh');

    // A new revision, so the age is "updated … ago" (not "no update for ≥ …" from the first snapshot).
    await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP, token: 'ingest' });
    await expect.poll(() => age.textContent()).toMatch(/^updated \d+ s ago$/);

    await page.clock.fastForward(61_000);
    await expect.poll(() => age.getAttribute('data-age')).toBe('amber');
    await expect.poll(() => age.textContent()).toMatch(/^updated 1 min \d+ s ago$/);
    await page.clock.fastForward(120_000);
    await expect.poll(() => age.getAttribute('data-age')).toBe('red');

    await lw.api('POST', `/api/races/${GA}/results`, { body: GA_BACK, token: 'ingest' });
    await expect.poll(() => age.getAttribute('data-age')).toBe('fresh');
  });
});
