import { feedActor, type Actor, type BulkResult, type FeedStatus } from '../../shared/index.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { CallsService } from '../services/calls.js';
import type { ResultsService } from '../services/results.js';
import type { Store } from '../store/store.js';
import type { FeedControl } from '../store/types.js';
import { backoffMs, phraseWait } from './backoff.js';
import { feedTimings, type FeedConfig } from './config.js';
import { definitionFor } from './define.js';
import { FeedError } from './errors.js';
import { createHttpClient, type HttpResponse } from './http.js';
import { initialStatus, MAX_WARNINGS } from './status.js';
import type { ExistingFeedRace, FeedKind, FeedPoller, FeedRace, PollResult } from './types.js';

export interface RunnerDeps {
  feed: FeedConfig;
  kind: FeedKind;
  store: Store;
  results: ResultsService;
  calls: CallsService;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  env: NodeJS.ProcessEnv;
  /** Who this instance is, for the feed lock and the status ("polled by …"). */
  instanceId: string;
  /** Called with every payload fetched (recording). */
  onFetch?: (r: HttpResponse) => void | Promise<void>;
}

/**
 * One feed on one instance. A keeper takes and renews the feed's lock in the store every half interval, so
 * exactly one instance polls it and another takes over within two intervals when that one dies (the lock
 * lives 1.5 intervals). The holder polls at the interval, backs off on failures, posts what the source
 * reported through the same ingest as `POST /api/results`, and writes the feed's status to the store, where
 * every instance reads it. Races a poll could not post (the store was away) are kept and posted next time.
 */
export class FeedRunner {
  private status: FeedStatus;
  private readonly poller: FeedPoller;
  private readonly timings: ReturnType<typeof feedTimings>;
  private readonly log: Logger;
  private holding = false;
  private stopped = false;
  private control: FeedControl = { paused: false, pollRequest: null };
  private failures = 0;
  private pollTimer: NodeJS.Timeout | undefined;
  private keepTimer: NodeJS.Timeout | undefined;
  private current: Promise<void> | null = null;
  private readonly abort = new AbortController();
  /** Races reported but not yet posted, latest report per race. */
  private readonly backlog = new Map<string, FeedRace | ExistingFeedRace>();
  /** What was last made sure of per race definition, so an unchanged one costs no store read. */
  private readonly ensured = new Map<string, string>();
  private readonly winners = new Map<string, string>();
  /** What the feed does, it does as itself: `{ role: 'feed', name: <feed id> }`. */
  private readonly actor: Actor;

  constructor(private readonly d: RunnerDeps) {
    const label = d.feed.label ?? d.feed.id;
    this.status = initialStatus(d.feed, label);
    this.actor = feedActor(d.feed.id);
    this.timings = feedTimings(d.feed);
    this.log = d.logger.child({ component: 'feed', feed: d.feed.id });
    const http = createHttpClient({
      sourceName: d.kind.sourceName,
      timeoutMs: this.timings.timeoutMs,
      now: () => d.clock.now(),
      onFetch: d.onFetch,
    });
    this.poller = d.kind.create({ feed: d.feed, env: d.env, clock: d.clock, http });
  }

  get id(): string {
    return this.d.feed.id;
  }

  /** True while this instance holds the feed's lock (and so polls it). */
  get isHolder(): boolean {
    return this.holding;
  }

  /** This instance's own view of the feed (the holder's is the truth; others read the store). */
  view(): FeedStatus {
    return structuredClone(this.status);
  }

