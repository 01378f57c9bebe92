import { z } from 'zod';
import { CallProposal } from './call.js';
import { Issue } from './errors.js';
import { Instant, Slug, VoteCount, Votes } from './ids.js';

export const Candidate = z.strictObject({
  id: Slug,
  name: z.string().trim().min(1).max(80),
  party: z.string().trim().min(1).max(16).optional(),
});
export type Candidate = z.infer<typeof Candidate>;

export const RecountRule = z
  .strictObject({
    marginPct: z.number().positive().max(100).optional(),
    marginVotes: VoteCount.optional(),
    basis: z.enum(['total', 'topTwo']).default('total'),
  })
  .refine((r) => r.marginPct !== undefined || r.marginVotes !== undefined, {
    message: 'give marginPct and/or marginVotes',
  });
export type RecountRule = z.infer<typeof RecountRule>;

/** Body of `PUT /api/races/:raceId`. */
export const RaceDefinitionInput = z.strictObject({
  title: z.string().trim().min(1).max(120),
  jurisdiction: z.string().trim().min(1).max(120),
  electoralVotes: z.number().int().positive().max(1000).nullable().optional(),
  candidates: z
    .array(Candidate)
    .min(1)
    .max(50)
    .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, { message: 'candidate ids must be unique' }),
  recount: RecountRule.nullable().optional(),
  /** Air this race's lead-change alerts without waiting for a producer. */
  autoAirAlerts: z.boolean().optional(),
  /** v2: a ballot measure has candidates `yes` and `no` and passes at `passPct`. @default "candidate" */
  kind: z.enum(['candidate', 'measure']).optional(),
  /** v2, measures: the share of yes votes that passes it, e.g. 60 or 66.67. @default 50 */
  passPct: z.number().gt(0).max(100).optional(),
  /** v2: vote for N. @default 1 */
  seats: z.number().int().min(1).max(50).optional(),
  /** v2: a runoff follows when no candidate exceeds the threshold (Georgia: 50). */
  runoff: z.strictObject({ thresholdPct: z.number().gt(0).lt(100) }).nullable().optional(),
  /** v2: what a feed's call does: wait for a producer, be accepted at once, or be recorded only. @default "approve" */
  acceptCalls: z.enum(['approve', 'auto', 'ignore']).optional(),
});
export type RaceDefinitionInput = z.infer<typeof RaceDefinitionInput>;

export const RaceDefinition = RaceDefinitionInput.extend({ id: Slug });
export type RaceDefinition = z.infer<typeof RaceDefinition>;

export const Outstanding = z.strictObject({
  ballots: VoteCount,
  label: z.string().trim().min(1).max(80),
});
export type Outstanding = z.infer<typeof Outstanding>;

/** How much of a race has reported, in the source's own unit (precincts; counties on a statewide Clarity summary). */
export const Reporting = z
  .strictObject({
    reported: VoteCount,
    total: VoteCount,
    unit: z.string().trim().min(1).max(40).default('precincts'),
  })
  .refine((r) => r.reported <= r.total, { message: 'reported must not exceed total', path: ['reported'] });
export type Reporting = z.infer<typeof Reporting>;

/** Who sent a batch: a feed id, `manual` (HTTP ingest) or `desk` (the manual entry page). */
export const Source = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be a feed id or a word like "manual" (lower-case letters, digits, . _ -)');

/** One batch: the full count of a race as of a moment. */
export const ResultBatch = z.strictObject({
  asOf: Instant,
  votes: Votes,
  expectedVotePct: z.number().min(0).max(100).nullable().optional(),
  outstanding: Outstanding.nullable().optional(),
  /** Rehearsal data. A batch whose flag differs from the race's resets the race first. @default false */
  test: z.boolean().optional(),
  /** Set by feeds; HTTP ingest records "manual" when absent. */
  source: Source.optional(),
  reporting: Reporting.nullable().optional(),
});
export type ResultBatch = z.infer<typeof ResultBatch>;

/** Body of `POST /api/results`: several batches, each naming its race. */
export const BulkResults = z.strictObject({
  updates: z.array(z.unknown()).min(1).max(1000),
});
export const BulkItem = ResultBatch.extend({ raceId: Slug });
export type BulkItem = z.infer<typeof BulkItem>;

/** Outcome of one item of `POST /api/results`; `unavailable` (extension): not tried, the store went away. */
export const BulkStatus = z.enum(['applied', 'duplicate', 'stale', 'conflict', 'invalid', 'not_found', 'unavailable']);
export type BulkStatus = z.infer<typeof BulkStatus>;

export const Call = z.strictObject({
  winner: Slug,
  at: Instant,
  /** v2: who called it: "desk" (a producer), or the feed whose call was accepted. */
  source: z.string().optional(),
});
export type Call = z.infer<typeof Call>;

