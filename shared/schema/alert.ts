import { z } from 'zod';
import { Slug } from './ids.js';

export const AlertStatus = z.enum(['pending', 'aired', 'dismissed']);
export type AlertStatus = z.infer<typeof AlertStatus>;

const AlertBase = z.object({
  id: z.string(),
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

/** A lead change waiting for air (contract: Alerts). */
export const LeadChangeAlert = AlertBase.extend({ kind: z.literal('leadChange'), leadChangeId: z.string() });
/** v2: a race called (by the desk, or a feed's call accepted): airs the projected-winner banner. */
export const CallAlert = AlertBase.extend({ kind: z.literal('call'), winner: Slug, callId: z.string() });

export const Alert = z.discriminatedUnion('kind', [LeadChangeAlert, CallAlert]);
export type Alert = z.infer<typeof Alert>;

export const AlertQuery = z.strictObject({ status: AlertStatus.optional() });
export const AlertRef = z.strictObject({ id: z.string().min(1).max(120) });
export type AlertRef = z.infer<typeof AlertRef>;
