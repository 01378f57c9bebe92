import { randomBytes } from 'node:crypto';
import { ZodError } from 'zod';
import {
  type Actor,
  type CallChange,
  type EventDraft,
  type EventEntry,
  type GraphicsAction,
  type Refusal,
  SYSTEM_ACTOR,
  alertEvent,
  feedActor,
  callEvents,
  definitionEvent,
  graphicsEvent,
  refusalEvent,
  refusalKey,
  resetEvent,
  applyBatch,
  applyDefinition,
  resetRecord,
  type Alert,
  type BatchOutcome,
  type FeedStatus,
  type DefinitionOutcome,
  type GraphicsState,
  type LeadChange,
  type RaceDefinition,
  type RaceRecord,
  type ResultBatch,
} from '../../shared/index.js';
import type { Clock } from '../clock.js';
import { AppError, UnavailableError } from '../errors.js';
import { byRace, planRace, type BulkBatch, type BulkOutcome, type RaceItems, type RacePlan } from './bulk.js';
import { actorKey, type EventPageResult, type EventRead } from './eventLog.js';
import { neverSent } from './connection.js';
import { NotReplicatedError } from './replicas.js';
import type { Tally } from '../../shared/index.js';
import type { AssetMeta, Backend, ChangeListener, FeedControl, StoredDoc } from './types.js';

/** Stamps the domain's events with who and when: what a commit writes to the log. */
export const stamp = (drafts: readonly EventDraft[], actor: Actor, now: Date): EventEntry[] =>
  drafts.length === 0 ? [] : stampAt(drafts, actor, now.toISOString());

/**
 * `stamp` with the instant already written out (a bulk stamps every race's events with one). Each entry is built
 * with the same few fields in the same order, which is what keeps this cheap on the ingest path.
 */
export function stampAt(drafts: readonly EventDraft[], actor: Actor, at: string): EventEntry[] {
  const out = new Array<EventEntry>(drafts.length);
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    out[i] = (d.raceId === undefined ? { type: d.type, data: d.data, actor, at } : { type: d.type, raceId: d.raceId, data: d.data, actor, at }) as EventEntry;
  }
  return out;
}

/**
 * Commit ids: a count and this store's random suffix, unique without asking the system for randomness each time
 * (the count first, so that two ids of one store differ from their first characters).
 */
function commitIds(): () => string {
  const suffix = randomBytes(12).toString('base64url');
  let n = 0;
  return () => `${(++n).toString(36)}.${suffix}`;
}

export interface StoreOptions {
  clock: Clock;
  /** How long one store operation may take before it is answered as unavailable. @default 2000 */
  timeoutMs?: number;
  /** Compare-and-set attempts before giving up under contention. @default 50 */
  maxAttempts?: number;
  /** A new commit id, one per logical commit (each compare-and-set attempt is one). @default a count and a random suffix */
  commitId?: () => string;
}

/** How long a commit whose send failed waits before it is sent again (same commit id), within the deadline. */
const RESEND_DELAY_MS = 100;

export const alertIdFor = (leadChangeId: string) => `alert.${leadChangeId}`;

/**
 * The store every other part of the server talks to: the pure domain run inside the backend's
 * compare-and-set, retried when another writer got there first. Any failure to reach the backend is an
 * `UnavailableError`, raised within `timeoutMs`, never a hang.
 */
export class Store {
  readonly kind: Backend['kind'];
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;

  constructor(
    private readonly backend: Backend,
    private readonly opts: StoreOptions,
  ) {
    this.kind = backend.kind;
    this.timeoutMs = opts.timeoutMs ?? 2_000;
    this.maxAttempts = opts.maxAttempts ?? 50;
    this.newCommitId = opts.commitId ?? commitIds();
  }

  private readonly newCommitId: () => string;

