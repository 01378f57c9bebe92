/**
 * AP Elections API JSON, built: one race object shaped as the v2 (or v3) response has it. For the demo night's
 * generated recording, the fake AP server (`scripts/fakes/ap.ts`) and tests.
 */

export interface ApCandidateInput {
  first: string;
  last: string;
  party?: string;
  candidateID: string | number;
  ballotOrder: number;
  voteCount: number;
  /** "X": AP called the race for this candidate; "R": advances to a runoff. */
  winner?: 'X' | 'R';
}

export interface ApUnitInput {
  /** @default 'state' */
  level?: 'state' | 'subunit' | 'district' | 'county';
  reportingunitID?: string;
  reportingunitName?: string;
  lastUpdated: string;
  precinctsReporting?: number;
  precinctsTotal?: number;
  electTotal?: number;
  candidates: ApCandidateInput[];
}

export interface ApRaceInput {
  statePostal: string;
  stateName: string;
  raceID: string | number;
  officeName: string;
  /** @default 'P' */
  officeID?: string;
  seatName?: string;
  eevp?: number;
  /** Test data: `test: true` and `resultsType: "t"`. @default false */
  test?: boolean;
  /** v3 adds `resultsType` on every race and `reportingunitLevel` / `eevp` on units. @default 2 */
  version?: 2 | 3;
  units: ApUnitInput[];
}

export type ApJson = Record<string, unknown>;

/** One AP race object, shaped as the v2 (or v3) JSON response has it. */
export function apRace(r: ApRaceInput): ApJson {
  const v3 = r.version === 3;
  const test = r.test === true;
  return {
    test,
    ...(v3 || test ? { resultsType: test ? 't' : 'l' } : {}),
    raceID: String(r.raceID),
    raceType: 'General',
    raceTypeID: 'G',
    officeID: r.officeID ?? 'P',
    officeName: r.officeName,
    ...(r.seatName ? { seatName: r.seatName } : {}),
    ...(r.eevp === undefined ? {} : { eevp: r.eevp }),
    reportingUnits: r.units.map((u) => {
      const level = u.level ?? 'state';
      const { precinctsReporting: rep, precinctsTotal: tot } = u;
      return {
        statePostal: r.statePostal,
        ...(level === 'state' ? { stateName: r.stateName } : {}),
        ...(u.reportingunitID ? { reportingunitID: u.reportingunitID, reportingunitName: u.reportingunitName ?? u.reportingunitID } : {}),
        level,
        ...(v3 ? { reportingunitLevel: level === 'state' ? 1 : 2 } : {}),
        ...(v3 && level === 'state' && r.eevp !== undefined ? { eevp: r.eevp } : {}),
        ...(u.electTotal === undefined ? {} : { electTotal: u.electTotal }),
        lastUpdated: u.lastUpdated,
        ...(rep === undefined ? {} : { precinctsReporting: rep }),
        ...(tot === undefined ? {} : { precinctsTotal: tot }),
        ...(rep !== undefined && tot ? { precinctsReportingPct: Math.round((1000 * rep) / tot) / 10 } : {}),
        candidates: u.candidates.map((c) => ({ ...c, candidateID: String(c.candidateID) })),
      };
    }),
  };
}
