import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, CallProposal, FeedStatus, GraphicsState, RaceView } from '../../shared/index.js';
import { FEED_KINDS } from '../../server/feeds/kinds.js';
import { apRace, apSteps, startFakeAp, type FakeAp } from '../../scripts/fakes/ap.js';
import { hourlyApFeed } from '../helpers/apFeed.js';
import { browserUnavailable, mirrorText, openOverlay, openPage } from '../helpers/browser.js';
import { startWithPages, useBrowser } from '../helpers/browser-suite.js';
import { eventually, GA_BEFORE, GEORGIA, INGEST, PRODUCER, type LeadWire } from '../helpers/server.js';

const unavailable = browserUnavailable();

const GA = 'ga-president-2020';
const PA = 'pa-president-2020';
const PENNSYLVANIA = { ...GEORGIA, jurisdiction: 'Pennsylvania', electoralVotes: 20, candidates: GEORGIA.candidates.slice(0, 2) };
const AZ = 'az-president-2020';
const ARIZONA = { ...PENNSYLVANIA, jurisdiction: 'Arizona', electoralVotes: 11 };
/** AP calls a state's presidential race for Biden: the next poll brings the call in as a proposal for the desk. */
const apCallsForBiden = (statePostal: string, stateName: string) =>
  apRace({
    statePostal,
    stateName,
    raceID: '0',
    officeName: 'President',
    units: [
      {
        lastUpdated: '2020-11-07T16:25:00Z',
        candidates: [
          { first: 'Joe', last: 'Biden', party: 'Dem', candidateID: '1036', ballotOrder: 1, voteCount: 3_458_229, winner: 'X' },
          { first: 'Donald', last: 'Trump', party: 'GOP', candidateID: '8639', ballotOrder: 2, voteCount: 3_377_674 },
        ],
      },
    ],
  });

/** What the dock must fit: a browser dock in OBS is 360–500 px wide. */
const DOCK = { width: 400, height: 800 };
const slow = { timeout: 30_000 };
/** The program overlay at half size: its mirror says the same, and software WebGL draws a quarter of the pixels. */
const OVERLAY = { width: 960, height: 540 };

/**
 * Everything in the dock (or the token form) that shows words or takes a press, measured in the page: what lies
 * outside the viewport's width, what is cut off (`scrollWidth > clientWidth`: overflow or ellipsis), which buttons
 * are under 44 × 44 CSS px, and whether the page scrolls sideways.
 */
function measure(page: Page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const vw = doc.clientWidth;
    const root = [...document.querySelectorAll<HTMLElement>('.dock, .gate')].find((e) => !e.hidden)!;
    const seen = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 || r.height > 0;
    };
    const name = (e: Element) => `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 60)}"`;
    const elements = [...root.querySelectorAll('button, input, label, h1, h2, h3, p, li, kbd, span, div')].filter(seen);
    const outside = elements.filter((e) => {
      const r = e.getBoundingClientRect();
      return r.left < 0 || r.right > vw + 0.5;
    });
    const cut = elements.filter((e) => getComputedStyle(e).display !== 'inline' && e.scrollWidth > e.clientWidth);
    const buttons = [...root.querySelectorAll('button, input')].filter(seen);
    const small = buttons.filter((b) => {
      const r = b.getBoundingClientRect();
      return r.width < 44 || r.height < 44;
    });
    // scrollWidth counts overflow even where `overflow-x: hidden` hides it.
    const widest = Math.max(doc.scrollWidth, document.body.scrollWidth, root.scrollWidth);
    return {
      sideways: widest > vw ? `page is ${widest} px wide in a ${vw} px viewport` : null,
      outside: outside.map(name),
      cut: cut.map(name),
      small: small.map((b) => `${name(b)} ${Math.round(b.getBoundingClientRect().width)}×${Math.round(b.getBoundingClientRect().height)}`),
      buttons: buttons.length,
      elements: elements.length,
    };
  });
}

