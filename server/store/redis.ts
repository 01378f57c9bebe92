import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { RESP_TYPES, type RedisClientType } from 'redis';
import {
  Alert,
  EMPTY_GRAPHICS,
  type EventEntry,
  FeedStatus,
  GraphicsState,
  LeadChange,
  RaceRecord,
  type RaceRecord as RaceRecordT,
  type Tally,
} from '../../shared/index.js';
import type { Logger } from '../logger.js';
import { openRedis, type RedisLink, type RedisTarget } from './connection.js';
import { deepFreeze } from './freeze.js';
import { decodeEvent, encodeEvent } from './eventCodec.js';
import { DEFAULT_EVENTS_MAX, FILTER_SCAN_LIMIT, type EventLogOptions, type EventPageResult, type EventRead, type RefusalEntry } from './eventLog.js';
import {
  CLAIM_LOCK,
  COMMIT_ALERT,
  COMMIT_DOC,
  COMMIT_GRAPHICS,
  COMMIT_RACE,
  LOG_REFUSALS,
  READ_EVENTS,
  READ_PRESENCE,
  READ_RACES,
  RELEASE_LOCK,
  WRITE_ASSET,
  WRITE_FEED_STATUS,
  WRITE_LOG_AND_PUBLISH,
  WRITE_PRESENCE,
} from './lua.js';
import { commitRaceCall, pushEvents } from './raceScript.js';
import { ReplicaWait } from './replicas.js';
import { keyNames } from './redisKeys.js';
import { scriptRunner } from './scripts.js';
import type { AssetMeta, Backend, ChangeListener, CommitResult, Committed, FeedControl, RaceCommit, StoreChange, StoredDoc } from './types.js';

export interface RedisBackendOptions {
  /** One Redis server (`REDIS_URL`); or give `target`. */
  url?: string;
  /** Where Redis is: a URL or a Sentinel group (`REDIS_SENTINELS`, `REDIS_SENTINEL_MASTER`). */
  target?: RedisTarget;
  /**
   * Replicas that must have a commit before it is acknowledged (`LEADWIRE_REDIS_MIN_REPLICAS`): after each commit,
   * `WAIT` on a connection of its own; not confirmed within `replicaTimeoutMs`, the commit fails as
   * `NotReplicatedError` (answered 503, outcome unknown). @default 0 (no waiting)
   */
  minReplicas?: number;
  /** How long `WAIT` may take. @default 1000 */
  replicaTimeoutMs?: number;
  /** Key prefix, so several LeadWire installations can share one Redis. @default "lw:" */
  prefix?: string;
  logger: Logger;
  /** The event log (a stream, `<prefix>events`): its cap and, for the bench only, whether to keep one. */
  events?: EventLogOptions;
}

/**
 * Redis as the system of record. Records are JSON in hashes beside their revision; writes are Lua
 * compare-and-set scripts that also publish the change on one channel, which every instance subscribes to.
 * The client fails commands at once while disconnected (no offline queue), so callers can answer 503.
 *
 * Two things spare the hot path work it would repeat: a race record read back as the very JSON this
 * instance last read or wrote is not parsed again, and a change this instance published is handed to its
 * listeners, when its message comes back on the channel (so still in commit order), as the object it
 * committed rather than parsed from the message. Other instances parse every message as before.
 */
export class RedisBackend implements Backend {
  readonly kind = 'redis';
  private readonly events = new EventEmitter();
  private readonly keys: ReturnType<typeof keyNames>;
  private readonly run: ReturnType<typeof scriptRunner>;
  /**
   * The client for race reads and commits, without node-redis's per-command timeout: the store's own
   * deadline covers every call, and a timer per pipelined command cost more than the command.
   */
  private readonly hot: RedisClientType;
  private readonly runHot: ReturnType<typeof scriptRunner>;
  /** Each race's record as last read or written here: its JSON, and the commit that wrote it ('' = unknown). */
  private readonly records = new Map<string, { json: string; record: RaceRecordT; tag: string }>();
  /** Changes this instance published whose message has not come back yet, by tag. */
  private readonly own = new Map<string, StoreChange>();
  private readonly tag = `${randomBytes(8).toString('hex')}:`;
  /** How this instance's messages begin. */
  private readonly ownStart = Buffer.from(`{"c":"${this.tag}`);
  private seq = 0;
  /** The stream's `MAXLEN ~` cap, as an argument. */
  private readonly maxlen: string;
  private readonly logging: boolean;

