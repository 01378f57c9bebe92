import type { Channel } from '../../../shared/index.js';
import type { Actions } from '../actions.js';
import { describeGraphic } from '../describe.js';
import { el, setAttr, setText, toggleClass } from '../dom.js';
import { RUNDOWN_KEYS } from '../keyboard.js';
import type { ControlState } from '../state.js';
import { describeRun } from './rundown.js';

const CHANNELS: readonly Channel[] = ['program', 'preview'];

/**
 * One channel's run: its name and position, now / next, the countdown, PAUSE (RESUME while held) and NEXT — the
 * panel's `stepRundown`, with the panel's names ("Pause rundown (program)") and keys.
 */
function createRun(channel: Channel, state: ControlState, actions: Actions) {
  const title = el('h3', { class: 'dock-run-title' });
  const timing = el('span', { class: 'dock-run-timing' });
  const now = el('p', { class: 'dock-line' });
  const next = el('p', { class: 'dock-line dock-muted' });
  const stopped = el('p', { class: 'dock-line dock-muted' });
  const holdWord = el('span', { class: 'dock-btn-main' });
  const holdKey = el('kbd');
  const hold = el('button', { class: 'dock-btn dock-hold', attrs: { type: 'button' } }, holdWord, holdKey);
  const skip = el(
    'button',
    { class: 'dock-btn dock-next', attrs: { type: 'button', 'aria-label': `Next rundown (${channel})`, 'aria-keyshortcuts': RUNDOWN_KEYS.next } },
    el('span', { class: 'dock-btn-main', text: 'NEXT' }),
    el('kbd', { text: RUNDOWN_KEYS.next }),
  );
  const buttons = el('div', { class: 'dock-pair' }, hold, skip);
  let paused = false;
  hold.addEventListener('click', () => actions.stepRundown(paused ? 'resume' : 'pause', channel));
  skip.addEventListener('click', () => actions.stepRundown('next', channel));
  const root = el(
    'li',
    { class: 'dock-run', attrs: { 'data-channel': channel } },
    el('div', { class: 'dock-layer-head' }, title, el('span', { class: 'dock-run-channel', text: channel === 'program' ? 'PGM' : 'PVW' }), timing),
    now,
    next,
    stopped,
    buttons,
  );

  /** False when this channel has nothing to say (no run, and no ended run to explain). */
  function update(nowMs: number): boolean {
    const st = state.runs.get(channel);
    const w = st ? describeRun(st, (g) => describeGraphic(g, state), nowMs) : null;
    const running = !!w?.rundownId;
    root.hidden = !w || (!running && w.stopped === '');
    if (!w || root.hidden) return false;
    paused = w.paused;
    setText(title, running ? `${w.name} · ${w.position}` : w.name);
    setText(timing, w.timing);
    toggleClass(root, 'paused', w.paused);
    setText(now, running ? `NOW · ${w.now}` : '');
    setText(next, running ? `NEXT · ${w.next}` : '');
    setText(stopped, w.stopped);
    now.hidden = next.hidden = buttons.hidden = !running;
    timing.hidden = w.timing === '';
    stopped.hidden = w.stopped === '';
    const verb = w.paused ? 'resume' : 'pause';
    setText(holdWord, w.paused ? 'RESUME' : 'PAUSE');
    setText(holdKey, RUNDOWN_KEYS[verb]);
    setAttr(hold, 'aria-label', `${w.paused ? 'Resume' : 'Pause'} rundown (${channel})`);
    setAttr(hold, 'aria-keyshortcuts', RUNDOWN_KEYS[verb]);
    for (const b of [hold, skip]) setAttr(b, 'aria-disabled', state.live ? null : 'true');
    return running;
  }

  return { root, update };
}

/** The rundowns' now / next on each channel that has a run (or an ended one to explain), or "No rundown running". */
export function createRundownPane(state: ControlState, actions: Actions) {
  const none = el('p', { class: 'dock-empty', text: 'No rundown running' });
  const runs = CHANNELS.map((c) => createRun(c, state, actions));
  const root = el(
    'section',
    { class: 'dock-pane', attrs: { 'aria-labelledby': 'dock-rundown-h' } },
    el('h2', { text: 'Rundown', attrs: { id: 'dock-rundown-h' } }),
    none,
    el('ol', { class: 'dock-runs', attrs: { 'aria-label': 'Rundown runs' } }, ...runs.map((r) => r.root)),
  );

  function update(now: number): void {
    const running = runs.map((r) => r.update(now)).some(Boolean);
    none.hidden = running;
  }

  return { root, update };
}