  getRace = (id: string) => this.guard(() => this.backend.readRace(id));
  listRaces = () => this.guard(() => this.backend.listRaces());
  listLeadChanges = (raceId?: string) => this.guard(() => this.backend.listLeadChanges(raceId));
  getLeadChange = (id: string) => this.guard(() => this.backend.readLeadChange(id));
  getGraphics = () => this.guard(() => this.backend.readGraphics());
  listAlerts = () => this.guard(() => this.backend.listAlerts());
  getAlert = (id: string) => this.guard(() => this.backend.readAlert(id));
  ping = () => this.guard(() => this.backend.ping());
  readEvents = (q: EventRead): Promise<EventPageResult> => this.guard(() => this.backend.readEvents(q));
  /** A feed's status, written by the feed itself; the log records its state changes. */
  writeFeedStatus = (status: FeedStatus) => {
    const entry = this.entry({ type: 'feed', data: { feed: status.id, state: status.state, lastError: status.lastError } }, feedActor(status.id));
    return this.guard(() => this.backend.writeFeedStatus(status, entry));
  };
  listFeedStatus = () => this.guard(() => this.backend.listFeedStatus());
  /** A producer's pause, resume or poll of a feed, logged as `action` when given. */
  writeFeedControl = (id: string, control: FeedControl, action?: 'pause' | 'resume' | 'poll', actor: Actor = SYSTEM_ACTOR) => {
    const entry = action ? this.entry({ type: 'feed', data: { feed: id, action } }, actor) : undefined;
    return this.guard(() => this.backend.writeFeedControl(id, control, entry));
  };

  /**
   * Logs batches the ingest refused (nothing else changes). The same actor refusing the same race again for the
   * same reason and asOf is counted as a repeat of the event already logged, not logged again.
   */
  logRefusals(refusals: readonly Refusal[], actor: Actor): Promise<void> {
    if (refusals.length === 0) return Promise.resolve();
    const who = actorKey(actor);
    const entries = refusals.map((r) => ({ key: refusalKey(who, r), entry: this.entry(refusalEvent(r), actor) }));
    return this.commit(() => this.backend.logRefusals(entries));
  }

  private entry(draft: EventDraft, actor: Actor): EventEntry {
    return stamp([draft], actor, this.opts.clock.now())[0]!;
  }
  readFeedControls = () => this.guard(() => this.backend.readFeedControls());
  claimLock = (name: string, owner: string, ttlMs: number) => this.guard(() => this.backend.claimLock(name, owner, ttlMs));
  releaseLock = (name: string, owner: string) => this.guard(() => this.backend.releaseLock(name, owner));
  /** This instance's overlay pages (a heartbeat that lapses after `ttlMs`; null: gone). */
  writePresence = (instanceId: string, pages: Tally | null, ttlMs: number) => this.guard(() => this.backend.writePresence(instanceId, pages, ttlMs));
  /** Every live instance's overlay pages. */
  readPresence = () => this.guard(() => this.backend.readPresence());
  subscribe = (listener: ChangeListener) => this.backend.subscribe(listener);
  close = () => this.backend.close();

  /** Defines or redefines a race; `actor` is who, for the log. */
  defineRace(def: RaceDefinition, actor: Actor = SYSTEM_ACTOR): Promise<DefinitionOutcome> {
    return this.retry(async () => {
      const existing = await this.guard(() => this.backend.readRace(def.id));
      const now = this.opts.clock.now();
      const outcome = applyDefinition(existing, def, now);
      if (outcome.kind !== 'created' && outcome.kind !== 'updated') return outcome;
      const log = stamp([definitionEvent(outcome.record, outcome.kind === 'created')], actor, now);
      const commit = { record: outcome.record, expectedRevision: existing?.revision ?? null, log, commitId: this.newCommitId() };
      const ok = await this.commit(() => this.backend.commitRace(commit));
      return ok ? outcome : undefined;
    });
  }

  /** What a batch would do to the race as stored now, storing nothing (a dry run). */
  async previewBatch(raceId: string, batch: ResultBatch): Promise<BatchOutcome | { kind: 'not_found' }> {
    const record = await this.guard(() => this.backend.readRace(raceId));
    if (!record) return { kind: 'not_found' };
    return applyBatch(record, batch, this.opts.clock.now());
  }