  private readonly client: RedisClientType;

  private constructor(
    private readonly main: RedisLink,
    private readonly subscriber: RedisLink,
    private readonly replicas: ReplicaWait | null,
    prefix: string,
    private readonly logger: Logger,
    events: EventLogOptions = {},
  ) {
    this.client = main.commands;
    this.keys = keyNames(prefix);
    this.maxlen = String(events.max ?? DEFAULT_EVENTS_MAX);
    this.logging = events.enabled ?? true;
    this.run = scriptRunner(this.client);
    this.hot = this.client.withCommandOptions({ timeout: 0 }) as unknown as RedisClientType;
    this.runHot = scriptRunner(this.hot);
  }

  static async connect(opts: RedisBackendOptions): Promise<RedisBackend> {
    const target: RedisTarget | undefined = opts.target ?? (opts.url ? { url: opts.url } : undefined);
    if (!target) throw new Error('RedisBackend: give a url or a target');
    const log = opts.logger.child({ component: 'redis' });
    let lastError = '';
    const main = await openRedis(target, {
      onError: (err) => {
        // Log each distinct failure once, not every reconnect attempt.
        if (err.message !== lastError) log.error({ err }, 'redis connection error');
        lastError = err.message;
      },
    });
    main.onRenewed(() => {
      if (lastError) log.info('redis connection restored');
      lastError = '';
    });
    // The main link reports connection trouble; the subscriber's only makes it check that it still hears the channel.
    let subscriberTrouble = (): void => {};
    const subscriber = await openRedis(target, { onError: () => subscriberTrouble() });
    const prefix = opts.prefix ?? 'lw:';
    const minReplicas = opts.minReplicas ?? 0;
    const replicas =
      minReplicas > 0 ? new ReplicaWait(await openRedis(target), minReplicas, opts.replicaTimeoutMs ?? 1_000, `${prefix}replicated`) : null;
    const backend = new RedisBackend(main, subscriber, replicas, prefix, opts.logger, opts.events);
    // Buffers, not strings: this instance's own messages are recognised by their first bytes, never decoded.
    await subscriber.commands.subscribe(backend.keys.channel, (message: Buffer) => backend.receive(message), true);
    // Messages published while the subscriber was away (or before a failover) are lost: listeners re-read the store.
    subscriber.onRenewed(() => backend.resync());
    // A Sentinel link renews its subscription after a dropped connection without a word (only a failover is
    // announced): after any trouble the backend publishes probes until it hears one, then re-reads.
    subscriberTrouble = () => void backend.confirmSubscription();
    return backend;
  }

  /** Messages may have been lost: listeners re-read the store. */
  private resync(): void {
    this.own.clear();
    this.events.emit('change', { type: 'resync' } satisfies StoreChange);
  }

  private closed = false;
  /** The probe being waited for: its id, and what to call when it is heard. */
  private probe: { id: string; heard: () => void } | null = null;

  /**
   * After trouble on the subscriber's connection: publishes a probe on the change channel every half second until
   * this instance hears one of its own (its subscription is live again), then re-reads, so what was published
   * while it was away reaches its clients. One check at a time; other instances ignore probes.
   */
  private async confirmSubscription(): Promise<void> {
    if (this.probe || this.closed) return;
    try {
      while (!this.closed) {
        const id = randomBytes(9).toString('base64url');
        const heard = new Promise<boolean>((res) => {
          const timer = setTimeout(() => res(false), PROBE_WAIT_MS);
          this.probe = { id, heard: () => (clearTimeout(timer), res(true)) };
        });
        const sent = await this.client.publish(this.keys.channel, `${PROBE_HEAD}${id}"}`).then(
          () => true,
          () => false,
        );
        if (sent ? await heard : await sleep(PROBE_WAIT_MS).then(() => false)) break;
      }
    } finally {
      this.probe = null;
    }
    if (!this.closed) this.resync();
  }

