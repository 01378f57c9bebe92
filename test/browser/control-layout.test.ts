import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_KINDS } from '../../server/feeds/kinds.js';
import { MemoryBackend } from '../../server/store/memory.js';
import { Store } from '../../server/store/store.js';
import { apRace, apSteps, startFakeAp, type FakeAp } from '../../scripts/fakes/ap.js';
import type { CallProposal, FeedStatus, GraphicsState } from '../../shared/index.js';
import { hourlyApFeed } from '../helpers/apFeed.js';
import { browserUnavailable, WEB_ROOT } from '../helpers/browser.js';
import { useBrowser } from '../helpers/browser-suite.js';
import { eventually, GA_FLIP, GEORGIA, PRODUCER, startLeadWire, type LeadWire } from '../helpers/server.js';
import { openPanel, raceCard } from '../helpers/show.js';
import { manualClock } from '../helpers/stores.js';

// The panel at the four sizes a control room has, with everything at its longest: a lower third, a key-races board and
// a ticker on program, an alert and a call waiting. Measured in the page: nothing scrolls sideways, nothing is cut off,
// every control is at least 44×44 and keeps its accessible name.
const why = browserUnavailable();
const GA = 'ga-president-2020';
const AZ = 'az-president-2020';
const PA = 'pa-president-2020';
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
];

/** The names the action area, the queues and the top bar answer to (tests and producers rely on them). */
const NAMES: (string | RegExp)[] = [
  /^Take lower third to program/,
  /^Full-screen take to program: Key races/,
  /^Ticker take to program/,
  'Clear lower third (program)',
  'Clear alert (program)',
  'Clear full screen (program)',
  'Clear ticker (program)',
  'Clear preview lower third',
  /^Air direct \(emergency\)/,
  'Live',
  'As run',
  'Change token',
  'Air alert: Arizona President projected winner Joe Biden',
  'Dismiss alert: Arizona President projected winner Joe Biden',
  'Accept call: Georgia President — Joe Biden (AP)',
  'Reject call: Georgia President — Joe Biden (AP)',
];

interface Problem {
  what: string;
  why: string;
}

/**
 * Runs in the page. `fixed`: areas that must show everything without scrolling (top bar, the queues' heads and
 * pending cards); `reachable`: areas that may sit lower in a column that scrolls (the switching buttons), each
 * element scrolled into view before it is measured.
 */
function measure({ fixed, reachable }: { fixed: string[]; reachable: string[] }): { page: [number, number]; problems: Problem[] } {
  const problems: Problem[] = [];
  const name = (e: Element) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 60)}"`;
  const check = (e: Element) => {
    const r = e.getBoundingClientRect();
    const cs = getComputedStyle(e);
    if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden') return;
    // What shows words or takes a press must be on top where it is drawn (not clipped away by a pane that scrolls).
    if (e instanceof HTMLButtonElement || [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')) {
      const hit = document.elementFromPoint(Math.min(innerWidth - 1, Math.max(0, r.left + r.width / 2)), Math.min(innerHeight - 1, Math.max(0, r.top + r.height / 2)));
      if (!hit || !(e.contains(hit) || hit.contains(e) && cs.display === 'inline')) problems.push({ what: name(e), why: `hidden under ${hit ? name(hit) : 'nothing'}` });
    }
    // Inline boxes have no client width; what they hold is measured by the block they sit in.
    if (cs.display !== 'inline' && e.scrollWidth > e.clientWidth + 1) problems.push({ what: name(e), why: `cut off: scrollWidth ${e.scrollWidth} > clientWidth ${e.clientWidth}` });
    if (r.left < -0.5 || r.right > innerWidth + 0.5 || r.top < -0.5 || r.bottom > innerHeight + 0.5) {
      problems.push({ what: name(e), why: `outside the ${innerWidth}×${innerHeight} viewport: ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}` });
    }
  };
  for (const sel of fixed) for (const e of document.querySelectorAll(`${sel}, ${sel} *`)) check(e);
  for (const sel of reachable) {
    for (const e of document.querySelectorAll(`${sel}, ${sel} *`)) {
      // Measured where it stands; if it is not in view there, scrolled into view (its column scrolls) and measured again.
      const before = problems.length;
      check(e);
      if (problems.length === before) continue;
      problems.length = before;
      e.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      check(e);
    }
  }
  for (const e of document.querySelectorAll('.panel button, .panel select, .panel input:not([type="checkbox"]), .panel label:has(input[type="checkbox"])')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.width < 44 || r.height < 44) problems.push({ what: name(e), why: `smaller than 44×44: ${r.width.toFixed(1)}×${r.height.toFixed(1)}` });
  }
  // Destructive neighbours stand apart.
  for (const group of ['.btn-clears', '.alert-buttons', '.proposal-buttons']) {
    for (const g of document.querySelectorAll(group)) {
      const rs = [...g.children].map((c) => c.getBoundingClientRect());
      rs.forEach((a, i) =>
        rs.slice(i + 1).forEach((b) => {
          const gap = Math.max(b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom);
          if (gap < 8) problems.push({ what: `${group} ${i}`, why: `only ${gap.toFixed(1)} px from a neighbour` });
        }),
      );
    }
  }
  const lamps = [...document.querySelectorAll('.tally .lamp')].map((l) => Math.round(l.getBoundingClientRect().top));
  if (new Set(lamps).size !== 1) problems.push({ what: 'tally', why: `lamps on more than one line: tops ${lamps.join(', ')}` });
  for (const sel of ['.clock', '.pages', '.lamp-name', '.lamp-state']) {
    for (const e of document.querySelectorAll(sel)) {
      const lh = parseFloat(getComputedStyle(e).lineHeight) || parseFloat(getComputedStyle(e).fontSize) * 1.35;
      if (e.getBoundingClientRect().height > lh * 1.5) problems.push({ what: name(e), why: 'wraps onto a second line' });
    }
  }
  const root = document.scrollingElement!;
  return { page: [root.scrollWidth, root.clientWidth], problems };
}

