import { feedStateAt, RundownStatus, type Alert, type CallProposal, type Channel, type FeedStatus, type Graphic, type GraphicsState, type LayerName, type RaceView, type Rundown } from '../../shared/index.js';
import { request, type Answer } from './api.js';
import type { ControlSocket } from './connection.js';
import { describeProposal } from './calls.js';
import { candidateName, describeGraphic, raceName } from './describe.js';
import { describeLastSuccess, FEED_STATE_WORDS } from './feeds.js';
import { draftId, toBody, type Draft } from './rundown-draft.js';
import type { ControlState } from './state.js';

/** An action not answered within this long is reported as failed (it may still have happened: look at the tally). */
export const ACK_TIMEOUT_MS = 4_000;

export const LAYER_WORDS: Record<LayerName, string> = { fullscreen: 'full-screen graphic', lowerThird: 'lower third', alert: 'alert', ticker: 'ticker' };

export interface Actions {
  cueRace(raceId: string): void;
  /** Cues any graphic on its layer in preview (a board, key races, the balance, the ticker). */
  cue(layer: LayerName, graphic: Graphic): void;
  /** Holds a channel's ticker where it stands (`ticker:pause`). */
  pauseTicker(channel?: Channel): void;
  /** Runs a held ticker on from where it stood (`ticker:resume`). */
  resumeTicker(channel?: Channel): void;
  take(layer?: LayerName): void;
  clear(layer: LayerName, channel?: Channel): void;
  airRace(raceId: string): void;
  airAlert(alertId: string): void;
  dismissAlert(alertId: string): void;
  /** Calls a race for a candidate (`POST /api/races/:id/call`). */
  callRace(raceId: string, winner: string): void;
  /** Withdraws a race's call (`DELETE /api/races/:id/call`). */
  uncallRace(raceId: string): void;
  /** Accepts a source's call (`POST /api/calls/:id/accept`): the race is called and its call alert queued. */
  acceptCall(callId: string): void;
  /** Rejects a source's call (`POST /api/calls/:id/reject`): nothing is called, nothing airs. */
  rejectCall(callId: string): void;
  /** Stops polling a feed, on whichever instance polls it (`POST /api/feeds/:id/pause`). */
  pauseFeed(feedId: string): void;
  /** Polls a paused feed again, at once (`POST /api/feeds/:id/resume`). */
  resumeFeed(feedId: string): void;
  /** Polls a feed now instead of at its next interval (`POST /api/feeds/:id/poll`; answers after the poll). */
  pollFeed(feedId: string): void;
  /** Saves a rundown (`PUT /api/rundowns/:id`); answers the stored rundown, or null when refused. */
  saveRundown(d: Draft): Promise<Rundown | null>;
  /** Saves the rundown as it stands, then starts it on a channel (`POST /api/rundowns/:id/start`). */
  /** Saves the draft, then starts it; answers the rundown as saved (null when the save was refused). */
  startRundown(d: Draft, channel: Channel): Promise<Rundown | null>;
  /** Pause · resume · next · previous · stop of the run on `channel` (default: program's, else preview's). */
  stepRundown(verb: RundownVerb, channel?: Channel): void;
  /** Deletes a stored rundown (`DELETE /api/rundowns/:id`; a run of it ends). */
  deleteRundown(id: string): void;
}

export type RundownVerb = 'pause' | 'resume' | 'next' | 'previous' | 'stop';
const RUNDOWN_VERB_WORDS: Record<RundownVerb, [string, string]> = {
  pause: ['Pause', 'held'],
  resume: ['Resume', 'running again'],
  next: ['Next', 'moved on'],
  previous: ['Previous', 'moved back'],
  stop: ['Stop', 'stopped'],
};

/**
 * The producer's actions: one named, acknowledged socket event each. Feedback is immediate (a "sending"
 * line in the same frame), then the server's answer: the new state, or the refusal's code and message.
 * Nothing is sent while disconnected: socket.io would buffer it and air it later, by surprise.
 */