  /** A script's answer as a commit's; a stored commit waits for its replicas first, when some are required. */
  private async committed(answer: unknown): Promise<Committed> {
    const c: Committed = answer === 1 ? true : answer === 2 ? 'already_applied' : false;
    if (c !== false && this.replicas) await this.replicas.confirm();
    return c;
  }

  private commitKey(commitId: string | undefined) {
    return this.keys.commit(commitId ?? randomBytes(12).toString('base64url'));
  }

  async readRace(id: string) {
    return (await this.readRaces([id]))[0]!;
  }

  async readRaces(ids: readonly string[]) {
    if (ids.length === 0) return [];
    const held = ids.map((id) => this.records.get(id));
    const rows = (await this.runHot(
      READ_RACES,
      ids.map((id) => this.keys.race(id)),
      held.map((h) => h?.tag ?? ''),
    )) as (1 | [string, string] | null)[];
    return rows.map((row, i) => (row === 1 ? held[i]!.record : row ? this.record(ids[i]!, row[1], row[0]) : null));
  }

  async listRaces() {
    const ids = await this.client.lRange(this.keys.raceIds, 0, -1);
    if (ids.length === 0) return [];
    return (await this.readRaces(ids)).filter((r): r is RaceRecordT => r !== null);
  }

  async commitRace(commit: RaceCommit) {
    const { record, leadChanges = [], alerts = [] } = commit;
    const id = record.definition.id;
    deepFreeze(record); // it is what listeners of this instance get
    const json = JSON.stringify(record);
    const published: [string, StoreChange][] = [
      [this.nextTag(), { type: 'race', record }],
      ...leadChanges.map((leadChange): [string, StoreChange] => [this.nextTag(), { type: 'leadChange', leadChange }]),
      ...alerts.map((alert): [string, StoreChange] => [this.nextTag(), { type: 'alert', alert }]),
    ];
    // The script builds the race message around the record's JSON, so the record is sent once.
    const messages = published.slice(1).map(([tag, change]) => JSON.stringify({ c: tag, ...change }));
    for (const [tag, change] of published) this.own.set(tag, change);
    let answer: unknown;
    try {
      const call = commitRaceCall(this.keys, commit, {
        json,
        tag: published[0]![0],
        messages,
        maxlen: this.maxlen,
        logging: this.logging,
      });
      answer = await this.runHot(COMMIT_RACE, call.keys, call.arguments);
    } finally {
      // Not committed by this send (or not known to be): if it landed after all, its messages are parsed like anyone's.
      if (answer !== 1) for (const [tag] of published) this.own.delete(tag);
    }
    if (answer === 1) this.records.set(id, { json, record, tag: published[0]![0] });
    return this.committed(answer);
  }

  /**
   * Issued together, the commits go out as one pipeline; each is its own compare-and-set. They are handed to
   * the client a slice at a time, each slice written before the next is encoded, so Redis runs the first
   * scripts while this process still serialises the last.
   */
  async commitRaces(commits: Iterable<RaceCommit>): Promise<CommitResult[]> {
    const results: Promise<CommitResult>[] = [];
    let inSlice = 0;
    for (const c of commits) {
      results.push(
        this.commitRace(c).then(
          (ok): CommitResult => ({ ok: ok !== false }),
          (error: unknown): CommitResult => ({ ok: false, error }),
        ),
      );
      if (++inSlice === COMMIT_SLICE) {
        inSlice = 0;
        await new Promise((r) => setImmediate(r)); // node-redis writes what is queued on setImmediate
      }
    }
    return Promise.all(results);
  }

  /** A stored race record: parsed and checked once per distinct JSON. */
  private record(id: string, json: string, tag: string): RaceRecordT {
    const known = this.records.get(id);
    const record = known?.json === json ? known.record : deepFreeze(RaceRecord.parse(JSON.parse(json)) as RaceRecordT);
    this.records.set(id, { json, record, tag });
    return record;
  }

