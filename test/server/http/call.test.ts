import { describe, expect, it } from 'vitest';
import { storeKinds } from '../../helpers/stores.js';
import { GA, useLeadWire } from './setup.js';
import { GA_FLIP, GEORGIA } from '../../helpers/fixtures.js';

describe.each(storeKinds())('calling a race ($name store)', (kind) => {
  const start = useLeadWire(kind);

  const flipped = async () => {
    const lw = await start();
    await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA });
    await lw.api('POST', `/api/races/${GA}/results`, { body: GA_FLIP });
    return lw;
  };

  it('calls a race for a candidate: status called, the call recorded, one more revision', async () => {
    const lw = await flipped();
    const res = await lw.api('POST', `/api/races/${GA}/call`, { body: { winner: 'biden' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'called', call: { winner: 'biden', at: expect.any(String) }, revision: 3, leader: 'biden' });
    expect((await lw.api('GET', `/api/races/${GA}`, { token: null })).body.status).toBe('called');
  });

  it('changes nothing when the same call is made twice', async () => {
    const lw = await flipped();
    await lw.api('POST', `/api/races/${GA}/call`, { body: { winner: 'biden' } });
    const again = await lw.api('POST', `/api/races/${GA}/call`, { body: { winner: 'biden' } });
    expect(again.body.revision).toBe(3);
  });

  it('withdraws a call: the race is leading again', async () => {
    const lw = await flipped();
    await lw.api('POST', `/api/races/${GA}/call`, { body: { winner: 'biden' } });
    const res = await lw.api('DELETE', `/api/races/${GA}/call`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'leading', call: null, revision: 4 });
  });

  it.each([
    { does: 'refuses a winner who is not a candidate, naming the field', body: { winner: 'jorgensen' }, status: 400, path: 'winner' },
    { does: 'refuses a body without a winner', body: {}, status: 400, path: 'winner' },
    { does: 'refuses a JSON null body instead of withdrawing the call', body: null, status: 400, path: '' },
  ])('$does, and changes nothing', async ({ body, status, path }) => {
    const lw = await flipped();
    await lw.api('POST', `/api/races/${GA}/call`, { body: { winner: 'biden' } });
    const res = await lw.api('POST', `/api/races/${GA}/call`, { raw: JSON.stringify(body) });
    expect(res.status).toBe(status);
    expect(res.body.issues[0].path).toBe(path);
    expect((await lw.api('GET', `/api/races/${GA}`, { token: null })).body).toMatchObject({ revision: 3, call: { winner: 'biden' } });
  });

  it('is for producers only, and answers 404 for an unknown race', async () => {
    const lw = await flipped();
    expect((await lw.api('POST', `/api/races/${GA}/call`, { body: { winner: 'biden' }, token: 'ingest' })).status).toBe(403);
    expect((await lw.api('POST', `/api/races/${GA}/call`, { body: { winner: 'biden' }, token: null })).status).toBe(401);
    expect((await lw.api('POST', '/api/races/nowhere/call', { body: { winner: 'biden' } })).status).toBe(404);
  });
});
