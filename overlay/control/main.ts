/** The producer control panel (`/control/`): wiring only; see README.md for what it does. */
import '@fontsource/barlow-condensed/500.css';
import '@fontsource/barlow-condensed/600.css';
import '@fontsource/barlow-condensed/700.css';
import './styles.css';
import { createActions } from './actions.js';
import { openControl, type ControlSocket } from './connection.js';
import { el, setAttr } from './dom.js';
import { History } from './history.js';
import { bindKeyboard } from './keyboard.js';
import { createAirBar } from './render/airbar.js';
import { createAlertQueue } from './render/alerts.js';
import { createAsRunView } from './render/asrun.js';
import { createCallBox } from './render/call.js';
import { createCallQueue } from './render/calls.js';
import { createFeedsPanel } from './render/feeds.js';
import { createGate } from './render/gate.js';
import { createMonitors } from './render/monitors.js';
import { createRaceList } from './render/races.js';
import { createShortcuts } from './render/shortcuts.js';
import { createRundownPane } from './render/rundowns.js';
import { createShowPane } from './render/show.js';
import { createTopBar } from './render/topbar.js';
import { ControlState } from './state.js';
import { forgetToken, initialToken, saveToken } from './token.js';

// The OBS dock (`?dock=1`, dock/) is a page of its own: it loads instead, and this module stops here for good.
if (new URLSearchParams(location.search).get('dock') === '1') await import('./dock/index.js').then(() => new Promise<never>(() => {}));
// The Theme page (`?page=theme`, theme/) likewise.
if (new URLSearchParams(location.search).get('page') === 'theme') await import('./theme/index.js').then(() => new Promise<never>(() => {}));

const state = new ControlState();
let socket: ControlSocket | null = null;
/** The token `socket` was opened with; HTTP actions (calling a race) use the same one. */
let activeToken: string | null = null;
/** The server's refusal of the last token, shown on the token form. */
let refusal: string | null = null;
/** True once the server accepted the token and sent a snapshot; until then only the token form exists. */
let unlocked = false;

const actions = createActions(() => socket, state, () => activeToken);
const history = new History(state, () => activeToken);
const gate = createGate(state, connectWith);
/** Live (monitors, switching, queues) or As run (timeline and event log) in the centre and right columns. */
const viewButtons = (['Live', 'As run'] as const).map((name) => {
  const b = el('button', { class: 'view-tab', text: name, attrs: { type: 'button', 'aria-pressed': String(name === 'Live') } });
  b.addEventListener('click', () => showView(name === 'As run'));
  return b;
});
const views = el('div', { class: 'views', attrs: { role: 'group', 'aria-label': 'View' } }, ...viewButtons);
views.append(el('a', { class: 'view-tab', text: 'Theme', attrs: { href: '/control/?page=theme' } }));
const top = createTopBar(state, changeToken, views);
const races = createRaceList(state, actions, createCallBox(state, actions), (id) => history.aired.get(id));
const asRun = createAsRunView(state, history, () => activeToken);
const monitors = createMonitors({ enabled: new URLSearchParams(location.search).get('monitors') !== 'off' });
const airbar = createAirBar(state, actions);
const alerts = createAlertQueue(state, actions);
const calls = createCallQueue(state, actions);
const feeds = createFeedsPanel(state, actions);
const show = createShowPane(state, actions);
const rundown = createRundownPane(state, actions);
const panel = el(
  'div',
  { class: 'panel' },
  top.root,
  el('div', { class: 'grid' }, races.root, el('div', { class: 'center' }, monitors.root, airbar.root, rundown.root, show.root), el('div', { class: 'side' }, alerts.root, calls.root, feeds.root), asRun.root),
  createShortcuts(),
);
panel.hidden = true;
document.body.append(gate.root, panel);

function showView(open: boolean): void {
  toggleAsRun(open);
  history.setOpen(open);
  render();
}
function toggleAsRun(open: boolean): void {
  panel.querySelector('.grid')!.classList.toggle('asrun-open', open);
  viewButtons.forEach((b, i) => setAttr(b, 'aria-pressed', String((i === 1) === open)));
  asRun.show(open);
}

function lock(): void {
  socket?.removeAllListeners();
  socket?.disconnect();
  socket = null;
  activeToken = null;
  unlocked = false;
  monitors.unload();
  history.reset();
  state.reset();
}

function connectWith(token: string): void {
  lock();
  refusal = null;
  saveToken(token);
  activeToken = token;
  socket = openControl(token, state, (message) => {
    // Refused: forget the token, drop everything, show the form with the server's words.
    lock();
    forgetToken();
    refusal = message;
    state.setConnection('refused', message);
    gate.focus();
  });
}

function changeToken(): void {
  lock();
  forgetToken();
  refusal = null;
  state.setConnection('no-token');
  queueMicrotask(() => gate.focus());
}

function render(): void {
  const now = Date.now();
  if (state.synced && !unlocked) {
    unlocked = true;
    monitors.load();
  }
  panel.hidden = !unlocked;
  gate.root.hidden = unlocked;
  if (!unlocked) {
    gate.update(refusal);
    return;
  }
  top.update(now);
  races.update(now);
  monitors.update(state, now);
  airbar.update();
  show.update();
  rundown.update();
  alerts.update(now);
  calls.update();
  feeds.update(now);
  history.observe();
  asRun.update();
}

state.subscribe(render);
// Ages, the clock and the alert countdown move even when nothing else does (4 × a second, so a second is
// never skipped; a tick that changes no text touches nothing).
setInterval(() => {
  if (!unlocked) return;
  const now = Date.now();
  races.tick(now);
  top.update(now);
  monitors.update(state, now);
  alerts.update(now);
  feeds.update(now);
  rundown.tick(now);
}, 250);
bindKeyboard(window, state, actions, () => unlocked);

const token = initialToken();
if (token) connectWith(token);
else {
  state.setConnection('no-token');
  gate.focus();
}
