import { describeActor } from '../asrun.js';
import { el, setAttr, setText, toggleClass } from '../dom.js';
import type { ControlState } from '../state.js';

const STATUS_TEXT = { 'no-token': 'NO TOKEN', connecting: 'CONNECTING', connected: 'CONNECTED', reconnecting: 'RECONNECTING', refused: 'REFUSED' } as const;

/**
 * The dock's top: brand, connection state (LIVE / CONNECTING / RECONNECTING), who it is signed in as, Change token,
 * and the full-width NOT LIVE banner whenever it is not live (as the panel's top bar).
 */
export function createDockHead(state: ControlState, onChangeToken: () => void) {
  const connState = el('span', { class: 'dock-conn-state' });
  const conn = el('div', { class: 'dock-conn', attrs: { role: 'status', 'aria-label': 'Connection' } }, el('span', { class: 'dock-conn-dot' }), connState);
  const operator = el('span', { class: 'dock-operator', attrs: { 'aria-label': 'Operator' } });
  const change = el('button', { class: 'dock-btn dock-btn-ghost', text: 'Change token', attrs: { type: 'button' } });
  change.addEventListener('click', onChangeToken);
  const banner = el('div', { class: 'dock-banner', attrs: { role: 'alert' } });
  const root = el(
    'header',
    { class: 'dock-head' },
    el('div', { class: 'dock-head-row' }, el('span', { class: 'dock-brand', text: 'LEADWIRE' }), conn, change),
    operator,
    banner,
  );

  function update(): void {
    const live = state.live;
    const c = state.connection;
    setText(connState, live ? 'LIVE' : STATUS_TEXT[c.status]);
    setAttr(conn, 'data-status', live ? 'live' : c.status);
    setText(operator, state.operator ? `Signed in as ${describeActor(state.operator)}` : '');
    operator.hidden = state.operator === null;
    toggleClass(root, 'stale', !live);
    banner.hidden = live;
    setText(banner, live ? '' : `NOT LIVE — ${c.detail || 'waiting for the server'}. Actions are not sent.`);
  }

  return { root, update };
}
