/**
 * The OBS dock (`/control/?dock=1`): one narrow column for a custom browser dock (360–500 px wide) — program per
 * layer with TAKE / CLEAR, the rundown's now / next with Pause / Next, the alert queue and the calls to approve.
 * It shares the full panel's state, connection, actions, token handling, token form and keyboard shortcuts; only
 * the view is its own. See README.md ("OBS dock").
 */
import { createActions } from '../actions.js';
import { el } from '../dom.js';
import { bindKeyboard } from '../keyboard.js';
import { createGate } from '../render/gate.js';
import { ControlState } from '../state.js';
import { createFeedback, createKeys } from './feedback.js';
import { createDockHead } from './head.js';
import { createLayerList } from './layers.js';
import { createDockAlerts, createDockCalls } from './queues.js';
import { createRundownPane } from './rundownView.js';
import { createSession } from '../session.js';

export function startDock(host: HTMLElement): void {
  document.documentElement.classList.add('dock-page');
  const state = new ControlState();
  /** True once the server accepted the token and sent a snapshot; until then only the token form exists. */
  let unlocked = false;
  const session = createSession(state, {
    onLock: () => (unlocked = false),
    onRefused: () => gate.focus(),
  });
  const actions = createActions(session.socket, state, session.token);
  const gate = createGate(state, (token) => session.connectWith(token));
  const head = createDockHead(state, () => {
    session.signOut();
    queueMicrotask(() => gate.focus());
  });
  const layers = createLayerList(state, actions);
  const rundown = createRundownPane(state, actions);
  const alerts = createDockAlerts(state, actions);
  const calls = createDockCalls(state, actions);
  const feedback = createFeedback(state);
  const dock = el('main', { class: 'dock', attrs: { 'aria-label': 'LeadWire dock' } }, head.root, feedback.root, layers.root, alerts.root, calls.root, rundown.root, createKeys());
  dock.hidden = true;
  host.append(gate.root, dock);

  function render(): void {
    if (state.synced) unlocked = true;
    dock.hidden = !unlocked;
    gate.root.hidden = unlocked;
    if (!unlocked) {
      gate.update(session.refusal());
      return;
    }
    const now = Date.now();
    head.update();
    feedback.update();
    layers.update(now);
    alerts.update();
    calls.update();
    rundown.update(now);
  }

  state.subscribe(render);
  // The alert's "leaves air in" and the rundown's "next in" move even when nothing is pushed.
  setInterval(() => {
    if (!unlocked) return;
    const now = Date.now();
    layers.update(now);
    rundown.update(now);
  }, 250);
  bindKeyboard(window, state, actions, () => unlocked);
  if (!session.start()) gate.focus();
}
