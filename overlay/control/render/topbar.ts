import type { LayerName } from '../../../shared/index.js';
import { describeActor } from '../asrun.js';
import { describeOnLayer, describeOffAir } from '../describe.js';
import { el, setAttr, setText, toggleClass } from '../dom.js';
import type { ControlState } from '../state.js';
import { createFeedAlarm } from './feedalarm.js';

const LAMPS: readonly [LayerName, string][] = [
  ['lowerThird', 'LOWER THIRD'],
  ['fullscreen', 'FULL SCREEN'],
  ['alert', 'ALERT'],
  ['ticker', 'TICKER'],
];

const STATUS_TEXT = {
  'no-token': 'NO TOKEN',
  connecting: 'CONNECTING',
  connected: 'CONNECTED',
  reconnecting: 'RECONNECTING',
  refused: 'REFUSED',
} as const;

/**
 * The always-visible strip: connection state, the program tally (a big red ON AIR lamp per layer on program),
 * overlay pages per channel, the clock. Below it, a banner whenever the panel is not live, and the feed alarm
 * whenever a feed is stale or failing.
 */
export function createTopBar(state: ControlState, onChangeToken: () => void, views?: HTMLElement) {
  const conn = el('div', { class: 'conn', attrs: { role: 'status', 'aria-label': 'Connection' } });
  const connState = el('span', { class: 'conn-state' });
  const connDetail = el('span', { class: 'conn-detail' });
  conn.append(el('span', { class: 'conn-dot' }), connState, connDetail);

  const lamps = new Map<LayerName, { root: HTMLElement; state: HTMLElement; what: HTMLElement; count: HTMLElement }>();
  const tally = el('ul', { class: 'tally', attrs: { 'aria-label': 'On program now' } });
  for (const [layer, name] of LAMPS) {
    const lampState = el('span', { class: 'lamp-state' });
    const what = el('span', { class: 'lamp-what' });
    const count = el('span', { class: 'lamp-count' });
    const root = el('li', { class: 'lamp', attrs: { 'data-layer': layer } }, el('span', { class: 'lamp-name', text: name }), count, lampState, what);
    lamps.set(layer, { root, state: lampState, what, count });
    tally.append(root);
  }
  const pages = el('div', { class: 'pages', attrs: { 'aria-label': 'Overlay pages connected' } });
  const clock = el('time', { class: 'clock' });
  const change = el('button', { class: 'btn btn-ghost btn-small', text: 'Change token', attrs: { type: 'button' } });
  change.addEventListener('click', onChangeToken);
  const operator = el('span', { class: 'operator', attrs: { 'aria-label': 'Operator' } });

  const bar = el(
    'header',
    { class: 'topbar' },
    el('div', { class: 'brand' }, el('span', { class: 'brand-mark', text: 'LEADWIRE' }), el('span', { class: 'brand-sub', text: 'CONTROL' })),
    ...(views ? [views] : []),
    conn,
    tally,
    pages,
    clock,
    el('div', { class: 'who' }, operator, change),
  );
  const banner = el('div', { class: 'banner', attrs: { role: 'alert' } });
  const alarm = createFeedAlarm(state);
  const root = el('div', { class: 'top' }, bar, banner, alarm.root);

  function update(now: number): void {
    const c = state.connection;
    const live = state.live;
    setText(connState, live ? 'LIVE' : STATUS_TEXT[c.status]);
    setText(connDetail, live ? 'connected · in sync' : c.detail);
    setAttr(conn, 'data-status', live ? 'live' : c.status);
    const who = state.operator ? `Signed in as ${describeActor(state.operator)}` : '';
    setText(operator, who);
    setAttr(operator, 'title', who || null);

    for (const [layer] of LAMPS) {
      const lamp = lamps.get(layer)!;
      const g = state.graphics?.program[layer] ?? null;
      toggleClass(lamp.root, 'on', g !== null);
      setText(lamp.state, g ? 'ON AIR' : 'OFF');
      setText(lamp.what, g ? describeOnLayer(g, state) : '');
      setText(lamp.count, layer === 'alert' ? (describeOffAir(state.programAlert()?.offAirAt, now) ?? '') : '');
    }
    const t = live ? state.tally : null;
    setText(pages, t ? `Overlay pages · PGM ${t.program} · PVW ${t.preview}` : 'Overlay pages · —');
    setAttr(pages, 'title', 'overlay pages capturing each channel (OBS, vMix, CasparCG…); monitors are not counted');
    const d = new Date(now);
    setText(clock, `${d.toTimeString().slice(0, 8)} · ${d.toISOString().slice(11, 19)}Z`);

    toggleClass(root, 'stale', !live);
    banner.hidden = live;
    setText(banner, live ? '' : `NOT LIVE — ${c.detail || 'waiting for the server'}. Actions are not sent; what you see may be out of date.`);
    alarm.update(now);
  }

  return { root, update };
}
