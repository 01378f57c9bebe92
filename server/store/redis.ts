import { EventEmitter } from 'node:events';
import { createClient, type RedisClientType } from 'redis';
import {
  Alert,
  EMPTY_GRAPHICS,
  FeedStatus,
  GraphicsState,
  LeadChange,
  RaceRecord,
  type RaceRecord as RaceRecordT,
} from '../../shared/index.js';
import type { Logger } from '../logger.js';
import { closeClient } from './closeClient.js';
import { CLAIM_LOCK, COMMIT_ALERT, COMMIT_GRAPHICS, COMMIT_RACE, RELEASE_LOCK, WRITE_AND_PUBLISH } from './lua.js';
import { scriptRunner } from './scripts.js';
import type { Backend, ChangeListener, FeedControl, RaceCommit, StoreChange } from './types.js';

export interface RedisBackendOptions {
  url: string;
  /** Key prefix, so several LeadWire installations can share one Redis. @default "lw:" */
  prefix?: string;
  logger: Logger;
}

/**
 * Redis as the system of record. Records are JSON in hashes beside their revision; writes are Lua
 * compare-and-set scripts that also publish the change on one channel, which every instance subscribes to.
 * The client fails commands at once while disconnected (no offline queue), so callers can answer 503.
 */
export class RedisBackend implements Backend {
  readonly kind = 'redis';
  private readonly events = new EventEmitter();
  private readonly keys: ReturnType<typeof keyNames>;
  private readonly run: ReturnType<typeof scriptRunner>;

  private constructor(
    private readonly client: RedisClientType,
    private readonly subscriber: RedisClientType,
    prefix: string,
    private readonly logger: Logger,
  ) {
    this.keys = keyNames(prefix);
    this.run = scriptRunner(client);
  }

