import { LayerName } from '../../../shared/index.js';
import type { Actions } from '../actions.js';
import { LAYER_LABEL } from '../asrun.js';
import { describeGraphic, describeOffAir } from '../describe.js';
import { el, setAttr, setText, toggleClass } from '../dom.js';
import { takeReadiness, type ControlState } from '../state.js';
import { CLEAR_KEY, CLEAR_NAME, TAKE_KEY, TAKE_NAME } from './words.js';

function button(cls: string, label: string, key: string | undefined, onClick: () => void): HTMLButtonElement {
  const b = el('button', { class: `dock-btn ${cls}`, attrs: { type: 'button' } }, el('span', { class: 'dock-btn-main', text: label }));
  if (key) {
    b.append(el('kbd', { text: key }));
    b.setAttribute('aria-keyshortcuts', key);
  }
  b.addEventListener('click', onClick);
  return b;
}

/** One layer: what program shows (a red ON AIR lamp), what preview holds, TAKE (preview → program) and CLEAR (program). */
function createLayer(layer: LayerName, state: ControlState, actions: Actions) {
  const lamp = el('span', { class: 'dock-lamp' });
  const program = el('p', { class: 'dock-line dock-pgm' });
  const preview = el('p', { class: 'dock-line dock-pvw' });
  const take = button('dock-take', 'TAKE', TAKE_KEY[layer], () => actions.take(layer));
  const clear = button('dock-clear', 'CLEAR', CLEAR_KEY[layer], () => actions.clear(layer, 'program'));
  setAttr(clear, 'aria-label', CLEAR_NAME[layer]);
  const root = el(
    'li',
    { class: 'dock-layer', attrs: { 'data-layer': layer } },
    el('div', { class: 'dock-layer-words' }, el('div', { class: 'dock-layer-head' }, el('h3', { text: LAYER_LABEL[layer] }), lamp), program, preview),
    take,
    clear,
  );

  function update(now: number): void {
    const g = state.graphics;
    const onAir = g?.program[layer] ?? null;
    const cued = g?.preview[layer] ?? null;
    const readiness = takeReadiness(g, layer);
    const countdown = layer === 'alert' && onAir ? describeOffAir(state.programAlert()?.offAirAt, now) : null;
    toggleClass(root, 'on', onAir !== null);
    setText(lamp, onAir ? 'ON AIR' : 'OFF');
    setText(program, `PGM · ${onAir ? describeGraphic(onAir, state) : 'empty'}${countdown ? ` · ${countdown}` : ''}`);
    setText(preview, `PVW · ${cued ? describeGraphic(cued, state) : 'nothing cued'}${readiness === 'on-program' ? ' · already on program' : ''}`);
    setAttr(
      take,
      'aria-label',
      readiness === 'empty'
        ? `${TAKE_NAME[layer]} (preview is empty)`
        : `${TAKE_NAME[layer]}: ${describeGraphic(cued, state)}${readiness === 'on-program' ? ' (already on program)' : ''}`,
    );
    toggleClass(take, 'ready', readiness === 'ready');
    toggleClass(clear, 'ready', onAir !== null);
    // Not live: they look disabled but stay focusable, and pressing says why nothing was sent (as the panel's).
    for (const b of [take, clear]) setAttr(b, 'aria-disabled', state.live ? null : 'true');
  }

  return { root, update };
}

/** Program per layer, back to front as the overlay stacks them (full screen, ticker, lower third, alert). */
export function createLayerList(state: ControlState, actions: Actions) {
  const layers = LayerName.options.map((l) => createLayer(l, state, actions));
  const root = el(
    'section',
    { class: 'dock-pane', attrs: { 'aria-labelledby': 'dock-layers-h' } },
    el('h2', { text: 'On program', attrs: { id: 'dock-layers-h' } }),
    el('ol', { class: 'dock-layers', attrs: { 'aria-label': 'Layers' } }, ...layers.map((l) => l.root)),
  );
  return { root, update: (now: number) => layers.forEach((l) => l.update(now)) };
}
