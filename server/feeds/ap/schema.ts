import { z } from 'zod';

/**
 * The parts of an AP Elections API response (v2 and v3, `format=json`) the parser reads. Loose objects: AP adds
 * fields between versions (v3: `apiVersion`, `reportingunitLevel`, unit `eevp`, vote types…); they pass through.
 * Optional fields accept `null` as well, since AP sends either.
 */

/** AP ids are strings ("6018"); numbers are accepted and read as their decimal text. */
const Id = z.union([z.string().trim().min(1), z.number()]).transform(String);
const text = z.string().nullish();
const num = z.number().nullish();

export const ApCandidate = z.looseObject({
  candidateID: Id,
  first: text,
  last: text,
  party: text,
  ballotOrder: num,
  /** Absent before any vote is counted in some responses; read as 0. */
  voteCount: num,
  /** "X" won, "R" advances to a runoff. */
  winner: text,
});
export type ApCandidate = z.infer<typeof ApCandidate>;

export const ApUnit = z.looseObject({
  statePostal: text,
  stateName: text,
  /** v2 and v3: "national", "state", "subunit", "district"… */
  level: text,
  /** v3: 1 = state, 2 = reporting unit. */
  reportingunitLevel: num,
  reportingunitID: Id.nullish(),
  reportingunitName: text,
  lastUpdated: text,
  precinctsReporting: num,
  precinctsTotal: num,
  precinctsReportingPct: num,
  /** v3 also carries the estimated expected vote percentage on a unit. */
  eevp: num,
  electTotal: num,
  candidates: z.array(z.unknown()).nullish(),
});
export type ApUnit = z.infer<typeof ApUnit>;

export const ApRace = z.looseObject({
  raceID: Id,
  /** v2 names the state on each unit; some responses name it on the race too. */
  statePostal: text,
  stateName: text,
  officeID: text,
  officeName: text,
  seatName: text,
  test: z.boolean().nullish(),
  /** "l" live, "t" test, "c" certified (also spelled out: "live", "test"). */
  resultsType: text,
  eevp: num,
  reportingUnits: z.array(z.unknown()).nullish(),
});
export type ApRace = z.infer<typeof ApRace>;

export const ApResponse = z.looseObject({
  /** Absent from a delta in which nothing changed ("the response contains only the next request link"). */
  races: z.array(z.unknown()).nullish(),
  nextrequest: z.string().nullish(),
  /** Only on responses to a `minDateTime` next request: more follows at once from `nextrequest`. */
  isTruncated: z.boolean().nullish(),
  resultsType: text,
});
export type ApResponse = z.infer<typeof ApResponse>;
