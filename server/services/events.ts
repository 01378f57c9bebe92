import { z } from 'zod';
import { EventQuery, Instant, asRun, asRunCsv, programAt, type AsRunEntry, type EventPage, type LogEvent, type ProgramAt } from '../../shared/index.js';
import type { Store } from '../store/store.js';
import { parse } from '../validate.js';

/** How many events one internal read of the whole log takes at a time (one round trip each). */
const SWEEP_PAGE = 5_000;
/** How far past an instant the log is still read, for instances whose clocks disagree a little. */
const CLOCK_SLACK_MS = 60_000;

const AsRunQuery = z.strictObject({ from: Instant.optional(), to: Instant.optional() });
const AtQuery = z.strictObject({ t: Instant });

/**
 * The event log as the API answers it: a page (`GET /api/events`), the as-run derived from it (`GET /api/as-run`,
 * `.csv`) and program at an instant (`GET /api/as-run/at`). The derivations are the pure functions of
 * `shared/domain/asrun.ts` over the log read from its start (the log is the only record of what program showed).
 */
export function createEventsService({ store }: { store: Store }) {
  /** Every event from the start, oldest first; stops once the log is past `until` (plus some clock slack). */
  async function* sweep(until?: number): AsyncGenerator<LogEvent> {
    let after: string | undefined;
    for (;;) {
      const page = await store.readEvents({ after, limit: SWEEP_PAGE });
      for (const e of page.events) {
        if (until !== undefined && Date.parse(e.at) > until + CLOCK_SLACK_MS) return;
        yield e;
      }
      if (page.next === null) return;
      after = page.next;
    }
  }

  const collect = async (until?: number) => {
    const all: LogEvent[] = [];
    for await (const e of sweep(until)) all.push(e);
    return all;
  };

  async function page(query: unknown): Promise<EventPage> {
    const q = parse(EventQuery, query);
    return store.readEvents(q);
  }

  async function asRunEntries(query: unknown): Promise<AsRunEntry[]> {
    const { from, to } = parse(AsRunQuery, query);
    const range = { ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}) };
    return asRun(await collect(range.to?.getTime()), range);
  }

  async function at(query: unknown): Promise<ProgramAt> {
    const { t } = parse(AtQuery, query);
    const instant = new Date(t);
    return programAt(await collect(instant.getTime()), instant);
  }

  return {
    page,
    asRun: asRunEntries,
    asRunCsv: async (query: unknown) => asRunCsv(await asRunEntries(query)),
    at,
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
