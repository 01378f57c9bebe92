/**
 * The words for a channel's run (now / next / countdown), pure so they can be table-tested; the runs themselves are
 * held by the panel's `ControlState.runs` (the snapshot's `rundowns.runs`, then the `rundown` push). The panel's
 * Rundowns area says its runs with the same words.
 */
import type { Channel, Graphic, RundownStatus } from '../../../shared/index.js';
import { LAYER_LABEL } from '../asrun.js';
import { formatAge } from '../describe.js';

export interface RunWords {
  /** The rundown's id, for Pause / Next (null: nothing running on this channel). */
  rundownId: string | null;
  channel: Channel;
  /** "Night rundown", or "Ended" when nothing runs on this channel (`stopped` says why). */
  name: string;
  /** "2 of 5", or "" when nothing is running. */
  position: string;
  /** "LOWER THIRD · Georgia President". */
  now: string;
  /** "FULL SCREEN · Battlegrounds", "nothing: the run ends after this item", or "" when nothing is running. */
  next: string;
  /** "next in 6 s", "PAUSED", or "" (ended, or no time from the server). */
  timing: string;
  paused: boolean;
  /** Why the last run ended, as the server worded it ("Stopped by a take on the lower third"). */
  stopped: string;
}

/**
 * What a channel's run says, in words. `describe` names a graphic (the panel's `describeGraphic`); `now` is this
 * page's clock, for the countdown to `endsAt` (rounded up, so "0 s" is never shown while the item stands).
 */
export function describeRun(s: RundownStatus, describe: (g: Graphic) => string, now: number): RunWords {
  const run = s.run;
  if (!run) {
    return { rundownId: null, channel: s.channel, name: 'Ended', position: '', now: '', next: '', timing: '', paused: false, stopped: s.stopped?.message ?? '' };
  }
  const item = (i: number | null) => {
    const it = i === null ? undefined : run.items[i];
    return it ? `${LAYER_LABEL[it.layer]} · ${describe(it.graphic)}` : null;
  };
  const paused = run.pausedAt !== null;
  const ends = s.endsAt ? Date.parse(s.endsAt) : NaN;
  const left = Number.isNaN(ends) ? null : Math.max(0, ends - now);
  return {
    rundownId: run.rundownId,
    channel: s.channel,
    name: run.name,
    position: `${run.index + 1} of ${run.items.length}`,
    now: item(run.index) ?? `item ${run.index + 1}`,
    next: s.nextIndex === null ? 'nothing: the run ends after this item' : (item(s.nextIndex) ?? `item ${s.nextIndex + 1}`),
    timing: paused ? 'PAUSED' : left === null ? '' : `next in ${formatAge(Math.ceil(left / 1000) * 1000)}`,
    paused,
    stopped: '',
  };
}
