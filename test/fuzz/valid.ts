import fc from 'fast-check';
import { AZ, GA } from '../server/http/setup.js';
import { NASTY_STRINGS } from './json.js';

/**
 * Valid bodies of every endpoint, aimed at the fuzz server's starting state (Georgia after the flip, Arizona,
 * a lead change, an alert, a feed), so near-valid mutations of them reach the store's own checks: stale and
 * conflicting batches, unknown candidates, redefinitions that drop counted candidates, nothing cued.
 */

/** Race ids: the seeded races, a new one, and slugs that are names on `Object.prototype`. */
export const raceId = fc.oneof(
  { weight: 3, arbitrary: fc.constant(GA) },
  { weight: 2, arbitrary: fc.constant(AZ) },
  { weight: 2, arbitrary: fc.constantFrom('new-race-1', 'constructor', 'prototype', '0') },
);
/** Race ids as they appear in a URL, hostile ones included. */
export const anyRaceId = fc.oneof({ weight: 4, arbitrary: raceId }, { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS) });

const CANDIDATES = new Map([
  [GA, ['biden', 'trump', 'other']],
  [AZ, ['biden', 'trump']],
]);
const candidateId = fc.constantFrom('biden', 'trump', 'other', 'constructor', 'prototype', 'yes', 'no', 'x-1');
const text = (max: number) => fc.oneof(fc.constantFrom('President', 'Présidentielle', 'נשיא', '大統領', ' Governor '), fc.string({ minLength: 1, maxLength: max }));

const candidate = fc.record(
  { id: candidateId, name: text(80), party: fc.constantFrom('DEM', 'REP', 'LIB', 'IND') },
  { requiredKeys: ['id', 'name'] },
);

const GEORGIA_CANDIDATES = [
  { id: 'biden', name: 'Joe Biden', party: 'DEM' },
  { id: 'trump', name: 'Donald Trump', party: 'REP' },
  { id: 'other', name: 'Others' },
];

const recount = fc.oneof(
  fc.constant(null),
  fc.record(
    { marginPct: fc.double({ min: 0.01, max: 100, noNaN: true }), marginVotes: fc.integer({ min: 0, max: 10_000 }), basis: fc.constantFrom('total', 'topTwo') },
    { requiredKeys: ['marginPct'] },
  ),
);
const common = {
  title: text(120),
  jurisdiction: text(120),
  electoralVotes: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 1000 })),
  recount,
  autoAirAlerts: fc.boolean(),
  runoff: fc.oneof(fc.constant(null), fc.record({ thresholdPct: fc.constantFrom(50, 40) })),
  acceptCalls: fc.constantFrom('approve', 'auto', 'ignore'),
};

/** `PUT /api/races/:raceId` bodies, v1 and v2 fields: candidate races (vote for 1 or N) and ballot measures. */
export const raceDefinition = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record(
      {
        ...common,
        kind: fc.constant('candidate'),
        seats: fc.constantFrom(1, 2),
        candidates: fc.oneof(
          { weight: 2, arbitrary: fc.constant(GEORGIA_CANDIDATES) },
          // Georgia's candidates and one more whose id is a name on Object.prototype: a redefinition adding it.
          { weight: 2, arbitrary: fc.constantFrom('constructor', 'prototype').map((id) => [...GEORGIA_CANDIDATES, { id, name: `Candidate ${id}` }]) },
          { weight: 3, arbitrary: fc.uniqueArray(candidate, { minLength: 2, maxLength: 6, selector: (c) => c.id }) },
        ),
      },
      { requiredKeys: ['title', 'jurisdiction', 'candidates'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        ...common,
        kind: fc.constant('measure'),
        passPct: fc.constantFrom(50, 60, 66.67),
        candidates: fc.constant([
          { id: 'yes', name: 'Yes' },
          { id: 'no', name: 'No' },
        ]),
      },
      { requiredKeys: ['title', 'jurisdiction', 'candidates', 'kind'] },
    ),
  },
);

