/** Three races of a show, with counts (Arizona called), and the control panel signed in: for the panel's browser suites. */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { contentText, resolveGraphic } from '../../overlay/onair/graphics/registry.js';
import { Graphic, type LayerName, type RaceView } from '../../shared/index.js';
import { openPage } from './browser.js';
import { GA_FLIP, GEORGIA } from './fixtures.js';
import { PRODUCER, type LeadWire } from './server.js';

export const GA = 'ga-president-2020';
export const AZ = 'az-president-2020';
export const PA = 'pa-president-2020';
export const SHOW_RACES = [GA, AZ, PA] as const;

const ARIZONA = {
  title: 'President',
  jurisdiction: 'Arizona',
  electoralVotes: 11,
  candidates: [
    { id: 'biden', name: 'Joe Biden', party: 'DEM' },
    { id: 'trump', name: 'Donald Trump', party: 'REP' },
  ],
};
const PENNSYLVANIA = { ...ARIZONA, jurisdiction: 'Pennsylvania', electoralVotes: 20 };
const AZ_COUNT = { asOf: '2020-11-12T23:00:00.000Z', votes: { biden: 1_672_143, trump: 1_661_686 }, reporting: { reported: 15, total: 15, unit: 'counties' } };
const PA_COUNT = { asOf: '2020-11-07T16:00:00.000Z', votes: { biden: 3_458_229, trump: 3_377_674 }, expectedVotePct: 98 };

/** Georgia, Arizona (called for Biden) and Pennsylvania, each with a count; `countPa: false` leaves Pennsylvania awaiting. */
export async function defineShow(lw: LeadWire, o: { countPa?: boolean } = {}): Promise<void> {
  const define = async (id: string, body: unknown) => expect((await lw.api('PUT', `/api/races/${id}`, { body, token: 'ingest' })).status).toBe(201);
  const count = async (id: string, batch: unknown) =>
    expect((await lw.api('POST', `/api/races/${id}/results`, { body: batch, token: 'ingest' })).status).toBe(200);
  await define(GA, GEORGIA);
  await define(AZ, ARIZONA);
  await define(PA, PENNSYLVANIA);
  await count(GA, GA_FLIP);
  await count(AZ, AZ_COUNT);
  if (o.countPa ?? true) await count(PA, PA_COUNT);
  expect((await lw.api('POST', `/api/races/${AZ}/call`, { body: { winner: 'biden' } })).status).toBe(200);
}

/** The mirror text a graphic must read on `layer`, from the races as the server now has them. */
export async function expectedText(lw: LeadWire, graphic: unknown, layer: LayerName): Promise<string> {
  const races = Object.fromEntries(
    await Promise.all(SHOW_RACES.map(async (id) => [id, (await lw.api<RaceView>('GET', `/api/races/${id}`)).body] as const)),
  );
  const c = resolveGraphic(Graphic.parse(graphic), { races, leadChanges: {} }, layer);
  if (!c) throw new Error('the graphic does not resolve');
  return contentText(c);
}

/** The control panel signed in with the producer token (monitors off unless asked), once TAKE is on screen. */
export async function openPanel(
  browser: Browser,
  lw: LeadWire,
  o: { viewport?: { width: number; height: number }; monitors?: boolean } = {},
): Promise<Page & { errors: string[] }> {
  const page = await openPage(browser, `${lw.base}/control/?key=${PRODUCER}${o.monitors ? '' : '&monitors=off'}`, o.viewport);
  // An action that cannot happen fails with what it waited for, well within the test's own timeout.
  page.setDefaultTimeout(15_000);
  await page.getByRole('button', { name: /^Take/ }).waitFor({ state: 'visible', timeout: 20_000 });
  return page;
}

/** The panel's race card of a race (a button in the Races list). */
export const raceCard = (page: Page, name: RegExp) => page.getByRole('list', { name: 'Races' }).getByRole('button', { name });
