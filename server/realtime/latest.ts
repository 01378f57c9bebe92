import type { Alert, GraphicsState, LeadChange, RaceView } from '../../shared/index.js';

/**
 * The newest state this instance has seen, from store reads and store changes alike. Pushes and snapshots
 * go through it, so a client never receives a race or graphics revision lower than one already sent,
 * and while the store is away a reconnecting client still gets the last known state.
 */
export class LatestState {
  readonly races = new Map<string, RaceView>();
  readonly leadChanges = new Map<string, LeadChange>();
  readonly alerts = new Map<string, Alert>();
  graphics: GraphicsState | null = null;
  /** True once a whole snapshot has been read from the store. */
  loaded = false;
  /** The store read under way, shared by every client that asks meanwhile. */
  refreshing: Promise<boolean> | null = null;

  /** Keeps the view if it is newer than the one held; says whether it was. */
  offerRace(view: RaceView): boolean {
    const held = this.races.get(view.id);
    if (held && held.revision >= view.revision) return false;
    this.races.set(view.id, view);
    return true;
  }

  offerGraphics(state: GraphicsState): boolean {
    if (this.graphics && this.graphics.revision >= state.revision) return false;
    this.graphics = state;
    return true;
  }

  offerLeadChange(lc: LeadChange) {
    this.leadChanges.set(lc.id, lc);
  }

  /** Alerts have no revision: the later status change wins. */
  offerAlert(alert: Alert) {
    const held = this.alerts.get(alert.id);
    if (held && (held.updatedAt ?? held.createdAt) > (alert.updatedAt ?? alert.createdAt)) return;
    this.alerts.set(alert.id, alert);
  }
}
