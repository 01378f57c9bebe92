import { describe, expect, it } from 'vitest';
import { GA_BEFORE, GA_FLIP, GEORGIA, GEORGIA_AWAITING_VIEW as FRESH_GEORGIA } from '../../helpers/fixtures.js';
import { storeKinds } from '../../helpers/stores.js';
import { ARIZONA, AZ, AZ_BATCH, GA, allRejectedWithoutChange, georgia, georgiaFlipped, rejectedWithoutChange, snapshot, useLeadWire } from './setup.js';

const GA_TOTAL_BEFORE = 2_447_991 + 2_448_454 + 60_990;
const pctOf = (v: number, total: number) => (100 * v) / total;


/** Georgia's view after GA_BEFORE: Trump by 463. */
const GEORGIA_BEFORE = {
  ...FRESH_GEORGIA,
  source: 'manual', // posted over HTTP without a source
  winning: ['trump'],
  // 98.8 % of the expected vote in: about 60,212 votes remain; Biden needs 30,338 of them to finish ahead.
  needs: { candidate: 'biden', pctOfRemaining: expect.closeTo((100 * 30_338) / 60_212, 9) },
  candidates: [
    { id: 'biden', name: 'Joe Biden', party: 'DEM', votes: 2_447_991, pct: pctOf(2_447_991, GA_TOTAL_BEFORE) },
    { id: 'trump', name: 'Donald Trump', party: 'REP', votes: 2_448_454, pct: pctOf(2_448_454, GA_TOTAL_BEFORE) },
    { id: 'other', name: 'Others', party: null, votes: 60_990, pct: pctOf(60_990, GA_TOTAL_BEFORE) },
  ],
  totalVotes: GA_TOTAL_BEFORE,
  leader: 'trump',
  runnerUp: 'biden',
  margin: 463,
  marginPct: pctOf(463, GA_TOTAL_BEFORE),
  inRecountRange: true,
  asOf: GA_BEFORE.asOf,
  revision: 2,
  expectedVotePct: 98.8,
  status: 'leading',
};

