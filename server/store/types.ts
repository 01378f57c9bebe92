import type { Alert, EventEntry, FeedStatus, GraphicsState, LeadChange, RaceRecord, Tally } from '../../shared/index.js';
import type { EventPageResult, EventRead, RefusalEntry } from './eventLog.js';

/** What producers set on a feed, on any instance; the instance polling it follows. */
export interface FeedControl {
  paused: boolean;
  /** The id of the last "poll now" asked for; the poller answers each new one once. */
  pollRequest: string | null;
}

/**
 * A document of a small collection kept with the rest of the state (rundowns and their runs, the theme): any JSON,
 * with a revision that each write raises by one. `value` null: deleted (or never written).
 */
export interface StoredDoc {
  collection: string;
  id: string;
  revision: number;
  value: unknown;
}

/** What the store keeps of an uploaded asset beside its bytes. */
export interface AssetMeta {
  name: string;
  contentType: string;
  size: number;
  /** Hex SHA-256 of the bytes: overlays reload an asset whose hash changed. */
  sha256: string;
  updatedAt: string;
}

/** Everything a store change tells the rest of the server; published after the write commits. */
export type StoreChange =
  | { type: 'race'; record: RaceRecord }
  | { type: 'leadChange'; leadChange: LeadChange }
  | { type: 'alert'; alert: Alert }
  | { type: 'graphics'; state: GraphicsState }
  | { type: 'feed'; status: FeedStatus }
  | { type: 'feedControl'; id: string; control: FeedControl }
  | { type: 'doc'; doc: StoredDoc }
  | { type: 'asset'; asset: AssetMeta }
  /** Changes may have been missed (the change stream reconnected): re-read the store. */
  | { type: 'resync' };

export type ChangeListener = (change: StoreChange) => void;

/**
 * A race write: the new record, and everything it detected on the way from the revision read (one batch, or
 * several of one bulk applied in turn), committed together or not at all.
 */
export interface RaceCommit {
  record: RaceRecord;
  /** The revision the record had when it was read; null when the race did not exist. */
  expectedRevision: number | null;
  /** Lead changes detected, oldest first. */
  leadChanges?: LeadChange[];
  /** Alerts created with them (an alert already dismissed by a later reset of the same commit is written so). */
  alerts?: Alert[];
  /** Alerts to dismiss with it, each only if still pending (a reset dismisses the old mode's alerts). */
  dismiss?: Alert[];
  /** The events the commit writes to the log, in order, in the same atomic step (none: nothing logged). */
  log?: EventEntry[];
  /** One event per alert of `dismiss`, written only with the dismissal itself (an alert no longer pending: neither). */
  dismissLog?: EventEntry[];
  /** This logical commit's id: sent again (after a failover, say), it is answered `already_applied`. */
  commitId?: string;
}

/**
 * A commit's answer: stored (true), lost its compare-and-set (false), or stored before under the same commit id
 * (a re-send), which counts as stored.
 */
export type Committed = boolean | 'already_applied';

/** What became of one commit of a pipelined group: stored, lost its compare-and-set, or failed. */
export interface CommitResult {
  ok: boolean;
  /** Set when the commit failed (the backend could not be reached) rather than lost its compare-and-set. */
  error?: unknown;
}

/**
 * The system of record. Each commit is a compare-and-set: it succeeds only when the stored revision (or
 * status) is still the one the caller read, so two writers never overwrite each other. Every successful
 * commit publishes its changes to every subscriber of every instance sharing the store, in commit order.
 */
export interface Backend {
  readonly kind: 'memory' | 'redis';
  readRace(id: string): Promise<RaceRecord | null>;
  listRaces(): Promise<RaceRecord[]>;
  /** Several races in one round trip (where the backend has round trips); a missing race reads as null. */
  readRaces(ids: readonly string[]): Promise<(RaceRecord | null)[]>;
  commitRace(commit: RaceCommit): Promise<Committed>;
  /**
   * Several race commits in one round trip, each its own compare-and-set, answered in the order taken. One
   * that fails says so in its result rather than failing the others. `commits` may be lazy: the backend takes
   * them as it sends them.
   */
  commitRaces(commits: Iterable<RaceCommit>): Promise<CommitResult[]>;
  listLeadChanges(raceId?: string): Promise<LeadChange[]>;
  readLeadChange(id: string): Promise<LeadChange | null>;
  readGraphics(): Promise<GraphicsState>;
  /** `log`: the events written with it, in the same atomic step. */
  commitGraphics(state: GraphicsState, expectedRevision: number, log?: EventEntry[], commitId?: string): Promise<Committed>;
  listAlerts(): Promise<Alert[]>;
  readAlert(id: string): Promise<Alert | null>;
  /** Writes an alert if its stored status is still `expectedStatus`. */
  commitAlert(alert: Alert, expectedStatus: Alert['status'], log?: EventEntry[], commitId?: string): Promise<Committed>;
  /**
   * Feeds' status, written by the instance polling each feed, read by every instance. `log` is written with it
   * only when the stored status was in another state (or there was none): the log records state changes.
   */
  writeFeedStatus(status: FeedStatus, log?: EventEntry): Promise<void>;
  listFeedStatus(): Promise<FeedStatus[]>;
  writeFeedControl(id: string, control: FeedControl, log?: EventEntry): Promise<void>;
  /** Logs refused batches; one that repeats the same key's last refusal is counted instead (`repeats`). */
  logRefusals(refusals: readonly RefusalEntry[]): Promise<void>;
  /** A page of the event log, oldest first, in one round trip. */
  readEvents(q: EventRead): Promise<EventPageResult>;
  readFeedControls(): Promise<Record<string, FeedControl>>;
  /** Takes or renews a lock for `owner` for `ttlMs`; true when `owner` holds it afterwards. */
  claimLock(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Lets go of a lock if `owner` holds it. */
  releaseLock(name: string, owner: string): Promise<void>;
  /**
   * This instance's overlay pages, a heartbeat that lapses after `ttlMs` unless written again (null: gone now);
   * `readPresence` answers every live instance's, so the tally sums them and a dead instance drops out.
   */
  writePresence(instanceId: string, pages: Tally | null, ttlMs: number): Promise<void>;
  readPresence(): Promise<Tally[]>;
  readDoc(collection: string, id: string): Promise<StoredDoc | null>;
  /** Every document of a collection (deleted ones are gone), in no promised order. */
  listDocs(collection: string): Promise<StoredDoc[]>;
  /**
   * Writes `doc` (or deletes it, `value` null) if the stored revision is still `expectedRevision` (0: none stored),
   * with `log` in the same atomic step; published as a `doc` change.
   */
  commitDoc(doc: StoredDoc, expectedRevision: number, log?: EventEntry[], commitId?: string): Promise<Committed>;
  /** Stores an asset's bytes and description (replacing one of the same name), then publishes an `asset` change. */
  writeAsset(meta: AssetMeta, bytes: Buffer, log?: EventEntry[]): Promise<void>;
  readAsset(name: string): Promise<{ meta: AssetMeta; bytes: Buffer } | null>;
  listAssets(): Promise<AssetMeta[]>;
  ping(): Promise<void>;
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
}
