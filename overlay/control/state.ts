import { alertGraphic, sameGraphic } from '../../shared/index.js';
import type { Actor, Alert, CallProposal, Channel, ControlSnapshot, FeedStatus, Graphic, GraphicsState, LayerName, LeadChange, RaceView, Rundown, RundownStatus, Tally } from '../../shared/index.js';
import { callHistory, callsFromSnapshot, keepCall, pendingCalls } from './calls.js';
import { isNewerFeedStatus } from './feeds.js';

/** One race as this page knows it: the view and when this page last received a new revision of it. */
export interface RaceEntry {
  view: RaceView;
  /** `Date.now()` when this page received this revision. */
  receivedAt: number;
  /** True while the revision is the one from the first snapshot: its real age is at least `now - receivedAt`. */
  sinceLoad: boolean;
}

export type ConnectionStatus = 'no-token' | 'connecting' | 'connected' | 'reconnecting' | 'refused';

export interface Connection {
  status: ConnectionStatus;
  /** Why, in words: the server's refusal, a transport error, the reconnect attempt. */
  detail: string;
  since: number;
}

export interface Feedback {
  kind: 'pending' | 'ok' | 'error';
  text: string;
  at: number;
}

export { sameGraphic };

/** What the alert layer shows, as a key: a lead change's id, or "call:<raceId>" for a projected-winner banner. */
export const alertLayerKey = (g: Graphic | null | undefined): string | null =>
  g?.type === 'leadChange' ? g.leadChangeId : g?.type === 'call' ? `call:${g.raceId}` : null;

/** The alert-layer key of what an alert airs. */
export const alertKey = (a: Alert): string => alertLayerKey(alertGraphic(a))!;

/**
 * What TAKE on a layer would do: nothing cued (`empty`), put on program what program already shows
 * (`on-program`: TAKE looks idle), or change air (`ready`: TAKE is hot).
 */
export type TakeReadiness = 'empty' | 'on-program' | 'ready';

export function takeReadiness(g: Pick<GraphicsState, 'program' | 'preview'> | null, layer: LayerName = 'lowerThird'): TakeReadiness {
  const cued = g?.preview[layer] ?? null;
  if (!cued) return 'empty';
  return sameGraphic(cued, g?.program[layer] ?? null) ? 'on-program' : 'ready';
}

/**
 * Everything the control panel shows, fed by the `/control` socket. Revisions only move forward: a race or
 * graphics push older than what is held is ignored, except that a snapshot (after a (re)connect) replaces all.
 */
export class ControlState {
  readonly races = new Map<string, RaceEntry>();
  readonly leadChanges = new Map<string, LeadChange>();
  readonly alerts = new Map<string, Alert>();
  /** Every feed's status as last pushed, in the server's order (staleness is worked out from the clock). */
  readonly feeds = new Map<string, FeedStatus>();
  /** The sources' calls (proposals) and what the desk decided, by id; a decided one never goes back to proposed. */
  readonly calls = new Map<string, CallProposal>();
  graphics: GraphicsState | null = null;
  tally: Tally | null = null;
  /** The stored rundowns (snapshot, then the `rundowns` push), by name. */
  rundowns: Rundown[] = [];
  /** Each channel's rundown status as last pushed (absent: the server has said nothing of that channel). */
  readonly runs = new Map<Channel, RundownStatus>();
  /** Who the server says this panel is signed in as (its token's operator); null until a snapshot says. */
  operator: Actor | null = null;
  /** Snapshot received on the current connection: until then nothing is trustworthy. */
  synced = false;
  connection: Connection = { status: 'no-token', detail: '', since: Date.now() };
  /** The race the producer last picked (click or arrow keys). */
  selectedRaceId: string | null = null;
  feedback: Feedback | null = null;
  /** Answers to this page's actions, newest first (pending lines are not kept). */
  readonly log: Feedback[] = [];
  /** Alert ids first seen on this page after its first snapshot: they flash on arrival. */
  readonly freshAlerts = new Set<string>();
  /** Proposal ids first seen waiting on this page after its first snapshot: they flash on arrival. */
  readonly freshCalls = new Set<string>();
  /** Lead-change id → this page's clock when the program alert layer stopped showing it (for the history). */
  readonly alertLeftAt = new Map<string, number>();

  private readonly listeners = new Set<() => void>();
  private scheduled = false;

