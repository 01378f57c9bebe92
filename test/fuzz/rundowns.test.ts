import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzzParams } from './config.js';
import { expectContractAnswer, fuzzStores, segment, useFuzzServer, type FuzzRequest, type FuzzServer } from './harness.js';
import { NASTY_STRINGS } from './json.js';
import { bodies } from './mutate.js';
import { token, viaQuery } from './tokens.js';
import { layerGraphic, raceId } from './valid.js';

/** Fields of the rundown bodies, for naming issues. */
const RUNDOWN_FIELDS = ['name', 'items', 'loop', 'skipAwaiting', 'channel'];
/** The rundown every run finds stored: Georgia and Arizona in turn on the lower third. */
const SEED_ID = 'night';
const SEED = {
  name: 'Battlegrounds',
  items: [
    { layer: 'lowerThird', graphic: { type: 'race', raceId: 'ga-president-2020' } },
    { layer: 'lowerThird', graphic: { type: 'race', raceId: 'az-president-2020' }, dwellSeconds: 3 },
  ],
  loop: true,
  skipAwaiting: false,
};
const ACTIONS = ['start', 'pause', 'resume', 'next', 'previous', 'stop'] as const;

/** Rundown ids in a URL: the seeded one, an unknown one, and hostile strings. */
const rundownId = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(SEED_ID, 'early', 'constructor') }, { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS) });

/** `PUT /api/rundowns/:id` bodies: a few items, full-screen ones and edge dwells among them. */
const item = fc.oneof(
  fc.record({ layer: fc.constant('lowerThird'), graphic: fc.record({ type: fc.constant('race'), raceId }) }),
  fc.record({ layer: fc.constant('fullscreen'), graphic: fc.record({ type: fc.constant('board'), raceId }) }),
  layerGraphic,
).chain((base) => fc.option(fc.constantFrom(2, 8, 3600, 1.5, 0, 3601), { nil: undefined }).map((d) => (d === undefined ? base : { ...base, dwellSeconds: d })));
const rundownBody = fc.record(
  {
    name: fc.oneof(fc.constantFrom('Battlegrounds', 'Top of the hour', ' ', 'x'.repeat(81)), fc.string({ minLength: 1, maxLength: 80 })),
    items: fc.array(item, { minLength: 1, maxLength: 4 }),
    loop: fc.boolean(),
    skipAwaiting: fc.boolean(),
  },
  { requiredKeys: ['name', 'items'] },
);
const channelBody = fc.oneof(fc.constant(undefined), fc.record({ channel: fc.constantFrom('program', 'preview') }, { requiredKeys: [] }));

const request: fc.Arbitrary<Pick<FuzzRequest, 'method' | 'path' | 'body'>> = fc.oneof(
  fc.tuple(rundownId, bodies(rundownBody)).map(([id, body]) => ({ method: 'PUT', path: `/api/rundowns/${segment(id)}`, body })),
  fc.tuple(rundownId, fc.constantFrom(...ACTIONS), bodies(channelBody)).map(([id, action, body]) => ({ method: 'POST', path: `/api/rundowns/${segment(id)}/${action}`, body })),
  rundownId.map((id) => ({ method: 'DELETE', path: `/api/rundowns/${segment(id)}`, body: undefined })),
  fc.oneof(fc.constant(''), rundownId.map((id) => `/${segment(id)}`)).map((tail) => ({ method: 'GET', path: `/api/rundowns${tail}`, body: undefined })),
);

/** The stored rundowns, as a producer lists them. */
async function stored(fz: FuzzServer) {
  const res = await fz.lw.api('GET', '/api/rundowns');
  expect(res.status).toBe(200);
  return res.body as { id: string }[];
}

describe.each(fuzzStores())('fuzzing rundowns over HTTP ($name store)', (kind) => {
  const fz = useFuzzServer(kind);

  it('PUT · GET · DELETE /api/rundowns/:id and start · pause · resume · next · previous · stop: never a 5xx, refusals change nothing, every 4xx names its field', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(request, token, viaQuery, async (r, t, q) => {
        const req: FuzzRequest = { ...r, token: t, viaQuery: q };
        await fz.around(
          async () => {
            // Every run finds the seeded rundown stored (saving it again as it is changes nothing).
            expect((await fz.lw.api('PUT', `/api/rundowns/${SEED_ID}`, { body: SEED })).status).toBeLessThan(300);
            const before = await stored(fz);
            const res = await fz.send(req);
            expectContractAnswer(req, res, 'producer', RUNDOWN_FIELDS);
            const after = await stored(fz);
            if (res.status >= 400 || r.method === 'GET') expect(after, 'nothing stored changes on a refusal').toEqual(before);
            // Put the list back as it was: what a run saved goes (deleting stops its run; the harness restarts then).
            for (const { id } of after) if (id !== SEED_ID) expect((await fz.lw.api('DELETE', `/api/rundowns/${segment(id)}`)).status).toBe(200);
            return res;
          },
          { refused: (res) => res.status >= 400, readOnly: r.method === 'GET' },
        );
      }),
      fuzzParams(3),
    );
  });
});