export function createActions(socket: () => ControlSocket | null, state: ControlState, token: () => string | null): Actions {
  async function run<T>(
    label: string,
    send: (s: ControlSocket) => Promise<Answer<T>>,
    onOk: (data: T) => string,
  ): Promise<T | null> {
    const s = socket();
    if (!s || !s.connected || !state.synced) {
      state.setFeedback('error', `${label}: not sent — not connected to the server`);
      return null;
    }
    state.setFeedback('pending', `${label}…`);
    let ack: Answer<T>;
    try {
      ack = await send(s);
    } catch {
      state.setFeedback('error', `${label}: no answer from the server within ${ACK_TIMEOUT_MS / 1000} s — check the tally before retrying`);
      return null;
    }
    if (ack.ok) {
      state.setFeedback('ok', onOk(ack.data));
      return ack.data;
    }
    state.setFeedback('error', `${label} refused — ${ack.error.message} (${ack.error.code})`);
    return null;
  }

  const graphicsDone = (text: (g: GraphicsState) => string) => (g: GraphicsState) => {
    state.applyGraphics(g);
    return text(g);
  };
  const alertDone = (verb: string) => (a: Alert) => {
    state.applyAlert(a);
    const v = state.races.get(a.raceId)?.view;
    const what = a.kind === 'call' ? `projected winner ${candidateName(v, a.winner)}` : 'lead change';
    return `${verb}: ${v ? raceName(v) : a.raceId} ${what}`;
  };
  const ask = (s: ControlSocket) => s.timeout(ACK_TIMEOUT_MS);
  /** HTTP with the token the socket was opened with (the panel never holds another). */
  const http = <T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) => {
    const t = token();
    if (t === null) return Promise.reject(new Error('no token'));
    return request<T>(method, path, t, body, ACK_TIMEOUT_MS);
  };
  const raceDone = (text: (v: RaceView) => string) => (v: RaceView) => {
    state.applyRace(v);
    return text(v);
  };
  const feedDone = (text: (f: FeedStatus, words: string) => string) => (f: FeedStatus) => {
    state.applyFeed(f);
    const held = state.feeds.get(f.id) ?? f;
    const now = Date.now();
    const words = FEED_STATE_WORDS[feedStateAt(held, now)];
    return text(held, held.lastError && words === 'error' ? `${words} — ${held.lastError}` : `${words} · ${describeLastSuccess(held, now)}`);
  };
  const callWords = (callId: string) => {
    const p = state.calls.get(callId);
    return p ? describeProposal(p, state.races.get(p.raceId)?.view, state.feeds).name : callId;
  };
  const callPath = (callId: string, verb: 'accept' | 'reject') => `/api/calls/${encodeURIComponent(callId)}/${verb}`;
  const callDone = (text: (p: CallProposal, name: string) => string) => (p: CallProposal) => {
    state.applyCall(p);
    return text(p, describeProposal(p, state.races.get(p.raceId)?.view, state.feeds).name);
  };
  const feedName = (feedId: string) => state.feeds.get(feedId)?.label ?? feedId;
  const feedPath = (feedId: string, verb: string) => `/api/feeds/${encodeURIComponent(feedId)}/${verb}`;
  const nameOf = (raceId: string) => {
    const v = state.races.get(raceId)?.view;
    return v ? raceName(v) : raceId;
  };

  const rundownPath = (id: string, verb?: string) => `/api/rundowns/${encodeURIComponent(id)}${verb ? `/${verb}` : ''}`;
  /**
   * An answer shaped as a run's status words the feedback; the state follows the `rundown` pushes only, which come in
   * order on the one socket (an answer may overtake a later push, and a status carries no revision to tell).
   */
  const statusDone = (text: (st: RundownStatus) => string) => (data: unknown) => {
    const st = RundownStatus.safeParse(data);
    return text(st.success ? st.data : { channel: 'program', run: null, nextIndex: null, endsAt: null });
  };
  const position = (st: RundownStatus) => (st.run ? `item ${st.run.index + 1} of ${st.run.items.length}` : 'ended');
  const saveRundown = (d: Draft) => {
    const id = draftId(d, new Set(state.rundowns.map((r) => r.id)));
    return run(
      `Save rundown ${d.name.trim() || id}`,
      () => http<Rundown>('PUT', rundownPath(id), toBody(d)),
      (r) => {
        state.applyRundown(r);
        return `Rundown saved: ${r.name} (${r.items.length} item${r.items.length === 1 ? '' : 's'})`;
      },
    );
  };

  return {
    saveRundown,
    async startRundown(d, channel) {
      const saved = await saveRundown(d);
      if (!saved) return null;
      await run(`Start rundown ${saved.name} on ${channel}`, () => http<unknown>('POST', rundownPath(saved.id, 'start'), { channel }), statusDone((st) => `Rundown ${saved.name} ON ${channel.toUpperCase()}: ${position(st)}`));
      return saved;
    },
    stepRundown(verb, channel) {
      const st = channel ? state.runs.get(channel) : state.activeRun();
      const [word, done] = RUNDOWN_VERB_WORDS[verb];
      if (!st?.run) {
        state.setFeedback('error', `${word} rundown: not sent — no rundown is running${channel ? ` on ${channel}` : ''}`);
        return;
      }
      const { rundownId, name } = st.run;
      void run(`${word} rundown ${name}`, () => http<unknown>('POST', rundownPath(rundownId, verb), { channel: st.channel }), statusDone((after) => `Rundown ${name} ${done} (${st.channel}): ${position(after)}`));
    },
    deleteRundown(id) {
      const name = state.rundowns.find((r) => r.id === id)?.name ?? id;
      void run(`Delete rundown ${name}`, () => http<Rundown>('DELETE', rundownPath(id)), () => {
        state.applyRundowns(state.rundowns.filter((r) => r.id !== id));
        return `Rundown deleted: ${name}`;
      });
    },
    cueRace(raceId) {
      state.select(raceId);
      void run(
        `Cue ${nameOf(raceId)}`,
        (s) => ask(s).emitWithAck('cue', { layer: 'lowerThird', graphic: { type: 'race', raceId } }),
        graphicsDone(() => `Cued to preview: ${nameOf(raceId)} lower third`),
      );
    },
    cue(layer, graphic) {
      const what = describeGraphic(graphic, state);
      void run(
        `Cue ${what}`,
        (s) => ask(s).emitWithAck('cue', { layer, graphic }),
        graphicsDone(() => `Cued to preview: ${what} (${LAYER_WORDS[layer]})`),
      );
    },
    pauseTicker(channel = 'program') {
      void run(`Pause ${channel} ticker`, (s) => ask(s).emitWithAck('ticker:pause', { channel }), graphicsDone(() => `Ticker held on ${channel} — Resume runs it on from there`));
    },
    resumeTicker(channel = 'program') {
      void run(`Resume ${channel} ticker`, (s) => ask(s).emitWithAck('ticker:resume', { channel }), graphicsDone(() => `Ticker running again on ${channel}`));
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
    callRace(raceId, winner) {
      const who = candidateName(state.races.get(raceId)?.view, winner);
      void run(
        `Call ${nameOf(raceId)} for ${who}`,
        () => http<RaceView>('POST', `/api/races/${encodeURIComponent(raceId)}/call`, { winner }),
        raceDone((v) => `CALLED: ${raceName(v)} for ${candidateName(v, v.call?.winner ?? winner)}`),
      );
    },
    uncallRace(raceId) {
      void run(
        `Withdraw call ${nameOf(raceId)}`,
        () => http<RaceView>('DELETE', `/api/races/${encodeURIComponent(raceId)}/call`),
        raceDone((v) => `Call withdrawn: ${raceName(v)}`),
      );
    },
    acceptCall(callId) {
      void run(
        `Accept call ${callWords(callId)}`,
        () => http<CallProposal>('POST', callPath(callId, 'accept')),
        callDone((p, name) => (p.kind === 'winner' ? `Call accepted: ${name} — its alert waits in the alert queue` : `Call accepted: ${name}`)),
      );
    },
    rejectCall(callId) {
      void run(`Reject call ${callWords(callId)}`, () => http<CallProposal>('POST', callPath(callId, 'reject')), callDone((_p, name) => `Call rejected: ${name} — nothing called, nothing aired`));
    },
    pauseFeed(feedId) {
      void run(`Pause feed ${feedName(feedId)}`, () => http<FeedStatus>('POST', feedPath(feedId, 'pause')), feedDone((f) => `Feed ${f.label} paused — no polls until resumed`));
    },
    resumeFeed(feedId) {
      void run(`Resume feed ${feedName(feedId)}`, () => http<FeedStatus>('POST', feedPath(feedId, 'resume')), feedDone((f, words) => `Feed ${f.label} resumed: ${words}`));
    },
    pollFeed(feedId) {
      if (state.feeds.get(feedId)?.state === 'paused') {
        state.setFeedback('error', `Poll feed ${feedName(feedId)} now: not sent — the feed is paused (resume it first)`);
        return;
      }
      void run(`Poll feed ${feedName(feedId)} now`, () => http<FeedStatus>('POST', feedPath(feedId, 'poll')), feedDone((f, words) => `Feed ${f.label} polled: ${words}`));
    },
  };
}