  start(initial: FeedControl | undefined): void {
    if (initial) this.control = initial;
    this.lastPollRequest = this.control.pollRequest;
    void this.keep();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.pollTimer);
    clearTimeout(this.keepTimer);
    this.abort.abort();
    await this.current?.catch(() => {});
    if (this.holding) await this.d.store.releaseLock(this.lockName, this.d.instanceId).catch(() => {});
    this.holding = false;
  }

  /** A producer paused, resumed or asked for a poll (on any instance). */
  onControl(control: FeedControl): void {
    const wasPaused = this.control.paused;
    this.control = control;
    if (!this.holding || this.stopped) return;
    if (control.paused && !wasPaused) {
      clearTimeout(this.pollTimer);
      this.update({ state: 'paused', retryAt: null });
      void this.publish();
      return;
    }
    const asked = control.pollRequest !== null && control.pollRequest !== this.lastPollRequest;
    this.lastPollRequest = control.pollRequest;
    if ((wasPaused && !control.paused) || (asked && !control.paused)) void this.pollNow();
  }

  /** Polls at once (or joins the poll under way); resolves when it is done. */
  pollNow(): Promise<void> {
    if (!this.holding || this.stopped || this.control.paused) return Promise.resolve();
    return this.runPoll();
  }

  private lastPollRequest: string | null = null;

  private get lockName(): string {
    return `feed:${this.d.feed.id}`;
  }

  /** Takes or renews the lock every half interval; on taking it, polls at once. */
  private async keep(): Promise<void> {
    if (this.stopped) return;
    const ttl = Math.max(this.timings.intervalMs * 1.5, 200);
    try {
      const held = await this.d.store.claimLock(this.lockName, this.d.instanceId, ttl);
      if (held && !this.holding && !this.stopped) await this.takeOver();
      else if (!held && this.holding) {
        this.log.warn('lost the feed lock to another instance; it polls now');
        clearTimeout(this.pollTimer);
      }
      this.holding = held && !this.stopped;
    } catch (err) {
      // Without the store nobody can post anyway; the holder keeps its role until the lock expires.
      this.log.debug({ err }, 'could not renew the feed lock');
    }
    if (!this.stopped) this.keepTimer = setTimeout(() => void this.keep(), Math.max(this.timings.intervalMs / 2, 100));
  }

  /** This instance became the poller: carry the counters on from the stored status, then poll. */
  private async takeOver(): Promise<void> {
    const stored = await this.d.store
      .listFeedStatus()
      .then((all) => all.find((s) => s.id === this.d.feed.id))
      .catch(() => undefined);
    if (stored) {
      const { polls, batchesPosted, races, lastSuccessAt, lastChangeAt, lastPollAt, mode } = stored;
      this.status = { ...this.status, polls, batchesPosted, races, lastSuccessAt, lastChangeAt, lastPollAt, mode };
    }
    this.status.instance = this.d.instanceId;
    this.holding = true;
    this.log.info({ instance: this.d.instanceId }, 'polling this feed');
    if (this.control.paused) this.update({ state: 'paused' });
    await this.publish();
    if (!this.control.paused) void this.runPoll();
  }

  private schedule(ms: number): void {
    clearTimeout(this.pollTimer);
    if (this.stopped) return;
    this.pollTimer = setTimeout(() => void this.runPoll(), ms);
  }

  /** Never two polls of one feed at once: a poll asked for while one runs joins it. */
  private runPoll(): Promise<void> {
    this.current ??= this.pollOnce().finally(() => (this.current = null));
    return this.current;
  }

  private async pollOnce(): Promise<void> {
    if (!this.holding || this.stopped || this.control.paused) return;
    clearTimeout(this.pollTimer);
    const { feed, metrics } = this.d;
    this.update({ lastPollAt: this.now(), polls: this.status.polls + 1 });
    let next = this.timings.intervalMs;
    try {
      const result = await this.poller.poll(this.abort.signal);
      for (const race of result.races) this.backlog.set(race.raceId, race);
      const { applied, warnings } = await this.post();
      this.failures = 0;
      const now = this.now();
      metrics.feedPolls.inc({ feed: feed.id, outcome: result.races.length > 0 ? 'ok' : 'unchanged' });
      metrics.feedLastSuccess.set({ feed: feed.id }, this.d.clock.now().getTime() / 1000);
      this.update({
        // Paused while the poll was under way: it stays paused.
        state: this.control.paused ? 'paused' : 'ok',
        lastSuccessAt: now,
        lastError: null,
        retryAt: null,
        mode: this.modeOf(result),
        warnings: [...result.warnings, ...warnings].slice(0, MAX_WARNINGS),
        ...(applied > 0 ? { lastChangeAt: now } : {}),
      });
    } catch (err) {
      if (this.stopped) return;
      this.failures += 1;
      const retryAfter = err instanceof FeedError ? err.retryAfterMs : null;
      next = backoffMs(this.failures, this.timings.intervalMs, retryAfter);
      const message = err instanceof FeedError || err instanceof AppError ? err.message : 'an unexpected error (logged)';
      if (!(err instanceof FeedError || err instanceof AppError)) this.log.error({ err }, 'feed poll failed unexpectedly');
      else this.log.warn({ err: message, failures: this.failures }, 'feed poll failed');
      metrics.feedPolls.inc({ feed: feed.id, outcome: 'error' });
      this.update(
        this.control.paused
          ? { state: 'paused', lastError: message, retryAt: null }
          : {
              state: 'error',
              lastError: `${message} — retrying in ${phraseWait(next)}`,
              retryAt: new Date(this.d.clock.now().getTime() + next).toISOString(),
            },
      );
    }
    await this.publish();
    if (!this.control.paused) this.schedule(next);
  }

  /**
   * Defines what needs defining and posts the backlog through the ingest. Items the store could not take stay
   * in the backlog; a store that is away before anything was applied throws (the poll failed, nothing lost).
   */
  private async post(): Promise<{ applied: number; warnings: string[] }> {
    if (this.backlog.size === 0) return { applied: 0, warnings: [] };
    const warnings: string[] = [];
    const races = [...this.backlog.values()];
    const ready: (FeedRace | ExistingFeedRace)[] = [];
    for (const race of races) {
      const problem = await this.ensureDefined(race);
      if (problem) {
        warnings.push(`${race.raceId}: ${problem}`);
        this.backlog.delete(race.raceId);
      } else ready.push(race);
    }
    const forced = this.d.feed.test === true;
    const items = ready.map((r) => ({ raceId: r.raceId, ...r.batch, test: forced || (r.batch.test ?? false), source: this.d.feed.id }));
    const results = items.length > 0 ? await this.d.results.ingest(items, this.actor) : [];
    let applied = 0;
    const posted: (FeedRace | ExistingFeedRace)[] = [];
    // A race the source names does not exist yet: read the source again next poll, so its counts go in once it does.
    if (results.some((res) => res.status === 'not_found')) this.poller.reread?.();
    results.forEach((res, i) => {
      const race = ready[i]!;
      this.d.metrics.feedBatches.inc({ feed: this.d.feed.id, status: res.status });
      if (res.status === 'unavailable') return; // stays in the backlog
      this.backlog.delete(race.raceId);
      if (res.status === 'applied') applied += 1;
      const warning = describeRefusal(res);
      if (warning) warnings.push(`${race.raceId}: ${warning}`);
      posted.push(race);
    });
    for (const race of posted) warnings.push(...(await this.proposeWinners(race)));
    const known = new Set(this.status.races);
    for (const r of ready) known.add(r.raceId);
    this.update({ batchesPosted: this.status.batchesPosted + applied, races: [...known].sort() });
    return { applied, warnings };
  }

  /**
   * Defines or extends the race the feed reports, once per change of what the source says; a problem in words.
   * A race without a definition (a desk sheet) must exist already: nothing is defined, the ingest says not_found.
   */
  private async ensureDefined(race: FeedRace | ExistingFeedRace): Promise<string | null> {
    if (race.definition === null) return null;
    const key = JSON.stringify([race.definition, race.overrides ?? null]);
    if (this.ensured.get(race.raceId) === key) return null;
    const record = await this.d.store.getRace(race.raceId);
    const def = definitionFor(record?.definition ?? null, race);
    if (def) {
      try {
        await this.d.results.defineRace(race.raceId, def, this.actor);
      } catch (err) {
        if (err instanceof AppError && err.code !== 'unavailable') return `could not define the race: ${err.message}`;
        throw err;
      }
    }
    this.ensured.set(race.raceId, key);
    return null;
  }

  /** Sources' calls are logged only until the desk's call queue is built; once per change. */
  /**
   * The source's calls become proposals for the desk (one per flag: the store ignores a flag it has seen), once
   * per change of what the source says; a flag that could not be recorded is tried again next poll.
   */
  private async proposeWinners(race: FeedRace | ExistingFeedRace): Promise<string[]> {
    const key = JSON.stringify(race.winners);
    if ((this.winners.get(race.raceId) ?? '[]') === key) return [];
    const problems: string[] = [];
    for (const w of race.winners) {
      try {
        await this.d.calls.propose(race.raceId, { winner: w.candidateId, kind: w.kind, source: this.d.feed.id }, this.actor);
      } catch (err) {
        if (err instanceof AppError && err.code === 'unavailable') return problems; // next poll
        problems.push(`${race.raceId}: the source's call for ${w.candidateId} was not recorded (${(err as Error).message})`);
      }
    }
    this.winners.set(race.raceId, key);
    return problems;
  }

  private modeOf(result: PollResult): FeedStatus['mode'] {
    if (this.d.feed.test) return 'test';
    if (result.test !== null) return result.test ? 'test' : 'live';
    if (result.races.length === 0) return this.status.mode;
    return result.races.some((r) => r.batch.test) ? 'test' : 'live';
  }

  private update(patch: Partial<FeedStatus>): void {
    this.status = { ...this.status, ...patch, instance: this.d.instanceId };
  }

  /** Writes the status where every instance reads it; while the store is away, this instance still knows it. */
  private async publish(): Promise<void> {
    await this.d.store.writeFeedStatus(this.view()).catch((err: unknown) => this.log.debug({ err }, 'could not store the feed status'));
  }

  private now(): string {
    return this.d.clock.now().toISOString();
  }
}

/** What a producer should know about an item the ingest did not apply; nothing for duplicates. */
function describeRefusal(r: BulkResult): string | null {
  switch (r.status) {
    case 'applied':
    case 'duplicate':
    case 'unavailable':
      return null;
    case 'stale':
      return 'older than the count already stored (not applied)';
    case 'conflict':
      return 'a different count with the same time is already stored (not applied)';
    case 'not_found':
      return 'no such race';
    case 'invalid':
      return `refused: ${r.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') ?? r.message ?? 'invalid'}`;
  }
}
