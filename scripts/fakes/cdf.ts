/**
 * Builders for NIST SP 1500-100 v2 Election Results JSON reports, for tests and demos: the shape real generators
 * write (VotingWorks VxAdmin's export): texts as InternationalizedText, `@type` on every object, one `total`
 * VoteCounts per selection for the contest's district. Serve one with `startFakeSheet({ csv: JSON.stringify(r) })`
 * or write it to a file.
 */

export const text = (content: string) => ({
  '@type': 'ElectionResults.InternationalizedText',
  Text: [{ '@type': 'ElectionResults.LanguageString', Language: 'en', Content: content }],
});

export interface CdfCandidateInput {
  id: string;
  ballotName: string;
  partyId?: string;
  votes: number;
  status?: 'winner' | 'projected-winner' | 'advanced-to-runoff';
}

export interface CdfContestInput {
  id: string;
  name: string;
  districtId: string;
  candidates: CdfCandidateInput[];
  /** A ballot measure instead: selections with these texts ("Yes", "No") and counts. */
  measure?: { id: string; selection: string; votes: number }[];
}

export interface CdfReportInput {
  /** @default "2020-11-04T02:00:00-05:00" (with its zone, as the spec's DateTimeWithZone wants) */
  generatedDate?: string;
  isTest?: boolean;
  /** Report-level GpUnits: `{ id, name, type, composing? }`. */
  gpUnits: { id: string; name: string; type: string; composing?: string[]; reported?: number; total?: number }[];
  parties?: { id: string; name: string; abbreviation: string }[];
  contests: CdfContestInput[];
  /** BallotsOutstanding per GpUnit (a `total` BallotCounts each). */
  outstanding?: Record<string, number>;
}

/** A whole ElectionReport with one Election. */
export function cdfReport(r: CdfReportInput) {
  return {
    '@type': 'ElectionResults.ElectionReport',
    Format: 'summary-contest',
    GeneratedDate: r.generatedDate ?? '2020-11-04T02:00:00-05:00',
    ...(r.isTest === undefined ? {} : { IsTest: r.isTest }),
    Issuer: 'Georgia Secretary of State',
    IssuerAbbreviation: 'GA',
    SequenceStart: 1,
    SequenceEnd: 1,
    Status: 'unofficial-partial',
    VendorApplicationId: 'LeadWire fake 1.0',
    GpUnit: r.gpUnits.map((g) => ({
      '@type': 'ElectionResults.ReportingUnit',
      '@id': g.id,
      Name: text(g.name),
      Type: g.type,
      ...(g.composing ? { ComposingGpUnitIds: g.composing } : {}),
      ...(g.reported !== undefined ? { SubUnitsReported: g.reported } : {}),
      ...(g.total !== undefined ? { TotalSubUnits: g.total } : {}),
    })),
    Party: (r.parties ?? []).map((p) => ({ '@type': 'ElectionResults.Party', '@id': p.id, Name: text(p.name), Abbreviation: text(p.abbreviation) })),
    Election: [
      {
        '@type': 'ElectionResults.Election',
        Name: text('General Election'),
        ElectionScopeId: r.gpUnits[0]?.id,
        Type: 'general',
        StartDate: '2020-11-03',
        EndDate: '2020-11-03',
        BallotCounts: Object.entries(r.outstanding ?? {}).map(([gp, n]) => ({
          '@type': 'ElectionResults.BallotCounts',
          Type: 'total',
          GpUnitId: gp,
          BallotsOutstanding: n,
        })),
        Candidate: r.contests.flatMap((c) =>
          c.candidates.map((k) => ({
            '@type': 'ElectionResults.Candidate',
            '@id': k.id,
            BallotName: text(k.ballotName),
            ...(k.partyId ? { PartyId: k.partyId } : {}),
            ...(k.status ? { PostElectionStatus: k.status } : {}),
          })),
        ),
        Contest: r.contests.map(cdfContest),
      },
    ],
  };
}

const total = (districtId: string, votes: number) => [{ '@type': 'ElectionResults.VoteCounts', Type: 'total', GpUnitId: districtId, Count: votes }];

function cdfContest(c: CdfContestInput) {
  if (c.measure) {
    return {
      '@type': 'ElectionResults.BallotMeasureContest',
      '@id': c.id,
      Name: c.name,
      ElectionDistrictId: c.districtId,
      ContestSelection: c.measure.map((m) => ({
        '@type': 'ElectionResults.BallotMeasureSelection',
        '@id': m.id,
        Selection: text(m.selection),
        VoteCounts: total(c.districtId, m.votes),
      })),
    };
  }
  return {
    '@type': 'ElectionResults.CandidateContest',
    '@id': c.id,
    Name: c.name,
    VotesAllowed: 1,
    ElectionDistrictId: c.districtId,
    ContestSelection: c.candidates.map((k) => ({
      '@type': 'ElectionResults.CandidateSelection',
      '@id': `${c.id}-${k.id}`,
      CandidateIds: [k.id],
      VoteCounts: total(c.districtId, k.votes),
    })),
  };
}

/** Georgia's November 2020 night in small: President and one Senate seat, statewide, outstanding ballots. */
export function georgiaCdf(o: { biden?: number; trump?: number; isTest?: boolean; generatedDate?: string; outstanding?: number } = {}) {
  return cdfReport({
    generatedDate: o.generatedDate,
    isTest: o.isTest,
    gpUnits: [
      { id: 'gp-ga', name: 'Georgia', type: 'state', composing: ['gp-fulton', 'gp-cobb'], reported: 158, total: 159 },
      { id: 'gp-fulton', name: 'Fulton County', type: 'county' },
      { id: 'gp-cobb', name: 'Cobb County', type: 'county' },
    ],
    parties: [
      { id: 'par-dem', name: 'Democratic Party', abbreviation: 'DEM' },
      { id: 'par-rep', name: 'Republican Party', abbreviation: 'REP' },
      { id: 'par-lib', name: 'Libertarian Party', abbreviation: 'LIB' },
    ],
    contests: [
      {
        id: 'con-president',
        name: 'President of the United States',
        districtId: 'gp-ga',
        candidates: [
          { id: 'can-biden', ballotName: 'Joseph R. Biden', partyId: 'par-dem', votes: o.biden ?? 2_473_633 },
          { id: 'can-trump', ballotName: 'Donald J. Trump', partyId: 'par-rep', votes: o.trump ?? 2_461_854 },
          { id: 'can-jorgensen', ballotName: 'Jo Jorgensen', partyId: 'par-lib', votes: 62_229 },
        ],
      },
      {
        id: 'con-senate',
        name: 'US Senate (Perdue)',
        districtId: 'gp-ga',
        candidates: [
          { id: 'can-perdue', ballotName: 'David A. Perdue', partyId: 'par-rep', votes: 2_462_617 },
          { id: 'can-ossoff', ballotName: 'Jon Ossoff', partyId: 'par-dem', votes: 2_374_519, status: 'advanced-to-runoff' },
        ],
      },
    ],
    outstanding: { 'gp-ga': o.outstanding ?? 8_410 },
  });
}
