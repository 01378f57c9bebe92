/**
 * The rundown's Pause / Resume / Next: `POST /api/rundowns/:id/pause` · `resume` · `next` with the panel's token
 * (`api.ts`), the body naming the channel of the run shown, reported in the same feedback line and the same words as the panel's actions ("…", then the answer
 * or the refusal with its code). Nothing is sent while not live.
 */
import { RundownStatus, type Channel } from '../../../shared/index.js';
import { ACK_TIMEOUT_MS } from '../actions.js';
import { request } from '../api.js';
import type { ControlState } from '../state.js';
import type { RunBoard } from './rundown.js';

export type RundownVerb = 'pause' | 'resume' | 'next';

const DONE: Record<RundownVerb, string> = { pause: 'paused', resume: 'running again', next: 'moved on to its next item' };

export function createRundownActions(state: ControlState, runs: RunBoard, token: () => string | null) {
  return async function send(verb: RundownVerb, rundownId: string, name: string, channel: Channel): Promise<void> {
    const label = `${verb === 'next' ? 'Next' : verb === 'pause' ? 'Pause' : 'Resume'} rundown ${name}`;
    const t = token();
    if (!state.live || t === null) {
      state.setFeedback('error', `${label}: not sent — not connected to the server`);
      return;
    }
    state.setFeedback('pending', `${label}…`);
    try {
      const answer = await request<unknown>('POST', `/api/rundowns/${encodeURIComponent(rundownId)}/${verb}`, t, { channel }, ACK_TIMEOUT_MS);
      if (!answer.ok) {
        state.setFeedback('error', `${label} refused — ${answer.error.message} (${answer.error.code})`);
        return;
      }
      // The `rundown` push agrees; an answer shaped as a status is shown at once.
      const status = RundownStatus.safeParse(answer.data);
      if (status.success) runs.apply(status.data);
      state.setFeedback('ok', `Rundown ${name} ${DONE[verb]}`);
    } catch {
      state.setFeedback('error', `${label}: no answer from the server within ${ACK_TIMEOUT_MS / 1000} s — check the tally before retrying`);
    }
  };
}
