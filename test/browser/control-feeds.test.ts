import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/clock.js';
import { FeedConfig } from '../../server/feeds/config.js';
import type { FeedKind, FeedRace } from '../../server/feeds/types.js';
import { browserUnavailable, launchBrowser, openPage, WEB_ROOT } from '../helpers/browser.js';
import { GA_BEFORE, GEORGIA, PRODUCER, startLeadWire, type LeadWire } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';

const unavailable = browserUnavailable();
const memory = storeKinds().find((k) => k.name === 'memory')!;

/** What the fake wire serves: races in LeadWire's own terms, so the test kind's parser is one line. */
interface WireRace {
  raceId: string;
  title: string;
  jurisdiction: string;
  candidates: { id: string; name: string; party?: string }[];
  asOf: string;
  votes: Record<string, number>;
  test?: boolean;
}

/**
 * A feed kind of this test's own (so the panel is tested apart from the AP and Clarity kinds): it GETs the feed's
 * URL through the supervisor's HTTP client and posts the races of its JSON. Registered under the name `csv`.
 */
const wireKind: FeedKind = {
  kind: 'csv',
  sourceName: 'Wire',
  create: ({ feed, http }) => ({
    async poll(signal) {
      const res = await http.get(feed.url, { signal });
      const body = JSON.parse(res.body) as { races: WireRace[] };
      const races: FeedRace[] = body.races.map((r) => ({
        raceId: r.raceId,
        definition: { title: r.title, jurisdiction: r.jurisdiction, candidates: r.candidates },
        batch: { asOf: r.asOf, votes: r.votes, test: r.test ?? false },
        winners: [],
      }));
      return { races, test: null, warnings: [] };
    },
  }),
};

/**
 * A fake wire on loopback: answers what the test sets (a status and a JSON body), or holds every request while
 * `hold` is on (a source that stopped answering), and counts the requests it received.
 */
