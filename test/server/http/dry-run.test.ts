import { describe, expect, it } from 'vitest';
import { GA_BEFORE, GA_FLIP } from '../../helpers/fixtures.js';
import { storeKinds } from '../../helpers/stores.js';
import { GA, georgia, snapshot, useLeadWire } from './setup.js';

const LOWER = { asOf: '2020-11-06T10:30:00.000Z', votes: { biden: 2_449_000, trump: 2_448_454, other: 61_000 } };

describe.each(storeKinds())('dry runs of a batch ($name store)', (kind) => {
  const start = useLeadWire(kind);

  it.each([
    { does: 'a batch that applies', before: [GA_BEFORE], batch: { ...GA_BEFORE, asOf: '2020-11-06T09:00:00Z', votes: { ...GA_BEFORE.votes, biden: 2_448_000 } } },
    { does: 'a lead change', before: [GA_BEFORE], batch: GA_FLIP },
    { does: 'a correction', before: [GA_BEFORE, GA_FLIP], batch: LOWER },
    { does: 'a duplicate', before: [GA_BEFORE], batch: GA_BEFORE },
    { does: 'a stale batch', before: [GA_BEFORE, GA_FLIP], batch: GA_BEFORE },
    { does: 'a conflict', before: [GA_BEFORE], batch: { ...GA_BEFORE, votes: { ...GA_BEFORE.votes, other: 1 } } },
    { does: 'an invalid batch', before: [GA_BEFORE], batch: { ...GA_BEFORE, votes: { biden: 1 } } },
    { does: 'a test batch on a live race (a reset)', before: [GA_BEFORE, GA_FLIP], batch: { ...GA_BEFORE, test: true } },
  ])('predicts exactly what the post does for $does, and stores nothing', async ({ before, batch }) => {
    const lw = await start();
    await georgia(lw, ...before);
    const stored = await snapshot(lw);
    const dry = await lw.api('POST', `/api/races/${GA}/results?dryRun=1`, { body: batch, token: 'ingest' });
    expect(await snapshot(lw)).toEqual(stored);
    const real = await lw.api('POST', `/api/races/${GA}/results`, { body: batch, token: 'ingest' });
    expect(dry.status).toBe(real.status);
    if (real.status === 200) {
      const { dryRun, lowered, ...rest } = dry.body;
      expect(dryRun).toBe(true);
      // The lead change carries the moment it was detected, the same clock in both.
      expect(rest).toEqual(real.body);
      expect(Array.isArray(lowered)).toBe(true);
    } else {
      expect(dry.body).toEqual(real.body);
    }
  });

  it('names who a correction lowers', async () => {
    const lw = await start();
    await georgia(lw, GA_BEFORE, GA_FLIP);
    const dry = await lw.api('POST', `/api/races/${GA}/results?dryRun=1`, { body: LOWER });
    expect(dry.body).toMatchObject({ correction: true, lowered: [{ candidate: 'biden', from: 2_449_371, to: 2_449_000 }] });
  });

  it('needs the ingest or producer token, and a race that exists', async () => {
    const lw = await start();
    expect((await lw.api('POST', `/api/races/${GA}/results?dryRun=1`, { body: GA_BEFORE, token: null })).status).toBe(401);
    expect((await lw.api('POST', `/api/races/${GA}/results?dryRun=1`, { body: GA_BEFORE })).status).toBe(404);
  });
});
