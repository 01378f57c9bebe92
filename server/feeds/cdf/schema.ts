import { z } from 'zod';

/**
 * The parts of a NIST SP 1500-100 v2 Election Results Reporting JSON report that LeadWire reads; everything else
 * is ignored (loose objects). Shapes as in the NIST JSON schema (usnistgov/ElectionResultsReporting) and as real
 * generators write them (VotingWorks VxAdmin): `ElectionReport` → `Election[]` → `Contest[]` →
 * `ContestSelection[]` → `VoteCounts[]`; `GpUnit[]` and `Party[]` at the report level, `Candidate[]` and
 * `BallotCounts[]` per election. Names of earlier drafts are read too: `ElectoralDistrictId`, `BallotSelection`.
 * Lists are read item by item (see parse.ts), so one odd entry does not sink the report.
 */

/** `InternationalizedText` (`{ Text: [{ Content, Language }], Label? }`); a plain string is accepted too. */
export const Text = z.union([
  z.string(),
  z.looseObject({
    Label: z.string().optional(),
    Text: z.array(z.looseObject({ Content: z.string(), Language: z.string().optional() })).optional(),
  }),
]);
export type Text = z.infer<typeof Text>;

/** The English content of a text, else its first, else its label; null when there is none. */
export function textOf(t: Text | undefined): string | null {
  if (t === undefined) return null;
  if (typeof t === 'string') return t.trim() || null;
  const texts = t.Text ?? [];
  const en = texts.find((s) => s.Language?.toLowerCase().startsWith('en') && s.Content.trim());
  const any = en ?? texts.find((s) => s.Content.trim());
  return any?.Content.trim() || t.Label?.trim() || null;
}

const Id = z.string().trim().min(1);
const Items = z.array(z.unknown()).optional();

export const VoteCounts = z.looseObject({
  /** CountItemType: "total", "election-day", "early", "absentee-mail"… */
  Type: z.string().optional(),
  Count: z.number(),
  GpUnitId: z.string().optional(),
});

export const Selection = z.looseObject({
  '@id': Id,
  '@type': z.string().optional(),
  CandidateIds: z.array(z.string()).optional(),
  PartyIds: z.array(z.string()).optional(),
  /** A ballot measure's "Yes" / "No". */
  Selection: Text.optional(),
  IsWriteIn: z.boolean().optional(),
  SequenceOrder: z.number().optional(),
  VoteCounts: z.array(z.unknown()).default([]),
});
export type Selection = z.infer<typeof Selection>;

export const Contest = z.looseObject({
  '@id': Id,
  '@type': z.string().optional(),
  Name: z.string().trim().min(1, 'has no Name'),
  ElectionDistrictId: z.string().optional(),
  ElectoralDistrictId: z.string().optional(),
  ContestSelection: Items,
  BallotSelection: Items,
  SubUnitsReported: z.number().int().nonnegative().optional(),
  TotalSubUnits: z.number().int().nonnegative().optional(),
});
export type Contest = z.infer<typeof Contest>;

export const Candidate = z.looseObject({
  '@id': Id,
  BallotName: Text.optional(),
  PartyId: z.string().optional(),
  /** "winner", "projected-winner", "advanced-to-runoff", "withdrawn". */
  PostElectionStatus: z.string().optional(),
});
export type Candidate = z.infer<typeof Candidate>;

export const Party = z.looseObject({ '@id': Id, Name: Text.optional(), Abbreviation: Text.optional() });
export type Party = z.infer<typeof Party>;

export const GpUnit = z.looseObject({
  '@id': Id,
  Name: Text.optional(),
  /** ReportingUnitType: "state", "county", "precinct"… */
  Type: z.string().optional(),
  ComposingGpUnitIds: z.array(z.string()).optional(),
  SubUnitsReported: z.number().int().nonnegative().optional(),
  TotalSubUnits: z.number().int().nonnegative().optional(),
});
export type GpUnit = z.infer<typeof GpUnit>;

export const BallotCounts = z.looseObject({
  Type: z.string().optional(),
  GpUnitId: z.string().optional(),
  BallotsOutstanding: z.number().int().nonnegative().optional(),
});
export type BallotCounts = z.infer<typeof BallotCounts>;

export const Election = z.looseObject({
  Name: Text.optional(),
  ElectionScopeId: z.string().optional(),
  Candidate: Items,
  Contest: Items,
  BallotCounts: Items,
});

export const ElectionReport = z.looseObject({
  '@type': z.string().optional(),
  GeneratedDate: z.unknown(),
  IsTest: z.boolean().optional(),
  Issuer: z.string().optional(),
  Election: Items,
  GpUnit: Items,
  Party: Items,
});
export type ElectionReport = z.infer<typeof ElectionReport>;