  private nextTag() {
    return `${this.tag}${++this.seq}`;
  }

  async listLeadChanges(raceId?: string) {
    const ids = await this.client.lRange(this.keys.leadChangeOrder, 0, -1);
    const all = await this.hashValues(this.keys.leadChanges, ids);
    return all.map((j) => LeadChange.parse(j)).filter((lc) => raceId === undefined || lc.raceId === raceId);
  }

  async readLeadChange(id: string) {
    const json = await this.client.hGet(this.keys.leadChanges, id);
    return json ? LeadChange.parse(JSON.parse(json)) : null;
  }

  async readGraphics() {
    const json = await this.client.hGet(this.keys.graphics, 'json');
    return json ? GraphicsState.parse(JSON.parse(json)) : EMPTY_GRAPHICS;
  }

  /** The events a script appends: their count, then five fields each (none while the log is off). */
  private eventArgs(log: readonly EventEntry[]): string[] {
    const args: string[] = [];
    pushEvents(args, this.logging ? log : []);
    return args;
  }

  async commitGraphics(state: GraphicsState, expectedRevision: number, log: EventEntry[] = [], commitId?: string) {
    const message: StoreChange = { type: 'graphics', state };
    const answer = await this.run(
      COMMIT_GRAPHICS,
      [this.keys.graphics, this.keys.events, this.commitKey(commitId)],
      [
        String(expectedRevision),
        String(state.revision),
        JSON.stringify(state),
        this.keys.channel,
        JSON.stringify(message),
        this.maxlen,
        ...this.eventArgs(log),
      ],
    );
    return this.committed(answer);
  }

  async listAlerts() {
    const ids = await this.client.lRange(this.keys.alertOrder, 0, -1);
    return (await this.hashValues(this.keys.alerts, ids)).map((j) => Alert.parse(j));
  }

  async readAlert(id: string) {
    const json = await this.client.hGet(this.keys.alerts, id);
    return json ? Alert.parse(JSON.parse(json)) : null;
  }

  async commitAlert(alert: Alert, expectedStatus: Alert['status'], log: EventEntry[] = [], commitId?: string) {
    const message: StoreChange = { type: 'alert', alert };
    const answer = await this.run(
      COMMIT_ALERT,
      [this.keys.alerts, this.keys.events, this.commitKey(commitId)],
      [alert.id, expectedStatus, JSON.stringify(alert), this.keys.channel, JSON.stringify(message), this.maxlen, ...this.eventArgs(log)],
    );
    return this.committed(answer);
  }

  async writeFeedStatus(status: FeedStatus, log?: EventEntry) {
    const message: StoreChange = { type: 'feed', status };
    await this.run(
      WRITE_FEED_STATUS,
      [this.keys.feeds, this.keys.events],
      [
        status.id,
        JSON.stringify(status),
        this.keys.channel,
        JSON.stringify(message),
        status.state,
        this.maxlen,
        ...(log && this.logging ? encodeEvent(log) : []),
      ],
    );
  }

  async listFeedStatus() {
    const all = await this.client.hGetAll(this.keys.feeds);
    return Object.values(all).map((j) => FeedStatus.parse(JSON.parse(j)));
  }

  async writeFeedControl(id: string, control: FeedControl, log?: EventEntry) {
    const message: StoreChange = { type: 'feedControl', id, control };
    await this.run(
      WRITE_LOG_AND_PUBLISH,
      [this.keys.feedControls, this.keys.events],
      [id, JSON.stringify(control), this.keys.channel, JSON.stringify(message), this.maxlen, ...this.eventArgs(log ? [log] : [])],
    );
  }

  async logRefusals(refusals: readonly RefusalEntry[]) {
    if (!this.logging || refusals.length === 0) return;
    const k = this.keys;
    await this.run(
      LOG_REFUSALS,
      [k.events, k.refusalLast, k.refusalRepeats],
      [this.maxlen, ...refusals.flatMap((r) => [r.key.field, r.key.value, ...encodeEvent(r.entry)])],
    );
  }

