/**
 * Hooks for playout software that drives HTML graphics.
 *
 * CasparCG HTML templates call window globals:
 * - `play()`  shows the layers the server has on air (the page starts playing, so OBS needs no call);
 * - `stop()`  animates every layer out and keeps them off until `play()`;
 * - `next()`  flips the ticker band to its next race;
 * - `update(data)` takes a JSON string or object with any of:
 *     `{ "channel": "program" | "preview" }` — follow that channel instead of `?channel=`;
 *     `{ "raceId": "ga-president-2020" }`  — pin that race's lower third (template-driven playout),
 *     `{ "raceId": null }`                 — unpin; the lower third follows the server again.
 *   Anything else (CasparCG's XML templateData, unknown keys) is ignored.
 *
 * OBS browser sources fire `obsSourceVisibleChanged` / `obsSourceActiveChanged`; when the source becomes
 * visible or active again the overlay reconnects so it draws a fresh snapshot.
 *
 * A page that embeds the overlay in an iframe of the same origin (the control panel's monitors) may pause
 * and resume its drawing by posting `{ "type": "leadwire:render", "paused": true | false }`
 * (overlay/lib/render-message.ts). The page also stops drawing by itself while its document is hidden.
 */
import type { Channel } from '../../shared/index.js';
import { parseRenderMessage } from '../lib/render-message.js';

export interface PlayoutActions {
  play(): void;
  stop(): void;
  next(): void;
  setChannel(channel: Channel): void;
  pinRace(raceId: string | null): void;
  refresh(): void;
}

export interface UpdateCommand {
  channel?: Channel;
  raceId?: string | null;
}

const RACE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Reads a CasparCG `update()` payload; returns only the fields it understands. */
export function parseUpdate(input: unknown): UpdateCommand {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch {
      return {};
    }
  }
  if (typeof data !== 'object' || data === null) return {};
  const out: UpdateCommand = {};
  const channel: unknown = Reflect.get(data, 'channel');
  if (channel === 'program' || channel === 'preview') out.channel = channel;
  const raceId: unknown = Reflect.get(data, 'raceId');
  if (raceId === null || (typeof raceId === 'string' && RACE_ID.test(raceId))) out.raceId = raceId;
  return out;
}

/** The hooks once installed: `attach` hands them the page's actions when the page can act on them. */
export interface PlayoutHooks {
  attach(actions: PlayoutActions): void;
}

/**
 * Hangs the globals on `win` at once, before the page can draw: CasparCG calls a template's `update(data)` and
 * `play()` as soon as the page has loaded, while the overlay still waits for its fonts and WebGL. Calls made before
 * `attach` wait and run then, in the order made; an OBS visibility change before it needs nothing (the page's first
 * snapshot is fresh).
 */
export function installPlayoutHooks(win: Window): PlayoutHooks {
  let actions: PlayoutActions | null = null;
  const waiting: ((a: PlayoutActions) => void)[] = [];
  const run = (call: (a: PlayoutActions) => void): void => {
    if (actions) call(actions);
    else waiting.push(call);
  };
  win.play = () => run((a) => a.play());
  win.stop = () => run((a) => a.stop());
  win.next = () => run((a) => a.next());
  win.update = (data: unknown) => {
    const cmd = parseUpdate(data);
    run((a) => {
      if (cmd.channel) a.setChannel(cmd.channel);
      if (cmd.raceId !== undefined) a.pinRace(cmd.raceId);
    });
  };
  win.addEventListener('obsSourceVisibleChanged', (e) => {
    if (e.detail?.visible) actions?.refresh();
  });
  win.addEventListener('obsSourceActiveChanged', (e) => {
    if (e.detail?.active) actions?.refresh();
  });
  return {
    attach(a) {
      actions = a;
      for (const call of waiting.splice(0)) call(a);
    },
  };
}

/** Listens for render messages from the embedding page (same origin, the parent window only). */
export function installEmbedderHook(win: Window, setPaused: (paused: boolean) => void): void {
  win.addEventListener('message', (e) => {
    if (e.origin !== win.location.origin || e.source !== win.parent) return;
    const msg = parseRenderMessage(e.data);
    if (msg) setPaused(msg.paused);
  });
}
