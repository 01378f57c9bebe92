/**
 * What the As-run view and the race cards' "last aired" read from the server: `GET /api/as-run` (refreshed when
 * program changes, and on race pushes while the view is open: new versions of what is up) and `GET /api/events`
 * (read oldest first following `next`, the newest `maxEvents` kept, then tailed from the last id while the view is
 * open). Reads are throttled: a burst of pushes costs one read, and one more after it.
 */
import type { AsRunEntry, EventPage, EventType, LogEvent } from '../../shared/index.js';
import { request } from './api.js';
import { appendEvents, lastAired, type LastAired } from './asrun.js';
import type { ControlState } from './state.js';

export const HISTORY_TIMEOUT_MS = 10_000;

/** Runs `fn` at most once per `ms`; a request while it runs (or too soon after) runs it once more afterwards. */
export function throttle(fn: () => Promise<void>, ms: number, now: () => number = Date.now) {
  let running = false;
  let again = false;
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const start = () => {
    timer = null;
    running = true;
    again = false;
    last = now();
    fn()
      .catch(() => {})
      .finally(() => {
        running = false;
        if (again) request();
      });
  };
  function request(): void {
    if (running) {
      again = true;
      return;
    }
    if (timer) return;
    const wait = last + ms - now();
    if (wait <= 0) start();
    else timer = setTimeout(start, wait);
  }
  return {
    request,
    cancel(): void {
      if (timer) clearTimeout(timer);
      timer = null;
      again = false;
    },
  };
}

export interface LogFilter {
  type: EventType | null;
  raceId: string | null;
}

export class History {
  entries: AsRunEntry[] = [];
  aired = new Map<string, LastAired>();
  /** Oldest first, the newest `maxEvents` of the filtered log. */
  events: LogEvent[] = [];
  filter: LogFilter = { type: null, raceId: null };
  /** Whether the As-run view is open: the log is read and tailed only then. */
  open = false;
  asRunError: string | null = null;
  logError: string | null = null;
  loadedAsRun = false;
  loadedLog = false;
  /** Moves on every change, so the view redraws only when something changed. */
  version = 0;

  private cursor: string | undefined;
  private generation = 0;
  private seenGraphics = '';
  private seenRaces = '';
  private seenOther = '';
  private readonly asRunReads;
  private readonly logReads;

  constructor(
    private readonly state: ControlState,
    private readonly token: () => string | null,
    private readonly o: { throttleMs?: number; maxEvents?: number; pageSize?: number } = {},
  ) {
    this.asRunReads = throttle(() => this.readAsRun(), o.throttleMs ?? 1_500);
    this.logReads = throttle(() => this.readLog(), o.throttleMs ?? 1_500);
  }

  /** Called on every state change: reads again when program changed, or (view open) a race or anything moved. */
  observe(): void {
    if (!this.state.live) return;
    const g = this.state.graphics;
    const graphicsKey = g ? JSON.stringify(g.program) : '';
    let racesKey = '';
    for (const r of this.state.races.values()) racesKey += `${r.view.id}:${r.view.revision},`;
    let otherKey = `${g?.revision}|`;
    for (const a of this.state.alerts.values()) otherKey += `${a.id}:${a.status},`;
    for (const c of this.state.calls.values()) otherKey += `${c.id}:${c.status},`;
    const programMoved = graphicsKey !== this.seenGraphics;
    const racesMoved = racesKey !== this.seenRaces;
    if (programMoved || (this.open && racesMoved) || !this.loadedAsRun) this.asRunReads.request();
    if (this.open && (programMoved || racesMoved || otherKey !== this.seenOther)) this.logReads.request();
    this.seenGraphics = graphicsKey;
    this.seenRaces = racesKey;
    this.seenOther = otherKey;
  }

  setOpen(open: boolean): void {
    this.open = open;
    if (open) {
      this.asRunReads.request();
      this.logReads.request();
    }
  }

  setFilter(f: Partial<LogFilter>): void {
    this.filter = { ...this.filter, ...f };
    this.generation++;
    this.cursor = undefined;
    this.events = [];
    this.loadedLog = false;
    this.bump();
    this.logReads.request();
  }

  /** Drops everything (a token refused or changed). */
  reset(): void {
    this.asRunReads.cancel();
    this.logReads.cancel();
    this.generation++;
    this.entries = [];
    this.aired = new Map();
    this.events = [];
    this.cursor = undefined;
    this.loadedAsRun = this.loadedLog = false;
    this.asRunError = this.logError = null;
    this.seenGraphics = this.seenRaces = this.seenOther = '';
    this.bump();
  }

  private bump(): void {
    this.version++;
    this.state.changed();
  }

  private async readAsRun(): Promise<void> {
    const token = this.token();
    if (!token) return;
    const gen = this.generation;
    const answer = await request<AsRunEntry[]>('GET', '/api/as-run', token, undefined, HISTORY_TIMEOUT_MS).catch((err: unknown) => ({
      ok: false as const,
      error: { code: 'network', message: err instanceof Error ? err.message : String(err) },
    }));
    if (gen !== this.generation) return;
    if (answer.ok) {
      this.entries = answer.data;
      this.aired = lastAired(answer.data, { leadChange: (id) => this.state.leadChanges.get(id) });
      this.asRunError = null;
      this.loadedAsRun = true;
    } else this.asRunError = `${answer.error.code}: ${answer.error.message}`;
    this.bump();
  }

  private async readLog(): Promise<void> {
    const token = this.token();
    if (!token || !this.open) return;
    const gen = this.generation;
    const max = this.o.maxEvents ?? 1_000;
    for (;;) {
      const q = new URLSearchParams({ limit: String(this.o.pageSize ?? 1_000) });
      if (this.cursor) q.set('after', this.cursor);
      if (this.filter.type) q.set('type', this.filter.type);
      if (this.filter.raceId) q.set('raceId', this.filter.raceId);
      const answer = await request<EventPage>('GET', `/api/events?${q}`, token, undefined, HISTORY_TIMEOUT_MS).catch((err: unknown) => ({
        ok: false as const,
        error: { code: 'network', message: err instanceof Error ? err.message : String(err) },
      }));
      if (gen !== this.generation) return;
      if (!answer.ok) {
        this.logError = `${answer.error.code}: ${answer.error.message}`;
        this.bump();
        return;
      }
      const { events, next } = answer.data;
      this.events = appendEvents(this.events, events, max);
      this.logError = null;
      if (next !== null) this.cursor = next;
      else if (events.length > 0) this.cursor = events.at(-1)!.id;
      if (next === null) break;
      // Part-way through a long log: show what is held so far.
      this.bump();
    }
    this.loadedLog = true;
    this.bump();
  }
}
