import { describe, expect, it } from 'vitest';
import { GA_FLIP } from '../../helpers/server.js';
import { storeKinds } from '../../helpers/stores.js';
import { GA, OVERSIZE, allRejectedWithoutChange, georgia, useLeadWire } from './setup.js';

/** Every endpoint that takes a JSON body. */
const WITH_BODY: [string, string][] = [
  ['PUT', `/api/races/${GA}`],
  ['POST', `/api/races/${GA}/results`],
  ['POST', '/api/results'],
  ['POST', '/api/graphics/cue'],
  ['POST', '/api/graphics/take'],
  ['POST', '/api/graphics/clear'],
  ['POST', '/api/graphics/air'],
];

describe.each(storeKinds())('request bodies over HTTP ($name store)', (kind) => {
  const start = useLeadWire(kind);

  /** Sends `raw` to every endpoint with a body; all must be refused without changing anything. Answers `[endpoint, status, body]`. */
  async function sendEverywhere(raw: string) {
    const lw = await start();
    await georgia(lw, GA_FLIP);
    const responses = await allRejectedWithoutChange(lw, WITH_BODY.map(([method, path]) => () => lw.api(method, path, { raw })));
    return responses.map((r, i) => [WITH_BODY[i]!.join(' '), r.status, r.body]);
  }

  it('rejects malformed JSON on every endpoint with 400 invalid_json, and changes nothing', async () => {
    expect(await sendEverywhere('{"title": "President",')).toEqual(
      WITH_BODY.map((e) => [e.join(' '), 400, { error: 'invalid_json', message: expect.any(String) }]),
    );
  });

  it('rejects a body over 1 MB on every endpoint with 413, and changes nothing', async () => {
    expect(await sendEverywhere(OVERSIZE)).toEqual(WITH_BODY.map((e) => [e.join(' '), 413, { error: 'too_large', message: expect.any(String) }]));
  });

  it('rejects a JSON body that is not an object on every endpoint with 400 invalid naming the root, and changes nothing', async () => {
    expect(await sendEverywhere('[1, 2, 3]')).toEqual(
      WITH_BODY.map((e) => [e.join(' '), 400, { error: 'invalid', message: expect.any(String), issues: [{ path: '', message: expect.any(String) }] }]),
    );
  });

  it('accepts a body just under 1 MB', async () => {
    const lw = await start();
    const body = JSON.stringify({ updates: [{ raceId: 'nowhere', ...GA_FLIP, pad: 'x'.repeat(1_000_000) }] });
    const res = await lw.api('POST', '/api/results', { raw: body });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([expect.objectContaining({ raceId: 'nowhere', status: 'invalid' })]);
  });
});
