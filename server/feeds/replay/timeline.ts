import type { Clock } from '../../clock.js';
import { FeedHttpError } from '../errors.js';
import type { HttpClient, HttpResponse } from '../http.js';
import type { RecordedFetch } from './format.js';
import { readFetch, type Recording } from './recording.js';

/** How many unplayed fetches ahead of the next one a request may be answered from. */
const WINDOW = 64;

export interface TimelineOptions {
  recording: Recording;
  /** The replay's own clock: a fetch is due `(fetchedAt − first fetchedAt) / speed` after the first poll. */
  clock: Clock;
  speed: number;
  /** How errors name the recorded source ("AP"). */
  sourceName: string;
  /** Due longer ago than this, the replay says it runs behind (it polls too rarely for its speed). */
  lagMs: number;
}

interface Meta {
  url: string;
  fetchedAtMs: number;
  session: string | null;
}

/**
 * The recording as an `HttpClient` for the recorded kind's own poller. How requests are answered:
 * - **Paced by poll.** The first request of a poll gets a recorded answer only once the next unplayed fetch is
 *   due; before that it gets `304` ("nothing changed"). Follow-ups within the same poll (AP's truncated pages,
 *   Clarity's version files) are answered at once: they were fetched moments after the first.
 * - **Matched by URL, in recorded order.** A request is answered with the earliest unplayed fetch of exactly that
 *   URL among the next few (`WINDOW`); the poller asks what it asked live (its feed's first URL, AP's
 *   `nextrequest` links verbatim, Clarity's version paths), so the answers line up. Request headers (ETags, keys)
 *   are not looked at.
 * - A follow-up the recording has no answer for gets `404` (only successes are recorded: Clarity's missing
 *   electionsettings.json is replayed as missing). A poll's first request that matches nothing while a fetch is
 *   due is answered with that fetch anyway (a recording edited by hand), and the warnings say so.
 * - **Sessions.** A fetch recorded by a later LeadWire process (it restarted) starts the recorded poller afresh
 *   (`beginPoll` answers true), as the restarted process's poller began afresh.
 * - **The end.** When every fetch is played it answers `304` for good; the warnings say "replay finished".
 * An unreadable payload file fails the poll with an error naming it, and is skipped from then on.
 */
export class ReplayTimeline {
  private readonly done: boolean[];
  private readonly metas = new Map<number, Meta>();
  private head = 0;
  private t0: number | null = null;
  private firstMs = 0;
  /** The recorded time of the last played fetch: the recorded poller's clock. */
  private recordedNow: number | null = null;
  private firstOfPoll = true;
  private session: string | null | undefined = undefined;
  private played = 0;
  private mismatched = 0;
  private leftOver = 0;
  private readonly skipped: string[] = [];

  constructor(private readonly o: TimelineOptions) {
    this.done = o.recording.files.map(() => false);
  }

  /** What the recorded poller uses for `get`. */
  readonly http: HttpClient = { get: (url) => this.answer(url) };

  /** Time as it was in the recording at the replay's position (before the first fetch: the replay's clock). */
  readonly recordedClock: Clock = { now: () => new Date(this.recordedNow ?? this.o.clock.now().getTime()) };

  get finished(): boolean {
    return this.head >= this.done.length;
  }

  /**
   * A poll begins. True when the recording starts a new session here: the caller creates the recorded kind's
   * poller afresh. What the old session left unasked is dropped.
   */
  async beginPoll(): Promise<boolean> {
    this.firstOfPoll = true;
    if (this.finished) return false;
    const head = await this.meta(this.head);
    if (this.t0 === null) {
      this.t0 = this.o.clock.now().getTime();
      this.firstMs = head.fetchedAtMs;
      this.session = head.session;
    }
    for await (const [i, m] of this.window()) {
      if (m.session === this.session) continue;
      if (!this.isDue(m)) return false;
      for (let j = this.head; j < i; j++) {
        if (this.done[j]) continue;
        this.finish(j);
        this.leftOver++;
      }
      this.session = m.session;
      return true;
    }
    return false;
  }