const asOf = fc.constantFrom(
  '2020-11-06T09:50:07.414Z', // Georgia's stored asOf: a duplicate or a conflict
  '2020-11-06T11:50:07.414+02:00', // the same instant with an offset
  '2020-11-06T08:00:00Z', // older: stale
  '2020-11-12T23:00:00.000Z', // Arizona's stored asOf
  '2020-11-13T00:00:00Z',
  '2021-01-01T00:00:00.999Z',
);
const count = fc.oneof(fc.constantFrom(0, 1, 2_449_371, 2_448_454, 61_000, Number.MAX_SAFE_INTEGER), fc.nat());

/** A batch for `race`: every candidate's count, and some of the optional fields. */
export const batchFor = (race: string) =>
  fc.record(
    {
      asOf,
      votes: fc.tuple(...(CANDIDATES.get(race) ?? ['biden', 'trump']).map((c) => count.map((n) => [c, n] as const))).map((e) => Object.fromEntries(e)),
      expectedVotePct: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 100, noNaN: true })),
      outstanding: fc.oneof(fc.constant(null), fc.record({ ballots: fc.nat(), label: fc.constantFrom('military and overseas ballots', 'provisional') })),
      test: fc.boolean(),
      source: fc.constantFrom('manual', 'desk', 'ap', 'ga-sos.v2'),
      reporting: fc.oneof(fc.constant(null), fc.record({ reported: fc.nat(100), total: fc.constant(100), unit: fc.constantFrom('precincts', 'counties') }, { requiredKeys: ['reported', 'total'] })),
    },
    { requiredKeys: ['asOf', 'votes'] },
  );

/** A race id and a batch for it. */
export const raceAndBatch = fc.constantFrom(GA, AZ, 'new-race-1').chain((id) => batchFor(id).map((b) => ({ raceId: id, batch: b })));

/** `POST /api/results` bodies: a few items, now and then a bulk at and just over the 1,000-item limit. */
export const bulkBody = fc.oneof(
  { weight: 12, arbitrary: fc.array(raceAndBatch.map(({ raceId, batch }) => ({ raceId, ...batch })), { minLength: 1, maxLength: 6 }).map((updates) => ({ updates })) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(1_000, 1_001), raceAndBatch).map(([n, { raceId, batch }]) => ({
      updates: Array.from({ length: n }, () => ({ raceId, ...batch })),
    })),
  },
);

export const layer = fc.constantFrom('lowerThird', 'alert', 'ticker');
export const graphic = fc.oneof(
  fc.record({ type: fc.constant('race'), raceId }),
  fc.record({ type: fc.constant('leadChange'), leadChangeId: fc.constantFrom(`${GA}.r3`, `${GA}.r2`, 'constructor') }),
  fc.record({ type: fc.constant('ticker'), raceIds: fc.array(raceId, { minLength: 1, maxLength: 4 }) }),
  fc.record({ type: fc.constant('call'), raceId }),
);
/** `cue` / `air`: a layer and a graphic, usually one the layer carries. */
export const layerGraphic = fc.oneof(
  fc.record({ layer: fc.constant('lowerThird'), graphic: fc.record({ type: fc.constant('race'), raceId }) }),
  fc.record({ layer: fc.constant('alert'), graphic: fc.constantFrom({ type: 'leadChange', leadChangeId: `${GA}.r3` }, { type: 'call', raceId: GA }) }),
  fc.record({ layer: fc.constant('ticker'), graphic: fc.record({ type: fc.constant('ticker'), raceIds: fc.array(raceId, { minLength: 1, maxLength: 4 }) }) }),
  fc.record({ layer, graphic }),
);
export const takeBody = fc.record({ layer });
export const clearBody = fc.record({ layer, channel: fc.constantFrom('program', 'preview') }, { requiredKeys: ['layer'] });
export const callBody = fc.record({ winner: candidateId });
export const resetBody = fc.oneof(fc.constant(undefined), fc.constant({}), fc.record({ test: fc.boolean() }));
export const alertRef = fc.record({ id: fc.constantFrom('$ALERT', 'nope', `${GA}.r3`) });