  async readEvents(q: EventRead): Promise<EventPageResult> {
    const [rows, more, lastScanned] = (await this.run(
      READ_EVENTS,
      [this.keys.events, this.keys.refusalRepeats],
      [q.after ?? '', String(q.limit), q.type ?? '', q.raceId ?? '', String(FILTER_SCAN_LIMIT)],
    )) as [[string, string[], string | null][], number, string];
    const events = rows.map(([id, fields, repeats]) => decodeEvent(id, fields, repeats ? Number(repeats) : undefined));
    const next = more !== 1 ? null : events.length === q.limit || !lastScanned ? (events.at(-1)?.id ?? null) : lastScanned;
    return { events, next };
  }

  async readFeedControls() {
    const all = await this.client.hGetAll(this.keys.feedControls);
    return Object.fromEntries(Object.entries(all).map(([id, j]) => [id, parseFeedControl(JSON.parse(j))]));
  }

  async claimLock(name: string, owner: string, ttlMs: number) {
    return (await this.run(CLAIM_LOCK, [this.keys.lock(name)], [owner, String(Math.max(1, Math.round(ttlMs)))])) === 1;
  }

  async releaseLock(name: string, owner: string) {
    await this.run(RELEASE_LOCK, [this.keys.lock(name)], [owner]);
  }

  async writePresence(instanceId: string, pages: Tally | null, ttlMs: number) {
    if (!pages) {
      await this.client.del(this.keys.pages(instanceId));
      return;
    }
    await this.run(WRITE_PRESENCE, [this.keys.pages(instanceId), this.keys.instances], [instanceId, JSON.stringify(pages), String(Math.max(1, Math.round(ttlMs)))]);
  }

  async readPresence(): Promise<Tally[]> {
    const rows = (await this.run(READ_PRESENCE, [this.keys.instances], [this.keys.pages('')])) as string[];
    return rows.map((r) => {
      const t = JSON.parse(r) as Partial<Tally>;
      return { program: Number(t.program) || 0, preview: Number(t.preview) || 0 };
    });
  }

  /** Both connections must be up: without the subscriber no change reaches any client. */
  async ping() {
    await this.client.ping();
    if (!this.subscriber.isReady) throw new Error('the Redis change subscription is reconnecting');
  }

  subscribe(listener: ChangeListener) {
    this.events.on('change', listener);
    return () => void this.events.off('change', listener);
  }

  async close() {
    this.closed = true;
    this.events.removeAllListeners();
    await Promise.all([this.subscriber.close(), this.main.close(), this.replicas?.close()]);
  }

  private async hashValues(key: string, ids: string[]): Promise<unknown[]> {
    if (ids.length === 0) return [];
    const rows = await this.client.hmGet(key, ids);
    return rows.filter((r): r is string => typeof r === 'string').map((r) => JSON.parse(r) as unknown);
  }

  async readDoc(collection: string, id: string): Promise<StoredDoc | null> {
    const json = await this.client.hGet(this.keys.docs(collection), id);
    return json ? storedDoc(collection, id, JSON.parse(json)) : null;
  }

  async listDocs(collection: string): Promise<StoredDoc[]> {
    const all = await this.client.hGetAll(this.keys.docs(collection));
    return Object.entries(all).map(([id, json]) => storedDoc(collection, id, JSON.parse(json)));
  }

  async commitDoc(doc: StoredDoc, expectedRevision: number, log: EventEntry[] = [], commitId?: string) {
    const message: StoreChange = { type: 'doc', doc };
    const stored = doc.value === null ? '' : JSON.stringify({ revision: doc.revision, value: doc.value });
    const answer = await this.run(
      COMMIT_DOC,
      [this.keys.docs(doc.collection), this.keys.events, this.commitKey(commitId)],
      [doc.id, String(expectedRevision), String(doc.revision), stored, this.keys.channel, JSON.stringify(message), this.maxlen, ...this.eventArgs(log)],
    );
    return this.committed(answer);
  }

