/**
 * Rundowns, pure: which item airs next, when the one on air gives way, and each action as a change of the graphics
 * state (the run lives in it, so an advance and a producer's take on the same layer are one compare-and-set).
 * Nothing here reads a clock or a store: `now` and whether a race has votes are given.
 */
import type { EventDraft } from '../schema/event.js';
import { refsOf, type Channel, type GraphicsState, type LayerName } from '../schema/graphics.js';
import {
  RUNDOWN_DWELL_SECONDS,
  type Rundown,
  type RundownItem,
  type RundownRun,
  type RundownRuns,
  type RundownStatus,
  type RundownStopReason,
  type RundownStopped,
} from '../schema/rundown.js';
import { sameGraphic } from './graphics.js';

/** Whether a race has any votes yet (false for one that is not known). */
export type HasVotes = (raceId: string) => boolean;

export const CHANNELS: readonly Channel[] = ['program', 'preview'];

/** How long an item stands, in milliseconds. */
export const dwellMs = (item: RundownItem) => (item.dwellSeconds ?? RUNDOWN_DWELL_SECONDS) * 1000;

/**
 * An item is awaiting when the races its graphic names all have no votes yet. A graphic naming no races (a lead
 * change, a balance of every race) is never awaiting.
 */
export function isAwaiting(item: RundownItem, hasVotes: HasVotes): boolean {
  const ids = refsOf(item.graphic).raceIds;
  return ids.length > 0 && !ids.some(hasVotes);
}

type Plan = Pick<RundownRun, 'items' | 'loop' | 'skipAwaiting'>;

const airable = (plan: Plan, i: number, hasVotes: HasVotes) => !plan.skipAwaiting || !isAwaiting(plan.items[i]!, hasVotes);

/** The first item a start airs (the first with votes when skipping), or null when there is none to air. */
export function firstIndex(plan: Plan, hasVotes: HasVotes): number | null {
  for (let i = 0; i < plan.items.length; i++) if (airable(plan, i, hasVotes)) return i;
  return null;
}

/**
 * The item after (`step` 1) or before (`step` -1) `from`, skipping awaiting ones when the plan says so, wrapping
 * round when it loops. Null: there is none (the end of a rundown that does not loop, or nothing with votes). In a
 * loop where no other item can air, the item on air stands again if it can.
 */
export function stepIndex(plan: Plan, from: number, hasVotes: HasVotes, step: 1 | -1 = 1): number | null {
  const n = plan.items.length;
  for (let k = 1; k <= n; k++) {
    const raw = from + step * k;
    if (!plan.loop && (raw < 0 || raw >= n)) return null;
    const i = ((raw % n) + n) % n;
    if (airable(plan, i, hasVotes)) return i;
  }
  return null;
}

/** When the item on air gives way; null while held. */
export function itemEndsAt(run: RundownRun): Date | null {
  if (run.pausedAt !== null) return null;
  return new Date(Date.parse(run.itemStartedAt) + dwellMs(run.items[run.index]!));
}

/** True when a running item's dwell is over at `now`. */
export function isDue(run: RundownRun, now: Date): boolean {
  const ends = itemEndsAt(run);
  return ends !== null && ends.getTime() <= now.getTime();
}

/** Holds a run: its dwell stops counting down. A held run is unchanged (same object). */
export function pauseRun(run: RundownRun, now: Date): RundownRun {
  return run.pausedAt !== null ? run : { ...run, pausedAt: now.toISOString() };
}

/** Runs a held run on: `itemStartedAt` moves on by the time it was held, so the item gets the rest of its dwell. */
export function resumeRun(run: RundownRun, now: Date): RundownRun {
  if (run.pausedAt === null) return run;
  const held = Math.max(0, now.getTime() - Date.parse(run.pausedAt));
  return { ...run, itemStartedAt: new Date(Date.parse(run.itemStartedAt) + held).toISOString(), pausedAt: null };
}

/** The runs of a state, each channel null when none (a state stored before runs existed has none). */
export function runsOf(s: GraphicsState): Required<Pick<RundownRuns, 'program' | 'preview'>> & Pick<RundownRuns, 'stopped'> {
  return { program: s.runs?.program ?? null, preview: s.runs?.preview ?? null, stopped: s.runs?.stopped };
}

/** The channels running rundown `id`, program first. */
export const channelsRunning = (s: GraphicsState, id: string): Channel[] => CHANNELS.filter((c) => runsOf(s)[c]?.rundownId === id);

const LAYER_WORDS: Record<LayerName, string> = { fullscreen: 'full-screen layer', ticker: 'ticker', lowerThird: 'lower third', alert: 'alert layer' };
export const layerWords = (layer: LayerName) => LAYER_WORDS[layer];

/** A run as it starts: its rundown's items as they are now, the first airable item up at `now`. */
export function newRun(rundown: Rundown, index: number, now: Date): RundownRun {
  const { id, name, items, loop, skipAwaiting } = rundown;
  return { rundownId: id, name, items, loop, skipAwaiting, index, itemStartedAt: now.toISOString(), pausedAt: null };
}

function withRun(s: GraphicsState, channel: Channel, run: RundownRun | null, stopped?: RundownStopped): GraphicsState {
  const r = runsOf(s);
  const stops = { program: r.stopped?.program ?? null, preview: r.stopped?.preview ?? null };
  stops[channel] = run ? null : (stopped ?? stops[channel]);
  return { ...s, runs: { program: r.program, preview: r.preview, [channel]: run, stopped: stops } };
}

