import type { EventEntry, EventType, LogEvent } from '../../shared/index.js';

/** How big the event log may grow; past it the oldest events go. @default 1000000 */
export const DEFAULT_EVENTS_MAX = 1_000_000;

export interface EventLogOptions {
  /** Events kept; older ones are dropped (Redis: `XADD … MAXLEN ~`, so roughly). @default 1000000 */
  max?: number;
  /**
   * False writes no events at all: only for the bench, which measures ingest with the log against without it.
   * @default true
   */
  enabled?: boolean;
}

/** One page of the log, oldest first. */
export interface EventRead {
  /** Exclusive: the page starts after this id. */
  after?: string;
  limit: number;
  type?: EventType;
  raceId?: string;
}

export interface EventPageResult {
  events: LogEvent[];
  /** Where the next page starts, when more may follow; null at the end of the log. */
  next: string | null;
}

/** A refusal to log, and the key it is counted under when the same one comes again (`refusalKey`). */
export interface RefusalEntry {
  key: { field: string; value: string };
  entry: EventEntry;
}

/** How many entries a filtered read looks at before it answers with what it found (and where to go on). */
export const FILTER_SCAN_LIMIT = 10_000;

/** `role:name` as the log stores an actor. */
export const actorKey = (a: { role: string; name: string }) => `${a.role}:${a.name}`;

/** Splits a stream id into its two numbers, for ordering. */
export function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(Number) as [number, number];
  const [bm, bs] = b.split('-').map(Number) as [number, number];
  return am - bm || as - bs;
}