describe.skipIf(why !== null)(`the control panel's layout${why ? ` (skipped: ${why})` : ''}`, () => {
  let lw: LeadWire;
  let ap: FakeAp;
  const browser = useBrowser();
  /** The preview monitor's width at each size, in order. */
  const widths: number[] = [];

  beforeAll(async () => {
    ap = await startFakeAp();
    const configs = hourlyApFeed(ap.electionUrl, { GA });
    const clock = manualClock();
    lw = await startLeadWire({ store: new Store(new MemoryBackend(), { clock }), clock, webRoot: WEB_ROOT, feeds: { configs, kinds: FEED_KINDS } });
    const az = { title: 'President', jurisdiction: 'Arizona', electoralVotes: 11, candidates: [{ id: 'biden', name: 'Joe Biden', party: 'DEM' }, { id: 'trump', name: 'Donald Trump', party: 'REP' }] };
    expect((await lw.api('PUT', `/api/races/${GA}`, { body: { ...GEORGIA, candidates: GEORGIA.candidates.slice(0, 2) }, token: 'ingest' })).status).toBe(201);
    expect((await lw.api('PUT', `/api/races/${AZ}`, { body: az, token: 'ingest' })).status).toBe(201);
    expect((await lw.api('PUT', `/api/races/${PA}`, { body: { ...az, jurisdiction: 'Pennsylvania', electoralVotes: 20 }, token: 'ingest' })).status).toBe(201);
    const { other: _o, ...two } = GA_FLIP.votes;
    expect((await lw.api('POST', `/api/races/${GA}/results`, { body: { ...GA_FLIP, votes: two }, token: 'ingest' })).status).toBe(200);
    expect((await lw.api('POST', `/api/races/${AZ}/results`, { body: { asOf: '2020-11-12T23:00:00Z', votes: { biden: 1_672_143, trump: 1_661_686 } }, token: 'ingest' })).status).toBe(200);
    // A desk call queues its alert; AP's call on Georgia waits for the desk.
    expect((await lw.api('POST', `/api/races/${AZ}/call`, { body: { winner: 'biden' } })).status).toBe(200);
    await eventually(async () => ((await lw.api<FeedStatus[]>('GET', '/api/feeds')).body[0]!.polls >= 1 ? true : undefined), 20_000, 'the first AP poll');
    const apGa = apRace({
      statePostal: 'GA',
      stateName: 'Georgia',
      raceID: '0',
      officeName: 'President',
      units: [
        {
          lastUpdated: '2020-11-07T16:25:00Z',
          candidates: [
            { first: 'Joe', last: 'Biden', party: 'Dem', candidateID: '1036', ballotOrder: 1, voteCount: 2_449_371, winner: 'X' },
            { first: 'Donald', last: 'Trump', party: 'GOP', candidateID: '8639', ballotOrder: 2, voteCount: 2_448_454 },
          ],
        },
      ],
    });
    ap.push(apSteps.delta([apGa]));
    expect((await lw.api('POST', '/api/feeds/ap/poll')).status).toBe(200);
    await eventually(async () => ((await lw.api<CallProposal[]>('GET', '/api/calls?status=proposed')).body.length === 1 ? true : undefined), 20_000, 'the proposal');
    // Everything on air at its longest.
    const air = async (layer: string, graphic: unknown) => expect((await lw.api('POST', '/api/graphics/air', { body: { layer, graphic } })).status).toBe(200);
    await air('lowerThird', { type: 'race', raceId: PA });
    await air('fullscreen', { type: 'keyRaces', raceIds: [AZ, GA, PA], title: 'Battlegrounds of the night' });
    await air('ticker', { type: 'ticker', raceIds: [AZ, GA, PA], dwellSeconds: 6 });
    for (const [layer, graphic] of [
      ['lowerThird', { type: 'race', raceId: GA }],
      ['fullscreen', { type: 'keyRaces', raceIds: [AZ, GA, PA], title: 'Battlegrounds of the night' }],
      ['ticker', { type: 'ticker', raceIds: [AZ, GA, PA], dwellSeconds: 6 }],
    ] as const) {
      expect((await lw.api('POST', '/api/graphics/cue', { body: { layer, graphic } })).status).toBe(200);
    }
  }, 60_000);
  afterAll(async () => {
    await lw?.close();
    await ap?.close();
  });

  const waitForQueues = async (page: Page) => {
    await page.getByRole('button', { name: 'Air alert: Arizona President projected winner Joe Biden' }).waitFor();
    await page.getByRole('button', { name: 'Accept call: Georgia President — Joe Biden (AP)' }).waitFor();
  };

  // A panel with its monitors loads two on-air pages: allow a loaded machine its time.
  it.each(SIZES)('at $width×$height: no sideways scroll, nothing cut off or off screen, every control ≥ 44×44, the names kept', { timeout: 90_000 }, async (viewport) => {
    // Laptop sizes with their monitors (their layer lists give way to them there); big screens with the layer
    // lists under the monitors instead, the longer layout, and two fewer on-air pages for a loaded machine.
    const page = await openPanel(browser(), lw, { viewport, monitors: viewport.height <= 800 });
    await waitForQueues(page);
    // The fonts are in: widths are final.
    await page.evaluate(() => document.fonts.ready);
    const { page: [scrollWidth, clientWidth], problems } = await page.evaluate(measure, {
      fixed: ['.topbar', '.alerts-pane .pane-head', '.alert-pending', '.calls-pane .pane-head', '.proposal-list'],
      reachable: ['.airbar-buttons', '.rundown-pane', '.show-pane'],
    });
    expect(problems).toEqual([]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    for (const name of NAMES) expect(await page.getByRole('button', { name, exact: typeof name === 'string' }).count(), String(name)).toBe(1);
    // Monitors keep 16:9, and are bigger on a bigger screen.
    const screens = await page.locator('.monitor-screen').evaluateAll((els) => els.map((e) => [e.clientWidth, e.clientHeight]));
    for (const [w, h] of screens) expect(Math.abs(w! / h! - 16 / 9)).toBeLessThan(0.02);
    widths.push(screens[0]![0]!);
    expect(page.errors).toEqual([]);
  });

  it('grows the monitors with the screen', () => {
    expect(widths).toHaveLength(SIZES.length);
    expect(widths[3]!).toBeGreaterThan(widths[2]!);
    expect(widths[2]!).toBeGreaterThan(widths[1]!);
  });

  it('keeps AIR DIRECT two-step by touch: one tap arms it, a second airs the picked race', async () => {
    const context = await browser().newContext({ viewport: { width: 1366, height: 768 }, hasTouch: true, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${lw.base}/control/?key=${PRODUCER}&monitors=off`);
    await raceCard(page, /^Arizona President/).tap();
    const graphics = async () => (await lw.api<GraphicsState>('GET', '/api/graphics')).body;
    const before = (await graphics()).program.lowerThird;
    await page.getByRole('button', { name: 'Air direct (emergency): Arizona President lower third straight to program' }).tap();
    const confirm = page.getByRole('button', { name: 'Confirm air direct: Arizona President lower third straight to program' });
    await confirm.waitFor();
    expect((await graphics()).program.lowerThird).toEqual(before);
    await confirm.tap();
    await expect.poll(async () => (await graphics()).program.lowerThird).toEqual({ type: 'race', raceId: AZ });
  });
});