describe.each(storeKinds())('races over HTTP ($name store)', (kind) => {
  const start = useLeadWire(kind);

  it('defines a new race with 201 and answers its RaceView with zero counts', async () => {
    const lw = await start();
    const res = await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA, token: 'ingest' });
    expect(res).toEqual({ status: 201, body: FRESH_GEORGIA });
    expect(await lw.api('GET', `/api/races/${GA}`, { token: null })).toEqual({ status: 200, body: FRESH_GEORGIA });
  });

  it('redefines a race with 200, keeping its stored counts and counting the change in its revision', async () => {
    const lw = await start();
    await georgia(lw, GA_BEFORE);
    const res = await lw.api('PUT', `/api/races/${GA}`, { body: { ...GEORGIA, title: 'President of the United States' } });
    expect(res).toEqual({ status: 200, body: { ...GEORGIA_BEFORE, title: 'President of the United States', revision: 3 } });
    expect((await lw.api('GET', `/api/races/${GA}`)).body).toEqual(res.body);
  });

  it('answers an identical redefinition, in any key order, with 200 and the same revision', async () => {
    const lw = await start();
    await georgia(lw, GA_BEFORE);
    const reordered = {
      recount: { marginPct: 0.5 },
      candidates: GEORGIA.candidates.map((c) => Object.fromEntries(Object.entries(c).reverse())),
      electoralVotes: 16,
      jurisdiction: 'Georgia',
      title: 'President',
    };
    const before = await snapshot(lw);
    const res = await lw.api('PUT', `/api/races/${GA}`, { body: reordered, token: 'ingest' });
    expect(res).toEqual({ status: 200, body: GEORGIA_BEFORE });
    expect(await snapshot(lw)).toEqual(before);
  });

  it('removes a candidate who has no votes on redefinition', async () => {
    const lw = await start();
    await georgia(lw);
    const res = await lw.api('PUT', `/api/races/${GA}`, { body: { ...GEORGIA, candidates: GEORGIA.candidates.slice(0, 2) } });
    expect(res.status).toBe(200);
    expect(res.body.candidates.map((c: { id: string }) => c.id)).toEqual(['biden', 'trump']);
    expect(res.body.revision).toBe(2);
  });

  it('refuses with 409 to remove a candidate who has votes, and changes nothing', async () => {
    const lw = await start();
    await georgia(lw, GA_BEFORE);
    const res = await rejectedWithoutChange(lw, () =>
      lw.api('PUT', `/api/races/${GA}`, { body: { ...GEORGIA, candidates: GEORGIA.candidates.slice(0, 2) } }),
    );
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'conflict', message: expect.stringMatching(/other/) });
  });

  it('rejects definitions with a bad field with 400 naming each field, and stores nothing', async () => {
    const lw = await start();
    await georgia(lw, GA_BEFORE);
    const cases: [string, unknown, string[]][] = [
      ['an empty title', { ...GEORGIA, title: '' }, ['title']],
      ['a candidate id that is not a slug', { ...GEORGIA, candidates: [GEORGIA.candidates[0], { id: 'Trump!', name: 'Donald Trump' }] }, ['candidates.1.id']],
      ['a candidate without a name', { ...GEORGIA, candidates: [{ id: 'biden' }] }, ['candidates.0.name']],
      ['two candidates with one id', { ...GEORGIA, candidates: [GEORGIA.candidates[0], GEORGIA.candidates[0]] }, ['candidates']],
      ['no candidates field', { title: 'President', jurisdiction: 'Georgia' }, ['candidates']],
      ['an unknown field', { ...GEORGIA, colour: 'blue' }, ['colour']],
      ['a recount rule without a threshold', { ...GEORGIA, recount: { basis: 'total' } }, ['recount']],
      ['a negative electoral vote count', { ...GEORGIA, electoralVotes: -16 }, ['electoralVotes']],
      ['an empty title and a bad candidate id', { ...GEORGIA, title: '', candidates: [{ id: 'B', name: 'B' }] }, ['title', 'candidates.0.id']],
    ];
    const responses = await allRejectedWithoutChange(lw, cases.map(([, body]) => () => lw.api('PUT', `/api/races/${GA}`, { body })));
    expect(responses.map((r, i) => [cases[i]![0], r.status, r.body])).toEqual(
      cases.map(([what, , paths]) => [
        what,
        400,
        { error: 'invalid', message: expect.any(String), issues: paths.map((path) => ({ path, message: expect.any(String) })) },
      ]),
    );
  });

  it('rejects a race id that is not a slug with 400 naming raceId, and stores nothing', async () => {
    const lw = await start();
    const res = await rejectedWithoutChange(lw, () => lw.api('PUT', '/api/races/GA_President', { body: GEORGIA }));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid', message: expect.any(String), issues: [{ path: 'raceId', message: expect.any(String) }] });
    expect((await lw.api('GET', '/api/races')).body).toEqual([]);
  });

  it('lists every defined race in GET /api/races without a token', async () => {
    const lw = await start();
    expect(await lw.api('GET', '/api/races', { token: null })).toEqual({ status: 200, body: [] });
    await georgia(lw, GA_BEFORE);
    expect((await lw.api('PUT', `/api/races/${AZ}`, { body: ARIZONA })).status).toBe(201);
    const res = await lw.api('GET', '/api/races', { token: null });
    expect(res.status).toBe(200);
    const byId = [...(res.body as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId.map((r) => r.id)).toEqual([AZ, GA]);
    expect(byId[1]).toEqual(GEORGIA_BEFORE);
    expect(byId[0]).toMatchObject({ jurisdiction: 'Arizona', revision: 1, recount: { marginPct: 0.1, marginVotes: 200, basis: 'topTwo' } });
  });

  it('answers GET /api/races/:raceId with the current view, without a token', async () => {
    const lw = await start();
    await georgia(lw, GA_BEFORE);
    expect(await lw.api('GET', `/api/races/${GA}`, { token: null })).toEqual({ status: 200, body: GEORGIA_BEFORE });
  });

  it('answers 404 not_found for an unknown race and for the lead changes of an unknown race', async () => {
    const lw = await start();
    const race = await lw.api('GET', '/api/races/nowhere', { token: null });
    expect(race).toEqual({ status: 404, body: { error: 'not_found', message: expect.any(String) } });
    const lcs = await lw.api('GET', '/api/races/nowhere/lead-changes', { token: null });
    expect(lcs).toEqual({ status: 404, body: { error: 'not_found', message: expect.any(String) } });
  });

  it('lists a race’s lead changes oldest first, without a token', async () => {
    const lw = await start();
    await georgiaFlipped(lw);
    expect(await lw.api('GET', `/api/races/${GA}/lead-changes`, { token: null })).toEqual({
      status: 200,
      body: [expect.objectContaining({ from: 'trump', to: 'biden', revision: 3 })],
    });
    const back = { asOf: '2020-11-06T11:00:00.000Z', votes: { biden: 2_449_371, trump: 2_450_000, other: 61_000 } };
    expect((await lw.api('POST', `/api/races/${GA}/results`, { body: back })).status).toBe(200);
    const res = await lw.api('GET', `/api/races/${GA}/lead-changes`, { token: null });
    expect(res.body).toEqual([
      {
        id: expect.any(String),
        raceId: GA,
        from: 'trump',
        to: 'biden',
        margin: 917,
        marginPct: pctOf(917, 2_449_371 + 2_448_454 + 61_000),
        asOf: GA_FLIP.asOf,
        revision: 3,
        detectedAt: '2020-11-06T10:00:00.000Z',
      },
      {
        id: expect.any(String),
        raceId: GA,
        from: 'biden',
        to: 'trump',
        margin: 629,
        marginPct: pctOf(629, 2_449_371 + 2_450_000 + 61_000),
        asOf: back.asOf,
        revision: 4,
        detectedAt: '2020-11-06T10:00:00.000Z',
      },
    ]);
    expect(res.body[0].id).not.toBe(res.body[1].id);
  });

  it('records no lead change for the first leader, a tie, or the same leader regaining the lead after a tie', async () => {
    const lw = await start();
    await georgia(
      lw,
      { asOf: '2020-11-04T01:00:00Z', votes: { biden: 10, trump: 20, other: 0 } },
      { asOf: '2020-11-04T02:00:00Z', votes: { biden: 20, trump: 20, other: 0 } },
      { asOf: '2020-11-04T03:00:00Z', votes: { biden: 20, trump: 30, other: 0 } },
    );
    expect((await lw.api('GET', `/api/races/${GA}/lead-changes`)).body).toEqual([]);
    const race = (await lw.api('GET', `/api/races/${GA}`)).body;
    expect(race).toMatchObject({ leader: 'trump', runnerUp: 'biden', margin: 10, status: 'leading', revision: 4 });
  });

  it('reports a tie with no leader and a zero margin', async () => {
    const lw = await start();
    await georgia(lw, { asOf: '2020-11-04T02:00:00Z', votes: { biden: 20, trump: 20, other: 5 } });
    const race = (await lw.api('GET', `/api/races/${GA}`)).body;
    expect(race).toMatchObject({ leader: null, runnerUp: null, margin: 0, marginPct: 0, status: 'tied', totalVotes: 45 });
  });

  it('puts a race in recount range only when the margin is within the lesser threshold, boundary included', async () => {
    const lw = await start();
    expect((await lw.api('PUT', `/api/races/${AZ}`, { body: ARIZONA })).status).toBe(201);
    const far = await lw.api('POST', `/api/races/${AZ}/results`, { body: AZ_BATCH });
    expect(far.body.race).toMatchObject({ margin: 10_457, inRecountRange: false });
    const close = { asOf: '2020-11-13T00:00:00.000Z', votes: { biden: 1_672_143, trump: 1_671_943 } };
    const near = await lw.api('POST', `/api/races/${AZ}/results`, { body: close });
    expect(near.body.race).toMatchObject({ margin: 200, inRecountRange: true });
  });
});

