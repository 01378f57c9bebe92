import { describe, expect, it } from 'vitest';
import { GA_BEFORE, GA_FLIP, eventually } from '../../helpers/server.js';
import { storeKinds } from '../../helpers/stores.js';
import { GA, allRejectedWithoutChange, georgia, georgiaFlipped, useLeadWire } from './setup.js';

const EMPTY = { lowerThird: null, alert: null, ticker: null, fullscreen: null };

describe.each(storeKinds())('alerts over HTTP ($name store)', (kind) => {
  const start = useLeadWire(kind);

  /** Georgia flipped; answers its one lead change and the pending alert it created. */
  async function flipped(lw: Awaited<ReturnType<typeof start>>) {
    await georgiaFlipped(lw);
    const [leadChange] = (await lw.api('GET', `/api/races/${GA}/lead-changes`)).body;
    const [alert] = (await lw.api('GET', '/api/alerts?status=pending', { token: null })).body;
    return { leadChange, alert };
  }

  it('creates one pending alert for a lead change, listed without a token', async () => {
    const lw = await start();
    await georgiaFlipped(lw);
    const [lc] = (await lw.api('GET', `/api/races/${GA}/lead-changes`)).body;
    const pending = await lw.api('GET', '/api/alerts?status=pending', { token: null });
    expect(pending.status).toBe(200);
    expect(pending.body).toEqual([
      expect.objectContaining({
        id: expect.any(String),
        kind: 'leadChange',
        leadChangeId: lc.id,
        raceId: GA,
        status: 'pending',
        createdAt: '2020-11-06T10:00:00.000Z',
      }),
    ]);
    expect((await lw.api('GET', '/api/alerts', { token: null })).body).toEqual(pending.body);
    expect((await lw.api('GET', '/api/alerts?status=aired')).body).toEqual([]);
    expect((await lw.api('GET', '/api/graphics')).body).toEqual({ program: EMPTY, preview: EMPTY, revision: 0 });
  });

  it('creates no alert for the first leader of a race', async () => {
    const lw = await start();
    await georgia(lw, GA_BEFORE);
    expect((await lw.api('GET', '/api/alerts')).body).toEqual([]);
  });

  it('creates no second alert when the lead-changing batch is posted again', async () => {
    const lw = await start();
    await georgiaFlipped(lw);
    expect((await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP })).body.duplicate).toBe(true);
    expect((await lw.api('GET', '/api/alerts')).body).toHaveLength(1);
  });

  it('takes an alert: it becomes aired and its lead change goes on the program alert layer', async () => {
    const lw = await start({ alertDurationMs: 60_000 });
    const { leadChange, alert } = await flipped(lw);
    const res = await lw.api('POST', `/api/alerts/${alert.id}/take`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: alert.id, leadChangeId: leadChange.id, raceId: GA, status: 'aired', createdAt: alert.createdAt });
    const graphics = (await lw.api('GET', '/api/graphics')).body;
    expect(graphics.program).toEqual({ ...EMPTY, alert: { type: 'leadChange', leadChangeId: leadChange.id } });
    expect(graphics.preview).toEqual(EMPTY);
    expect((await lw.api('GET', '/api/alerts?status=pending')).body).toEqual([]);
    expect((await lw.api('GET', '/api/alerts?status=aired')).body).toEqual([expect.objectContaining({ id: alert.id, status: 'aired' })]);
  });

  it('takes an aired alert off air by itself after its duration, and it stays aired', async () => {
    const lw = await start({ alertDurationMs: 300 });
    const { leadChange, alert } = await flipped(lw);
    expect((await lw.api('POST', `/api/alerts/${alert.id}/take`)).status).toBe(200);
    expect((await lw.api('GET', '/api/graphics')).body.program.alert).toEqual({ type: 'leadChange', leadChangeId: leadChange.id });
    await eventually(
      async () => ((await lw.api('GET', '/api/graphics')).body.program.alert === null ? true : undefined),
      5_000,
      'the alert to leave air',
    );
    expect((await lw.api('GET', '/api/alerts')).body).toEqual([expect.objectContaining({ id: alert.id, status: 'aired' })]);
  });

  it('leaves a different lead change on the alert layer alone when an earlier alert’s duration ends', async () => {
    const lw = await start({ alertDurationMs: 300 });
    const { alert } = await flipped(lw);
    await lw.api('POST', `/api/alerts/${alert.id}/take`);
    const back = { asOf: '2020-11-06T11:00:00.000Z', votes: { biden: 2_449_371, trump: 2_450_000, other: 61_000 } };
    const second = (await lw.api('POST', `/api/races/${GA}/results`, { body: back })).body.leadChange;
    const graphic = { type: 'leadChange', leadChangeId: second.id };
    expect((await lw.api('POST', '/api/graphics/air', { body: { layer: 'alert', graphic } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 700)); // past the first alert's duration
    expect((await lw.api('GET', '/api/graphics')).body.program.alert).toEqual(graphic);
  });

  it('dismisses a pending alert without putting anything on air', async () => {
    const lw = await start();
    const { alert } = await flipped(lw);
    const res = await lw.api('POST', `/api/alerts/${alert.id}/dismiss`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: alert.id, status: 'dismissed' });
    expect((await lw.api('GET', '/api/alerts?status=pending')).body).toEqual([]);
    expect((await lw.api('GET', '/api/alerts?status=dismissed')).body).toEqual([expect.objectContaining({ id: alert.id, status: 'dismissed' })]);
    expect((await lw.api('GET', '/api/graphics')).body).toEqual({ program: EMPTY, preview: EMPTY, revision: 0 });
  });

  it('dismisses an aired alert and takes it off air at once', async () => {
    // A long duration, so only the dismissal can take it off air.
    const lw = await start({ alertDurationMs: 60_000 });
    const { alert } = await flipped(lw);
    await lw.api('POST', `/api/alerts/${alert.id}/take`);
    const res = await lw.api('POST', `/api/alerts/${alert.id}/dismiss`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: alert.id, status: 'dismissed' });
    expect((await lw.api('GET', '/api/graphics')).body.program).toEqual(EMPTY);
  });

  it('answers 404 not_found to take or dismiss an unknown alert, and changes nothing', async () => {
    const lw = await start();
    await flipped(lw);
    const responses = await allRejectedWithoutChange(lw, [
      () => lw.api('POST', '/api/alerts/alert.nothing-here/take'),
      () => lw.api('POST', '/api/alerts/alert.nothing-here/dismiss'),
    ]);
    expect(responses).toEqual([
      { status: 404, body: { error: 'not_found', message: expect.any(String) } },
      { status: 404, body: { error: 'not_found', message: expect.any(String) } },
    ]);
  });

  it('rejects an unknown status filter with 400 naming status', async () => {
    const lw = await start();
    const res = await lw.api('GET', '/api/alerts?status=archived', { token: null });
    expect(res).toEqual({
      status: 400,
      body: { error: 'invalid', message: expect.any(String), issues: [{ path: 'status', message: expect.any(String) }] },
    });
  });
});
