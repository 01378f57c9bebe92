import { describe, expect, it } from 'vitest';
import { GA_BEFORE, GA_FLIP } from '../../helpers/fixtures.js';
import { storeKinds } from '../../helpers/stores.js';
import { GA, georgia, rejectedWithoutChange, useLeadWire } from './setup.js';

/** Georgia's flip as a rehearsal would send it: test data, timed a day later than the real night. */
const REHEARSAL_BEFORE = { ...GA_BEFORE, asOf: '2020-11-07T08:40:27.000Z', test: true, source: 'ap' };
const REHEARSAL_FLIP = { ...GA_FLIP, asOf: '2020-11-07T09:50:07.414Z', test: true, source: 'ap' };

describe.each(storeKinds())('test and live data ($name store)', (kind) => {
  const start = useLeadWire(kind);

  it('records source, test and reporting of the latest batch in the view; HTTP ingest without a source is "manual"', async () => {
    const lw = await start();
    await georgia(lw);
    const reporting = { reported: 2_493, total: 2_655, unit: 'precincts' };
    const a = await lw.api('POST', `/api/races/${GA}/results`, { body: { ...GA_BEFORE, reporting } });
    expect(a.body.race).toMatchObject({ source: 'manual', test: false, reporting });
    const b = await lw.api('POST', `/api/races/${GA}/results`, { body: { ...GA_FLIP, source: 'desk' } });
    expect(b.body.race).toMatchObject({ source: 'desk', test: false, reporting: null });
  });

  it('marks rehearsal lead changes and their alerts as test', async () => {
    const lw = await start();
    await georgia(lw, REHEARSAL_BEFORE);
    const flip = await lw.api('POST', `/api/races/${GA}/results`, { body: REHEARSAL_FLIP });
    expect(flip.body.leadChange).toMatchObject({ from: 'trump', to: 'biden', test: true });
    expect(flip.body.race).toMatchObject({ test: true, source: 'ap' });
    const alerts = (await lw.api('GET', '/api/alerts?status=pending')).body;
    expect(alerts).toEqual([expect.objectContaining({ leadChangeId: flip.body.leadChange.id, test: true })]);
  });

  it('starts the race afresh when live data follows a rehearsal: earlier live batches apply, rehearsal alerts are dismissed', async () => {
    const lw = await start();
    await georgia(lw, REHEARSAL_BEFORE, REHEARSAL_FLIP);
    const live = await lw.api('POST', `/api/races/${GA}/results`, { body: GA_BEFORE }); // a day "older" than the rehearsal
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ duplicate: false, correction: false, leadChange: null });
    expect(live.body.race).toMatchObject({ test: false, asOf: GA_BEFORE.asOf, leader: 'trump', source: 'manual' });
    expect((await lw.api('GET', '/api/alerts?status=pending')).body).toEqual([]);
    const dismissed = (await lw.api('GET', '/api/alerts')).body;
    expect(dismissed).toEqual([expect.objectContaining({ status: 'dismissed', test: true })]);
    // The real flip is the first live lead change: the rehearsal's leader was forgotten with its counts.
    const flip = await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP });
    expect(flip.body.leadChange).toMatchObject({ from: 'trump', to: 'biden' });
    expect(flip.body.leadChange.test).toBeUndefined();
  });

  it('resets a race by hand (producer), keeping its mode unless told, and dismissing its pending alerts', async () => {
    const lw = await start();
    await georgia(lw, GA_BEFORE, GA_FLIP);
    const before = (await lw.api('GET', `/api/races/${GA}`)).body;
    const res = await lw.api('POST', `/api/races/${GA}/reset`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'awaiting', totalVotes: 0, asOf: null, test: false, revision: before.revision + 1 });
    expect((await lw.api('GET', '/api/alerts?status=pending')).body).toEqual([]);
    const toTest = await lw.api('POST', `/api/races/${GA}/reset`, { body: { test: true } });
    expect(toTest.body).toMatchObject({ test: true, revision: before.revision + 2 });
    // The same batch as before the reset applies again: its ordering was forgotten.
    expect((await lw.api('POST', `/api/races/${GA}/results`, { body: { ...GA_BEFORE, test: true } })).status).toBe(200);
  });

  it('refuses a reset without the producer token, of an unknown race, or with a bad body, changing nothing', async () => {
    const lw = await start();
    await georgia(lw, GA_BEFORE);
    expect((await rejectedWithoutChange(lw, () => lw.api('POST', `/api/races/${GA}/reset`, { token: 'ingest' }))).status).toBe(403);
    expect((await rejectedWithoutChange(lw, () => lw.api('POST', `/api/races/${GA}/reset`, { token: null }))).status).toBe(401);
    expect((await rejectedWithoutChange(lw, () => lw.api('POST', '/api/races/nope/reset'))).status).toBe(404);
    const bad = await rejectedWithoutChange(lw, () => lw.api('POST', `/api/races/${GA}/reset`, { body: { test: 'yes' } }));
    expect((bad.body as { issues: unknown }).issues).toEqual([{ path: 'test', message: expect.any(String) }]);
  });
});
