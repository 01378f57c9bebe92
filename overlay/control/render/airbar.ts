import type { Actions } from '../actions.js';
import { describeGraphic, describeTake } from '../describe.js';
import { el, setAttr, setText, toggleClass } from '../dom.js';
import { takeReadiness, type ControlState } from '../state.js';
import { repeatedMouseClick } from './doubleClick.js';

const ARM_MS = 3_000;

function keyHint(key: string): HTMLElement {
  return el('kbd', { text: key });
}

/**
 * The switching buttons and the answer line. TAKE is the big one; direct AIR skips preview, so it needs a
 * second click within 3 s (a safety cover, as on a hardware panel).
 */
export function createAirBar(state: ControlState, actions: Actions) {
  const takeWhat = el('span', { class: 'btn-sub' });
  const take = el(
    'button',
    { class: 'btn btn-take', attrs: { type: 'button', 'aria-keyshortcuts': 'T' } },
    el('span', { class: 'btn-main', text: 'TAKE' }),
    takeWhat,
    keyHint('T'),
  );
  take.addEventListener('click', () => actions.take('lowerThird'));

  /** TAKE for the other layers that cue to preview: the full-screen graphic (F) and the ticker. */
  const layerTake = (layer: 'fullscreen' | 'ticker', label: string, name: string, key: string | null) => {
    const sub = el('span', { class: 'btn-sub' });
    const button = el('button', { class: 'btn btn-take btn-take-layer', attrs: { type: 'button' } }, el('span', { class: 'btn-main', text: label }), sub);
    if (key) {
      button.append(keyHint(key));
      button.setAttribute('aria-keyshortcuts', key);
    }
    button.addEventListener('click', () => actions.take(layer));
    return { layer, button, sub, name };
  };
  const takeFull = layerTake('fullscreen', 'Full-screen take', 'Full-screen take to program', 'F');
  const takeTicker = layerTake('ticker', 'Ticker take', 'Ticker take to program', null);

  const clearButton = (label: string, name: string, key: string | null, onClick: () => void) => {
    const sub = el('span', { class: 'btn-sub' });
    const button = el('button', { class: 'btn btn-clear', attrs: { type: 'button', 'aria-label': name } }, el('span', { class: 'btn-main', text: label }), sub);
    if (key) {
      button.append(keyHint(key));
      button.setAttribute('aria-keyshortcuts', key);
    }
    button.addEventListener('click', onClick);
    return { button, sub };
  };
  const clearL3 = clearButton('Clear lower third', 'Clear lower third (program)', 'L', () => actions.clear('lowerThird', 'program'));
  const clearAlert = clearButton('Clear alert', 'Clear alert (program)', 'A', () => actions.clear('alert', 'program'));
  const clearTicker = clearButton('Clear ticker', 'Clear ticker (program)', null, () => actions.clear('ticker', 'program'));
  const clearFull = clearButton('Clear full screen', 'Clear full screen (program)', null, () => actions.clear('fullscreen', 'program'));
  const clearPreview = clearButton('Clear preview', 'Clear preview lower third', null, () => actions.clear('lowerThird', 'preview'));
  clearPreview.button.classList.add('btn-preview');

  const airMain = el('span', { class: 'btn-main', text: 'AIR DIRECT' });
  const airWhat = el('span', { class: 'btn-sub' });
  const airDirect = el('button', { class: 'btn btn-air', attrs: { type: 'button' } }, airMain, airWhat);
  let armedFor: string | null = null;
  let armTimer: ReturnType<typeof setTimeout> | undefined;
  const disarm = () => {
    armedFor = null;
    clearTimeout(armTimer);
    update();
  };
  airDirect.addEventListener('click', (e) => {
    if (repeatedMouseClick(e)) return;
    const id = state.selectedRaceId;
    if (!id) {
      state.setFeedback('error', 'Air direct: pick a race first (click it or use ↑/↓)');
      return;
    }
    // Not live: nothing to arm; the action reports "not sent".
    if (!state.live) return actions.airRace(id);
    if (armedFor !== id) {
      armedFor = id;
      clearTimeout(armTimer);
      armTimer = setTimeout(disarm, ARM_MS);
      update();
      return;
    }
    disarm();
    actions.airRace(id);
  });

  const status = el('p', { class: 'feedback', attrs: { role: 'status' } });
  const error = el('p', { class: 'feedback feedback-error', attrs: { role: 'alert' } });

  const log = el('ol', { class: 'action-log', attrs: { 'aria-label': 'Recent actions' } });
  let logKey = '';
  const root = el(
    'section',
    { class: 'airbar', attrs: { 'aria-label': 'Switching' } },
    el(
      'div',
      { class: 'airbar-buttons' },
      el('div', { class: 'btn-group btn-takes', attrs: { role: 'group', 'aria-label': 'To program' } }, take, takeFull.button, takeTicker.button, airDirect),
      el('div', { class: 'btn-group btn-clears', attrs: { role: 'group', 'aria-label': 'Clear' } }, clearL3.button, clearAlert.button, clearFull.button, clearTicker.button, clearPreview.button),
    ),
    el('div', { class: 'feedback-line' }, status, error),
    el('h3', { class: 'sub-head', text: 'Recent actions (this panel)' }),
    log,
  );

  function update(): void {
    const live = state.live;
    const cued = state.graphics?.preview.lowerThird ?? null;
    const readiness = takeReadiness(state.graphics, 'lowerThird');
    const what = describeGraphic(cued, state);
    setText(takeWhat, describeTake(readiness, what));
    setAttr(
      take,
      'aria-label',
      readiness === 'empty'
        ? 'Take lower third to program (preview is empty)'
        : `Take lower third to program: ${what}${readiness === 'on-program' ? ' (already on program)' : ''}`,
    );
    toggleClass(take, 'empty', readiness === 'empty');
    toggleClass(take, 'idle', readiness === 'on-program');
    for (const t of [takeFull, takeTicker]) {
      const r = takeReadiness(state.graphics, t.layer);
      const w = describeGraphic(state.graphics?.preview[t.layer] ?? null, state);
      setText(t.sub, describeTake(r, w));
      setAttr(t.button, 'aria-label', r === 'empty' ? `${t.name} (preview is empty)` : `${t.name}: ${w}${r === 'on-program' ? ' (already on program)' : ''}`);
      toggleClass(t.button, 'empty', r === 'empty');
      toggleClass(t.button, 'idle', r === 'on-program');
      setAttr(t.button, 'aria-disabled', live ? null : 'true');
    }
    // Not live: they look disabled but stay focusable, and pressing says why nothing was sent.
    setAttr(take, 'aria-disabled', live ? null : 'true');
    setAttr(airDirect, 'aria-disabled', live ? null : 'true');
    if (!live) armedFor = null;

    const pgm = state.graphics?.program;
    for (const [b, g, idle] of [
      [clearL3, pgm?.lowerThird, 'program: empty'],
      [clearAlert, pgm?.alert, 'program: empty'],
      [clearTicker, pgm?.ticker, 'program: empty'],
      [clearFull, pgm?.fullscreen, 'program: empty'],
      [clearPreview, state.graphics?.preview.lowerThird, 'preview: empty'],
    ] as const) {
      toggleClass(b.button, 'live', !!g);
      setText(b.sub, g ? `${describeGraphic(g, state)}` : idle);
    }

    const sel = state.selectedRaceId ? state.races.get(state.selectedRaceId)?.view : undefined;
    if (armedFor && armedFor !== state.selectedRaceId) armedFor = null;
    const raceText = sel ? `${sel.jurisdiction} ${sel.title}` : 'no race picked';
    setText(airMain, armedFor ? 'CONFIRM AIR' : 'AIR DIRECT');
    setText(airWhat, armedFor ? `click again: ${raceText} straight to program` : `${raceText} · skips preview`);
    setAttr(airDirect, 'aria-label', armedFor ? `Confirm air direct: ${raceText} lower third straight to program` : `Air direct (emergency): ${raceText} lower third straight to program`);
    toggleClass(airDirect, 'armed', armedFor !== null);

    const fb = state.feedback;
    const isError = fb?.kind === 'error';
    setText(status, fb && !isError ? fb.text : '');
    setAttr(status, 'data-kind', fb && !isError ? fb.kind : null);
    setText(error, isError ? fb.text : '');
    status.hidden = isError || !fb;
    error.hidden = !isError;

    const key = state.log.map((l) => l.at + l.text).join('|');
    if (key !== logKey) {
      logKey = key;
      log.replaceChildren(
        ...state.log.slice(0, 12).map((l) =>
          el('li', { class: `log-item log-${l.kind}` }, el('time', { text: new Date(l.at).toTimeString().slice(0, 8) }), el('span', { text: l.text })),
        ),
      );
    }
  }

  return { root, update };
}