  constructor(private readonly now: () => number = Date.now) {}

  /** Calls `fn` after changes, at most once per microtask burst. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  changed(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      for (const fn of this.listeners) fn();
    });
  }

  applySnapshot(s: ControlSnapshot): void {
    const now = this.now();
    const firstLoad = !this.synced && this.races.size === 0;
    const previous = new Map(this.races);
    this.races.clear();
    for (const view of Object.values(s.races)) {
      const old = previous.get(view.id);
      // Same revision as before the reconnect: keep its age. Otherwise it changed at some unknown time before this
      // snapshot (on first load, or while this page was away): it is at least as old as from now, never "0 s ago".
      if (old && old.view.revision === view.revision) this.races.set(view.id, { ...old, view });
      else this.races.set(view.id, { view, receivedAt: now, sinceLoad: true });
    }
    this.leadChanges.clear();
    for (const lc of Object.values(s.leadChanges)) this.leadChanges.set(lc.id, lc);
    const hadAlerts = new Set(this.alerts.keys());
    this.alerts.clear();
    for (const a of s.alerts) {
      this.alerts.set(a.id, a);
      if (!firstLoad && !hadAlerts.has(a.id)) this.freshAlerts.add(a.id);
    }
    this.feeds.clear();
    for (const f of s.feeds ?? []) this.feeds.set(f.id, f);
    const calls = callsFromSnapshot(this.calls, s.calls ?? []);
    for (const [id, p] of calls) if (!firstLoad && !this.calls.has(id) && p.status === 'proposed') this.freshCalls.add(id);
    this.calls.clear();
    for (const [id, p] of calls) this.calls.set(id, p);
    this.noteAlertLeft({ ...s.graphics, revision: s.revision });
    this.graphics = { ...s.graphics, revision: s.revision };
    this.operator = s.operator ?? null;
    this.rundowns = sortRundowns(s.rundowns?.list ?? []);
    this.runs.clear();
    for (const r of s.rundowns?.runs ?? []) this.runs.set(r.channel, r);
    this.synced = true;
    if (this.selectedRaceId && !this.races.has(this.selectedRaceId)) this.selectedRaceId = null;
    this.changed();
  }

  applyRace(view: RaceView): void {
    const old = this.races.get(view.id);
    if (old && old.view.revision >= view.revision) return;
    this.races.set(view.id, { view, receivedAt: this.now(), sinceLoad: false });
    this.changed();
  }

  applyGraphics(g: GraphicsState): void {
    if (this.graphics && this.graphics.revision > g.revision) return;
    this.noteAlertLeft(g);
    this.graphics = g;
    this.changed();
  }

  private noteAlertLeft(next: GraphicsState): void {
    const was = this.graphics?.program.alert ?? null;
    const wasKey = alertLayerKey(was);
    if (wasKey && !sameGraphic(was, next.program.alert)) this.alertLeftAt.set(wasKey, this.now());
    const showing = alertLayerKey(next.program.alert);
    if (showing) this.alertLeftAt.delete(showing);
  }

  applyLeadChange(lc: LeadChange): void {
    this.leadChanges.set(lc.id, lc);
    this.changed();
  }

  applyAlert(a: Alert): void {
    if (!this.alerts.has(a.id)) this.freshAlerts.add(a.id);
    this.alerts.set(a.id, a);
    this.changed();
  }

  /** A source's call arrived or was decided (the `call` push, or the answer to Accept / Reject). */
  applyCall(p: CallProposal): void {
    const held = this.calls.get(p.id);
    const kept = keepCall(held, p);
    if (kept === held) return;
    if (!held && kept.status === 'proposed') this.freshCalls.add(p.id);
    this.calls.set(p.id, kept);
    this.changed();
  }

  /** Calls waiting for the desk, oldest first. */
  pendingCalls(): CallProposal[] {
    return pendingCalls(this.calls.values());
  }

  /** Decided calls, newest first (a short history). */
  callHistory(limit = 8): CallProposal[] {
    return callHistory(this.calls.values(), limit);
  }

  /** The stored rundowns changed (the `rundowns` push, or this page's own save or delete). */
  applyRundowns(list: Rundown[]): void {
    this.rundowns = sortRundowns(list);
    this.changed();
  }

