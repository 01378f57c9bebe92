import { EventEmitter } from 'node:events';
import { EMPTY_GRAPHICS, type Alert, type EventEntry, type FeedStatus, type GraphicsState, type LeadChange, type RaceRecord, type Tally } from '../../shared/index.js';
import type { EventLogOptions, EventRead, RefusalEntry } from './eventLog.js';
import { deepFreeze } from './freeze.js';
import { MemoryEventLog } from './memoryLog.js';
import { NONE } from './none.js';
import type { AssetMeta, Backend, ChangeListener, CommitResult, Committed, FeedControl, RaceCommit, StoreChange, StoredDoc } from './types.js';

/**
 * The embedded store: one process, nothing persisted. Each commit checks and writes without yielding,
 * which is what makes it atomic. Races, lead changes and alerts (the ingest hot path) are frozen as they
 * come in and handed out as they are, so nobody can change what is stored but by a commit; the rest is
 * cloned in and out.
 */
export class MemoryBackend implements Backend {
  readonly kind = 'memory';
  private readonly races = new Map<string, RaceRecord>();
  private readonly leadChanges = new Map<string, LeadChange>();
  private readonly alerts = new Map<string, Alert>();
  private graphics: GraphicsState = EMPTY_GRAPHICS;
  private readonly events = new EventEmitter();
  private readonly feedStatus = new Map<string, FeedStatus>();
  private readonly feedControls = new Map<string, FeedControl>();
  private readonly locks = new Map<string, { owner: string; until: number }>();
  private readonly log: MemoryEventLog;
  /** Commit ids of documents already applied, as the Redis scripts keep them (nothing re-sends here, but the contract is one). */
  private readonly applied = new Set<string>();
  /**
   * The last commit ids that wrote each race, the graphics and each alert (`RECENT_COMMITS` of them). The
   * compare-and-set is what keeps a re-sent commit from applying twice (the first send moved the revision or
   * status on); the id only lets the answer say "already applied". A re-send comes within the store's deadline,
   * long before a key sees that many other commits, so a short list per key answers it, where remembering every
   * id of a night would cost each commit a lookup in an ever larger set.
   */
  private readonly recent = { race: new Map<string, Ring>(), alert: new Map<string, Ring>(), graphics: new Map<string, Ring>() };
  /** Documents by collection, then id. */
  private readonly docs = new Map<string, Map<string, StoredDoc>>();
  private readonly assets = new Map<string, { meta: AssetMeta; bytes: Buffer }>();
  private readonly presence = new Map<string, { pages: Tally; until: number }>();

  /** `events`: the event log's cap (and, for the bench only, whether to keep one). */
  constructor(opts: { events?: EventLogOptions } = {}) {
    this.log = new MemoryEventLog(opts.events);
  }

  async readRace(id: string) {
    return this.races.get(id) ?? null;
  }

  async readRaces(ids: readonly string[]) {
    return ids.map((id) => this.races.get(id) ?? null);
  }

  async listRaces() {
    return [...this.races.values()];
  }

  async commitRace(commit: RaceCommit) {
    return this.commitNow(commit);
  }

  async commitRaces(commits: Iterable<RaceCommit>): Promise<CommitResult[]> {
    return Array.from(commits, (c) => ({ ok: this.commitNow(c) !== false }));
  }

  /** `already_applied` when the id was seen; else whether `applies` says the commit may go ahead (and records it). */
  private seen(commitId: string | undefined, applies: boolean): Committed {
    if (commitId !== undefined && this.applied.has(commitId)) return 'already_applied';
    if (applies && commitId !== undefined) this.applied.add(commitId);
    return applies;
  }

  /**
   * `seen` for a commit that writes `key` of `kind`. A commit whose compare-and-set holds (`applies`) cannot have
   * been applied before (it would have moved the revision or status on), so its id is only noted; one that fails
   * it is looked for among the key's recent commits: found, it is a re-send of one that landed.
   */
  private seenFor(kind: keyof MemoryBackend['recent'], key: string, commitId: string | undefined, applies: boolean): Committed {
    if (commitId === undefined) return applies;
    const recent = this.recent[kind];
    let ring = recent.get(key);
    if (!applies) return ring?.ids.includes(commitId) ? 'already_applied' : false;
    if (!ring) recent.set(key, (ring = { ids: [], next: 0 }));
    ring.ids[ring.next] = commitId;
    ring.next = (ring.next + 1) % RECENT_COMMITS;
    return true;
  }

  private commitNow({ record, expectedRevision, leadChanges = NONE, alerts = NONE, dismiss = NONE, log = NONE, dismissLog = NONE, commitId }: RaceCommit): Committed {
    const stored = this.races.get(record.definition.id);
    const answer = this.seenFor('race', record.definition.id, commitId, (stored?.revision ?? null) === expectedRevision);
    if (answer !== true) return answer;
    this.races.set(record.definition.id, deepFreeze(record));
    for (const lc of leadChanges) this.leadChanges.set(lc.id, deepFreeze(lc));
    for (const a of alerts) this.alerts.set(a.id, deepFreeze(a));
    // A dismissal (and its event) applies only to an alert still pending.
    const dismissed = dismiss.length === 0 ? NONE : dismiss.filter((a) => this.alerts.get(a.id)?.status === 'pending');
    this.log.append(log);
    if (dismissed.length > 0) {
      this.log.append(dismissLog.filter((_, i) => dismissed.includes(dismiss[i]!)));
      for (const a of dismissed) this.alerts.set(a.id, deepFreeze(a));
    }
    this.emit({ type: 'race', record });
    for (const leadChange of leadChanges) this.emit({ type: 'leadChange', leadChange });
    for (const alert of alerts) this.emit({ type: 'alert', alert });
    for (const alert of dismissed) this.emit({ type: 'alert', alert });
    return true;
  }

