import { describe, expect, it } from 'vitest';
import { GA_BEFORE, GA_FLIP } from '../../helpers/server.js';
import { storeKinds } from '../../helpers/stores.js';
import { ARIZONA, AZ, AZ_BATCH, GA, allRejectedWithoutChange, georgia, snapshot, useLeadWire } from './setup.js';

describe.each(storeKinds())('posting many batches over HTTP ($name store)', (kind) => {
  const start = useLeadWire(kind);

  it('answers every item in request order, and one bad item never sinks the others', async () => {
    const lw = await start();
    await georgia(lw, GA_BEFORE);
    expect((await lw.api('PUT', `/api/races/${AZ}`, { body: ARIZONA })).status).toBe(201);
    const updates = [
      { raceId: GA, ...GA_FLIP },
      { raceId: GA, ...GA_FLIP },
      { raceId: GA, ...GA_BEFORE },
      { raceId: GA, ...GA_FLIP, votes: { ...GA_FLIP.votes, other: 1 } },
      { raceId: GA, asOf: '2020-11-07T00:00:00Z', votes: { ...GA_FLIP.votes, jorgensen: 5 } },
      { raceId: 'nowhere', ...GA_FLIP },
      { raceId: AZ, ...AZ_BATCH },
    ];
    const res = await lw.api('POST', '/api/results', { body: { updates }, token: 'ingest' });
    expect(res.status).toBe(200);
    const results = res.body.results as { raceId: string; status: string; leadChange?: unknown; issues?: unknown }[];
    expect(results.map((r) => [r.raceId, r.status])).toEqual([
      [GA, 'applied'],
      [GA, 'duplicate'],
      [GA, 'stale'],
      [GA, 'conflict'],
      [GA, 'invalid'],
      ['nowhere', 'not_found'],
      [AZ, 'applied'],
    ]);
    expect(results[0]!.leadChange).toMatchObject({ raceId: GA, from: 'trump', to: 'biden', margin: 917, revision: 3 });
    expect(results[1]!.leadChange ?? null).toBeNull();
    expect(results[6]!.leadChange ?? null).toBeNull();
    expect(results[4]!.issues).toEqual([{ path: 'updates.4.votes.jorgensen', message: expect.any(String) }]);

    const ga = (await lw.api('GET', `/api/races/${GA}`)).body;
    expect(ga).toMatchObject({ revision: 3, asOf: GA_FLIP.asOf, leader: 'biden', margin: 917 });
    expect(ga.candidates.map((c: { votes: number }) => c.votes)).toEqual([2_449_371, 2_448_454, 61_000]);
    expect((await lw.api('GET', `/api/races/${AZ}`)).body).toMatchObject({ revision: 2, asOf: AZ_BATCH.asOf, margin: 10_457 });
    expect((await lw.api('GET', `/api/races/${GA}/lead-changes`)).body).toHaveLength(1);
    expect((await lw.api('GET', '/api/races')).body).toHaveLength(2);
  });

  it('names the bad field of an invalid item by its path from the body root', async () => {
    const lw = await start();
    await georgia(lw);
    const updates = [
      { raceId: GA, asOf: '2020-11-04T01:00:00Z', votes: { biden: 1, trump: 2, other: 0 } },
      { raceId: GA, asOf: '2020-11-04T02:00:00Z', votes: { biden: 1, trump: -2, other: 0 } },
      { raceId: GA, asOf: '2020-11-04T03:00:00Z', votes: { biden: 1, trump: 2 } },
      { raceId: 'Not A Slug', asOf: '2020-11-04T03:00:00Z', votes: { biden: 1, trump: 2, other: 0 } },
    ];
    const res = await lw.api('POST', '/api/results', { body: { updates } });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      expect.objectContaining({ raceId: GA, status: 'applied' }),
      expect.objectContaining({ raceId: GA, status: 'invalid', issues: [{ path: 'updates.1.votes.trump', message: expect.any(String) }] }),
      expect.objectContaining({ raceId: GA, status: 'invalid', issues: [{ path: 'updates.2.votes.other', message: expect.any(String) }] }),
      expect.objectContaining({ status: 'invalid', issues: [{ path: 'updates.3.raceId', message: expect.any(String) }] }),
    ]);
    expect((await lw.api('GET', `/api/races/${GA}`)).body).toMatchObject({ revision: 2, asOf: '2020-11-04T01:00:00.000Z', totalVotes: 3 });
  });

  it('applies batches of one race in request order, so a later item sees an earlier one', async () => {
    const lw = await start();
    await georgia(lw);
    const updates = [
      { raceId: GA, ...GA_BEFORE },
      { raceId: GA, ...GA_FLIP },
    ];
    const res = await lw.api('POST', '/api/results', { body: { updates } });
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    expect(res.body.results[1].leadChange).toMatchObject({ from: 'trump', to: 'biden', revision: 3 });
    const dup = await lw.api('POST', '/api/results', { body: { updates } });
    expect(dup.body.results.map((r: { status: string }) => r.status)).toEqual(['stale', 'duplicate']);
    expect((await lw.api('GET', `/api/races/${GA}/lead-changes`)).body).toHaveLength(1);
  });

  it('rejects a body with a bad field with 400 naming the field, and applies nothing', async () => {
    const lw = await start();
    await georgia(lw, GA_BEFORE);
    const cases: [string, unknown, string][] = [
      ['no updates field', {}, 'updates'],
      ['an empty list of updates', { updates: [] }, 'updates'],
      ['updates that are not a list', { updates: { raceId: GA } }, 'updates'],
      ['an unknown field', { updates: [{ raceId: GA, ...GA_FLIP }], dryRun: true }, 'dryRun'],
    ];
    const responses = await allRejectedWithoutChange(lw, cases.map(([, body]) => () => lw.api('POST', '/api/results', { body })));
    expect(responses.map((r, i) => [cases[i]![0], r.status, r.body])).toEqual(
      cases.map(([what, , path]) => [what, 400, { error: 'invalid', message: expect.any(String), issues: [{ path, message: expect.any(String) }] }]),
    );
  });

  it('changes nothing when every item is rejected', async () => {
    const lw = await start();
    await georgia(lw, GA_FLIP);
    const before = await snapshot(lw);
    const updates = [
      { raceId: GA, ...GA_BEFORE },
      { raceId: GA, ...GA_FLIP, expectedVotePct: 99 },
      { raceId: 'nowhere', ...GA_FLIP },
    ];
    const res = await lw.api('POST', '/api/results', { body: { updates } });
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['stale', 'conflict', 'not_found']);
    expect(await snapshot(lw)).toEqual(before);
  });
});
