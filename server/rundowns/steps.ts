import type { Channel, GraphicsState } from '../../shared/index.js';
import {
  endRun,
  isDue,
  moveRun,
  pauseRun,
  resumeRun,
  rundownEvent,
  runsOf,
  setRun,
  stepIndex,
  stopMessage,
  type HasVotes,
} from '../../shared/domain/rundown.js';
import type { RunStep } from './apply.js';

/** The actions on a started rundown (`POST /api/rundowns/:id/<action>`). */
export type RunAction = 'pause' | 'resume' | 'next' | 'previous' | 'stop';

/**
 * A producer's action on the channel's run, worked out from the stored state (null: nothing changes, e.g. pausing
 * a held run). The caller has made sure the channel runs the rundown acted on.
 */
export function actionStep(action: RunAction, s: GraphicsState, channel: Channel, now: Date, hasVotes: HasVotes): RunStep | null {
  const run = runsOf(s)[channel]!;
  const ev = (state: GraphicsState, extra: Parameters<typeof rundownEvent>[2] = {}): RunStep => ({
    state,
    channel,
    event: rundownEvent(run.rundownId, action, { channel, index: runsOf(state)[channel]?.index ?? null, ...extra }),
  });
  switch (action) {
    case 'pause':
    case 'resume': {
      const next = action === 'pause' ? pauseRun(run, now) : resumeRun(run, now);
      return next === run ? null : ev(setRun(s, channel, next));
    }
    case 'next': {
      const to = stepIndex(run, run.index, hasVotes, 1);
      if (to === null) return ev(endRun(s, channel, 'end', stopMessage('end', run, channel), now), { reason: 'end' });
      return ev(moveRun(s, channel, to, now));
    }
    case 'previous':
      // At the first item of a rundown that does not loop, the first item stands again from the start of its dwell.
      return ev(moveRun(s, channel, stepIndex(run, run.index, hasVotes, -1) ?? run.index, now));
    case 'stop':
      return ev(endRun(s, channel, 'stop', stopMessage('stop', run, channel), now), { reason: 'stop' });
  }
}

/**
 * The timer's step of the channel's run: the next item once the dwell is over, or the end after the last. Null when
 * the stored run is not due (held, not over yet, or already moved on by another instance).
 */
export function dueStep(s: GraphicsState, channel: Channel, now: Date, hasVotes: HasVotes): RunStep | null {
  const run = runsOf(s)[channel];
  if (!run || !isDue(run, now)) return null;
  const id = run.rundownId;
  const to = stepIndex(run, run.index, hasVotes, 1);
  if (to === null) {
    const ended = endRun(s, channel, 'end', stopMessage('end', run, channel), now);
    return { state: ended, channel, event: rundownEvent(id, 'stop', { channel, index: run.index, reason: 'end' }) };
  }
  return { state: moveRun(s, channel, to, now), channel, event: rundownEvent(id, 'advance', { channel, index: to }) };
}