  /** A saved rundown, as the server answered a PUT: replaces the one of its id. */
  applyRundown(r: Rundown): void {
    this.applyRundowns([...this.rundowns.filter((x) => x.id !== r.id), r]);
  }

  /**
   * A channel's run moved on, was held or ended (the `rundown` push, or the answer to this page's action). A run
   * that just ended by a take, a clear or the producer's Stop says so in the action log, once.
   */
  applyRundownStatus(st: RundownStatus): void {
    const held = this.runs.get(st.channel);
    this.runs.set(st.channel, st);
    if (st.stopped && !st.run && held?.stopped?.at !== st.stopped.at) this.setFeedback('ok', `Rundown ${st.channel}: ${st.stopped.message}`);
    this.changed();
  }

  /** The run steered by the rundown keys: program's when it runs one, else preview's. */
  activeRun(): RundownStatus | null {
    for (const c of ['program', 'preview'] as const) {
      const st = this.runs.get(c);
      if (st?.run) return st;
    }
    return null;
  }

  /** A feed's status (the `feed` push, or the answer to a feed button); one older than the one held is ignored. */
  applyFeed(f: FeedStatus): void {
    if (!isNewerFeedStatus(this.feeds.get(f.id), f)) return;
    this.feeds.set(f.id, f);
    this.changed();
  }

  setTally(t: Tally): void {
    this.tally = t;
    this.changed();
  }

  setConnection(status: ConnectionStatus, detail = ''): void {
    if (status !== this.connection.status) this.connection = { status, detail, since: this.now() };
    else this.connection = { ...this.connection, detail };
    if (status !== 'connected') this.synced = false;
    this.changed();
  }

  setFeedback(kind: Feedback['kind'], text: string): void {
    this.feedback = { kind, text, at: this.now() };
    if (kind !== 'pending') {
      this.log.unshift(this.feedback);
      this.log.length = Math.min(this.log.length, 40);
    }
    this.changed();
  }

  /** Connected and in sync with the server: only then are actions sent. */
  get live(): boolean {
    return this.connection.status === 'connected' && this.synced;
  }

  /**
   * The aired alert the program alert layer shows now, if this page knows it: the one aired last of those that air
   * this graphic (a race's call banners all air `{ type: 'call', raceId }`: after a call is withdrawn and made again,
   * the earlier alert still reads aired, but it is the new one on program).
   */
  programAlert(): Alert | null {
    const g = this.graphics?.program.alert ?? null;
    if (!g) return null;
    let found: Alert | null = null;
    const stamp = (a: Alert) => a.updatedAt ?? a.createdAt;
    for (const a of this.alerts.values()) {
      if (a.status === 'aired' && sameGraphic(alertGraphic(a), g) && (!found || stamp(a) > stamp(found))) found = a;
    }
    return found;
  }

  select(raceId: string | null): void {
    this.selectedRaceId = raceId;
    this.changed();
  }

  /** Races in a fixed order (jurisdiction, then title), so nothing moves under the producer's hand. */
  sortedRaces(): RaceEntry[] {
    return [...this.races.values()].sort(
      (a, b) =>
        a.view.jurisdiction.localeCompare(b.view.jurisdiction) ||
        a.view.title.localeCompare(b.view.title) ||
        a.view.id.localeCompare(b.view.id),
    );
  }

  /** Pending alerts, oldest first; the rest newest first. */
  pendingAlerts(): Alert[] {
    return [...this.alerts.values()].filter((a) => a.status === 'pending').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  alertHistory(): Alert[] {
    const at = (a: Alert) => a.updatedAt ?? a.createdAt;
    return [...this.alerts.values()].filter((a) => a.status !== 'pending').sort((a, b) => at(b).localeCompare(at(a)));
  }

  /** Drops everything learned from the server (a token refused): nothing stale may stay on screen. */
  reset(): void {
    this.races.clear();
    this.leadChanges.clear();
    this.alerts.clear();
    this.feeds.clear();
    this.calls.clear();
    this.freshCalls.clear();
    this.freshAlerts.clear();
    this.alertLeftAt.clear();
    this.graphics = null;
    this.tally = null;
    this.rundowns = [];
    this.runs.clear();
    this.operator = null;
    this.synced = false;
    this.selectedRaceId = null;
    this.feedback = null;
    this.log.length = 0;
    this.changed();
  }
}

const sortRundowns = (list: readonly Rundown[]): Rundown[] => [...list].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