describe.skipIf(unavailable !== null)(`OBS dock (/control/?dock=1)${unavailable ? ` — skipped: ${unavailable}` : ''}`, () => {
  const browser = useBrowser();
  let lw: LeadWire;
  let ap: FakeAp;

  // One server for the file: Georgia (two lead changes to come), and Pennsylvania from an AP feed that will call it.
  beforeAll(async () => {
    ap = await startFakeAp();
    const configs = hourlyApFeed(ap.electionUrl, { PA, AZ });
    lw = await startWithPages({ alertDurationMs: 60_000, feeds: { configs, kinds: FEED_KINDS } });
    expect((await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA, token: 'ingest' })).status).toBe(201);
    expect((await lw.api('POST', `/api/races/${GA}/results`, { body: GA_BEFORE, token: 'ingest' })).status).toBe(200);
    expect((await lw.api('PUT', `/api/races/${PA}`, { body: PENNSYLVANIA, token: 'ingest' })).status).toBe(201);
    expect((await lw.api('PUT', `/api/races/${AZ}`, { body: ARIZONA, token: 'ingest' })).status).toBe(201);
    await eventually(async () => ((await lw.api<FeedStatus[]>('GET', '/api/feeds')).body[0]!.polls >= 1 ? true : undefined), 30_000, 'the first AP poll');
  });
  afterAll(async () => {
    // The last test stops the server itself.
    await lw?.close().catch(() => undefined);
    await ap?.close();
  });

  let batches = 0;
  /** A Georgia batch that hands the lead to the other of Biden and Trump: one more lead change, whatever came before. */
  async function leadChange(): Promise<'Biden' | 'Trump'> {
    const toBiden = (await lw.api<RaceView>('GET', `/api/races/${GA}`)).body.leader !== 'biden';
    batches += 1;
    const base = 2_450_000 + batches * 10_000;
    const asOf = new Date(Date.parse('2020-11-06T10:00:00Z') + batches * 60_000).toISOString();
    const votes = toBiden ? { biden: base + 1_000, trump: base, other: 61_000 } : { biden: base, trump: base + 1_000, other: 61_000 };
    expect((await lw.api('POST', `/api/races/${GA}/results`, { body: { asOf, votes }, token: 'ingest' })).status).toBe(200);
    return toBiden ? 'Biden' : 'Trump';
  }
  /** AP calls `raceId` for Biden; resolves once its proposal waits for the desk. */
  async function apProposes(raceId: string, statePostal: string, stateName: string): Promise<void> {
    ap.push(apSteps.delta([apCallsForBiden(statePostal, stateName)]));
    expect((await lw.api('POST', '/api/feeds/ap/poll')).status).toBe(200);
    const waiting = async () => (await lw.api<CallProposal[]>('GET', '/api/calls?status=proposed')).body.some((p) => p.raceId === raceId) || undefined;
    await eventually(waiting, 30_000, `AP's proposal for ${raceId}`);
  }
  const graphics = async () => (await lw.api<GraphicsState>('GET', '/api/graphics')).body;
  const pendingAlerts = async () => (await lw.api<Alert[]>('GET', '/api/alerts?status=pending')).body;
  const errors = (page: Page) => (page as Page & { errors: string[] }).errors;

  /** The dock signed in with `?key=`, once its snapshot is on screen. */
  async function dock(viewport = DOCK): Promise<Page> {
    const page = await openPage(browser(), `${lw.base}/control/?dock=1&key=${PRODUCER}`, viewport);
    await page.getByRole('button', { name: /^Take lower third/ }).waitFor({ state: 'visible', timeout: 30_000 });
    return page;
  }
  const lamp = (page: Page, layer: string) => page.locator(`.dock-layer[data-layer="${layer}"] .dock-lamp`).textContent();

  it('signs in with ?key= (then drops it from the address bar), and on a wrong key shows only the token form with the server’s refusal', { timeout: 60_000 }, async () => {
    const page = await dock();
    expect(page.url()).toContain('dock=1');
    expect(page.url()).not.toContain(PRODUCER);
    expect(await page.getByRole('main', { name: 'LeadWire dock' }).isVisible()).toBe(true);
    // The dock, not the full panel: no race list, no monitors.
    expect(await page.getByRole('list', { name: 'Races' }).count()).toBe(0);

    const wrong = await openPage(browser(), `${lw.base}/control/?dock=1&key=not-the-token`, DOCK);
    await wrong.getByText(/Refused by the server: unauthorized/).waitFor();
    expect(await wrong.getByRole('button', { name: /^Take/ }).count()).toBe(0);
    expect(await wrong.getByRole('button', { name: /^Clear/ }).count()).toBe(0);
    expect(wrong.url()).not.toContain('not-the-token');
    for (const width of [400, 360]) {
      await wrong.setViewportSize({ width, height: DOCK.height });
      expect(await measure(wrong), `the token form at ${width} px`).toMatchObject({ sideways: null, outside: [], cut: [], small: [] });
    }

    const field = wrong.getByLabel('Producer token');
    await field.fill(INGEST);
    await field.press('Enter');
    await wrong.getByText(/Refused by the server: forbidden/).waitFor();
    await field.fill(PRODUCER);
    await field.press('Enter');
    await wrong.getByRole('button', { name: /^Take lower third/ }).waitFor({ state: 'visible' });
    expect(await wrong.getByRole('main', { name: 'LeadWire dock' }).isVisible()).toBe(true);

    // Change token signs out: back to the form, nothing of the dock left.
    await wrong.getByRole('button', { name: 'Change token' }).click();
    await wrong.getByLabel('Producer token').waitFor();
    expect(await wrong.getByRole('button', { name: /^Take/ }).count()).toBe(0);
    expect(errors(page)).toEqual([]);
    expect(errors(wrong)).toEqual([]);
  });

  it('TAKE and CLEAR per layer from the dock reach program: the lower third and a full-screen board on the program overlay', { timeout: 120_000 }, async () => {
    const page = await dock();
    const program = await openOverlay(browser(), lw.base, { viewport: OVERLAY });

    await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: { type: 'race', raceId: GA } } });
    const take = page.getByRole('button', { name: 'Take lower third to program: Georgia President' });
    await take.click();
    await expect.poll(async () => (await graphics()).program.lowerThird).toEqual({ type: 'race', raceId: GA });
    await expect.poll(() => mirrorText(program, 'lowerThird'), slow).toMatch(/Biden[\s\S]*Trump|Trump[\s\S]*Biden/);
    await expect.poll(() => lamp(page, 'lowerThird')).toBe('ON AIR');
    await expect.poll(() => page.locator('.dock-layer[data-layer="lowerThird"] .dock-pgm').textContent()).toBe('PGM · Georgia President');
    await page.getByRole('button', { name: 'Take lower third to program: Georgia President (already on program)' }).waitFor();

    await lw.api('POST', '/api/graphics/cue', { body: { layer: 'fullscreen', graphic: { type: 'board', raceId: GA } } });
    await page.getByRole('button', { name: 'Full-screen take to program: Board: Georgia President' }).click();
    await expect.poll(async () => (await graphics()).program.fullscreen).toEqual({ type: 'board', raceId: GA });
    await expect.poll(() => mirrorText(program, 'fullscreen'), slow).toMatch(/Georgia/);
    await expect.poll(() => lamp(page, 'fullscreen')).toBe('ON AIR');

    await page.getByRole('button', { name: 'Clear full screen (program)' }).click();
    await expect.poll(() => mirrorText(program, 'fullscreen'), slow).toBeNull();
    // F is the panel's key for TAKE full screen: the board (still cued) goes back up, and CLEAR takes it off again.
    await page.keyboard.press('f');
    await expect.poll(() => mirrorText(program, 'fullscreen'), slow).toMatch(/Georgia/);
    await page.getByRole('button', { name: 'Clear full screen (program)' }).click();
    await expect.poll(() => mirrorText(program, 'fullscreen'), slow).toBeNull();
    await page.getByRole('button', { name: 'Clear lower third (program)' }).click();
    await expect.poll(() => mirrorText(program, 'lowerThird'), slow).toBeNull();
    expect(await graphics()).toMatchObject({ program: { lowerThird: null, fullscreen: null } });
    await expect.poll(() => lamp(page, 'lowerThird')).toBe('OFF');

    // The panel's shortcuts work in the dock too: T takes the lower third, L clears it.
    await page.keyboard.press('t');
    await expect.poll(() => mirrorText(program, 'lowerThird'), slow).toMatch(/Biden/);
    await page.keyboard.press('l');
    await expect.poll(() => mirrorText(program, 'lowerThird'), slow).toBeNull();
    expect(errors(page)).toEqual([]);
  });

  it('airs a lead-change alert from the dock: it leaves the queue and goes on the program overlay; A takes it off', { timeout: 90_000 }, async () => {
    const page = await dock();
    const program = await openOverlay(browser(), lw.base, { viewport: OVERLAY });
    const to = await leadChange();
    const from = to === 'Biden' ? 'Trump' : 'Biden';
    const queue = page.getByRole('list', { name: 'Pending alerts' });
    await expect.poll(() => queue.textContent(), slow).toContain(`${to} takes the lead from ${from} · +1,000`);
    const alerts = await pendingAlerts();
    expect(alerts).toHaveLength(1);

    await page.getByRole('button', { name: `Air alert: Georgia President lead change to ${to}` }).click();
    await expect.poll(async () => (await pendingAlerts()).map((a) => a.id)).not.toContain(alerts[0]!.id);
    await expect.poll(() => queue.getByRole('listitem').count()).toBe(0);
    await page.getByText('No pending alerts.').waitFor();
    await expect.poll(() => mirrorText(program, 'alert'), slow).toContain(to);
    await expect.poll(() => lamp(page, 'alert')).toBe('ON AIR');

    await page.keyboard.press('a');
    await expect.poll(() => mirrorText(program, 'alert'), slow).toBeNull();
    await expect.poll(() => lamp(page, 'alert')).toBe('OFF');
    expect(errors(page)).toEqual([]);
  });

  it('fits a 400×800, a 360 and a 500 px dock with a lower third on air, an alert and a call waiting and a rundown running: no sideways scroll, nothing cut off, every control ≥ 44×44', { timeout: 90_000 }, async () => {
    await lw.api('POST', '/api/graphics/air', { body: { layer: 'lowerThird', graphic: { type: 'race', raceId: GA } } });
    const to = await leadChange();
    await apProposes(PA, 'PA', 'Pennsylvania');

    // A rundown on preview (program's layers stay as they are): its now / next and buttons are measured too.
    const fit = { name: 'Battlegrounds tonight', items: [{ layer: 'fullscreen', graphic: { type: 'board', raceId: PA }, dwellSeconds: 3600 }] };
    expect((await lw.api('PUT', '/api/rundowns/fit', { body: fit })).status).toBe(201);
    expect((await lw.api('POST', '/api/rundowns/fit/start', { body: { channel: 'preview' } })).status).toBe(200);

    const page = await dock();
    await page.getByRole('button', { name: 'Pause rundown (preview)' }).waitFor();
    await page.getByRole('button', { name: 'Next rundown (preview)' }).waitFor();
    await page.getByRole('button', { name: `Air alert: Georgia President lead change to ${to}` }).waitFor();
    await page.getByRole('button', { name: 'Accept call: Pennsylvania President — Joe Biden (AP)' }).waitFor();
    await page.getByRole('button', { name: 'Reject call: Pennsylvania President — Joe Biden (AP)' }).waitFor();
    await expect.poll(() => lamp(page, 'lowerThird')).toBe('ON AIR');

    for (const width of [400, 360, 500]) {
      await page.setViewportSize({ width, height: DOCK.height });
      const m = await measure(page);
      expect(m, `at ${width} px`).toMatchObject({ sideways: null, outside: [], cut: [], small: [] });
      // 4 layers × TAKE / CLEAR, AIR / DISMISS, ACCEPT / REJECT, PAUSE / NEXT, Change token: all measured.
      expect(m.buttons).toBeGreaterThanOrEqual(15);
    }
    // Taller than the dock: it scrolls down (only down) to its last line.
    await page.setViewportSize(DOCK);
    const keys = page.getByLabel('Keyboard shortcuts');
    await keys.scrollIntoViewIfNeeded();
    const box = (await keys.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(DOCK.height);
    expect((await lw.api('POST', '/api/rundowns/fit/stop', { body: {} })).status).toBe(200);
    expect(errors(page)).toEqual([]);
  });

  it('accepts a wire’s call from the dock: the race is called, the call leaves the list, and its projected-winner alert airs from the dock', { timeout: 90_000 }, async () => {
    await apProposes(AZ, 'AZ', 'Arizona');
    const page = await dock();
    const program = await openOverlay(browser(), lw.base, { viewport: OVERLAY });
    const accept = page.getByRole('button', { name: 'Accept call: Arizona President — Joe Biden (AP)' });
    await accept.click();
    await expect.poll(async () => (await lw.api<RaceView>('GET', `/api/races/${AZ}`)).body.call?.winner).toBe('biden');
    await expect.poll(() => accept.count()).toBe(0);
    const air = page.getByRole('button', { name: 'Air alert: Arizona President projected winner Joe Biden' });
    await air.click();
    await expect.poll(() => mirrorText(program, 'alert'), slow).toMatch(/PROJECTED WINNER[\s\S]*Biden/i);
    await expect.poll(() => air.count()).toBe(0);
    await page.getByRole('button', { name: 'Clear alert (program)' }).click();
    await expect.poll(() => mirrorText(program, 'alert'), slow).toBeNull();
    expect(errors(page)).toEqual([]);
  });

  it('names its buttons as the full panel does (TAKE, CLEAR, the queues, the rundown), so a name learnt on one works on the other', { timeout: 90_000 }, async () => {
    await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: { type: 'race', raceId: GA } } });
    await lw.api('POST', '/api/graphics/cue', { body: { layer: 'fullscreen', graphic: { type: 'board', raceId: PA } } });
    const to = await leadChange();
    const page = await dock();
    const panel = await openPage(browser(), `${lw.base}/control/?key=${PRODUCER}&monitors=off`, { width: 1366, height: 768 });
    await panel.getByRole('button', { name: /^Take lower third/ }).waitFor({ state: 'visible', timeout: 30_000 });
    for (const p of [page, panel]) await p.getByRole('button', { name: `Air alert: Georgia President lead change to ${to}` }).waitFor();
    const names = (p: Page) =>
      p.getByRole('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? b.textContent ?? '').filter((n) => /^(Take|Full-screen take|Ticker take|Clear|Air alert|Dismiss alert|Accept call|Reject call|Pause rundown|Resume rundown|Next rundown)/.test(n)));
    const inDock = await names(page);
    const inPanel = new Set(await names(panel));
    // The panel has no alert TAKE: alerts air from the queue (the dock's alert layer TAKE is for a cued alert).
    const shared = inDock.filter((n) => !n.startsWith('Alert take'));
    expect(shared.length).toBeGreaterThanOrEqual(9);
    expect(shared.filter((n) => !inPanel.has(n))).toEqual([]);
    await lw.api('POST', '/api/graphics/clear', { body: { layer: 'fullscreen', channel: 'preview' } });
  });

  it('shows the rundown’s now and next, and Pause, Resume and Next from the dock steer it on program; "No rundown running" before and after', { timeout: 90_000 }, async () => {
    const page = await dock();
    const pane = page.getByRole('region', { name: 'Rundown' });
    await pane.getByText('No rundown running').waitFor();

    const night = {
      name: 'Night',
      // Long dwells: the server's clock is a manual one, so only the dock's buttons move the run.
      items: [
        { layer: 'fullscreen', graphic: { type: 'board', raceId: GA }, dwellSeconds: 3600 },
        { layer: 'fullscreen', graphic: { type: 'board', raceId: PA }, dwellSeconds: 3600 },
      ],
    };
    expect((await lw.api('PUT', '/api/rundowns/night', { body: night })).status).toBe(201);
    expect((await lw.api('POST', '/api/rundowns/night/start', { body: { channel: 'program' } })).status).toBe(200);
    const run = pane.locator('[data-channel="program"]');
    await expect.poll(() => run.textContent(), slow).toMatch(/Night · 1 of 2.*NOW · FULL SCREEN · Board: Georgia President.*NEXT · FULL SCREEN · Board: Pennsylvania President/);
    expect(await pane.getByText('No rundown running').isVisible()).toBe(false);
    await expect.poll(async () => (await graphics()).program.fullscreen).toEqual({ type: 'board', raceId: GA });

    await page.getByRole('button', { name: 'Pause rundown (program)' }).click();
    await expect.poll(() => run.textContent()).toContain('PAUSED');
    await page.getByRole('button', { name: 'Resume rundown (program)' }).click();
    await page.getByRole('button', { name: 'Pause rundown (program)' }).waitFor();
    expect(await run.textContent()).not.toContain('PAUSED');

    await page.getByRole('button', { name: 'Next rundown (program)' }).click();
    await expect.poll(async () => (await graphics()).program.fullscreen).toEqual({ type: 'board', raceId: PA });
    await expect.poll(() => run.textContent()).toMatch(/Night · 2 of 2.*NOW · FULL SCREEN · Board: Pennsylvania President.*NEXT · nothing: the run ends after this item/);

    // Stopped elsewhere: the dock says so, and that nothing runs.
    expect((await lw.api('POST', '/api/rundowns/night/stop', { body: {} })).status).toBe(200);
    await pane.getByText('No rundown running').waitFor();
    await pane.getByText('"Night" stopped by the producer on program').waitFor();
    expect(await pane.getByRole('button').count()).toBe(0);
    await lw.api('POST', '/api/graphics/clear', { body: { layer: 'fullscreen' } });
    expect(errors(page)).toEqual([]);
  });

  // Last: it stops the server.
  it('while not live says so, its buttons look disabled, and pressing one says nothing was sent', { timeout: 60_000 }, async () => {
    const page = await dock();
    const take = page.getByRole('button', { name: /^Take lower third/ });
    expect(await take.getAttribute('aria-disabled')).toBeNull();
    await lw.close();
    await page.getByRole('alert').filter({ hasText: /^NOT LIVE/ }).waitFor(slow);
    await expect.poll(() => take.getAttribute('aria-disabled')).toBe('true');
    expect(await page.getByRole('button', { name: 'Clear lower third (program)' }).getAttribute('aria-disabled')).toBe('true');
    expect(await page.getByRole('status', { name: 'Connection' }).textContent()).not.toContain('LIVE');
    // aria-disabled, still focusable: pressed from the keyboard, it answers instead of sending.
    await take.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Take lower third: not sent — not connected to the server' }).waitFor();
    expect(await measure(page)).toMatchObject({ sideways: null, outside: [], cut: [], small: [] });
  });
});
