import type { Ack, Alert, Channel, GraphicsState, LayerName } from '../../shared/index.js';
import type { ControlSocket } from './connection.js';
import { describeGraphic, raceName } from './describe.js';
import type { ControlState } from './state.js';

/** An action not answered within this long is reported as failed (it may still have happened: look at the tally). */
export const ACK_TIMEOUT_MS = 4_000;

const LAYER_WORDS: Record<LayerName, string> = { lowerThird: 'lower third', alert: 'alert', ticker: 'ticker' };

export interface Actions {
  cueRace(raceId: string): void;
  take(layer?: LayerName): void;
  clear(layer: LayerName, channel?: Channel): void;
  airRace(raceId: string): void;
  airAlert(alertId: string): void;
  dismissAlert(alertId: string): void;
}

/**
 * The producer's actions: one named, acknowledged socket event each. Feedback is immediate (a "sending"
 * line in the same frame), then the server's answer: the new state, or the refusal's code and message.
 * Nothing is sent while disconnected: socket.io would buffer it and air it later, by surprise.
 */
export function createActions(socket: () => ControlSocket | null, state: ControlState): Actions {
  async function run<T>(
    label: string,
    send: (s: ControlSocket) => Promise<Ack<T>>,
    onOk: (data: T) => string,
  ): Promise<void> {
    const s = socket();
    if (!s || !s.connected || !state.synced) {
      state.setFeedback('error', `${label}: not sent — not connected to the server`);
      return;
    }
    state.setFeedback('pending', `${label}…`);
    let ack: Ack<T>;
    try {
      ack = await send(s);
    } catch {
      state.setFeedback('error', `${label}: no answer from the server within ${ACK_TIMEOUT_MS / 1000} s — check the tally before retrying`);
      return;
    }
    if (ack.ok) state.setFeedback('ok', onOk(ack.data));
    else state.setFeedback('error', `${label} refused — ${ack.error.message} (${ack.error.code})`);
  }

  const graphicsDone = (text: (g: GraphicsState) => string) => (g: GraphicsState) => {
    state.applyGraphics(g);
    return text(g);
  };
  const alertDone = (verb: string) => (a: Alert) => {
    state.applyAlert(a);
    const v = state.races.get(a.raceId)?.view;
    return `${verb}: ${v ? raceName(v) : a.raceId} lead change`;
  };
  const ask = (s: ControlSocket) => s.timeout(ACK_TIMEOUT_MS);
  const nameOf = (raceId: string) => {
    const v = state.races.get(raceId)?.view;
    return v ? raceName(v) : raceId;
  };

  return {
    cueRace(raceId) {
      state.select(raceId);
      void run(
        `Cue ${nameOf(raceId)}`,
        (s) => ask(s).emitWithAck('cue', { layer: 'lowerThird', graphic: { type: 'race', raceId } }),
        graphicsDone(() => `Cued to preview: ${nameOf(raceId)} lower third`),
      );
    },
    take(layer = 'lowerThird') {
      void run(
        `Take ${LAYER_WORDS[layer]}`,
        (s) => ask(s).emitWithAck('take', { layer }),
        graphicsDone((g) => `ON AIR: ${describeGraphic(g.program[layer], state)} (${LAYER_WORDS[layer]})`),
      );
    },
    clear(layer, channel = 'program') {
      void run(
        `Clear ${channel} ${LAYER_WORDS[layer]}`,
        (s) => ask(s).emitWithAck('clear', { layer, channel }),
        graphicsDone(() => `Cleared ${channel} ${LAYER_WORDS[layer]}`),
      );
    },
    airRace(raceId) {
      void run(
        `Air direct ${nameOf(raceId)}`,
        (s) => ask(s).emitWithAck('air', { layer: 'lowerThird', graphic: { type: 'race', raceId } }),
        graphicsDone(() => `ON AIR (direct): ${nameOf(raceId)} lower third`),
      );
    },
    airAlert(id) {
      void run('Air alert', (s) => ask(s).emitWithAck('alert:take', { id }), alertDone('Alert ON AIR'));
    },
    dismissAlert(id) {
      void run('Dismiss alert', (s) => ask(s).emitWithAck('alert:dismiss', { id }), alertDone('Alert dismissed'));
    },
  };
}
