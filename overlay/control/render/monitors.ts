import type { Channel, LayerName } from '../../../shared/index.js';
import { renderMessage } from '../../lib/render-message.js';
import { describeOnLayer, describeOffAir } from '../describe.js';
import { el, setAttr, setText, toggleClass } from '../dom.js';
import type { ControlState } from '../state.js';

const STAGE = { width: 1920, height: 1080 };
const LAYERS: readonly [LayerName, string][] = [
  ['lowerThird', 'Lower third'],
  ['fullscreen', 'Full screen'],
  ['alert', 'Alert'],
  ['ticker', 'Ticker'],
];

/**
 * One monitor: the real overlay page of a channel, rendered at 1920×1080 and scaled down, so the producer sees
 * exactly what is captured. Under it, what each layer of that channel holds. The page renders on demand by
 * itself; a monitor scrolled out of view or hidden is told to stop drawing altogether (render message, see
 * overlay/lib/render-message.ts) and to draw again when it comes back.
 */
function createMonitor(channel: Channel, enabled: boolean) {
  const label = channel === 'program' ? 'PROGRAM' : 'PREVIEW';
  const frame = el('iframe', {
    class: 'monitor-frame',
    attrs: {
      title: `${label} monitor: the ${channel} overlay page`,
      tabindex: '-1',
    },
  });
  const screen = el(
    'div',
    { class: 'monitor-screen' },
    enabled ? frame : el('p', { class: 'monitor-off', text: 'Monitor off (?monitors=off): the layer list below is the truth' }),
  );
  const pages = el('span', { class: 'monitor-pages' });
  const rows = new Map<LayerName, { row: HTMLElement; what: HTMLElement; count: HTMLElement; mark: HTMLElement }>();
  const layerList = el('ul', { class: 'monitor-layers', attrs: { 'aria-label': `${label} layers` } });
  for (const [layer, name] of LAYERS) {
    const what = el('span', { class: 'layer-what' });
    const count = el('span', { class: 'layer-count' });
    const mark = el('span', { class: 'layer-mark' });
    const row = el('li', { class: 'layer-row', attrs: { 'data-layer': layer } }, el('span', { class: 'layer-name', text: name }), what, count, mark);
    rows.set(layer, { row, what, count, mark });
    layerList.append(row);
  }
  const root = el(
    'section',
    { class: `monitor monitor-${channel}`, attrs: { 'aria-label': `${label} monitor` } },
    el('header', { class: 'monitor-head' }, el('span', { class: 'monitor-label', text: label }), pages),
    screen,
    layerList,
  );

  new ResizeObserver(() => {
    const scale = screen.clientWidth / STAGE.width;
    frame.style.transform = `scale(${scale})`;
  }).observe(screen);

  let inView = false;
  const tellPage = (): void => frame.contentWindow?.postMessage(renderMessage(!inView), location.origin);
  new IntersectionObserver((entries) => {
    const last = entries.at(-1);
    if (!last || last.isIntersecting === inView) return;
    inView = last.isIntersecting;
    tellPage();
  }).observe(screen);
  // A page that has just loaded has heard nothing yet.
  frame.addEventListener('load', tellPage);

  function update(state: ControlState, now: number): void {
    const layers = state.graphics?.[channel];
    const n = state.live ? state.tally?.[channel] : undefined;
    setText(pages, n === undefined ? 'pages: —' : `${n} page${n === 1 ? '' : 's'} connected`);
    setAttr(pages, 'title', 'overlay pages capturing this channel (OBS, vMix, CasparCG…); monitors are not counted');
    for (const [layer] of LAYERS) {
      const r = rows.get(layer)!;
      const g = layers?.[layer] ?? null;
      setText(r.what, describeOnLayer(g, state));
      toggleClass(r.row, 'live', g !== null);
      setText(r.mark, g === null ? '' : channel === 'program' ? 'ON AIR' : 'CUED');
      const leaves = channel === 'program' && layer === 'alert' ? describeOffAir(state.programAlert()?.offAirAt, now) : null;
      setText(r.count, leaves ?? '');
    }
  }

  return {
    root,
    update,
    /** Loads the overlay page (only once the token is accepted: an overlay page counts in the tally). */
    load: () => {
      if (enabled) frame.setAttribute('src', `/overlay/?channel=${channel}&bg=checker&monitor=1`);
    },
    unload: () => frame.setAttribute('src', 'about:blank'),
  };
}

/** Both monitors; `enabled: false` (`?monitors=off`) skips the two overlay pages, for weak machines and tests. */
export function createMonitors({ enabled }: { enabled: boolean }) {
  const preview = createMonitor('preview', enabled);
  const program = createMonitor('program', enabled);
  const root = el('div', { class: 'monitors' }, preview.root, program.root);
  return {
    root,
    update(state: ControlState, now: number) {
      preview.update(state, now);
      program.update(state, now);
    },
    load() {
      preview.load();
      program.load();
    },
    unload() {
      preview.unload();
      program.unload();
    },
  };
}