  /** Applies one batch atomically; `not_found` when the race is not defined. */
  async applyBatch(raceId: string, batch: ResultBatch, actor: Actor = SYSTEM_ACTOR): Promise<BatchOutcome | { kind: 'not_found' }> {
    const [outcome] = await this.applyBatches([{ raceId, batch }], actor);
    if (outcome!.kind === 'unavailable') throw outcome!.error;
    return outcome!;
  }

  /**
   * Applies many batches, with the outcome of each as if each had been applied on its own in request order.
   * Every race they touch is read in one round trip, each race's batches apply in turn to its evolving
   * record in memory, the changed races are committed in one round trip (one compare-and-set per race,
   * carrying all its lead changes and alerts, so it is pushed once), and only the races that lost their
   * compare-and-set to another writer are read and applied again. Items the store could not do, because it
   * went away or stayed contended, are `unavailable`; the others keep their outcome. Each commit writes its
   * events (batches, resets, lead changes, alerts) with `actor` as who; refusals are logged by the caller.
   */
  async applyBatches(items: readonly BulkBatch[], actor: Actor = SYSTEM_ACTOR): Promise<BulkOutcome[]> {
    const outcomes: BulkOutcome[] = new Array<BulkOutcome>(items.length);
    const settle = (g: RaceItems, list: readonly BulkOutcome[]) => g.indexes.forEach((i, k) => (outcomes[i] = list[k]!));
    const fail = (groups: readonly RaceItems[], error: UnavailableError) => {
      for (const g of groups) for (const i of g.indexes) outcomes[i] = { kind: 'unavailable', error };
    };
    let pending = byRace(items);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === this.maxAttempts) {
        fail(pending, new UnavailableError(new Error(`gave up after ${this.maxAttempts} contended attempts`)));
        break;
      }
      const ids = pending.map((g) => g.raceId);
      const records = await this.unlessUnavailable(() => this.guard(() => this.backend.readRaces(ids)));
      if (records instanceof UnavailableError) {
        fail(pending, records);
        break;
      }
      const now = this.opts.clock.now();
      const at = now.toISOString();
      const found: { g: RaceItems; record: RaceRecord }[] = [];
      pending.forEach((g, i) => {
        const record = records[i];
        if (record) found.push({ g, record });
        else settle(g, g.batches.map(() => ({ kind: 'not_found' as const })));
      });
      // A reset dismisses the race's stored pending alerts in its commit: read them once, first, if any race may
      // reset (a batch of the other mode), so that planning can run while the commits are on their way.
      const mayReset = ({ g, record }: (typeof found)[number]) => g.batches.some((b) => (b.test ?? false) !== (record.test ?? false));
      let alerts: Alert[] = [];
      if (found.some(mayReset)) {
        const read = await this.unlessUnavailable(() => this.guard(() => this.backend.listAlerts()));
        if (read instanceof UnavailableError) {
          fail(found.filter(mayReset).map((f) => f.g), read);
          found.splice(0, found.length, ...found.filter((f) => !mayReset(f)));
        } else alerts = read;
      }
      const plans: { g: RaceItems; plan: RacePlan }[] = [];
      const newCommitId = this.newCommitId;
      let open = true;
      /** Each race planned as the backend takes its commit, so the first commits travel while the rest are planned. */
      function* commits() {
        for (const { g, record } of found) {
          if (!open) return;
          const plan = planRace(record, g.batches, now, newAlert);
          if (!plan.commit) {
            settle(g, plan.outcomes);
            continue;
          }
          plan.commit.log = stampAt(plan.log, actor, at);
          plan.commit.commitId = newCommitId();
          if (plan.reset) {
            plan.commit.dismiss = pendingDismissed(alerts, g.raceId, now);
            plan.commit.dismissLog = stampAt(plan.commit.dismiss.map(alertEvent), actor, at);
          }
          plans.push({ g, plan });
          yield plan.commit;
        }
      }
      // Not re-sent as a whole (the plans are made as they go): each race commit whose send failed is re-sent on its
      // own, the same commit with the same commit id, within the deadline (see `commit`).
      const until = Date.now() + this.timeoutMs - RESEND_DELAY_MS;
      const results = await this.unlessUnavailable(() => this.commit(() => this.backend.commitRaces(commits()), false));
      if (results instanceof UnavailableError) {
        open = false;
        // Races whose items were all refused stay answered; the rest were not done.
        fail(found.map((f) => f.g).filter((g) => outcomes[g.indexes[0]!] === undefined), results);
        break;
      }
      pending = [];
      const resends: Promise<void>[] = [];
      results.forEach((r, i) => {
        const { g, plan } = plans[i]!;
        if (r.ok) settle(g, plan.outcomes);
        else if (r.error === undefined) pending.push(g); // another writer got there first: read and apply again
        else if (!resendable(r.error)) fail([g], this.asUnavailable(r.error));
        else {
          const commit = plan.commit!;
          const resent = this.resending(() => this.backend.commitRace(commit), until, r.error).then(
            (ok) => void (ok === false ? pending.push(g) : settle(g, plan.outcomes)),
            (err: unknown) => fail([g], err instanceof UnavailableError ? err : this.asUnavailable(err)),
          );
          resends.push(resent);
        }
      });
      await Promise.all(resends);
    }
    return outcomes;
  }

  /** Runs a store operation; an outage comes back as its error instead of being thrown. */
  private async unlessUnavailable<T>(op: () => Promise<T>): Promise<T | UnavailableError> {
    try {
      return await op();
    } catch (err) {
      if (err instanceof UnavailableError) return err;
      throw err;
    }
  }

  /** A backend failure as `guard` reports it: corrupt data is not an outage. */
  private asUnavailable(err: unknown): UnavailableError {
    if (err instanceof AppError || err instanceof ZodError) throw err;
    return new UnavailableError(err, err instanceof NotReplicatedError);
  }

  /**
   * Starts a race afresh (counts, ordering, lead-change baseline, call), in `test` mode or not (default: the
   * mode it is in), dismissing its pending alerts in the same commit.
   */
  resetRace(raceId: string, test?: boolean, actor: Actor = SYSTEM_ACTOR): Promise<{ kind: 'reset'; record: RaceRecord } | { kind: 'not_found' }> {
    return this.retry(async () => {
      const record = await this.guard(() => this.backend.readRace(raceId));
      if (!record) return { kind: 'not_found' as const };
      const now = this.opts.clock.now();
      const next = resetRecord(record, test ?? record.test ?? false, now);
      const dismiss = await this.pendingAlertsDismissed(raceId, now);
      const log = stamp([resetEvent(raceId, next.test ?? false, next.revision)], actor, now);
      const dismissLog = stamp(dismiss.map(alertEvent), actor, now);
      const commit = { record: next, expectedRevision: record.revision, dismiss, log, dismissLog, commitId: this.newCommitId() };
      const ok = await this.commit(() => this.backend.commitRace(commit));
      return ok ? { kind: 'reset' as const, record: next } : undefined;
    });
  }

  /** A race's pending alerts, as they read once dismissed. */
  private async pendingAlertsDismissed(raceId: string, now: Date): Promise<Alert[]> {
    return pendingDismissed(await this.guard(() => this.backend.listAlerts()), raceId, now);
  }

  /**
   * Changes a race's call with a pure function (`shared/domain/calls.ts`): the record, the call alert it raises and
   * the pending call alerts it dismisses commit together, retried on contention.
   */
  changeCall(
    raceId: string,
    change: (record: RaceRecord, now: Date) => CallChange,
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<CallChange | { kind: 'race_not_found' }> {
    return this.retry(async () => {
      const record = await this.guard(() => this.backend.readRace(raceId));
      if (!record) return { kind: 'race_not_found' as const };
      const now = this.opts.clock.now();
      const out = change(record, now);
      if (out.kind !== 'changed') return out;
      const dismiss = out.dismissAlertsOf
        ? pendingDismissed(await this.guard(() => this.backend.listAlerts()), raceId, now).filter((a) => a.kind === out.dismissAlertsOf)
        : [];
      const alerts = out.alert ? [out.alert] : [];
      const log = stamp([...callEvents(record, out), ...alerts.map(alertEvent)], actor, now);
      const dismissLog = stamp(dismiss.map(alertEvent), actor, now);
      const commit = { record: out.record, expectedRevision: record.revision, alerts, dismiss, log, dismissLog, commitId: this.newCommitId() };
      return (await this.commit(() => this.backend.commitRace(commit))) ? out : undefined;
    });
  }

  /**
   * Changes the graphics state with a pure function, retried on contention. What it throws passes through. The
   * change is logged as `what` (the action and layer) by `actor`, with both channels after it; `logOf`, when given,
   * says instead what the change logs (a rundown's events, say) from the states before and after it.
   */
  updateGraphics(
    change: (s: GraphicsState) => GraphicsState,
    what: GraphicsAction = { action: 'set' },
    actor: Actor = SYSTEM_ACTOR,
    logOf?: (next: GraphicsState, current: GraphicsState) => readonly EventDraft[],
  ): Promise<GraphicsState> {
    return this.retry(async () => {
      const current = await this.guard(() => this.backend.readGraphics());
      const next = change(current);
      if (next === current) return current;
      const log = stamp(logOf ? logOf(next, current) : [graphicsEvent(next, what)], actor, this.opts.clock.now());
      const commitId = this.newCommitId();
      return (await this.commit(() => this.backend.commitGraphics(next, current.revision, log, commitId))) ? next : undefined;
    });
  }

  /** Moves an alert to a new status; null when it does not exist. `change` may throw to refuse. */
  updateAlert(id: string, change: (a: Alert) => Alert, actor: Actor = SYSTEM_ACTOR): Promise<Alert | null> {
    return this.retry(async () => {
      const current = await this.guard(() => this.backend.readAlert(id));
      if (!current) return null;
      const next = change(current);
      const log = next.status === current.status ? [] : stamp([alertEvent(next)], actor, this.opts.clock.now());
      const commitId = this.newCommitId();
      return (await this.commit(() => this.backend.commitAlert(next, current.status, log, commitId))) ? next : undefined;
    });
  }

  readDoc = (collection: string, id: string) => this.guard(() => this.backend.readDoc(collection, id));
  listDocs = (collection: string) => this.guard(() => this.backend.listDocs(collection));

  /**
   * Changes one document with a pure function of what is stored (null: none), retried on contention: it answers the
   * new value (null deletes) and the events to log with it, or `undefined` to change nothing. What it throws passes
   * through. Answers the document as it now stands (null: none).
   */
  updateDoc<T>(
    collection: string,
    id: string,
    change: (current: T | null, now: Date) => { value: T | null; log?: readonly EventDraft[] } | undefined,
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<StoredDoc | null> {
    return this.retry(async () => {
      const current = await this.guard(() => this.backend.readDoc(collection, id));
      const now = this.opts.clock.now();
      const out = change((current?.value ?? null) as T | null, now);
      if (out === undefined || (out.value === null && current === null)) return current ?? null;
      const doc: StoredDoc = { collection, id, revision: (current?.revision ?? 0) + 1, value: out.value };
      const log = stamp(out.log ?? [], actor, now);
      const commitId = this.newCommitId();
      const ok = await this.commit(() => this.backend.commitDoc(doc, current?.revision ?? 0, log, commitId));
      return ok ? (out.value === null ? null : doc) : undefined;
    });
  }

  /** Stores an asset (replacing one of the same name), logged by `log`. */
  writeAsset(meta: AssetMeta, bytes: Buffer, log: readonly EventDraft[] = [], actor: Actor = SYSTEM_ACTOR): Promise<void> {
    const entries = stamp(log, actor, this.opts.clock.now());
    return this.commit(() => this.backend.writeAsset(meta, bytes, entries));
  }
  readAsset = (name: string) => this.guard(() => this.backend.readAsset(name));
  listAssets = () => this.guard(() => this.backend.listAssets());

  /** Writes a whole race record as it is (for restores and tests of stored state); nothing is logged. */
  putRace(record: RaceRecord, expectedRevision: number | null) {
    const commit = { record, expectedRevision, commitId: this.newCommitId() };
    return this.commit(() => this.backend.commitRace(commit));
  }

  /** Runs an attempt until it commits (returns a value) or loses too many races to other writers. */
  private async retry<T>(attempt: () => Promise<T | undefined>): Promise<T> {
    for (let i = 0; i < this.maxAttempts; i++) {
      const result = await attempt();
      if (result !== undefined) return result;
    }
    throw new UnavailableError(new Error(`gave up after ${this.maxAttempts} contended attempts`));
  }

  /**
   * A write. A write sent but not answered in time may still land (it cannot be recalled), so that case
   * says the outcome is unknown instead of "nothing was changed"; so does one that not enough replicas
   * confirmed. With `resend`, a send that failed (the connection dropped under it, a failover) is sent again,
   * the same commit with the same commit id, until the deadline: if the first send landed, the script answers
   * "already applied" and nothing applies twice.
   */
  private commit<T>(op: () => Promise<T>, resend = true): Promise<T> {
    if (!resend) return this.guard(op, true);
    return this.resending(op, Date.now() + this.timeoutMs - RESEND_DELAY_MS);
  }

  /**
   * Sends a commit until it is answered or `until` passes, waiting a little between sends; `failed`: the error of a
   * first send already made (a commit of a pipelined group), so this one starts with the wait.
   */
  private resending<T>(op: () => Promise<T>, until: number, ...failed: [unknown?]): Promise<T> {
    let expired = false;
    let last: { error: unknown } | null = failed.length > 0 ? { error: failed[0] } : null;
    /** Some send failed after it may have reached Redis: giving up, the outcome is unknown. */
    let maybeSent = last !== null && !neverSent(last.error);
    return this.guard(async () => {
      for (;;) {
        if (last) {
          if (expired || Date.now() >= until) throw maybeSent ? new UnavailableError(last.error, true) : last.error;
          await new Promise((r) => setTimeout(r, RESEND_DELAY_MS));
        }
        try {
          return await op();
        } catch (err) {
          if (!resendable(err)) throw err;
          maybeSent ||= !neverSent(err);
          last = { error: err };
        }
      }
    }, true).finally(() => (expired = true));
  }

  private async guard<T>(op: () => Promise<T>, isCommit = false): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      // Given up one turn of the event loop late: after a stall of the whole process (a starved CPU), timers run
      // before the sockets are read, so a reply that arrived in time is read first rather than answered as an outage.
      timer = setTimeout(() => setImmediate(() => reject(new StoreDeadline(this.timeoutMs))), this.timeoutMs);
    });
    try {
      return await Promise.race([op(), timeout]);
    } catch (err) {
      // Corrupt data is not an outage; everything else from the backend is.
      if (err instanceof AppError || err instanceof ZodError) throw err;
      throw new UnavailableError(err, isCommit && (err instanceof StoreDeadline || err instanceof NotReplicatedError));
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A failed send that may be sent again: not corrupt data, not a commit that landed but was not replicated. */
const resendable = (err: unknown) => !(err instanceof AppError || err instanceof ZodError || err instanceof NotReplicatedError);

/** The store did not answer within its deadline. */
class StoreDeadline extends Error {
  constructor(ms: number) {
    super(`the store did not answer within ${ms} ms`);
  }
}

/** A race's pending alerts among `alerts`, as they read once dismissed. */
function pendingDismissed(alerts: readonly Alert[], raceId: string, now: Date): Alert[] {
  const at = now.toISOString();
  return alerts.filter((a) => a.raceId === raceId && a.status === 'pending').map((a) => ({ ...a, status: 'dismissed' as const, updatedAt: at }));
}

function newAlert(lc: LeadChange, now: Date): Alert {
  const at = now.toISOString();
  return {
    id: alertIdFor(lc.id),
    kind: 'leadChange',
    leadChangeId: lc.id,
    raceId: lc.raceId,
    status: 'pending',
    createdAt: at,
    updatedAt: at,
    ...(lc.test ? { test: true } : {}),
  };
}
