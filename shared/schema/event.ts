import { z } from 'zod';
import { AlertStatus } from './alert.js';
import { CallStatus } from './call.js';
import { Issue } from './errors.js';
import { FeedState } from './feed.js';
import { Channel, LayerName, Layers } from './graphics.js';
import { LeadChange, Outstanding, RaceDefinition, Reporting } from './race.js';

/**
 * Who did something: a producer or ingest token (by its name: the env tokens are "producer" and "ingest", the
 * named ones what `LEADWIRE_TOKENS` calls them), a feed (by its id), or the server itself (alert timers, auto-air).
 */
export const ActorRole = z.enum(['producer', 'ingest', 'feed', 'system']);
export type ActorRole = z.infer<typeof ActorRole>;
export const Actor = z.strictObject({ role: ActorRole, name: z.string().min(1).max(100) });
export type Actor = z.infer<typeof Actor>;

/** What the server does by itself: an alert leaving air on time, a lead-change alert aired automatically. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ role: 'system', name: 'leadwire' });
/** What a feed does (it posts through the same ingest as `POST /api/results`). */
export const feedActor = (feedId: string): Actor => ({ role: 'feed', name: feedId });

/** Why a batch was not applied, as the event log records it. */
export const RefusalReason = z.enum(['stale', 'conflict', 'invalid']);
export type RefusalReason = z.infer<typeof RefusalReason>;

const Rev = z.number().int();

/** An event about one race (`raceId` always set). */
const variant = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({ id: z.string(), at: z.string(), type: z.literal(type), actor: Actor, raceId: z.string(), data });
/** An event about no race in particular (`raceId` absent). */
const globalVariant = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({ id: z.string(), at: z.string(), type: z.literal(type), actor: Actor, raceId: z.string().optional(), data });

/** `rev` in every race event: the race's revision after it, so replaying the log gives back the stored revision. */
export const RaceDefinedEvent = variant('race.defined', z.object({ definition: RaceDefinition, created: z.boolean(), rev: Rev }));
/** What the batch set. Nulls and `test: false` are left out to keep a million of them small. */
export const BatchAppliedEvent = variant(
  'batch.applied',
  z.object({
    asOf: z.string(),
    votes: z.record(z.string(), z.number()),
    /** The feed id, "manual" (HTTP) or "desk"; null only for a batch that named none outside the ingest. */
    source: z.string().nullable(),
    correction: z.boolean(),
    rev: Rev,
    expectedVotePct: z.number().optional(),
    outstanding: Outstanding.optional(),
    reporting: Reporting.optional(),
    test: z.literal(true).optional(),
  }),
);
/**
 * A refusal. `repeats`: how many more times the same actor sent the same refusal for this race (same reason and
 * asOf) right after it; counted, not logged again. Added when the log is read.
 */
export const BatchRefusedEvent = variant(
  'batch.refused',
  z.object({
    reason: RefusalReason,
    source: z.string(),
    message: z.string(),
    asOf: z.string().optional(),
    current: z.object({ asOf: z.string().nullable(), revision: z.number() }).optional(),
    issues: z.array(Issue).optional(),
    repeats: z.number().int().optional(),
  }),
);
export const LeadChangeEvent = variant('leadChange', LeadChange);
/** A call set: a winner, or a candidate sent on to a runoff (`kind: "runoff"`). */
export const CallEvent = variant(
  'call',
  z.object({ winner: z.string(), kind: z.enum(['winner', 'runoff']), source: z.string(), proposal: z.string().optional(), rev: Rev }),
);
export const UncallEvent = variant('uncall', z.object({ rev: Rev }));
/** Extension: a source's call recorded, rejected or ignored (an accepted one is a `call`). */
export const CallProposalEvent = variant(
  'call.proposal',
  z.object({ proposal: z.string(), winner: z.string(), kind: z.enum(['winner', 'runoff']), source: z.string(), status: CallStatus, rev: Rev }),
);
export const RaceResetEvent = variant('race.reset', z.object({ test: z.boolean(), rev: Rev }));
/**
 * `action` and the layer it touched (`pause` / `resume`: the ticker held or run on; `set`: a change made some
 * other way), and both channels after it.
 */
export const GraphicsEvent = globalVariant(
  'graphics',
  z.object({
    action: z.enum(['cue', 'take', 'clear', 'air', 'set', 'pause', 'resume']),
    layer: LayerName.optional(),
    channel: Channel.optional(),
    program: Layers,
    preview: Layers,
    rev: Rev,
  }),
);
export const AlertEvent = variant(
  'alert',
  z.object({
    alert: z.string(),
    kind: z.enum(['leadChange', 'call']),
    status: AlertStatus,
    leadChangeId: z.string().optional(),
    winner: z.string().optional(),
  }),
);
/** A feed's state changed (the feed is the actor), or a producer paused, resumed or polled it. */
export const FeedEvent = globalVariant(
  'feed',
  z.object({
    feed: z.string(),
    state: FeedState.optional(),
    lastError: z.string().nullable().optional(),
    action: z.enum(['pause', 'resume', 'poll']).optional(),
  }),
);
/** Rundowns and the theme are a later issue; their events will carry what they set. */
export const RundownEvent = globalVariant('rundown', z.record(z.string(), z.unknown()));
export const ThemeEvent = globalVariant('theme', z.record(z.string(), z.unknown()));

/** One entry of the event log (the contract's `Event`), `GET /api/events`. */
export const LogEvent = z.discriminatedUnion('type', [
  RaceDefinedEvent,
  BatchAppliedEvent,
  BatchRefusedEvent,
  LeadChangeEvent,
  CallEvent,
  UncallEvent,
  CallProposalEvent,
  RaceResetEvent,
  GraphicsEvent,
  AlertEvent,
  FeedEvent,
  RundownEvent,
  ThemeEvent,
]);
export type LogEvent = z.infer<typeof LogEvent>;
export type EventType = LogEvent['type'];
export const EVENT_TYPES = LogEvent.options.map((o) => o.shape.type.value) as EventType[];
export const EventType = z.enum(EVENT_TYPES as [EventType, ...EventType[]]);

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event as the domain builds it, before the store stamps it with who, when and its id. */
export type EventDraft = DistributiveOmit<LogEvent, 'id' | 'at' | 'actor'>;
/** An event as a commit writes it: everything but the id the log gives it. */
export type EventEntry = DistributiveOmit<LogEvent, 'id'>;

const MAX_ID_PART = 2n ** 64n - 1n;

/** `GET /api/events` query. */
export const EventQuery = z.strictObject({
  after: z
    .string()
    .regex(/^\d{1,20}-\d{1,20}$/, 'must be an event id such as "1604656207414-0"')
    // Each part is a 64-bit count in the log (a Redis stream id): a larger one is no event id on any store.
    .refine((id) => id.split('-').every((part) => !/^\d+$/.test(part) || BigInt(part) <= MAX_ID_PART), 'must be an event id such as "1604656207414-0" (each part at most 18446744073709551615)')
    .optional(),
  limit: z.coerce.number().int('must be a whole number').min(1).max(1000).default(100),
  type: EventType.optional(),
  raceId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a race id').optional(),
});
export type EventQuery = z.infer<typeof EventQuery>;

/** `GET /api/events` answer: `next` is where the following page starts (`after=next`), null at the end. */
export const EventPage = z.object({ events: z.array(LogEvent), next: z.string().nullable() });
export type EventPage = z.infer<typeof EventPage>;
