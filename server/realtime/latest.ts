import { buildRaceView, type Alert, type CallProposal, type FeedStatus, type GraphicsState, type LeadChange, type RaceRecord, type RaceView } from '../../shared/index.js';

/** Where news goes: whatever `LatestState` accepts as newer is pushed through it. */
export interface LatestSink {
  /**
   * A race's newer revision. `view()` builds its view, once (later calls, and snapshots, get the same object): a
   * sink with nobody to send it to need not call it, so an instance without pages builds no views.
   */
  race(view: () => RaceView): void;
  graphics(state: GraphicsState): void;
  leadChange(lc: LeadChange): void;
  alert(alert: Alert): void;
  feed(status: FeedStatus): void;
  call(proposal: CallProposal): void;
}

/**
 * The newest state this instance has seen, from store reads and store changes alike. Whatever it accepts as
 * newer, from either source, goes to the sink at once, so a client never receives a race or graphics
 * revision lower than one already sent, and a revision first learnt from a read is still pushed. While the
 * store is away a reconnecting client gets the last known state from here.
 */
export class LatestState {
  /** The newest record of each race; its view is built when first asked for (`views`). */
  private readonly races = new Map<string, RaceRecord>();
  private readonly views = new Map<string, RaceView>();
  readonly leadChanges = new Map<string, LeadChange>();
  readonly alerts = new Map<string, Alert>();
  readonly feeds = new Map<string, FeedStatus>();
  readonly calls = new Map<string, CallProposal>();
  graphics: GraphicsState | null = null;
  /** True once a whole snapshot has been read from the store. */
  loaded = false;
  /** The store read under way, shared by every client that asks meanwhile. */
  refreshing: Promise<boolean> | null = null;
  /** The read that starts once `refreshing` is done, shared by every client that asked after it began. */
  queued: Promise<boolean> | null = null;

  /** `build`: a race's view from its record. @default buildRaceView */
  constructor(
    private readonly sink: LatestSink,
    private readonly build: (record: RaceRecord) => RaceView = buildRaceView,
  ) {}

  offerRace(record: RaceRecord): void {
    const id = record.definition.id;
    const held = this.races.get(id);
    if (held && held.revision >= record.revision) return;
    this.races.set(id, record);
    this.views.delete(id);
    this.sink.race(() => this.viewOf(record));
  }

  /** The newest record held of a race, if any. */
  raceRecord(id: string): RaceRecord | undefined {
    return this.races.get(id);
  }

  /** The view of a race held, if any. */
  raceView(id: string): RaceView | undefined {
    const record = this.races.get(id);
    return record && this.viewOf(record);
  }

  /** Every race held, by id, as pages get them. */
  raceViews(): Record<string, RaceView> {
    const out: Record<string, RaceView> = {};
    for (const [id, record] of this.races) out[id] = this.viewOf(record);
    return out;
  }

  /** The view of `record`, built once while it is the race's newest (an older one, asked late, is built anew). */
  private viewOf(record: RaceRecord): RaceView {
    const id = record.definition.id;
    const built = this.views.get(id);
    if (built && built.revision === record.revision) return built;
    const view = this.build(record);
    if (this.races.get(id) === record) this.views.set(id, view);
    return view;
  }

  offerGraphics(state: GraphicsState): void {
    if (this.graphics && this.graphics.revision >= state.revision) return;
    this.graphics = state;
    this.sink.graphics(state);
  }

  offerLeadChange(lc: LeadChange): void {
    if (this.leadChanges.has(lc.id)) return;
    this.leadChanges.set(lc.id, lc);
    this.sink.leadChange(lc);
  }

  /** A feed's status: only its poller writes it, in order; the one with the later poll or success wins. */
  offerFeed(status: FeedStatus): void {
    const held = this.feeds.get(status.id);
    if (held && JSON.stringify(held) === JSON.stringify(status)) return;
    if (held && (held.polls > status.polls || (held.lastPollAt ?? '') > (status.lastPollAt ?? ''))) return;
    this.feeds.set(status.id, status);
    this.sink.feed(status);
  }

  /** A source's call: new, or decided since (a decision is never undone, so a changed status is news). */
  offerCall(p: CallProposal): void {
    const held = this.calls.get(p.id);
    if (held && (held.status === p.status || held.status !== 'proposed')) return;
    this.calls.set(p.id, p);
    this.sink.call(p);
  }

  /** Alerts have no revision: the later status change wins; the same one twice is no news. */
  offerAlert(alert: Alert): void {
    const held = this.alerts.get(alert.id);
    const stamp = (a: Alert) => a.updatedAt ?? a.createdAt;
    if (held && (stamp(held) > stamp(alert) || (stamp(held) === stamp(alert) && held.status === alert.status))) return;
    this.alerts.set(alert.id, alert);
    this.sink.alert(alert);
  }
}
