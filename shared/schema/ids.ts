import { z } from 'zod';

/** Race and candidate ids: lower-case slug, e.g. `ga-president-2020`. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must match ^[a-z0-9][a-z0-9-]{0,63}$ (lower-case letters, digits, dashes)');

/** ISO-8601 instant; offsets are accepted and normalised to UTC by the domain. */
export const Instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO-8601 date-time' })
  .refine((s) => !/\.\d{4,}/.test(s), 'must have at most millisecond precision');

export const VoteCount = z
  .number()
  .int('must be a whole number')
  .nonnegative('must not be negative')
  .max(Number.MAX_SAFE_INTEGER, 'must be a safe integer');
