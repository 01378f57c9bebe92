import type { Channel } from '../../../shared/index.js';
import { describeGraphic } from '../describe.js';
import { el, setAttr, setText, toggleClass } from '../dom.js';
import type { ControlState } from '../state.js';
import type { RundownVerb } from './actions.js';
import { describeRun, type RunBoard, type RunWords } from './rundown.js';

type Send = (verb: RundownVerb, rundownId: string, name: string, channel: Channel) => void;

/** One channel's run: its name and position, now / next, the countdown, Pause (Resume while held) and Next. */
function createRun(send: Send) {
  const channel = el('span', { class: 'dock-run-channel' });
  const title = el('h3', { class: 'dock-run-title' });
  const timing = el('span', { class: 'dock-run-timing' });
  const now = el('p', { class: 'dock-line' });
  const next = el('p', { class: 'dock-line dock-muted' });
  const stopped = el('p', { class: 'dock-line dock-muted' });
  const hold = el('button', { class: 'dock-btn dock-hold', attrs: { type: 'button' } }, el('span', { class: 'dock-btn-main' }));
  const skip = el('button', { class: 'dock-btn dock-next', attrs: { type: 'button' } }, el('span', { class: 'dock-btn-main', text: 'NEXT' }));
  const buttons = el('div', { class: 'dock-pair' }, hold, skip);
  let words: RunWords | null = null;
  hold.addEventListener('click', () => words?.rundownId && send(words.paused ? 'resume' : 'pause', words.rundownId, words.name, words.channel));
  skip.addEventListener('click', () => words?.rundownId && send('next', words.rundownId, words.name, words.channel));
  const root = el('li', { class: 'dock-run' }, el('div', { class: 'dock-layer-head' }, title, channel, timing), now, next, stopped, buttons);

  function update(w: RunWords, live: boolean): void {
    words = w;
    const running = w.rundownId !== null;
    setText(title, w.position ? `${w.name} · ${w.position}` : w.name);
    setText(channel, w.channel === 'program' ? 'PGM' : 'PVW');
    setText(timing, w.timing);
    toggleClass(root, 'paused', w.paused);
    setText(now, running ? `NOW · ${w.now}` : '');
    setText(next, running ? `NEXT · ${w.next}` : '');
    setText(stopped, w.stopped);
    now.hidden = next.hidden = buttons.hidden = !running;
    timing.hidden = w.timing === '';
    stopped.hidden = w.stopped === '';
    const name = w.name;
    setText(hold.firstElementChild as HTMLElement, w.paused ? 'RESUME' : 'PAUSE');
    setAttr(hold, 'aria-label', `${w.paused ? 'Resume' : 'Pause'} rundown ${name}`);
    setAttr(skip, 'aria-label', `Next item of rundown ${name}`);
    for (const b of [hold, skip]) setAttr(b, 'aria-disabled', live ? null : 'true');
  }

  return { root, update };
}

/** The rundowns' now / next per channel that has a run, or "No rundown running". */
export function createRundownPane(state: ControlState, runs: RunBoard, send: Send) {
  const none = el('p', { class: 'dock-empty', text: 'No rundown running' });
  const list = el('ol', { class: 'dock-runs', attrs: { 'aria-label': 'Rundown runs' } });
  const root = el(
    'section',
    { class: 'dock-pane', attrs: { 'aria-labelledby': 'dock-rundown-h' } },
    el('h2', { text: 'Rundown', attrs: { id: 'dock-rundown-h' } }),
    none,
    list,
  );
  const views: ReturnType<typeof createRun>[] = [];

  function update(now: number): void {
    const words = runs.statuses().map((s) => describeRun(s, (g) => describeGraphic(g, state), now));
    // A channel whose run ended says why (until the next run); "No rundown running" whenever none runs.
    const shown = words.filter((w) => w.rundownId !== null || w.stopped !== '');
    none.hidden = words.some((w) => w.rundownId !== null);
    while (views.length < shown.length) {
      const v = createRun(send);
      views.push(v);
      list.append(v.root);
    }
    views.forEach((v, i) => {
      const w = shown[i];
      v.root.hidden = !w;
      if (w) v.update(w, state.live);
    });
  }

  return { root, update };
}