/** Body of `POST /api/races/:raceId/reset` (all optional): the mode to start afresh in; default the race's own. */
export const ResetInput = z.strictObject({ test: z.boolean().optional() });

/** Body of `POST /api/races/:raceId/call` (extension): the candidate the desk calls the race for. */
export const CallInput = z.strictObject({ winner: Slug });

export const RaceStatus = z.enum(['awaiting', 'leading', 'tied', 'called']);
export type RaceStatus = z.infer<typeof RaceStatus>;

export const CandidateView = z.object({
  id: Slug,
  name: z.string(),
  party: z.string().nullable(),
  votes: z.number(),
  pct: z.number(),
});
export type CandidateView = z.infer<typeof CandidateView>;

/** What every client sees of a race; computed by `buildRaceView`, never stored. */
export const RaceView = z.object({
  id: Slug,
  title: z.string(),
  jurisdiction: z.string(),
  electoralVotes: z.number().nullable(),
  candidates: z.array(CandidateView),
  totalVotes: z.number(),
  leader: Slug.nullable(),
  runnerUp: Slug.nullable(),
  margin: z.number(),
  marginPct: z.number(),
  recount: z
    .object({ marginPct: z.number().nullable(), marginVotes: z.number().nullable(), basis: z.enum(['total', 'topTwo']) })
    .nullable(),
  inRecountRange: z.boolean(),
  asOf: z.string().nullable(),
  revision: z.number(),
  expectedVotePct: z.number().nullable(),
  outstanding: Outstanding.nullable(),
  status: RaceStatus,
  call: Call.nullable(),
  /** v2: the flag and source of the latest accepted batch, and how much has reported. */
  test: z.boolean(),
  source: z.string().nullable(),
  reporting: Reporting.nullable(),
  /** v2: race kinds and what follows from them (Races (v2)). */
  kind: z.enum(['candidate', 'measure']),
  seats: z.number(),
  /** The top `seats` candidates; ties at the cut-off listed together. */
  winning: z.array(Slug),
  measure: z.object({ yesPct: z.number(), passPct: z.number(), passing: z.boolean() }).nullable(),
  runoffLikely: z.boolean(),
  /** The share of the remaining vote the runner-up needs to overtake; above 100: cannot. */
  needs: z.object({ candidate: Slug, pctOfRemaining: z.number() }).nullable(),
  acceptCalls: z.enum(['approve', 'auto', 'ignore']),
  /** v2: candidates a call sends to a runoff (AP `winner: "R"`, accepted); empty otherwise. */
  advancing: z.array(Slug),
});
export type RaceView = z.infer<typeof RaceView>;

export const LeadChange = z.object({
  id: z.string(),
  raceId: Slug,
  from: Slug,
  to: Slug,
  margin: z.number(),
  marginPct: z.number(),
  asOf: z.string(),
  revision: z.number(),
  detectedAt: z.string(),
  /** v2: detected in rehearsal data. */
  test: z.boolean().optional(),
  /** v2, vote for N: everyone who left and entered the winning set (`from` and `to` are the first of each). */
  fromSet: z.array(Slug).optional(),
  toSet: z.array(Slug).optional(),
});
export type LeadChange = z.infer<typeof LeadChange>;

/** The stored state of a race: everything the view is derived from. */
export const RaceRecord = z.object({
  definition: RaceDefinition,
  votes: z.record(z.string(), z.number()),
  asOf: z.string().nullable(),
  expectedVotePct: z.number().nullable(),
  outstanding: Outstanding.nullable(),
  revision: z.number(),
  /** The last candidate to hold the strict lead; survives ties. */
  lastLeader: z.string().nullable(),
  call: Call.nullable(),
  updatedAt: z.string(),
  /** v2 (absent in records stored before): the latest accepted batch's test flag, source and reporting. */
  test: z.boolean().optional(),
  source: z.string().nullable().optional(),
  reporting: Reporting.nullable().optional(),
  /** v2, vote for N: the last settled winning set (the lead-change baseline); survives ties at the cut-off. */
  lastWinning: z.array(z.string()).nullable().optional(),
  /** v2: candidates an accepted runoff call advances. */
  advancing: z.array(z.string()).optional(),
  /** v2: the calls sources made for this race, and what the desk decided (newest last). */
  proposals: z.array(CallProposal).optional(),
});
export type RaceRecord = z.infer<typeof RaceRecord>;

export const BulkResult = z.object({
  raceId: z.string().nullable(),
  status: BulkStatus,
  leadChange: LeadChange.nullable().optional(),
  /** Extension: the batch lowered a count. */
  correction: z.boolean().optional(),
  issues: z.array(Issue).optional(),
  message: z.string().optional(),
});
export type BulkResult = z.infer<typeof BulkResult>;
