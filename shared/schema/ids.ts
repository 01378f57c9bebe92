import { z } from 'zod';

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Race and candidate ids: lower-case slug, e.g. `ga-president-2020`. */
export const Slug = z
  .string()
  .regex(SLUG, 'must match ^[a-z0-9][a-z0-9-]{0,63}$ (lower-case letters, digits, dashes)');

/** ISO-8601 instant; offsets are accepted and normalised to UTC by the domain. */
export const Instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO-8601 date-time' })
  .refine((s) => !/\.\d{4,}/.test(s), 'must have at most millisecond precision');

export const VoteCount = z
  .number()
  .int('must be a whole number')
  .nonnegative('must not be negative')
  .max(Number.MAX_SAFE_INTEGER, 'must be a safe integer');

/**
 * A batch's counts: candidate id → count. What `z.record(Slug, VoteCount)` checks, with its messages, in one pass
 * over the entries: the record schema builds two payloads per entry (and more per check), and this runs for every
 * item of every bulk, the hot path of ingest. A bad key or count gets the very issues `Slug` / `VoteCount` give it,
 * at its own path. The counts are passed on as sent (the domain builds the stored record's own).
 */
export const Votes = z
  .custom<Record<string, number>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
    message: 'must be an object of candidate ids and counts',
  })
  .check((ctx) => {
    const votes = ctx.value;
    for (const key of Object.keys(votes)) {
      const v = votes[key];
      if (!SLUG.test(key)) pushIssues(ctx, key, Slug.safeParse(key).error);
      if (!(typeof v === 'number' && Number.isSafeInteger(v) && v >= 0)) pushIssues(ctx, key, VoteCount.safeParse(v).error);
    }
  });

function pushIssues(ctx: { issues: unknown[]; value: unknown }, key: string, error: z.ZodError | undefined): void {
  for (const i of error?.issues ?? []) ctx.issues.push({ code: 'custom', message: i.message, input: ctx.value, path: [key, ...i.path] });
}