  static async connect(opts: RedisBackendOptions): Promise<RedisBackend> {
    const client: RedisClientType = createClient({
      url: opts.url,
      disableOfflineQueue: true,
      pingInterval: 5_000,
      socket: { connectTimeout: 3_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
    });
    const log = opts.logger.child({ component: 'redis' });
    let lastError = '';
    client.on('error', (err: Error) => {
      // Log each distinct failure once, not every reconnect attempt.
      if (err.message !== lastError) log.error({ err }, 'redis connection error');
      lastError = err.message;
    });
    client.on('ready', () => {
      if (lastError) log.info('redis connection restored');
      lastError = '';
    });
    await client.connect();
    const subscriber = client.duplicate();
    subscriber.on('error', () => {}); // the main client reports connection trouble
    await subscriber.connect();
    const backend = new RedisBackend(client, subscriber, opts.prefix ?? 'lw:', opts.logger);
    await subscriber.subscribe(backend.keys.channel, (message) => backend.receive(message));
    // Messages published while the subscriber was away are lost: tell listeners to re-read the store.
    subscriber.on('ready', () => backend.events.emit('change', { type: 'resync' } satisfies StoreChange));
    return backend;
  }

  async readRace(id: string) {
    const json = await this.client.hGet(this.keys.race(id), 'json');
    return json ? RaceRecord.parse(JSON.parse(json)) : null;
  }

  async listRaces() {
    const ids = await this.client.lRange(this.keys.raceIds, 0, -1);
    if (ids.length === 0) return [];
    // Issued together, the reads go out as one pipeline.
    const rows = await Promise.all(ids.map((id) => this.client.hGet(this.keys.race(id), 'json')));
    return rows.filter((r): r is string => typeof r === 'string').map((r) => RaceRecord.parse(JSON.parse(r)));
  }

  async commitRace({ record, expectedRevision, leadChange, alert, dismiss = [] }: RaceCommit) {
    const k = this.keys;
    const messages: StoreChange[] = [{ type: 'race', record }];
    if (leadChange) messages.push({ type: 'leadChange', leadChange });
    if (alert) messages.push({ type: 'alert', alert });
    const ok = await this.run(
      COMMIT_RACE,
      [k.race(record.definition.id), k.raceIds, k.leadChanges, k.leadChangeOrder, k.alerts, k.alertOrder],
      [
        expectedRevision === null ? '' : String(expectedRevision),
        String(record.revision),
        JSON.stringify(record),
        k.channel,
        leadChange?.id ?? '',
        leadChange ? JSON.stringify(leadChange) : '',
        alert?.id ?? '',
        alert ? JSON.stringify(alert) : '',
        String(dismiss.length),
        ...dismiss.flatMap((a) => [a.id, JSON.stringify(a), JSON.stringify({ type: 'alert', alert: a } satisfies StoreChange)]),
        ...messages.map((m) => JSON.stringify(m)),
      ],
    );
    return ok === 1;
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

  async commitGraphics(state: GraphicsState, expectedRevision: number) {
    const message: StoreChange = { type: 'graphics', state };
    const ok = await this.run(
      COMMIT_GRAPHICS,
      [this.keys.graphics],
      [String(expectedRevision), String(state.revision), JSON.stringify(state), this.keys.channel, JSON.stringify(message)],
    );
    return ok === 1;
  }

  async listAlerts() {
    const ids = await this.client.lRange(this.keys.alertOrder, 0, -1);
    return (await this.hashValues(this.keys.alerts, ids)).map((j) => Alert.parse(j));
  }

  async readAlert(id: string) {
    const json = await this.client.hGet(this.keys.alerts, id);
    return json ? Alert.parse(JSON.parse(json)) : null;
  }

  async commitAlert(alert: Alert, expectedStatus: Alert['status']) {
    const message: StoreChange = { type: 'alert', alert };
    const ok = await this.run(
      COMMIT_ALERT,
      [this.keys.alerts],
      [alert.id, expectedStatus, JSON.stringify(alert), this.keys.channel, JSON.stringify(message)],
    );
    return ok === 1;
  }

  async writeFeedStatus(status: FeedStatus) {
    const message: StoreChange = { type: 'feed', status };
    await this.run(WRITE_AND_PUBLISH, [this.keys.feeds], [status.id, JSON.stringify(status), this.keys.channel, JSON.stringify(message)]);
  }

  async listFeedStatus() {
    const all = await this.client.hGetAll(this.keys.feeds);
    return Object.values(all).map((j) => FeedStatus.parse(JSON.parse(j)));
  }

  async writeFeedControl(id: string, control: FeedControl) {
    const message: StoreChange = { type: 'feedControl', id, control };
    await this.run(WRITE_AND_PUBLISH, [this.keys.feedControls], [id, JSON.stringify(control), this.keys.channel, JSON.stringify(message)]);
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
    this.events.removeAllListeners();
    await Promise.all([closeClient(this.subscriber), closeClient(this.client)]);
  }

  private async hashValues(key: string, ids: string[]): Promise<unknown[]> {
    if (ids.length === 0) return [];
    const rows = await this.client.hmGet(key, ids);
    return rows.filter((r): r is string => typeof r === 'string').map((r) => JSON.parse(r) as unknown);
  }

  private receive(message: string) {
    try {
      this.events.emit('change', parseChange(JSON.parse(message)));
    } catch (err) {
      this.logger.error({ err }, 'dropped an unreadable change message');
    }
  }
}

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
    default:
      throw new Error(`unknown change type ${raw.type}`);
  }
}

function keyNames(prefix: string) {
  return {
    race: (id: string) => `${prefix}race:${id}`,
    raceIds: `${prefix}races`,
    leadChanges: `${prefix}leadchanges`,
    leadChangeOrder: `${prefix}leadchanges:order`,
    alerts: `${prefix}alerts`,
    alertOrder: `${prefix}alerts:order`,
    graphics: `${prefix}graphics`,
    channel: `${prefix}changes`,
    feeds: `${prefix}feeds`,
    feedControls: `${prefix}feeds:control`,
    lock: (name: string) => `${prefix}lock:${name}`,
  };
}

function parseFeedControl(raw: unknown): FeedControl {
  const c = (raw ?? {}) as Partial<FeedControl>;
  return { paused: c.paused === true, pollRequest: typeof c.pollRequest === 'string' ? c.pollRequest : null };
}
