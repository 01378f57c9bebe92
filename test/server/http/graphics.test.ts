import { describe, expect, it } from 'vitest';
import { storeKinds } from '../../helpers/stores.js';
import { ARIZONA, AZ, GA, allRejectedWithoutChange, georgia, georgiaFlipped, rejectedWithoutChange, useLeadWire } from './setup.js';

const EMPTY = { lowerThird: null, alert: null, ticker: null, fullscreen: null };
const GA_LT = { type: 'race', raceId: GA };
const AZ_LT = { type: 'race', raceId: AZ };

describe.each(storeKinds())('graphics over HTTP ($name store)', (kind) => {
  const start = useLeadWire(kind);

  it('starts with every layer of both channels empty at revision 0, readable without a token', async () => {
    const lw = await start();
    expect(await lw.api('GET', '/api/graphics', { token: null })).toEqual({
      status: 200,
      body: { program: EMPTY, preview: EMPTY, revision: 0 },
    });
  });

  it('cues a graphic on preview only and answers the new state', async () => {
    const lw = await start();
    await georgia(lw);
    const res = await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: GA_LT } });
    const state = { program: EMPTY, preview: { ...EMPTY, lowerThird: GA_LT }, revision: 1 };
    expect(res).toEqual({ status: 200, body: state });
    expect((await lw.api('GET', '/api/graphics')).body).toEqual(state);
  });

  it('takes preview’s graphic to program and keeps it cued in preview', async () => {
    const lw = await start();
    await georgia(lw);
    await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: GA_LT } });
    const res = await lw.api('POST', '/api/graphics/take', { body: { layer: 'lowerThird' } });
    const state = { program: { ...EMPTY, lowerThird: GA_LT }, preview: { ...EMPTY, lowerThird: GA_LT }, revision: 2 };
    expect(res).toEqual({ status: 200, body: state });
    expect((await lw.api('GET', '/api/graphics')).body).toEqual(state);
  });

  it('refuses to take an empty preview layer with 409 nothing_cued, and changes nothing', async () => {
    const lw = await start();
    await georgia(lw);
    await lw.api('POST', '/api/graphics/air', { body: { layer: 'lowerThird', graphic: GA_LT } });
    const res = await rejectedWithoutChange(lw, () => lw.api('POST', '/api/graphics/take', { body: { layer: 'lowerThird' } }));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'nothing_cued', message: expect.any(String) });
  });

  it('clears the program layer by default and leaves preview cued', async () => {
    const lw = await start();
    await georgia(lw);
    await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: GA_LT } });
    await lw.api('POST', '/api/graphics/take', { body: { layer: 'lowerThird' } });
    const res = await lw.api('POST', '/api/graphics/clear', { body: { layer: 'lowerThird' } });
    expect(res).toEqual({ status: 200, body: { program: EMPTY, preview: { ...EMPTY, lowerThird: GA_LT }, revision: 3 } });
  });

  it('clears the preview layer when asked for channel preview and leaves program on air', async () => {
    const lw = await start();
    await georgia(lw);
    await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: GA_LT } });
    await lw.api('POST', '/api/graphics/take', { body: { layer: 'lowerThird' } });
    const res = await lw.api('POST', '/api/graphics/clear', { body: { layer: 'lowerThird', channel: 'preview' } });
    expect(res).toEqual({ status: 200, body: { program: { ...EMPTY, lowerThird: GA_LT }, preview: EMPTY, revision: 3 } });
  });

  it('airs a graphic straight to program without touching preview', async () => {
    const lw = await start();
    await georgia(lw);
    expect((await lw.api('PUT', `/api/races/${AZ}`, { body: ARIZONA })).status).toBe(201);
    await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: AZ_LT } });
    const res = await lw.api('POST', '/api/graphics/air', { body: { layer: 'lowerThird', graphic: GA_LT } });
    const state = { program: { ...EMPTY, lowerThird: GA_LT }, preview: { ...EMPTY, lowerThird: AZ_LT }, revision: 2 };
    expect(res).toEqual({ status: 200, body: state });
    expect((await lw.api('GET', '/api/graphics')).body).toEqual(state);
  });

  it('airs a lead change on the alert layer', async () => {
    const lw = await start();
    await georgiaFlipped(lw);
    const [lc] = (await lw.api('GET', `/api/races/${GA}/lead-changes`)).body;
    const graphic = { type: 'leadChange', leadChangeId: lc.id };
    const res = await lw.api('POST', '/api/graphics/air', { body: { layer: 'alert', graphic } });
    expect(res).toEqual({ status: 200, body: { program: { ...EMPTY, alert: graphic }, preview: EMPTY, revision: 1 } });
  });

  it('counts every change in the revision, one per command', async () => {
    const lw = await start();
    await georgia(lw);
    const revisions: number[] = [];
    const commands: [string, object][] = [
      ['cue', { layer: 'lowerThird', graphic: GA_LT }],
      ['take', { layer: 'lowerThird' }],
      ['clear', { layer: 'lowerThird' }],
      ['air', { layer: 'lowerThird', graphic: GA_LT }],
      ['clear', { layer: 'lowerThird', channel: 'preview' }],
    ];
    for (const [cmd, body] of commands) {
      const res = await lw.api('POST', `/api/graphics/${cmd}`, { body });
      expect(res.status).toBe(200);
      revisions.push(res.body.revision);
    }
    expect(revisions).toEqual([1, 2, 3, 4, 5]);
    expect((await lw.api('GET', '/api/graphics')).body.revision).toBe(5);
  });

  it('answers 404 not_found when cue or air names an unknown race or lead change, and changes nothing', async () => {
    const lw = await start();
    await georgiaFlipped(lw);
    const commands: [string, object][] = [
      ['cue', { layer: 'lowerThird', graphic: { type: 'race', raceId: 'nowhere' } }],
      ['air', { layer: 'lowerThird', graphic: { type: 'race', raceId: 'nowhere' } }],
      ['cue', { layer: 'alert', graphic: { type: 'leadChange', leadChangeId: 'nothing-here' } }],
      ['air', { layer: 'alert', graphic: { type: 'leadChange', leadChangeId: 'nothing-here' } }],
    ];
    const responses = await allRejectedWithoutChange(lw, commands.map(([cmd, body]) => () => lw.api('POST', `/api/graphics/${cmd}`, { body })));
    expect(responses).toEqual(commands.map(() => ({ status: 404, body: { error: 'not_found', message: expect.any(String) } })));
  });

  it('rejects commands with a bad field with 400 naming the field, and changes nothing', async () => {
    const lw = await start();
    await georgia(lw);
    await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: GA_LT } });
    const cases: [string, string, object, string][] = [
      ['cue', 'a race on the alert layer', { layer: 'alert', graphic: GA_LT }, 'graphic.type'],
      ['air', 'a race on the alert layer', { layer: 'alert', graphic: GA_LT }, 'graphic.type'],
      ['cue', 'a lead change on the lower third', { layer: 'lowerThird', graphic: { type: 'leadChange', leadChangeId: 'x' } }, 'graphic.type'],
      ['cue', 'an unknown layer', { layer: 'fullScreen', graphic: GA_LT }, 'layer'],
      ['cue', 'an unknown graphic type', { layer: 'lowerThird', graphic: { type: 'map', raceId: GA } }, 'graphic.type'],
      ['cue', 'a race graphic without a race', { layer: 'lowerThird', graphic: { type: 'race' } }, 'graphic.raceId'],
      ['take', 'no layer', {}, 'layer'],
      ['clear', 'an unknown channel', { layer: 'lowerThird', channel: 'studio' }, 'channel'],
      ['air', 'an unknown field', { layer: 'lowerThird', graphic: GA_LT, now: true }, 'now'],
    ];
    const responses = await allRejectedWithoutChange(lw, cases.map(([cmd, , body]) => () => lw.api('POST', `/api/graphics/${cmd}`, { body })));
    expect(responses.map((r, i) => [cases[i]![0], cases[i]![1], r.status, r.body])).toEqual(
      cases.map(([cmd, what, , path]) => [
        cmd,
        what,
        400,
        { error: 'invalid', message: expect.any(String), issues: [{ path, message: expect.any(String) }] },
      ]),
    );
  });

  describe('v2 graphics: the fullscreen layer, board, key races, balance, and the ticker held', () => {
    const BOARD = { type: 'board', raceId: GA };
    const KEY = { type: 'keyRaces', raceIds: [GA, AZ], title: 'Battlegrounds' };
    const BALANCE = { type: 'balance', target: 270, raceIds: 'all', base: { DEM: 200 } };
    const TICKER = { type: 'ticker', raceIds: [GA, AZ], dwellSeconds: 4 };
    const arizona = async (lw: Awaited<ReturnType<typeof start>>) => expect((await lw.api('PUT', `/api/races/${AZ}`, { body: ARIZONA })).status).toBe(201);

    it('airs a board on the fullscreen layer beside a lower third, and a balance as a lower third', async () => {
      const lw = await start();
      await georgia(lw);
      await lw.api('POST', '/api/graphics/air', { body: { layer: 'fullscreen', graphic: BOARD } });
      const res = await lw.api('POST', '/api/graphics/air', { body: { layer: 'lowerThird', graphic: GA_LT } });
      expect(res).toEqual({ status: 200, body: { program: { ...EMPTY, fullscreen: BOARD, lowerThird: GA_LT }, preview: EMPTY, revision: 2 } });
      const bal = await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: BALANCE } });
      expect(bal.body.preview).toEqual({ ...EMPTY, lowerThird: BALANCE });
    });

    it('cues key races and a balance over named races once each of them exists', async () => {
      const lw = await start();
      await georgia(lw);
      const missing = await lw.api('POST', '/api/graphics/cue', { body: { layer: 'fullscreen', graphic: KEY } });
      expect(missing).toEqual({ status: 404, body: { error: 'not_found', message: `no race "${AZ}"` } });
      await arizona(lw);
      expect((await lw.api('POST', '/api/graphics/cue', { body: { layer: 'fullscreen', graphic: KEY } })).status).toBe(200);
      const named = { ...BALANCE, raceIds: [GA, AZ] };
      expect((await lw.api('POST', '/api/graphics/air', { body: { layer: 'fullscreen', graphic: named } })).body.program.fullscreen).toEqual(named);
    });

    it('refuses a kind on a layer it does not allow, and an unknown type, with 400 at graphic.type, changing nothing', async () => {
      const lw = await start();
      await georgia(lw);
      const cases: [string, object][] = [
        ['cue', { layer: 'lowerThird', graphic: BOARD }],
        ['air', { layer: 'alert', graphic: BOARD }],
        ['cue', { layer: 'ticker', graphic: BALANCE }],
        ['air', { layer: 'fullscreen', graphic: GA_LT }],
        ['cue', { layer: 'fullscreen', graphic: { type: 'map', raceId: GA } }],
      ];
      const responses = await allRejectedWithoutChange(lw, cases.map(([cmd, body]) => () => lw.api('POST', `/api/graphics/${cmd}`, { body })));
      expect(responses).toEqual(
        cases.map(() => ({ status: 400, body: { error: 'invalid', message: expect.any(String), issues: [{ path: 'graphic.type', message: expect.any(String) }] } })),
      );
    });

    it('pauses the program ticker where it stands and resumes it, through the graphics state', async () => {
      const lw = await start();
      await georgia(lw);
      await arizona(lw);
      await lw.api('POST', '/api/graphics/air', { body: { layer: 'ticker', graphic: TICKER } });
      const held = await lw.api('POST', '/api/graphics/ticker/pause', {});
      expect(held).toEqual({ status: 200, body: { program: { ...EMPTY, ticker: { ...TICKER, paused: true } }, preview: EMPTY, revision: 2 } });
      // Pausing a held ticker changes nothing.
      expect((await lw.api('POST', '/api/graphics/ticker/pause', { body: {} })).body.revision).toBe(2);
      const resumed = await lw.api('POST', '/api/graphics/ticker/resume', { body: { channel: 'program' } });
      expect(resumed).toEqual({ status: 200, body: { program: { ...EMPTY, ticker: TICKER }, preview: EMPTY, revision: 3 } });
      expect((await lw.api('GET', '/api/graphics')).body.program.ticker).toEqual(TICKER);
    });

    it('answers 409 conflict when the channel has no ticker, 400 for an unknown channel, 401 without a token', async () => {
      const lw = await start();
      await georgia(lw);
      const none = await rejectedWithoutChange(lw, () => lw.api('POST', '/api/graphics/ticker/pause', { body: { channel: 'preview' } }));
      expect(none).toEqual({ status: 409, body: { error: 'conflict', message: expect.any(String), layer: 'ticker', channel: 'preview' } });
      const bad = await rejectedWithoutChange(lw, () => lw.api('POST', '/api/graphics/ticker/resume', { body: { channel: 'studio' } }));
      expect(bad.status).toBe(400);
      expect((await lw.api('POST', '/api/graphics/ticker/pause', { token: null })).status).toBe(401);
    });
  });
});
