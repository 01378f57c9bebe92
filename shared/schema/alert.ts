import { z } from 'zod';
import { Slug } from './ids.js';

export const AlertStatus = z.enum(['pending', 'aired', 'dismissed']);
export type AlertStatus = z.infer<typeof AlertStatus>;

export const Alert = z.object({
  id: z.string(),
  kind: z.literal('leadChange'),
  leadChangeId: z.string(),
  raceId: Slug,
  status: AlertStatus,
  createdAt: z.string(),
  /** When it last changed status (extension). */
  updatedAt: z.string().optional(),
  /** When an aired alert leaves air by itself (extension; set while it is aired). */
  offAirAt: z.string().optional(),
  /** v2: raised by rehearsal data. */
  test: z.boolean().optional(),
});
export type Alert = z.infer<typeof Alert>;

export const AlertQuery = z.strictObject({ status: AlertStatus.optional() });
export const AlertRef = z.strictObject({ id: z.string().min(1).max(120) });
export type AlertRef = z.infer<typeof AlertRef>;