async function startWire() {
  let answer: { status: number; body: unknown } = { status: 200, body: { races: [] } };
  let holding = false;
  const held: ServerResponse[] = [];
  let requests = 0;
  const server: Server = createServer((_req: IncomingMessage, res: ServerResponse) => {
    requests += 1;
    if (holding) {
      held.push(res);
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/results.json`;
  const release = () => {
    for (const res of held.splice(0)) res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  };
  return {
    url,
    get requests() {
      return requests;
    },
    answer(status: number, body: unknown) {
      answer = { status, body };
    },
    hold(on: boolean) {
      holding = on;
      if (!on) release();
    },
    async close() {
      holding = false;
      release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
type Wire = Awaited<ReturnType<typeof startWire>>;

const SENATE: WireRace = {
  raceId: 'ga-senate-2020',
  title: 'Senate',
  jurisdiction: 'Georgia',
  candidates: [
    { id: 'ossoff', name: 'Jon Ossoff', party: 'DEM' },
    { id: 'perdue', name: 'David Perdue', party: 'REP' },
  ],
  asOf: '2020-11-06T09:00:00.000Z',
  votes: { ossoff: 2_372_086, perdue: 2_462_617 },
  test: true,
};

const feedConfig = (raw: Record<string, unknown>) => FeedConfig.parse({ kind: 'csv', races: 'auto', ...raw });

describe.skipIf(unavailable !== null)(`control panel feeds${unavailable ? ` — skipped: ${unavailable}` : ''}`, () => {
  let browser: Browser;
  let lw: LeadWire | undefined;
  const wires: Wire[] = [];
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
    lw = undefined;
    await Promise.allSettled(wires.splice(0).map((w) => w.close()));
  });

  /**
   * A server polling two fake wires: WIRE every 0.2 s (stale after 2 s without success, requests time out after
   * 30 s so a held request makes it stale, not failed), and GA SOS every 60 s (after its first poll nothing is in
   * flight, so pausing it is deterministic). The server's clock is the real one: the panel dates staleness by its own.
   */
  async function setup() {
    const wire = await startWire();
    const sos = await startWire();
    wires.push(wire, sos);
    wire.answer(200, { races: [SENATE] });
    const configs = [
      feedConfig({ id: 'wire', label: 'WIRE', url: wire.url, intervalSeconds: 0.2, staleAfterSeconds: 2, timeoutSeconds: 30 }),
      feedConfig({ id: 'ga-sos', label: 'GA SOS', url: sos.url, intervalSeconds: 60 }),
    ];
    lw = await startLeadWire({ store: await memory.make(systemClock), clock: systemClock, webRoot: WEB_ROOT, feeds: { configs, kinds: { csv: wireKind } } });
    // A race entered by hand, for its "manual" source.
    expect((await lw.api('PUT', '/api/races/ga-president-2020', { body: GEORGIA, token: 'ingest' })).status).toBe(201);
    expect((await lw.api('POST', '/api/races/ga-president-2020/results', { body: GA_BEFORE, token: 'ingest' })).status).toBe(200);
    return { lw, wire, sos };
  }

  /** The panel at 1366×768 (a producer's laptop), signed in, without monitor iframes. */
  async function panel(): Promise<Page & { errors: string[] }> {
    const page = await openPage(browser, `${lw!.base}/control/?key=${PRODUCER}&monitors=off`, { width: 1366, height: 768 });
    opened.push(page);
    await page.getByRole('button', { name: /^Take/ }).waitFor({ state: 'visible' });
    return page;
  }

  const feedRow = (page: Page, label: string) => page.getByRole('list', { name: 'Feeds' }).getByRole('listitem').filter({ has: page.locator(`.feed-label:text-is("${label}")`) });
  const stateOf = (page: Page, label: string) => feedRow(page, label).locator('.feed-state').textContent();
  const alarm = (page: Page) => page.getByRole('alert', { name: 'Feed alarm' });
  const card = (page: Page, name: RegExp) => page.getByRole('list', { name: 'Races' }).getByRole('button', { name });
  const T = { timeout: 15_000 };

  it('lists each feed with LIVE or TEST and its state in words, and shows a race posted as test with a TEST badge and its source', { timeout: 60_000 }, async () => {
    const { wire } = await setup();
    const page = await panel();

    const row = feedRow(page, 'WIRE');
    await expect.poll(() => stateOf(page, 'WIRE'), T).toBe('ok');
    // WIRE's races are marked test, so the feed is in test mode; GA SOS has said nothing of the kind.
    await expect.poll(() => row.locator('.feed-mode').textContent(), T).toBe('TEST');
    expect(await row.locator('.feed-kind').textContent()).toBe('wire · csv');
    await expect.poll(() => row.textContent(), T).toMatch(/last success (just now|\d+ s ago)/);
    expect(await row.textContent()).toContain('polled by test');
    await expect.poll(async () => Number(/(\d+) polls?/.exec((await row.textContent()) ?? '')?.[1] ?? 0), T).toBeGreaterThan(2);
    expect(await row.textContent()).toMatch(/1 batch posted/);
    await expect.poll(() => stateOf(page, 'GA SOS'), T).toBe('ok');
    expect(await feedRow(page, 'GA SOS').locator('.feed-mode').textContent()).toBe('LIVE');
    expect(await feedRow(page, 'GA SOS').getAttribute('aria-label')).toBe('Feed GA SOS: live · ok');
    expect(await page.locator('.feeds-summary').textContent()).toBe('2 ok');
    expect(await alarm(page).count()).toBe(0);

    // The feed's race: TEST (word and colour) and the feed's label as its source; the manual race says "manual".
    const senate = card(page, /^Georgia Senate/);
    await senate.waitFor(T);
    expect(await senate.locator('.tag-test').textContent()).toBe('TEST');
    expect(await senate.locator('.race-source').textContent()).toBe('WIRE');
    expect(await senate.getAttribute('aria-label')).toMatch(/TEST data.*source WIRE/);
    const president = card(page, /^Georgia President/);
    expect(await president.locator('.race-source').textContent()).toBe('manual');
    expect(await president.locator('.tag-test').count()).toBe(0);
    expect(wire.requests).toBeGreaterThan(0);
    expect(page.errors).toEqual([]);
  });

  it('pauses a feed (no more requests reach its source), refuses Poll now while paused, resumes it, and polls it on demand', { timeout: 60_000 }, async () => {
    const { lw, sos } = await setup();
    const page = await panel();
    await expect.poll(() => stateOf(page, 'GA SOS'), T).toBe('ok');
    const row = feedRow(page, 'GA SOS');

    await page.getByRole('button', { name: 'Pause feed GA SOS' }).click();
    await expect.poll(() => stateOf(page, 'GA SOS'), T).toBe('paused');
    await page.getByRole('status').filter({ hasText: 'Feed GA SOS paused' }).waitFor(T);
    expect(await page.getByRole('button', { name: 'Pause feed GA SOS' }).count()).toBe(0);
    const before = sos.requests;
    // A paused feed is not polled, even when the server is asked to (it answers after the poll it did not make).
    expect((await lw.api('POST', '/api/feeds/ga-sos/poll')).status).toBe(200);
    expect(sos.requests).toBe(before);
    // It looks disabled while paused (aria-disabled, still focusable): pressed from the keyboard, it says why.
    const pollNow = page.getByRole('button', { name: 'Poll feed GA SOS now' });
    expect(await pollNow.getAttribute('aria-disabled')).toBe('true');
    await pollNow.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Poll feed GA SOS now: not sent — the feed is paused' }).waitFor(T);
    expect(sos.requests).toBe(before);
    expect(await alarm(page).count()).toBe(0); // paused on purpose: no alarm

    await page.getByRole('button', { name: 'Resume feed GA SOS' }).click();
    await expect.poll(() => stateOf(page, 'GA SOS'), T).toBe('ok');
    await page.getByRole('status').filter({ hasText: /Feed GA SOS resumed: ok/ }).waitFor(T);
    expect(sos.requests).toBe(before + 1);

    await page.getByRole('button', { name: 'Poll feed GA SOS now' }).click();
    await page.getByRole('status').filter({ hasText: /Feed GA SOS polled: ok · last success/ }).waitFor(T);
    expect(sos.requests).toBe(before + 2);
    await expect.poll(() => row.textContent(), T).toMatch(/3 polls/);
    expect(page.errors).toEqual([]);
  });

  it('raises the top-bar alarm with the source error in words while a feed fails, and drops it when the feed recovers', { timeout: 60_000 }, async () => {
    const { wire } = await setup();
    const page = await panel();
    await expect.poll(() => stateOf(page, 'WIRE'), T).toBe('ok');

    wire.answer(403, { message: 'Per-minute quota exceeded' });
    await expect.poll(() => stateOf(page, 'WIRE'), T).toBe('error');
    const row = feedRow(page, 'WIRE');
    await expect.poll(() => row.locator('.feed-error').textContent(), T).toMatch(/^Wire answered 403: per-minute quota exceeded — retrying in \d/);
    await alarm(page).waitFor(T);
    expect(await alarm(page).textContent()).toMatch(/FEED ERROR: WIRE — Wire answered 403: per-minute quota exceeded/);

    wire.answer(200, { races: [SENATE] });
    await expect.poll(() => stateOf(page, 'WIRE'), T).toBe('ok');
    await expect.poll(() => alarm(page).count(), T).toBe(0);
    expect(await row.locator('.feed-error').isVisible()).toBe(false);
    expect(page.errors).toEqual([]);
  });

  it('turns a feed stale by the page clock when its source stops answering, with an amber alarm, until it answers again', { timeout: 60_000 }, async () => {
    const { wire } = await setup();
    const page = await panel();
    await expect.poll(() => stateOf(page, 'WIRE'), T).toBe('ok');

    // The request hangs (no answer, no error): only time says something is wrong.
    wire.hold(true);
    await expect.poll(() => stateOf(page, 'WIRE'), T).toBe('stale');
    await alarm(page).waitFor(T);
    await expect.poll(() => alarm(page).textContent(), T).toMatch(/FEED STALE: WIRE — no success since \d\d:\d\d:\d\dZlast success \d+ s ago/);
    expect(await alarm(page).locator('[data-level="stale"]').count()).toBe(1);
    // The age keeps ticking on screen.
    const age = async () => Number(/last success (\d+) s ago/.exec((await alarm(page).textContent()) ?? '')?.[1] ?? 0);
    const first = await age();
    await expect.poll(age, T).toBeGreaterThan(first);

    wire.hold(false);
    await expect.poll(() => stateOf(page, 'WIRE'), T).toBe('ok');
    await expect.poll(() => alarm(page).count(), T).toBe(0);
    expect(page.errors).toEqual([]);
  });
});
