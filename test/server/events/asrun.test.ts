import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AS_RUN_COLUMNS, asRunRows, lowerThirdText, type AsRunEntry } from '../../../shared/index.js';
import { GA_BEFORE, GA_FLIP, GEORGIA } from '../../helpers/fixtures.js';
import { storeKinds } from '../../helpers/stores.js';
import { ALICE, GA, useServer } from './setup.js';

const GA_LATER = { asOf: '2020-11-06T12:00:00.000Z', votes: { biden: 2_451_000, trump: 2_449_000, other: 61_200 }, expectedVotePct: 99.5 };
const at = (hms: string) => `2020-11-06T${hms}.000Z`;

describe.each(storeKinds())('the as-run ($name store)', (kind) => {
  const begin = useServer(kind);

  /** Georgia defined at 10:00, its lower third aired at 10:01, three batches at 10:02–10:04, cleared at 10:05. */
  async function night() {
    const lw = await begin();
    const ok = async (res: Promise<{ status: number; body: any }>) => {
      const { status, body } = await res;
      expect(status, JSON.stringify(body)).toBeLessThan(300);
      return body;
    };
    await ok(lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA }));
    lw.clock.set(at('10:01:00'));
    await ok(lw.api('POST', '/api/graphics/air', { body: { layer: 'lowerThird', graphic: { type: 'race', raceId: GA } }, token: ALICE }));
    const views = [];
    for (const [i, b] of [GA_BEFORE, GA_FLIP, GA_LATER].entries()) {
      lw.clock.set(at(`10:0${2 + i}:00`));
      views.push((await ok(lw.api('POST', `/api/races/${GA}/results`, { body: b }))).race);
    }
    lw.clock.set(at('10:05:00'));
    await ok(lw.api('POST', '/api/graphics/clear', { body: { layer: 'lowerThird' } }));
    return { lw, views };
  }

  it('lists the lower third once, with its start, end and every version of its numbers while it was up', async () => {
    const { lw, views } = await night();
    const { status, body } = await lw.api<AsRunEntry[]>('GET', '/api/as-run');
    expect(status).toBe(200);
    expect(body).toHaveLength(1);
    const [entry] = body;
    expect(entry).toMatchObject({ channel: 'program', layer: 'lowerThird', graphic: { type: 'race', raceId: GA }, start: at('10:01:00'), end: at('10:05:00') });
    // As it went on air (no votes yet), then the three batches, numbered by the race's revision.
    expect(entry!.shown.map((v) => [v.at, v.raceId, v.revision])).toEqual([
      [at('10:01:00'), GA, 1],
      [at('10:02:00'), GA, 2],
      [at('10:03:00'), GA, 3],
      [at('10:04:00'), GA, 4],
    ]);
    expect(entry!.shown[0]!.text).toContain('Awaiting results');
    // The text is what the overlay draws of the race as it was.
    expect(entry!.shown.slice(1).map((v) => v.text)).toEqual(views.map((v) => lowerThirdText(v)));
    expect(entry!.shown[2]!.text).toContain('Biden leads by 917');

    // A range keeps what was up at some point within it.
    expect((await lw.api('GET', `/api/as-run?from=${at('10:04:30')}&to=${at('10:06:00')}`)).body).toHaveLength(1);
    expect((await lw.api('GET', `/api/as-run?from=${at('10:05:01')}`)).body).toHaveLength(0);
    expect((await lw.api('GET', `/api/as-run?to=${at('10:00:30')}`)).body).toHaveLength(0);
    expect((await lw.api('GET', '/api/as-run?from=noon')).status).toBe(400);
  });

  it('answers what program showed at any instant: the layers, the race as it was, the text drawn', async () => {
    const { lw, views } = await night();
    const { body: entries } = await lw.api<AsRunEntry[]>('GET', '/api/as-run');
    const shown = entries[0]!.shown;
    for (const [k, t] of ['10:01:30', '10:02:30', '10:03:30', '10:04:30'].entries()) {
      const { status, body } = await lw.api('GET', `/api/as-run/at?t=${at(t)}`);
      expect(status).toBe(200);
      expect(body.layers.lowerThird).toEqual({ type: 'race', raceId: GA });
      expect(body.races[GA].revision).toBe(k + 1);
      if (k > 0) expect(body.races[GA]).toEqual(views[k - 1]);
      expect(body.text.lowerThird).toBe(shown[k]!.text);
    }
    const before = (await lw.api('GET', `/api/as-run/at?t=${at('10:00:30')}`)).body;
    expect(before).toMatchObject({ layers: { lowerThird: null, alert: null, ticker: null }, races: {} });
    const after = (await lw.api('GET', `/api/as-run/at?t=${at('10:05:00')}`)).body;
    expect(after.layers.lowerThird).toBeNull();
    expect((await lw.api('GET', '/api/as-run/at')).status).toBe(400);
    expect((await lw.api('GET', '/api/as-run/at?t=soon')).body.issues[0].path).toBe('t');
  });

  it('gives the as-run as CSV that parses back to the same rows', async () => {
    const { lw } = await night();
    const { body: entries } = await lw.api<AsRunEntry[]>('GET', '/api/as-run');
    const csv = await lw.api('GET', '/api/as-run.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...AS_RUN_COLUMNS]);
    expect(rows).toEqual(asRunRows(entries));
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatchObject({ layer: 'lowerThird', start: at('10:01:00'), end: at('10:05:00'), at: at('10:02:00'), raceId: GA, revision: '2' });
    expect(rows[1]!.text!.split('\n')[0]).toBe('Georgia President 16 electoral votes RECOUNT RANGE');
  });
});