  async writeAsset(meta: AssetMeta, bytes: Buffer, log: EventEntry[] = []) {
    const message: StoreChange = { type: 'asset', asset: meta };
    await this.run(
      WRITE_ASSET,
      [this.keys.assetMeta, this.keys.asset(meta.name), this.keys.events],
      [meta.name, JSON.stringify(meta), bytes as unknown as string, this.keys.channel, JSON.stringify(message), this.maxlen, ...this.eventArgs(log)],
    );
    if (this.replicas) await this.replicas.confirm();
  }

  async readAsset(name: string): Promise<{ meta: AssetMeta; bytes: Buffer } | null> {
    const json = await this.client.hGet(this.keys.assetMeta, name);
    if (!json) return null;
    const raw = this.client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    const bytes = (await raw.get(this.keys.asset(name))) as Buffer | null;
    return bytes ? { meta: JSON.parse(json) as AssetMeta, bytes } : null;
  }

  async listAssets(): Promise<AssetMeta[]> {
    return Object.values(await this.client.hGetAll(this.keys.assetMeta)).map((j) => JSON.parse(j) as AssetMeta);
  }

  private receive(message: Buffer) {
    if (message.length > PROBE_BYTES.length && message.compare(PROBE_BYTES, 0, PROBE_BYTES.length, 0, PROBE_BYTES.length) === 0) {
      const id = message.toString('latin1', PROBE_BYTES.length, message.length - 2);
      if (this.probe?.id === id) this.probe.heard();
      return;
    }
    try {
      const own = this.isOwn(message) ? this.takeOwn(message) : undefined;
      this.events.emit('change', own ?? parseChange(JSON.parse(message.toString())));
    } catch (err) {
      this.logger.error({ err }, 'dropped an unreadable change message');
    }
  }

  private isOwn(message: Buffer) {
    const n = this.ownStart.length;
    return message.length > n && message.compare(this.ownStart, 0, n, 0, n) === 0;
  }

  /** The change behind a message this instance published, if it is still waiting for it. */
  private takeOwn(message: Buffer): StoreChange | undefined {
    const tag = message.toString('latin1', 6, message.indexOf(0x22, 6)); // up to the closing quote
    const change = this.own.get(tag);
    if (change) this.own.delete(tag);
    return change;
  }
}

/** A subscription probe on the change channel: `{"probe":"<id>"}`. */
const PROBE_HEAD = '{"probe":"';
const PROBE_BYTES = Buffer.from(PROBE_HEAD, 'latin1');
/** How long a probe is waited for before the next one. */
const PROBE_WAIT_MS = 500;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Commits encoded before the client gets to write them to Redis. */
const COMMIT_SLICE = 25;

function parseChange(raw: { type: string; [k: string]: unknown }): StoreChange {
  switch (raw.type) {
    case 'race':
      return { type: 'race', record: RaceRecord.parse(raw.record) as RaceRecordT };
    case 'leadChange':
      return { type: 'leadChange', leadChange: LeadChange.parse(raw.leadChange) };
    case 'alert':
      return { type: 'alert', alert: Alert.parse(raw.alert) };
    case 'graphics':
      return { type: 'graphics', state: GraphicsState.parse(raw.state) };
    case 'feed':
      return { type: 'feed', status: FeedStatus.parse(raw.status) };
    case 'feedControl':
      return { type: 'feedControl', id: String(raw.id), control: parseFeedControl(raw.control) };
    case 'doc':
      return { type: 'doc', doc: raw.doc as StoredDoc };
    case 'asset':
      return { type: 'asset', asset: raw.asset as AssetMeta };
    default:
      throw new Error(`unknown change type ${raw.type}`);
  }
}

/** A document as stored: `{ revision, value }`. */
function storedDoc(collection: string, id: string, raw: { revision: number; value: unknown }): StoredDoc {
  return { collection, id, revision: raw.revision, value: raw.value };
}

function parseFeedControl(raw: unknown): FeedControl {
  const c = (raw ?? {}) as Partial<FeedControl>;
  return { paused: c.paused === true, pollRequest: typeof c.pollRequest === 'string' ? c.pollRequest : null };
}