  /** What the feed's status should say about the replay: finished, behind, files skipped, mismatches. */
  warnings(): string[] {
    const out: string[] = [];
    const n = this.done.length;
    if (this.finished) out.push(`replay finished: ${this.played} of ${n} recorded fetches played`);
    else {
      const next = this.metas.get(this.head);
      const late = next ? this.o.clock.now().getTime() - this.dueAt(next) : 0;
      if (late > this.o.lagMs) out.push(`the replay runs ${Math.round(late / 1000)} s behind the recording: poll more often (a smaller intervalSeconds) or lower the speed`);
    }
    for (const s of this.skipped.slice(0, 3)) out.push(`skipped: ${s}`);
    if (this.skipped.length > 3) out.push(`skipped ${this.skipped.length - 3} more unreadable recorded fetches`);
    if (this.mismatched > 0) out.push(`${this.mismatched} requests were answered with a recorded fetch of another URL (the recording and the poller disagree)`);
    if (this.leftOver > 0) out.push(`${this.leftOver} recorded fetches were never asked for before the recorded LeadWire restarted`);
    return out;
  }

  private async answer(url: string): Promise<HttpResponse> {
    const first = this.firstOfPoll;
    this.firstOfPoll = false;
    if (first) {
      if (this.finished || !this.isDue(await this.meta(this.head))) return this.notModified(url);
    }
    for await (const [i, m] of this.window()) {
      if (m.url !== url) continue;
      if (first && !this.isDue(m)) return this.notModified(url);
      return this.play(i, url);
    }
    if (first) {
      this.mismatched++;
      return this.play(this.head, url);
    }
    throw new FeedHttpError(404, `${this.o.sourceName} (replay): the recording holds no answer to ${url} at this point`, null);
  }

  /**
   * The unplayed fetches from the next one on, at most WINDOW. It ends before a file that cannot be read: that
   * one fails a poll (naming it) only when its turn comes.
   */
  private async *window(): AsyncGenerator<[number, Meta]> {
    let seen = 0;
    for (let i = this.head; i < this.done.length && seen < WINDOW; i++) {
      if (this.done[i]) continue;
      const m = i === this.head ? await this.meta(i) : await this.meta(i).catch(() => null);
      if (!m) return;
      seen++;
      yield [i, m];
    }
  }

  private isDue(m: Meta): boolean {
    return this.o.clock.now().getTime() >= this.dueAt(m);
  }

  private dueAt(m: Meta): number {
    return (this.t0 ?? this.o.clock.now().getTime()) + (m.fetchedAtMs - this.firstMs) / this.o.speed;
  }

  private async play(i: number, url: string): Promise<HttpResponse> {
    const f = await this.read(i);
    this.finish(i);
    this.played++;
    this.recordedNow = Date.parse(f.fetchedAt);
    return { status: f.status, headers: f.headers, body: f.body, url, fetchedAt: new Date(this.recordedNow) };
  }

  private notModified(url: string): HttpResponse {
    return { status: 304, headers: {}, body: '', url, fetchedAt: this.recordedClock.now() };
  }

  private async meta(i: number): Promise<Meta> {
    const known = this.metas.get(i);
    if (known) return known;
    const f = i === this.head ? await this.read(i) : await readFetch(this.o.recording, i);
    const m = { url: f.url, fetchedAtMs: Date.parse(f.fetchedAt), session: f.session ?? null };
    this.metas.set(i, m);
    return m;
  }

  /** Reads a payload file; an unreadable one is skipped from now on, and this poll fails naming it. */
  private async read(i: number): Promise<RecordedFetch> {
    try {
      return await readFetch(this.o.recording, i);
    } catch (err) {
      this.finish(i);
      this.skipped.push((err as Error).message);
      throw err;
    }
  }

  private finish(i: number): void {
    this.done[i] = true;
    this.metas.delete(i);
    while (this.head < this.done.length && this.done[this.head]) this.head++;
  }
}
