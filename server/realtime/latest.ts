import type { Alert, CallProposal, FeedStatus, GraphicsState, LeadChange, RaceView } from '../../shared/index.js';

/** Where news goes: whatever `LatestState` accepts as newer is pushed through it. */
export interface LatestSink {
  race(view: RaceView): void;
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
  readonly races = new Map<string, RaceView>();
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

  constructor(private readonly sink: LatestSink) {}

  offerRace(view: RaceView): void {
    const held = this.races.get(view.id);
    if (held && held.revision >= view.revision) return;
    this.races.set(view.id, view);
    this.sink.race(view);
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
