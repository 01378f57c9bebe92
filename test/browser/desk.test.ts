import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserUnavailable, openPage, WEB_ROOT } from '../helpers/browser.js';
import { useBrowser } from '../helpers/browser-suite.js';
import { GA_BEFORE, GEORGIA, INGEST, PRODUCER, startLeadWire, type LeadWire } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';
import { systemClock } from '../../server/clock.js';

const unavailable =
  browserUnavailable() ?? (existsSync(resolve(WEB_ROOT, 'desk/index.html')) ? null : `the desk is not built in ${WEB_ROOT} (npx vite build)`);
const memory = storeKinds().find((k) => k.name === 'memory')!;

const GA = 'ga-president-2020';
/** Generous: a loaded 2-core machine runs several browser files at once. */
const LONG = { timeout: 20_000 };
const pageErrors = (page: Page) => (page as Page & { errors: string[] }).errors;

describe.skipIf(unavailable !== null)(`manual entry desk (/desk/)${unavailable ? ` — skipped: ${unavailable}` : ''}`, () => {
  let lw: LeadWire;
  const browser = useBrowser(() => lw?.close());

  async function setup() {
    // The desk dates a batch by the page's clock, as it does on the night: the store keeps the same time (a test
    // clock in 2020 would find the batch years ahead of it, and refuse it).
    lw = await startLeadWire({ store: await memory.make(systemClock), webRoot: WEB_ROOT, alertDurationMs: 60_000 });
    expect((await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA, token: 'ingest' })).status).toBe(201);
    expect((await lw.api('POST', `/api/races/${GA}/results`, { body: GA_BEFORE, token: 'ingest' })).status).toBe(200);
    return lw;
  }

  async function open(path: string, viewport?: { width: number; height: number }): Promise<Page> {
    return openPage(browser(), `${lw.base}${path}`, viewport);
  }

  /** The desk signed in with `token`, Georgia picked, and every POST of a batch it sends (dry runs apart). */
  async function desk(token = INGEST) {
    const page = await open(`/desk/?key=${token}`, { width: 1366, height: 768 });
    const posts: Request[] = [];
    const dryRuns: Request[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'POST' || !r.url().includes(`/api/races/${GA}/results`)) return;
      (r.url().includes('dryRun=1') ? dryRuns : posts).push(r);
    });
    await page.getByRole('radiogroup', { name: 'Races' }).waitFor(LONG);
    await page.getByRole('radio', { name: 'Georgia · President' }).check();
    await page.getByLabel('Joe Biden').waitFor(LONG);
    return { page, posts, dryRuns };
  }

  const stored = async () => (await lw.api('GET', `/api/races/${GA}`)).body as { revision: number; source: string; candidates: { id: string; votes: number }[] };
  const note = (page: Page, path: string) => page.locator(`#desk-f-${path.replace(/\./g, '-')}-note`);
  const answer = (page: Page) => page.getByRole('status').filter({ hasText: /What|Would|Applied|Refused|Checking|Type|Fix|Dry|Posted/ }).first();

  it('previews a flip as a lead change before posting, and Enter posts it: the alert waits on /control/, the batch is the desk’s', { timeout: 90_000 }, async () => {
    await setup();
    const control = await open(`/control/?key=${PRODUCER}&monitors=off`);
    await control.getByRole('button', { name: /^Take/ }).waitFor({ state: 'visible', ...LONG });
    const { page, posts, dryRuns } = await desk();
    expect(page.url()).not.toContain(INGEST);
    const before = await stored();

    await page.getByLabel('Joe Biden').fill('2,449,371');
    await page.getByLabel('Donald Trump').fill('2 448 454');
    await page.getByLabel('Others').fill('61000');
    // Every number is shown back formatted before it is sent.
    await expect.poll(() => note(page, 'votes.biden').textContent(), LONG).toContain('2,449,371');
    await expect.poll(() => note(page, 'votes.trump').textContent(), LONG).toContain('2,448,454');
    await expect.poll(() => note(page, 'votes.other').textContent(), LONG).toContain('61,000');
    await expect.poll(() => answer(page).textContent(), LONG).toMatch(/Would apply[\s\S]*LEAD CHANGE: Biden takes the lead by 917/);
    expect(dryRuns.length).toBeGreaterThan(0);
    expect(posts).toEqual([]);
    expect((await stored()).revision).toBe(before.revision);
    expect(await control.getByRole('button', { name: /^Air alert/ }).count()).toBe(0);

    await page.getByLabel('Others').press('Enter');
    await control.getByRole('button', { name: /^Air alert: Georgia President lead change/ }).waitFor(LONG);
    await expect.poll(() => answer(page).textContent(), LONG).toMatch(/Applied[\s\S]*LEAD CHANGE: Biden takes the lead by 917/);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.postDataJSON()).toMatchObject({ votes: { biden: 2_449_371, trump: 2_448_454, other: 61_000 }, source: 'desk', test: false });

    const after = await stored();
    expect(after.source).toBe('desk');
    expect(after.candidates.find((c) => c.id === 'biden')!.votes).toBe(2_449_371);
    expect(after.revision).toBe(before.revision + 1);
    // The race's new numbers are on the page, and the form is clear for the next batch.
    await expect.poll(() => page.getByRole('table').textContent(), LONG).toMatch(/Now stored[\s\S]*Biden[\s\S]*2,449,371/);
    expect(await page.getByLabel('Joe Biden').inputValue()).toBe('');
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(control)).toEqual([]);
  });

  it('keeps the TEST box as the race now is after a post: rehearsal batches stay rehearsal, a live one stays live', { timeout: 90_000 }, async () => {
    await setup();
    const { page, posts } = await desk();
    const test = page.getByLabel('TEST (rehearsal) data');
    const post = async (biden: string, trump: string, other: string) => {
      await page.getByLabel('Joe Biden').fill(biden);
      await page.getByLabel('Donald Trump').fill(trump);
      await page.getByLabel('Others').fill(other);
      await expect.poll(() => answer(page).textContent(), LONG).toMatch(/Would apply/);
      const sent = posts.length;
      await page.getByLabel('Others').press('Enter');
      await expect.poll(() => posts.length, LONG).toBe(sent + 1);
      await expect.poll(() => page.getByLabel('Joe Biden').inputValue(), LONG).toBe('');
      return posts.at(-1)!.postDataJSON() as { test: boolean };
    };
    expect(await test.isChecked()).toBe(false);
    await test.check();
    expect(await post('100', '200', '5')).toMatchObject({ test: true });
    await expect.poll(async () => (await lw.api('GET', `/api/races/${GA}`)).body.test, LONG).toBe(true);
    // The next rehearsal batch, typed without touching the box, goes out as rehearsal data too.
    expect(await test.isChecked()).toBe(true);
    expect(await post('150', '260', '7')).toMatchObject({ test: true });
    expect((await lw.api('GET', `/api/races/${GA}`)).body).toMatchObject({ test: true, totalVotes: 417 });
    // Live again: the box, unticked by hand, stays unticked after the post.
    await test.uncheck();
    expect(await post('2,449,371', '2,448,454', '61,000')).toMatchObject({ test: false });
    expect(await test.isChecked()).toBe(false);
    expect(await post('2,449,400', '2,448,454', '61,000')).toMatchObject({ test: false });
    expect((await lw.api('GET', `/api/races/${GA}`)).body.test).toBe(false);
    expect(pageErrors(page)).toEqual([]);
  });

  it('refuses "12a" at its field and posts nothing; Esc clears the form', { timeout: 60_000 }, async () => {
    await setup();
    const { page, posts } = await desk(PRODUCER);
    const before = await stored();

    await page.getByLabel('Joe Biden').fill('12a');
    await page.getByLabel('Donald Trump').fill('2,448,454');
    await page.getByLabel('Others').fill('61,000');
    await page.getByLabel('Joe Biden').press('Enter');
    await expect.poll(() => note(page, 'votes.biden').textContent(), LONG).toContain('“12a” is not a whole number');
    expect(await page.getByLabel('Joe Biden').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('alert').filter({ hasText: 'Nothing posted: fix the marked fields.' }).waitFor(LONG);
    // Enter again changes nothing: what is refused is never sent, nor "fixed".
    await page.getByLabel('Joe Biden').press('Enter');
    expect(posts).toEqual([]);
    expect(await stored()).toEqual(before);
    expect(await page.getByLabel('Joe Biden').inputValue()).toBe('12a');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByLabel('Joe Biden').inputValue(), LONG).toBe('');
    expect(await page.getByLabel('Others').inputValue()).toBe('');
    expect(await note(page, 'votes.biden').textContent()).toBe('');
    expect(pageErrors(page)).toEqual([]);
  });

  it('previews an older as-of as stale, names the stored time, and Enter posts nothing', { timeout: 60_000 }, async () => {
    await setup();
    const { page, posts } = await desk();
    await page.getByLabel('Joe Biden').fill('2,447,991');
    await page.getByLabel('Donald Trump').fill('2,448,454');
    await page.getByLabel('Others').fill('60,990');
    await page.getByLabel('As-of time (local)').fill('2020-11-01 00:00:00');
    await expect.poll(() => answer(page).textContent(), LONG).toMatch(/Refused: stale[\s\S]*stale: a newer count \(as of .*08:40:27 UTC\) is stored/);
    await page.getByLabel('Others').press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Nothing posted: refused: stale.' }).waitFor(LONG);
    expect(posts).toEqual([]);
  });

  it('says a refused token is refused, shows nothing of the desk until one is taken, and takes an ingest token', { timeout: 60_000 }, async () => {
    await setup();
    const page = await open('/desk/?key=not-the-token');
    await page.getByText('Refused by the server: unauthorized').waitFor(LONG);
    expect(page.url()).not.toContain('not-the-token');
    expect(await page.getByRole('radiogroup', { name: 'Races' }).isVisible()).toBe(false);

    const field = page.getByLabel('Ingest or producer token');
    await field.fill(INGEST);
    await field.press('Enter');
    await page.getByRole('radio', { name: 'Georgia · President' }).waitFor(LONG);
    // Remembered for the session: a reload opens the desk again without asking.
    await page.reload();
    await page.getByRole('radio', { name: 'Georgia · President' }).waitFor(LONG);
    expect(pageErrors(page)).toEqual([]);
  });
});
