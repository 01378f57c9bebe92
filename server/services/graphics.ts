import {
  AirCommand,
  AlertQuery,
  ClearCommand,
  CueCommand,
  NothingCued,
  NoTicker,
  TickerHoldCommand,
  holdTicker,
  TakeCommand,
  air,
  alertGraphic,
  clear,
  sameGraphic,
  cue,
  refsOf,
  take,
  SYSTEM_ACTOR,
  type Actor,
  type Alert,
  type Graphic,
  type GraphicsState,
} from '../../shared/index.js';
import type { Clock } from '../clock.js';
import { ConflictError, NotFoundError, NothingCuedError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { byHand } from '../rundowns/byHand.js';
import { parse } from '../validate.js';

/** How soon to try again to take an alert off air when the store did not answer. */
const OFF_AIR_RETRY_MS = 1_000;

export interface GraphicsDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** How long an aired alert stays on program. @default 10000 */
  alertDurationMs: number;
}

/**
 * Preview/program switching and the alert queue. Commands arrive unparsed (HTTP bodies, socket payloads)
 * and are validated here, so both doors behave the same.
 */
export function createGraphicsService({ store, clock, logger, alertDurationMs }: GraphicsDeps) {
  const offAirTimers = new Map<string, NodeJS.Timeout>();
  let closed = false;
  /** A producer's own change of a layer stops the rundown airing it there, in the same commit. */
  const byHandUpdate = byHand(store, clock);

  /** A graphic may only name races and lead changes that exist (each kind says which it names). */
  async function ensureExists(g: Graphic): Promise<void> {
    const refs = refsOf(g);
    for (const id of refs.raceIds) if (!(await store.getRace(id))) throw new NotFoundError('race', id);
    for (const id of refs.leadChangeIds) if (!(await store.getLeadChange(id))) throw new NotFoundError('lead change', id);
  }

  async function cueCmd(body: unknown, actor: Actor): Promise<GraphicsState> {
    const c = parse(CueCommand, body);
    await ensureExists(c.graphic);
    return byHandUpdate((s) => cue(s, c.layer, c.graphic), { action: 'cue', layer: c.layer, channel: 'preview' }, actor);
  }

  async function takeCmd(body: unknown, actor: Actor): Promise<GraphicsState> {
    const c = parse(TakeCommand, body);
    try {
      return await byHandUpdate((s) => take(s, c.layer), { action: 'take', layer: c.layer, channel: 'program' }, actor);
    } catch (err) {
      if (err instanceof NothingCued) throw new NothingCuedError(c.layer);
      throw err;
    }
  }

  async function clearCmd(body: unknown, actor: Actor): Promise<GraphicsState> {
    const c = parse(ClearCommand, body);
    return byHandUpdate((s) => clear(s, c.layer, c.channel), { action: 'clear', layer: c.layer, channel: c.channel }, actor);
  }

  async function airCmd(body: unknown, actor: Actor): Promise<GraphicsState> {
    const c = parse(AirCommand, body);
    await ensureExists(c.graphic);
    return byHandUpdate((s) => air(s, c.layer, c.graphic), { action: 'air', layer: c.layer, channel: 'program' }, actor);
  }

  /** Holds or resumes a channel's ticker where it stands (409 conflict when no ticker is on it). */
  async function holdTickerCmd(body: unknown, paused: boolean, actor: Actor): Promise<GraphicsState> {
    const c = parse(TickerHoldCommand, body ?? {});
    try {
      const action = paused ? 'pause' : 'resume';
      return await store.updateGraphics((s) => holdTicker(s, c.channel, paused), { action, layer: 'ticker', channel: c.channel }, actor);
    } catch (err) {
      if (err instanceof NoTicker) throw new ConflictError(err.message, { layer: 'ticker', channel: c.channel });
      throw err;
    }
  }

  /** An alert in a new status; an aired one says when it leaves air. */
  const stamp = (a: Alert, status: Alert['status']): Alert => {
    const now = clock.now();
    const { offAirAt: _previous, ...rest } = a;
    const offAirAt = status === 'aired' ? { offAirAt: new Date(now.getTime() + alertDurationMs).toISOString() } : {};
    return { ...rest, status, updatedAt: now.toISOString(), ...offAirAt };
  };

  /**
   * Airs an alert on the program alert layer; it leaves by itself after `alertDurationMs`. A rundown airing that
   * layer stops in the same commit, as for any take by hand: its next item would otherwise replace the alert.
   */
  async function takeAlert(id: string, actor: Actor): Promise<Alert> {
    const existing = await store.getAlert(id);
    if (!existing) throw new NotFoundError('alert', id);
    const graphic = alertGraphic(existing);
    await byHandUpdate((s) => air(s, 'alert', graphic), { action: 'air', layer: 'alert', channel: 'program' }, actor);
    // Once it is on air it must leave on time, even if recording its status fails below.
    scheduleOffAir(existing);
    const alert = await store.updateAlert(id, (a) => stamp(a, 'aired'), actor);
    if (!alert) throw new NotFoundError('alert', id);
    return alert;
  }

  /**
   * Dismisses an alert; one on air leaves air too, first: should the store fail between the two steps, what is left
   * is an alert off air but still marked aired (its timer runs on, the producer may dismiss it again), never one
   * marked dismissed that stays on program with nothing left to take it off.
   */
  async function dismissAlert(id: string, actor: Actor): Promise<Alert> {
    const existing = await store.getAlert(id);
    if (!existing) throw new NotFoundError('alert', id);
    await clearAlertIfShowing(alertGraphic(existing), actor);
    const alert = await store.updateAlert(id, (a) => stamp(a, 'dismissed'), actor);
    if (!alert) throw new NotFoundError('alert', id);
    cancelOffAir(id);
    return alert;
  }

  async function listAlerts(query: unknown): Promise<Alert[]> {
    const { status } = parse(AlertQuery, query);
    const all = await store.listAlerts();
    return status ? all.filter((a) => a.status === status) : all;
  }

  /** Takes the alert off air after `delayMs`; while the store is away it keeps trying every second. */
  function scheduleOffAir(alert: Alert, delayMs = alertDurationMs) {
    cancelOffAir(alert.id);
    const timer = setTimeout(() => {
      offAirTimers.delete(alert.id);
      clearAlertIfShowing(alertGraphic(alert), SYSTEM_ACTOR).catch((err: unknown) => {
        logger.error({ err, alert: alert.id }, 'could not take an alert off air; retrying');
        if (!closed) scheduleOffAir(alert, OFF_AIR_RETRY_MS);
      });
    }, delayMs);
    offAirTimers.set(alert.id, timer);
  }

  function cancelOffAir(id: string) {
    clearTimeout(offAirTimers.get(id));
    offAirTimers.delete(id);
  }

  /** Clears the program alert layer only if it still shows this graphic (a newer alert stays). */
  async function clearAlertIfShowing(graphic: Graphic, actor: Actor) {
    const showing = (s: GraphicsState) => sameGraphic(s.program.alert, graphic);
    // Unchanged state is not written (nor logged), so this is one read when the alert has already gone.
    await store.updateGraphics((s) => (showing(s) ? clear(s, 'alert', 'program') : s), { action: 'clear', layer: 'alert', channel: 'program' }, actor);
  }

  /** After a restart: an alert a previous process left on air still leaves when its time is up. */
  async function recover(): Promise<void> {
    const g = (await store.getGraphics()).program.alert;
    if (!g) return;
    const alert = (await store.listAlerts()).find((a) => a.status === 'aired' && sameGraphic(alertGraphic(a), g));
    if (alert) follow(alert);
  }

  /**
   * Every instance follows every alert change, so an aired alert leaves air on time even if the instance
   * that aired it is gone. Clearing is a compare-and-set on what is showing, so doing it twice is harmless.
   */
  function follow(alert: Alert): void {
    if (alert.status !== 'aired') return cancelOffAir(alert.id);
    const offAirAt = alert.offAirAt ? Date.parse(alert.offAirAt) : Date.parse(alert.updatedAt ?? alert.createdAt) + alertDurationMs;
    scheduleOffAir(alert, Math.max(0, offAirAt - clock.now().getTime()));
  }

  function close() {
    closed = true;
    for (const t of offAirTimers.values()) clearTimeout(t);
    offAirTimers.clear();
  }

  return {
    state: () => store.getGraphics(),
    cue: cueCmd,
    take: takeCmd,
    clear: clearCmd,
    air: airCmd,
    pauseTicker: (body: unknown, actor: Actor) => holdTickerCmd(body, true, actor),
    resumeTicker: (body: unknown, actor: Actor) => holdTickerCmd(body, false, actor),
    takeAlert,
    dismissAlert,
    listAlerts,
    /** Takes a graphic off the program alert layer if it is there (a withdrawn call's banner), as `actor`. */
    takeOffAlertLayer: clearAlertIfShowing,
    recover,
    follow,
    close,
  };
}

export type GraphicsService = ReturnType<typeof createGraphicsService>;
