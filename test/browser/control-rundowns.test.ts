import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryBackend } from '../../server/store/memory.js';
import { Store } from '../../server/store/store.js';
import { stopMessage } from '../../shared/domain/rundown.js';
import type { GraphicsState, Rundown } from '../../shared/index.js';
import { browserUnavailable, mirrorText, openOverlay, WEB_ROOT } from '../helpers/browser.js';
import { useBrowser } from '../helpers/browser-suite.js';
import { startLeadWire, type LeadWire } from '../helpers/server.js';
import { AZ, defineShow, expectedText, GA, openPanel, PA, raceCard } from '../helpers/show.js';
import { manualClock } from '../helpers/stores.js';

// A rundown built in the panel by buttons (a name and a number typed), started on program, advanced by the server's
// injected clock and by the panel's keys and buttons, read back from the program overlay's mirror. No wall clock.
const why = browserUnavailable();
const poll = <T>(fn: () => T | Promise<T>, timeout = 20_000) => expect.poll(fn, { timeout, interval: 100 });
const lt = (raceId: string) => ({ type: 'race', raceId }) as const;

describe.skipIf(why !== null)(`rundowns from the control panel${why ? ` (skipped: ${why})` : ''}`, () => {
  let lw: LeadWire;
  const clock = manualClock();
  const browser = useBrowser();
  beforeAll(async () => {
    lw = await startLeadWire({ store: new Store(new MemoryBackend(), { clock }), clock, webRoot: WEB_ROOT });
    await defineShow(lw);
  });
  afterAll(async () => lw?.close());

  const graphics = async () => (await lw.api<GraphicsState>('GET', '/api/graphics')).body;
  const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });
  const runLine = (page: Page) => page.getByRole('status', { name: 'Rundown on program' });
  /** The injected clock moves on; the server's runner looks at once. */
  async function after(ms: number) {
    clock.advance(ms);
    await lw.server.rundowns.tick();
  }
  /** What the program overlay shows on the lower third, once it shows `raceId`'s lower third as the server has it. */
  async function onAir(program: Page, raceId: string) {
    await poll(async () => (await graphics()).program.lowerThird).toEqual(lt(raceId));
    await poll(() => mirrorText(program, 'lowerThird')).toBe(await expectedText(lw, lt(raceId), 'lowerThird'));
  }

  it('builds a rundown of three races by buttons, starts it on program, and it advances by its dwell, by keys and by buttons', { timeout: 90_000 }, async () => {
    const panel = await openPanel(browser(), lw);
    // The page reads the server's (injected) time, so the countdown is exact.
    await panel.clock.setFixedTime(clock.now());
    const program = await openOverlay(browser(), lw.base, { viewport: { width: 960, height: 540 } });

    await panel.getByLabel('Rundown name').fill('Battlegrounds');
    for (const name of ['Georgia President', 'Arizona President', 'Pennsylvania President', 'Georgia President']) await button(panel, `Add ${name} to the rundown`).click();
    // Georgia twice: the second goes; Pennsylvania moves up to second.
    await button(panel, 'Remove: item 4, Georgia President').click();
    await button(panel, 'Move up: item 3, Pennsylvania President').click();
    const items = panel.getByRole('list', { name: 'Rundown items' }).getByRole('listitem');
    await poll(() => items.allTextContents()).toEqual([
      expect.stringContaining('Georgia President'),
      expect.stringContaining('Pennsylvania President'),
      expect.stringContaining('Arizona President'),
    ]);
    await panel.getByLabel('Seconds on air: item 1, Georgia President').fill('5');
    await panel.getByLabel('Seconds on air: item 1, Georgia President').press('Tab');
    await panel.getByLabel('Loop').check();

    await button(panel, 'Start rundown on program').click();
    const stored = async () => (await lw.api<Rundown[]>('GET', '/api/rundowns')).body;
    await poll(stored).toMatchObject([
      {
        id: 'battlegrounds',
        name: 'Battlegrounds',
        loop: true,
        skipAwaiting: false,
        items: [{ layer: 'lowerThird', graphic: lt(GA), dwellSeconds: 5 }, { layer: 'lowerThird', graphic: lt(PA) }, { layer: 'lowerThird', graphic: lt(AZ) }],
      },
    ]);
    await onAir(program, GA);
    await poll(() => runLine(panel).textContent()).toMatch(/Battlegrounds · 1 of 3.*now: LOWER THIRD · Georgia President.*next: LOWER THIRD · Pennsylvania President.*next in 5 s$/);
    await panel.clock.setFixedTime(new Date(clock.now().getTime() + 2_000));
    await poll(() => runLine(panel).textContent()).toMatch(/next in 3 s$/);

    // Georgia's 5 s pass on the server's clock: Pennsylvania comes up by itself, for the default 8 s.
    await after(5_000);
    await panel.clock.setFixedTime(clock.now());
    await onAir(program, PA);
    await poll(() => runLine(panel).textContent()).toMatch(/2 of 3.*next: LOWER THIRD · Arizona President.*next in 8 s$/);

    await panel.keyboard.press('n');
    await onAir(program, AZ);
    await panel.keyboard.press('b');
    await onAir(program, PA);

    // Held: however long the break, it stays; Resume runs it on.
    await panel.keyboard.press('p');
    await poll(() => runLine(panel).textContent()).toContain('PAUSED');
    await after(60_000);
    expect((await graphics()).program.lowerThird).toEqual(lt(PA));
    await button(panel, 'Resume rundown (program)').click();
    await poll(() => runLine(panel).textContent()).not.toContain('PAUSED');
    await button(panel, 'Next rundown (program)').click();
    await onAir(program, AZ);
    // Looping: after the last comes the first.
    await poll(() => runLine(panel).textContent()).toMatch(/3 of 3.*next: LOWER THIRD · Georgia President/);
    await button(panel, 'Next rundown (program)').click();
    await onAir(program, GA);
    expect(panel.errors).toEqual([]);
  });

  it('stops where a take by hand replaces its lower third, and says so', { timeout: 90_000 }, async () => {
    const panel = await openPanel(browser(), lw);
    const program = await openOverlay(browser(), lw.base, { viewport: { width: 960, height: 540 } });
    await panel.getByLabel('Open rundown').selectOption({ label: 'Battlegrounds' });
    await poll(() => panel.getByLabel('Rundown name').inputValue()).toBe('Battlegrounds');
    await button(panel, 'Start rundown on program').click();
    await onAir(program, GA);
    await poll(() => runLine(panel).textContent()).toContain('1 of 3');

    await raceCard(panel, /^Arizona President/).click();
    await poll(async () => (await graphics()).preview.lowerThird).toEqual(lt(AZ));
    await panel.keyboard.press('t');
    await onAir(program, AZ);
    await poll(() => runLine(panel).textContent()).toContain('no rundown running');
    const stopped = panel.locator('.run-program .run-stopped');
    await poll(() => stopped.textContent()).toBe(stopMessage('take', { name: 'Battlegrounds' }, 'program', 'lowerThird'));
    expect(await stopped.isVisible()).toBe(true);
    // The run is over: its clock no longer moves air.
    await after(60_000);
    expect((await graphics()).program.lowerThird).toEqual(lt(AZ));
    // Stop with nothing running is refused on the panel, nothing sent.
    await panel.keyboard.press('s');
    await panel.getByRole('alert').filter({ hasText: 'Stop rundown: not sent — no rundown is running' }).waitFor();
    expect(panel.errors).toEqual([]);
  });
});
