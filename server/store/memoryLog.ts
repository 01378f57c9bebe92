import type { EventEntry, LogEvent } from '../../shared/index.js';
import { DEFAULT_EVENTS_MAX, FILTER_SCAN_LIMIT, compareIds, type EventLogOptions, type EventPageResult, type EventRead, type RefusalEntry } from './eventLog.js';

/**
 * The embedded store's event log: the same interface and cap as the Redis stream. Ids are `<ms>-<seq>` as Redis
 * makes them (the commit's instant, never going back), so cursors look and order alike on both stores.
 */
export class MemoryEventLog {
  private readonly max: number;
  readonly enabled: boolean;
  /** Oldest first from `head`; the array is compacted now and then rather than shifted on every append. */
  private events: LogEvent[] = [];
  private head = 0;
  private lastMs = 0;
  private lastAt = '';
  private lastAtMs = 0;
  private seq = 0;
  /** Refusals: the last one per actor and race (its value and event id), and the count of each repeated one. */
  private readonly lastRefusal = new Map<string, { value: string; id: string }>();
  private readonly repeats = new Map<string, number>();

  constructor(opts: EventLogOptions = {}) {
    this.max = opts.max ?? DEFAULT_EVENTS_MAX;
    this.enabled = opts.enabled ?? true;
  }

  get size(): number {
    return this.events.length - this.head;
  }

  append(entries: readonly EventEntry[]): void {
    if (!this.enabled) return;
    for (const e of entries) this.push(e);
  }

  /** A refusal: a new event, or one more repeat of the same actor's last refusal for the race. */
  refuse(refusals: readonly RefusalEntry[]): void {
    if (!this.enabled) return;
    for (const { key, entry } of refusals) {
      const last = this.lastRefusal.get(key.field);
      if (last && last.value === key.value) {
        this.repeats.set(last.id, (this.repeats.get(last.id) ?? 0) + 1);
        continue;
      }
      this.lastRefusal.set(key.field, { value: key.value, id: this.push(entry) });
    }
  }

  read(q: EventRead): EventPageResult {
    let i = this.firstAfter(q.after);
    const filtered = q.type !== undefined || q.raceId !== undefined;
    const out: LogEvent[] = [];
    let scanned = 0;
    let lastScanned: string | null = null;
    for (; i < this.events.length && out.length < q.limit; i++) {
      if (filtered && scanned++ >= FILTER_SCAN_LIMIT) return { events: out, next: lastScanned };
      const e = this.events[i]!;
      lastScanned = e.id;
      if (q.type !== undefined && e.type !== q.type) continue;
      if (q.raceId !== undefined && e.raceId !== q.raceId) continue;
      out.push(this.withRepeats(e));
    }
    const more = i < this.events.length;
    return { events: out, next: more && out.length > 0 ? out.at(-1)!.id : more ? lastScanned : null };
  }

  private withRepeats(e: LogEvent): LogEvent {
    const n = e.type === 'batch.refused' ? this.repeats.get(e.id) : undefined;
    return n ? ({ ...e, data: { ...e.data, repeats: n } } as LogEvent) : e;
  }

  private push(e: EventEntry): string {
    // The events of one commit share their instant: parse it once.
    if (e.at !== this.lastAt) {
      this.lastAt = e.at;
      this.lastAtMs = Date.parse(e.at);
    }
    const ms = Math.max(this.lastAtMs, this.lastMs);
    this.seq = ms === this.lastMs ? this.seq + 1 : 0;
    this.lastMs = ms;
    const id = `${ms}-${this.seq}`;
    // The entry is the commit's own (built for it, its values frozen where they are the stored record's): it
    // becomes the event as it is, frozen at the top, never copied.
    const event = e as LogEvent;
    event.id = id;
    this.events.push(Object.freeze(event));
    if (this.size > this.max) this.dropOldest(this.size - this.max);
    return id;
  }

  private dropOldest(n: number): void {
    for (let k = 0; k < n; k++) this.repeats.delete(this.events[this.head + k]!.id);
    this.head += n;
    if (this.head > 1024 && this.head * 2 > this.events.length) {
      this.events = this.events.slice(this.head);
      this.head = 0;
    }
  }

  /** The index of the first event after `after` (binary search: ids only grow). */
  private firstAfter(after: string | undefined): number {
    if (after === undefined) return this.head;
    let lo = this.head;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareIds(this.events[mid]!.id, after) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
