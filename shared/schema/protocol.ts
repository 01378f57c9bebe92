import { z } from 'zod';
import { Alert } from './alert.js';
import { ErrorCode } from './errors.js';
import { Channel, GraphicsState, Layers, type AirCommand, type ClearCommand, type CueCommand, type TakeCommand, type TickerHoldCommand } from './graphics.js';
import { CallProposal } from './call.js';
import { Actor } from './event.js';
import { FeedStatus } from './feed.js';
import { LeadChange, RaceView } from './race.js';
import { Rundown, RundownStatus } from './rundown.js';
import type { AlertRef } from './alert.js';
import type { ThemeState } from './theme.js';

export const OverlayAuth = z.object({
  channel: Channel.default('program'),
  /** A control panel's monitor: follows air like any page but is not counted in the tally. */
  monitor: z.boolean().default(false),
});

export const OverlaySnapshot = z.object({
  channel: Channel,
  layers: Layers,
  races: z.record(z.string(), RaceView),
  leadChanges: z.record(z.string(), LeadChange),
  revision: z.number(),
});
export type OverlaySnapshot = z.infer<typeof OverlaySnapshot>;

export const ChannelGraphics = z.object({ channel: Channel, layers: Layers, revision: z.number() });
export type ChannelGraphics = z.infer<typeof ChannelGraphics>;

/** How many overlay pages (not counting control-panel monitors) are connected per channel, across every instance. */
export const Tally = z.object({ program: z.number(), preview: z.number() });
export type Tally = z.infer<typeof Tally>;

export const ControlSnapshot = z.object({
  graphics: z.object({ program: Layers, preview: Layers }),
  races: z.record(z.string(), RaceView),
  leadChanges: z.record(z.string(), LeadChange),
  alerts: z.array(Alert),
  revision: z.number(),
  /** v2: every feed's health, as `GET /api/feeds` answers it. */
  feeds: z.array(FeedStatus),
  /** v2: the sources' calls and what the desk decided (`GET /api/calls`). */
  calls: z.array(CallProposal),
  /** v2: who this panel is signed in as (the handshake token's operator); every action it sends is logged as them. */
  operator: Actor.optional(),
  /** v2: the stored rundowns and each channel's run (`rundown` pushes follow it). */
  rundowns: z.object({ list: z.array(Rundown), runs: z.array(RundownStatus) }).optional(),
});
export type ControlSnapshot = z.infer<typeof ControlSnapshot>;

export type AckError = { code: ErrorCode; message: string; issues?: { path: string; message: string }[] };
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };
export type AckFn<T> = (ack: Ack<T>) => void;

/** `/overlay` namespace: server → client. No client → server events. */
export interface OverlayServerToClient {
  snapshot: (s: OverlaySnapshot) => void;
  graphics: (g: ChannelGraphics) => void;
  race: (r: RaceView) => void;
  leadChange: (lc: LeadChange) => void;
  /** v2: this channel's rundown moved on, was held, or ended. */
  rundown: (s: RundownStatus) => void;
  /** v2: the station's look, on connect and on every change (restyle live). */
  theme: (t: ThemeState) => void;
}
export type OverlayClientToServer = Record<string, never>;

/** `/control` namespace: server → client. */
export interface ControlServerToClient {
  snapshot: (s: ControlSnapshot) => void;
  graphics: (g: GraphicsState) => void;
  race: (r: RaceView) => void;
  leadChange: (lc: LeadChange) => void;
  alert: (a: Alert) => void;
  tally: (t: Tally) => void;
  /** v2: a feed's status changed (as `GET /api/feeds` items; the panel works out staleness itself). */
  feed: (f: FeedStatus) => void;
  /** v2: a source's call arrived or was decided. */
  call: (p: CallProposal) => void;
  /** v2: a channel's rundown moved on, was held, or ended. */
  rundown: (s: RundownStatus) => void;
  /** v2: the stored rundowns changed (saved or deleted): the whole list. */
  rundowns: (list: Rundown[]) => void;
  /** v2: the station's look, on connect and on every change. */
  theme: (t: ThemeState) => void;
}

/** `/control` namespace: client → server. Payloads are `unknown` on the server side until parsed. */
export interface ControlClientToServer {
  cue: (cmd: CueCommand, ack: AckFn<GraphicsState>) => void;
  take: (cmd: TakeCommand, ack: AckFn<GraphicsState>) => void;
  clear: (cmd: ClearCommand, ack: AckFn<GraphicsState>) => void;
  air: (cmd: AirCommand, ack: AckFn<GraphicsState>) => void;
  'alert:take': (ref: AlertRef, ack: AckFn<Alert>) => void;
  'alert:dismiss': (ref: AlertRef, ack: AckFn<Alert>) => void;
  /** v2: hold a channel's ticker where it stands (as `POST /api/graphics/ticker/pause`). */
  'ticker:pause': (cmd: TickerHoldCommand, ack: AckFn<GraphicsState>) => void;
  /** v2: run a held ticker on from where it stood (as `POST /api/graphics/ticker/resume`). */
  'ticker:resume': (cmd: TickerHoldCommand, ack: AckFn<GraphicsState>) => void;
}

export type InterServerEvents = Record<string, never>;

export interface ControlSocketData {
  role: 'producer';
  /** v2: the producer the handshake token names: who every action of this socket is logged as. */
  actor: Actor;
}
export interface OverlaySocketData {
  channel: Channel;
  monitor: boolean;
}
