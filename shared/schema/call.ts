import { z } from 'zod';
import { Slug } from './ids.js';

export const CallStatus = z.enum(['proposed', 'accepted', 'rejected', 'ignored']);
export type CallStatus = z.infer<typeof CallStatus>;

/**
 * A call a source made (AP `winner: "X"`, or `"R"`: advances to a runoff), waiting for the desk unless the race
 * says otherwise (`acceptCalls`). `ignored`: recorded only (`acceptCalls: "ignore"`).
 */
export const CallProposal = z.object({
  id: z.string(),
  raceId: Slug,
  winner: Slug,
  kind: z.enum(['winner', 'runoff']),
  /** The feed that made it. */
  source: z.string(),
  status: CallStatus,
  /** When the source's call was first seen. */
  at: z.string(),
  decidedAt: z.string().nullable(),
  /** Who accepted or rejected it: a producer's name, or "auto" (the race's rule). */
  decidedBy: z.string().nullable(),
  test: z.boolean().optional(),
});
export type CallProposal = z.infer<typeof CallProposal>;

/** `GET /api/calls` filters; `key` is the token given as `?key=` (auth, not a filter), accepted and ignored. */
export const CallQuery = z.strictObject({ status: CallStatus.optional(), raceId: Slug.optional(), key: z.string().optional() });
