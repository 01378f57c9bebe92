/** The producer control panel (`/control/`): wiring only; see README.md for what it does. */
import '@fontsource/barlow-condensed/500.css';
import '@fontsource/barlow-condensed/600.css';
import '@fontsource/barlow-condensed/700.css';
import './styles.css';
import { createActions } from './actions.js';
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
import { createSession } from './session.js';
import { createTopBar } from './render/topbar.js';
import { ControlState } from './state.js';

// The OBS dock (`?dock=1`, dock/) is a page of its own: it loads instead, and this module stops here for good.
if (new URLSearchParams(location.search).get('dock') === '1') await import('./dock/index.js').then(() => new Promise<never>(() => {}));
// The Theme page (`?page=theme`, theme/) likewise.
if (new URLSearchParams(location.search).get('page') === 'theme') await import('./theme/index.js').then(() => new Promise<never>(() => {}));

const state = new ControlState();
/** True once the server accepted the token and sent a snapshot; until then only the token form exists. */
let unlocked = false;
const session = createSession(state, {
  onLock() {
    unlocked = false;
    monitors.unload();
    history.reset();
  },
  // Refused: the session forgot the token and dropped everything; the form shows the server's words.
  onRefused: () => gate.focus(),
});

const actions = createActions(session.socket, state, session.token);
const history = new History(state, session.token);
const gate = createGate(state, (token) => session.connectWith(token));
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
const asRun = createAsRunView(state, history, session.token);
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

function changeToken(): void {
  session.signOut();
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
    gate.update(session.refusal());
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

if (!session.start()) gate.focus();
