import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Store } from '../../../server/store/store.js';
import { GA_BEFORE, GA_FLIP, GEORGIA, startLeadWire, type ApiResponse, type LeadWire, type StartOptions } from '../../helpers/server.js';
import type { StoreKind } from '../../helpers/stores.js';

export const GA = 'ga-president-2020';

/** Arizona 2020 as these tests define it: a second race for bulk and list tests. */
export const ARIZONA = {
  title: 'President',
  jurisdiction: 'Arizona',
  electoralVotes: 11,
  candidates: [
    { id: 'biden', name: 'Joe Biden', party: 'DEM' },
    { id: 'trump', name: 'Donald Trump', party: 'REP' },
  ],
  recount: { marginPct: 0.1, marginVotes: 200, basis: 'topTwo' },
};
export const AZ = 'az-president-2020';
export const AZ_BATCH = { asOf: '2020-11-12T23:00:00.000Z', votes: { biden: 1_672_143, trump: 1_661_686 } };

/**
 * One server per test over a fresh store of `kind`, closed after the test. Call inside a
 * `describe.each(storeKinds())` body; `start()` returns the running server.
 */
export function useLeadWire(kind: StoreKind) {
  let lw: LeadWire | null = null;
  let store: Store | null = null;
  beforeAll(() => kind.setup(), 20_000);
  afterAll(() => kind.teardown());
  afterEach(async () => {
    await lw?.close();
    if (kind.name === 'memory') await store?.close();
    lw = null;
    store = null;
  });
  return async (o: Omit<StartOptions, 'store'> = {}): Promise<LeadWire> => {
    store = await kind.make();
    lw = await startLeadWire({ ...o, store });
    return lw;
  };
}

/** Defines Georgia (201), optionally posting batches after it; each must be accepted. */
export async function georgia(lw: LeadWire, ...batches: object[]): Promise<void> {
  expect((await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA })).status).toBe(201);
  for (const b of batches) expect((await lw.api('POST', `/api/races/${GA}/results`, { body: b })).status).toBe(200);
}

/** Georgia after the real flip: revision 3, Biden leads, one lead change with a pending alert. */
export const georgiaFlipped = (lw: LeadWire) => georgia(lw, GA_BEFORE, GA_FLIP);

/**
 * Everything a client can read of the stored state: every race view, every race's lead changes, the
 * graphics and the alerts. Two equal snapshots mean nothing stored changed.
 */
export async function snapshot(lw: LeadWire) {
  const races = await lw.api('GET', '/api/races', { token: null });
  expect(races.status).toBe(200);
  const leadChanges: Record<string, unknown> = {};
  for (const r of races.body as { id: string }[]) {
    leadChanges[r.id] = (await lw.api('GET', `/api/races/${r.id}/lead-changes`, { token: null })).body;
  }
  const graphics = (await lw.api('GET', '/api/graphics', { token: null })).body;
  const alerts = (await lw.api('GET', '/api/alerts', { token: null })).body;
  return { races: races.body, leadChanges, graphics, alerts };
}

/** Runs a request that must be rejected and asserts that nothing stored changed; answers the response. */
export async function rejectedWithoutChange(lw: LeadWire, request: () => ReturnType<LeadWire['api']>) {
  const before = await snapshot(lw);
  const res = await request();
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(await snapshot(lw)).toEqual(before);
  return res;
}

/**
 * Runs requests that must all be rejected, in order, and asserts that nothing stored changed across them;
 * answers their responses for the caller to compare with what each should have been.
 */
export async function allRejectedWithoutChange(lw: LeadWire, requests: (() => Promise<ApiResponse>)[]): Promise<ApiResponse[]> {
  const before = await snapshot(lw);
  const responses: ApiResponse[] = [];
  for (const request of requests) responses.push(await request());
  expect(await snapshot(lw)).toEqual(before);
  return responses;
}

/** A JSON body over the 1 MB limit. */
export const OVERSIZE = JSON.stringify({ ...GEORGIA, title: 'x'.repeat(1_100_000) });