  async listLeadChanges(raceId?: string) {
    return [...this.leadChanges.values()].filter((lc) => raceId === undefined || lc.raceId === raceId);
  }

  async readLeadChange(id: string) {
    return this.leadChanges.get(id) ?? null;
  }

  async readGraphics() {
    return clone(this.graphics);
  }

  async commitGraphics(state: GraphicsState, expectedRevision: number, log: EventEntry[] = [], commitId?: string) {
    const answer = this.seenFor('graphics', '', commitId, this.graphics.revision === expectedRevision);
    if (answer !== true) return answer;
    this.graphics = clone(state);
    this.log.append(clone(log));
    this.publish({ type: 'graphics', state });
    return true;
  }

  async listAlerts() {
    return [...this.alerts.values()];
  }

  async readAlert(id: string) {
    return this.alerts.get(id) ?? null;
  }

  async commitAlert(alert: Alert, expectedStatus: Alert['status'], log: EventEntry[] = [], commitId?: string) {
    const answer = this.seenFor('alert', alert.id, commitId, this.alerts.get(alert.id)?.status === expectedStatus);
    if (answer !== true) return answer;
    this.alerts.set(alert.id, deepFreeze(alert));
    this.log.append(log);
    this.emit({ type: 'alert', alert });
    return true;
  }

  async writeFeedStatus(status: FeedStatus, log?: EventEntry) {
    if (log && this.feedStatus.get(status.id)?.state !== status.state) this.log.append([clone(log)]);
    this.feedStatus.set(status.id, clone(status));
    this.publish({ type: 'feed', status });
  }

  async listFeedStatus() {
    return clone([...this.feedStatus.values()]);
  }

  async writeFeedControl(id: string, control: FeedControl, log?: EventEntry) {
    this.feedControls.set(id, clone(control));
    if (log) this.log.append([clone(log)]);
    this.publish({ type: 'feedControl', id, control });
  }

  async readFeedControls() {
    return clone(Object.fromEntries(this.feedControls));
  }

  async claimLock(name: string, owner: string, ttlMs: number) {
    const held = this.locks.get(name);
    if (held && held.owner !== owner && held.until > Date.now()) return false;
    this.locks.set(name, { owner, until: Date.now() + ttlMs });
    return true;
  }

  async releaseLock(name: string, owner: string) {
    if (this.locks.get(name)?.owner === owner) this.locks.delete(name);
  }

  async logRefusals(refusals: readonly RefusalEntry[]) {
    this.log.refuse(clone(refusals));
  }

  async readEvents(q: EventRead) {
    return this.log.read(q);
  }

  async writePresence(instanceId: string, pages: Tally | null, ttlMs: number) {
    if (pages) this.presence.set(instanceId, { pages: { ...pages }, until: Date.now() + ttlMs });
    else this.presence.delete(instanceId);
  }

  async readPresence() {
    const now = Date.now();
    for (const [id, p] of this.presence) if (p.until <= now) this.presence.delete(id);
    return [...this.presence.values()].map((p) => ({ ...p.pages }));
  }

  async readDoc(collection: string, id: string) {
    const doc = this.docs.get(collection)?.get(id);
    return doc ? clone(doc) : null;
  }

  async listDocs(collection: string) {
    return clone([...(this.docs.get(collection)?.values() ?? [])]);
  }

  async commitDoc(doc: StoredDoc, expectedRevision: number, log: EventEntry[] = [], commitId?: string) {
    let docs = this.docs.get(doc.collection);
    const answer = this.seen(commitId, (docs?.get(doc.id)?.revision ?? 0) === expectedRevision);
    if (answer !== true) return answer;
    if (!docs) this.docs.set(doc.collection, (docs = new Map()));
    if (doc.value === null) docs.delete(doc.id);
    else docs.set(doc.id, clone(doc));
    this.log.append(clone(log));
    this.publish({ type: 'doc', doc });
    return true;
  }

  async writeAsset(meta: AssetMeta, bytes: Buffer, log: EventEntry[] = []) {
    this.assets.set(meta.name, { meta: clone(meta), bytes: Buffer.from(bytes) });
    this.log.append(clone(log));
    this.publish({ type: 'asset', asset: meta });
  }

  async readAsset(name: string) {
    const a = this.assets.get(name);
    return a ? { meta: clone(a.meta), bytes: Buffer.from(a.bytes) } : null;
  }

  async listAssets() {
    return [...this.assets.values()].map((a) => clone(a.meta));
  }

  async ping() {}

  subscribe(listener: ChangeListener) {
    this.events.on('change', listener);
    return () => void this.events.off('change', listener);
  }

  async close() {
    this.events.removeAllListeners();
  }

  private publish(change: StoreChange) {
    this.events.emit('change', clone(change));
  }

  /** A change whose values are frozen already: listeners share them. */
  private emit(change: StoreChange) {
    this.events.emit('change', change);
  }
}

const clone = <T>(value: T): T => structuredClone(value);

/** How many commit ids are remembered per race, alert and the graphics. */
const RECENT_COMMITS = 16;

/** A key's last commit ids, overwritten in turn from `next`. */
interface Ring {
  ids: string[];
  next: number;
}
