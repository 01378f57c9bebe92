import { EventEmitter } from 'node:events';
import { EMPTY_GRAPHICS, type Alert, type FeedStatus, type GraphicsState, type LeadChange, type RaceRecord } from '../../shared/index.js';
import type { Backend, ChangeListener, FeedControl, RaceCommit, StoreChange } from './types.js';

/**
 * The embedded store: one process, nothing persisted. Each commit checks and writes without yielding,
 * which is what makes it atomic; values are cloned in and out so callers never share state with it.
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

  async readRace(id: string) {
    return clone(this.races.get(id) ?? null);
  }

  async listRaces() {
    return clone([...this.races.values()]);
  }

  async commitRace({ record, expectedRevision, leadChange, alert, dismiss = [] }: RaceCommit) {
    const stored = this.races.get(record.definition.id);
    if ((stored?.revision ?? null) !== expectedRevision) return false;
    this.races.set(record.definition.id, clone(record));
    if (leadChange) this.leadChanges.set(leadChange.id, clone(leadChange));
    if (alert) this.alerts.set(alert.id, clone(alert));
    const dismissed = dismiss.filter((a) => this.alerts.get(a.id)?.status === 'pending');
    for (const a of dismissed) this.alerts.set(a.id, clone(a));
    this.publish({ type: 'race', record });
    if (leadChange) this.publish({ type: 'leadChange', leadChange });
    if (alert) this.publish({ type: 'alert', alert });
    for (const a of dismissed) this.publish({ type: 'alert', alert: a });
    return true;
  }

  async listLeadChanges(raceId?: string) {
    return clone([...this.leadChanges.values()].filter((lc) => raceId === undefined || lc.raceId === raceId));
  }

  async readLeadChange(id: string) {
    return clone(this.leadChanges.get(id) ?? null);
  }

  async readGraphics() {
    return clone(this.graphics);
  }

  async commitGraphics(state: GraphicsState, expectedRevision: number) {
    if (this.graphics.revision !== expectedRevision) return false;
    this.graphics = clone(state);
    this.publish({ type: 'graphics', state });
    return true;
  }

  async listAlerts() {
    return clone([...this.alerts.values()]);
  }

  async readAlert(id: string) {
    return clone(this.alerts.get(id) ?? null);
  }

  async commitAlert(alert: Alert, expectedStatus: Alert['status']) {
    if (this.alerts.get(alert.id)?.status !== expectedStatus) return false;
    this.alerts.set(alert.id, clone(alert));
    this.publish({ type: 'alert', alert });
    return true;
  }

  async writeFeedStatus(status: FeedStatus) {
    this.feedStatus.set(status.id, clone(status));
    this.publish({ type: 'feed', status });
  }

  async listFeedStatus() {
    return clone([...this.feedStatus.values()]);
  }

  async writeFeedControl(id: string, control: FeedControl) {
    this.feedControls.set(id, clone(control));
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
}

const clone = <T>(value: T): T => structuredClone(value);
