import { describe, expect, it } from 'vitest';
import { GA_BEFORE, GA_FLIP } from '../../helpers/server.js';
import { storeKinds } from '../../helpers/stores.js';
import { GA, allRejectedWithoutChange, georgia, georgiaFlipped, rejectedWithoutChange, snapshot, useLeadWire } from './setup.js';

const post = (body: unknown) => ({ body });
const FLIP_TOTAL = 2_449_371 + 2_448_454 + 61_000;

describe.each(storeKinds())('posting one batch over HTTP ($name store)', (kind) => {
  const start = useLeadWire(kind);

  it('applies a first batch and answers the race, no lead change, not a duplicate, not a correction', async () => {
    const lw = await start();
    await georgia(lw);
    const res = await lw.api('POST', `/api/races/${GA}/results`, { body: GA_BEFORE, token: 'ingest' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ race: expect.any(Object), leadChange: null, duplicate: false, correction: false });
    expect(res.body.race).toMatchObject({
      id: GA,
      totalVotes: 2_447_991 + 2_448_454 + 60_990,
      leader: 'trump',
      runnerUp: 'biden',
      margin: 463,
      asOf: GA_BEFORE.asOf,
      revision: 2,
      expectedVotePct: 98.8,
      outstanding: null,
      status: 'leading',
    });
    expect((await lw.api('GET', `/api/races/${GA}`)).body).toEqual(res.body.race);
  });

  it('answers the lead change when a batch gives the lead to another candidate', async () => {
    const lw = await start();
    await georgia(lw, GA_BEFORE);
    const res = await lw.api('POST', `/api/races/${GA}/results`, post(GA_FLIP));
    expect(res.status).toBe(200);
    const leadChange = {
      id: expect.any(String),
      raceId: GA,
      from: 'trump',
      to: 'biden',
      margin: 917,
      marginPct: (100 * 917) / FLIP_TOTAL,
      asOf: GA_FLIP.asOf,
      revision: 3,
      detectedAt: '2020-11-06T10:00:00.000Z',
    };
    expect(res.body).toEqual({ race: expect.any(Object), leadChange, duplicate: false, correction: false });
    expect(res.body.race).toMatchObject({
      leader: 'biden',
      runnerUp: 'trump',
      margin: 917,
      marginPct: (100 * 917) / FLIP_TOTAL,
      revision: 3,
      expectedVotePct: null,
      outstanding: GA_FLIP.outstanding,
      inRecountRange: true,
    });
    expect((await lw.api('GET', `/api/races/${GA}/lead-changes`)).body).toEqual([res.body.leadChange]);
  });

  it('answers a repeated batch with duplicate: true, the same revision and no new lead change', async () => {
    const lw = await start();
    await georgiaFlipped(lw);
    const before = await snapshot(lw);
    const res = await lw.api('POST', `/api/races/${GA}/results`, post(GA_FLIP));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ race: expect.objectContaining({ revision: 3 }), leadChange: null, duplicate: true, correction: false });
    expect(await snapshot(lw)).toEqual(before);
  });

  it('compares asOf as instants: the same moment written differently is a duplicate', async () => {
    const lw = await start();
    await georgia(lw, GA_BEFORE);
    const before = await snapshot(lw);
    const res = await lw.api('POST', `/api/races/${GA}/results`, post({ ...GA_BEFORE, asOf: '2020-11-06T08:40:27Z' }));
    expect(res.status).toBe(200);
    expect(res.body.duplicate).toBe(true);
    expect(res.body.race.revision).toBe(2);
    expect(await snapshot(lw)).toEqual(before);
  });

  it('rejects a batch older than the stored count with 409 stale and the current asOf and revision', async () => {
    const lw = await start();
    await georgiaFlipped(lw);
    const res = await rejectedWithoutChange(lw, () => lw.api('POST', `/api/races/${GA}/results`, post(GA_BEFORE)));
    expect(res).toEqual({
      status: 409,
      body: { error: 'stale', message: expect.any(String), current: { asOf: GA_FLIP.asOf, revision: 3 } },
    });
  });

  it('rejects a batch with the stored asOf but different content with 409 conflict, and changes nothing', async () => {
    const lw = await start();
    await georgiaFlipped(lw);
    const cases: [string, unknown][] = [
      ['different votes', { ...GA_FLIP, votes: { ...GA_FLIP.votes, biden: 2_449_372 } }],
      ['a different expected vote share', { ...GA_FLIP, expectedVotePct: 99 }],
      ['different outstanding ballots', { ...GA_FLIP, outstanding: { ballots: 8_000, label: 'military and overseas ballots' } }],
      ['no outstanding ballots', { asOf: GA_FLIP.asOf, votes: GA_FLIP.votes }],
    ];
    const responses = await allRejectedWithoutChange(lw, cases.map(([, body]) => () => lw.api('POST', `/api/races/${GA}/results`, post(body))));
    expect(responses.map((r, i) => [cases[i]![0], r.status, r.body.error])).toEqual(cases.map(([what]) => [what, 409, 'conflict']));
    for (const r of responses) expect(r.body.message).toEqual(expect.any(String));
  });

  it('accepts a newer batch with a lower count as a correction', async () => {
    const lw = await start();
    await georgiaFlipped(lw);
    const fix = { asOf: '2020-11-06T10:30:00.000Z', votes: { biden: 2_449_371, trump: 2_448_400, other: 61_000 } };
    const res = await lw.api('POST', `/api/races/${GA}/results`, post(fix));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ race: expect.any(Object), leadChange: null, duplicate: false, correction: true });
    expect(res.body.race).toMatchObject({ revision: 4, margin: 971, asOf: fix.asOf, outstanding: null });
    expect(res.body.race.candidates.map((c: { votes: number }) => c.votes)).toEqual([2_449_371, 2_448_400, 61_000]);
  });

  it('does not call a newer batch with no lower count a correction', async () => {
    const lw = await start();
    await georgiaFlipped(lw);
    const more = { asOf: '2020-11-06T10:30:00.000Z', votes: { biden: 2_449_371, trump: 2_448_454, other: 61_001 } };
    const res = await lw.api('POST', `/api/races/${GA}/results`, post(more));
    expect(res.body).toMatchObject({ duplicate: false, correction: false, leadChange: null, race: { revision: 4 } });
  });

  it('rejects batches with a bad field with 400 naming the field, and changes nothing', async () => {
    const lw = await start();
    await georgia(lw, GA_BEFORE);
    const later = { ...GA_FLIP, asOf: '2020-11-07T00:00:00Z' };
    const cases: [string, string, unknown][] = [
      ['an unknown candidate', 'votes.jorgensen', { ...GA_FLIP, votes: { ...GA_FLIP.votes, jorgensen: 62_229 } }],
      ['a missing candidate', 'votes.other', { asOf: GA_FLIP.asOf, votes: { biden: 1, trump: 2 } }],
      ['a negative count', 'votes.trump', { ...later, votes: { ...GA_FLIP.votes, trump: -1 } }],
      ['a fractional count', 'votes.trump', { ...later, votes: { ...GA_FLIP.votes, trump: 1.5 } }],
      ['an unsafe integer count', 'votes.trump', { ...later, votes: { ...GA_FLIP.votes, trump: 2 ** 53 } }],
      ['a count given as a string', 'votes.trump', { ...later, votes: { ...GA_FLIP.votes, trump: '5' } }],
      ['an asOf that is not a date-time', 'asOf', { ...GA_FLIP, asOf: 'yesterday' }],
      ['no asOf', 'asOf', { votes: GA_FLIP.votes }],
      ['an expected vote share over 100', 'expectedVotePct', { ...later, expectedVotePct: 101 }],
      ['outstanding ballots without a label', 'outstanding.label', { ...later, outstanding: { ballots: 5 } }],
      ['an unknown field', 'source', { ...later, source: 'AP' }],
    ];
    const responses = await allRejectedWithoutChange(lw, cases.map(([, , body]) => () => lw.api('POST', `/api/races/${GA}/results`, post(body))));
    // One field may break more than one rule (2^53 is neither safe nor, to zod, whole), so compare the set of paths named.
    const seen = responses.map((r, i) => [
      cases[i]![0],
      r.status,
      r.body.error,
      typeof r.body.message,
      [...new Set((r.body.issues as { path: string; message: string }[]).map((x) => x.path))],
      (r.body.issues as { message: unknown }[]).every((x) => typeof x.message === 'string' && x.message !== ''),
    ]);
    expect(seen).toEqual(cases.map(([what, path]) => [what, 400, 'invalid', 'string', [path], true]));
  });

  it('answers 404 not_found for a batch to an unknown race and creates nothing', async () => {
    const lw = await start();
    const res = await rejectedWithoutChange(lw, () => lw.api('POST', '/api/races/nowhere/results', post(GA_FLIP)));
    expect(res).toEqual({ status: 404, body: { error: 'not_found', message: expect.any(String) } });
    expect((await lw.api('GET', '/api/races')).body).toEqual([]);
  });

  it('rejects a race id that is not a slug with 400 naming raceId', async () => {
    const lw = await start();
    await georgia(lw);
    const res = await rejectedWithoutChange(lw, () => lw.api('POST', '/api/races/GA/results', post(GA_FLIP)));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid', message: expect.any(String), issues: [{ path: 'raceId', message: expect.any(String) }] });
  });
});