/** The channel's layer showing `item` taken off, if it still shows it (a graphic put there since stays). */
function offAir(s: GraphicsState, channel: Channel, item: RundownItem | undefined): GraphicsState {
  if (!item || !sameGraphic(s[channel][item.layer], item.graphic)) return s;
  return { ...s, [channel]: { ...s[channel], [item.layer]: null } };
}

/** `item` on air on its layer of `channel`, the previous item's layer cleared when it was another. */
function onAir(s: GraphicsState, channel: Channel, prev: RundownItem | undefined, item: RundownItem): GraphicsState {
  const cleared = prev && prev.layer !== item.layer ? offAir(s, channel, prev) : s;
  return { ...cleared, [channel]: { ...cleared[channel], [item.layer]: item.graphic } };
}

const bump = (s: GraphicsState): GraphicsState => ({ ...s, revision: s.revision + 1 });

/** Starts `run` on `channel`, replacing a run already there (whose graphic leaves unless the new one covers it). */
export function startRun(s: GraphicsState, channel: Channel, run: RundownRun): GraphicsState {
  const old = runsOf(s)[channel];
  const item = run.items[run.index]!;
  const base = old ? offAir(s, channel, old.items[old.index]) : s;
  return bump(withRun(onAir(base, channel, undefined, item), channel, run));
}

/** Moves the channel's run to item `to` (now on air since `now`; a held run stays held, with its whole dwell). */
export function moveRun(s: GraphicsState, channel: Channel, to: number, now: Date): GraphicsState {
  const run = runsOf(s)[channel];
  if (!run) return s;
  const at = now.toISOString();
  const next: RundownRun = { ...run, index: to, itemStartedAt: at, pausedAt: run.pausedAt === null ? null : at };
  return bump(withRun(onAir(s, channel, run.items[run.index], run.items[to]!), channel, next));
}

/** Replaces the channel's run by itself changed (held, resumed); the layers stay as they are. */
export function setRun(s: GraphicsState, channel: Channel, run: RundownRun): GraphicsState {
  return runsOf(s)[channel] === run ? s : bump(withRun(s, channel, run));
}

/**
 * Ends the channel's run. `stop`, `end` and `deleted` take its graphic off air (if still showing it); a producer's
 * own take or clear (`take` / `clear`) leaves the layer as that producer set it.
 */
export function endRun(s: GraphicsState, channel: Channel, reason: RundownStopReason, message: string, now: Date): GraphicsState {
  const run = runsOf(s)[channel];
  if (!run) return s;
  const byHand = reason === 'take' || reason === 'clear';
  const base = byHand ? s : offAir(s, channel, run.items[run.index]);
  return bump(withRun(base, channel, null, { reason, message, at: now.toISOString(), rundownId: run.rundownId }));
}

/** Why each reason ended a run, for the producer. */
export function stopMessage(reason: RundownStopReason, run: Pick<RundownRun, 'name'>, channel: Channel, layer?: LayerName): string {
  const on = layer ? ` on the ${channel} ${layerWords(layer)}` : ` on ${channel}`;
  switch (reason) {
    case 'take':
      return `"${run.name}" stopped: a graphic was put up by hand${on}`;
    case 'clear':
      return `"${run.name}" stopped: cleared by hand${on}`;
    case 'stop':
      return `"${run.name}" stopped by the producer${on}`;
    case 'end':
      return `"${run.name}" ended after its last item${on}`;
    case 'deleted':
      return `"${run.name}" stopped: the rundown was deleted`;
  }
}

/**
 * A producer's own change of one layer (`take` for a cue, take or air; `clear`) stops the run airing that layer
 * on that channel, in the same state change. Other layers and channels run on.
 */
export function stopByHand(s: GraphicsState, channel: Channel, layer: LayerName, reason: 'take' | 'clear', now: Date): GraphicsState {
  const run = runsOf(s)[channel];
  if (!run || run.items[run.index]!.layer !== layer) return s;
  return endRun(s, channel, reason, stopMessage(reason, run, channel, layer), now);
}

/** The `rundown` push for a channel: its run, what airs next and when, or how it ended. */
export function rundownStatus(s: GraphicsState, channel: Channel, hasVotes: HasVotes): RundownStatus {
  const r = runsOf(s);
  const run = r[channel];
  if (!run) {
    const stopped = r.stopped?.[channel] ?? null;
    return { channel, run: null, nextIndex: null, endsAt: null, ...(stopped ? { stopped } : {}) };
  }
  const ends = itemEndsAt(run);
  return { channel, run, nextIndex: stepIndex(run, run.index, hasVotes), endsAt: ends ? ends.toISOString() : null };
}

/** What a rundown action does, as the event log records it. */
export type RundownAction = 'save' | 'delete' | 'start' | 'pause' | 'resume' | 'next' | 'previous' | 'advance' | 'stop';

/** The `rundown` event of an action (the index the run stands at after it; a stop says why). */
export function rundownEvent(
  rundownId: string,
  action: RundownAction,
  extra: { channel?: Channel; index?: number | null; reason?: RundownStopReason; message?: string; replaced?: string } = {},
): EventDraft {
  const data: Record<string, unknown> = { rundown: rundownId, action };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) data[k] = v;
  return { type: 'rundown', data };
}

/** The `rundown` events of the runs a state change ended (a producer's take or clear), in channel order. */
export function endedRunEvents(before: GraphicsState, after: GraphicsState): EventDraft[] {
  const a = runsOf(before);
  const b = runsOf(after);
  return CHANNELS.flatMap((c) => {
    const run = a[c];
    const stopped = b.stopped?.[c];
    if (!run || b[c] !== null || !stopped) return [];
    return [rundownEvent(run.rundownId, 'stop', { channel: c, index: run.index, reason: stopped.reason, message: stopped.message })];
  });
}
