import { KEY_RACES_MAX, TICKER_DWELL_SECONDS, type Graphic, type LayerName } from '../../../shared/index.js';
import type { Actions } from '../actions.js';
import { raceName } from '../describe.js';
import { el, setAttr, setText, toggleClass } from '../dom.js';
import type { ControlState } from '../state.js';

/** A labelled number field: only digits are ever typed. */
function numberField(label: string, value: string, o: { min: number; max: number; step?: number }) {
  const input = el('input', {
    class: 'show-number',
    attrs: { type: 'number', inputmode: 'numeric', min: String(o.min), max: String(o.max), step: String(o.step ?? 1), value },
  });
  const root = el('label', { class: 'show-field' }, el('span', { class: 'show-label', text: label }), input);
  return { root, input, value: () => (input.value.trim() === '' ? null : Number(input.value)) };
}

function showButton(text: string, onClick: () => void, cls = '') {
  const sub = el('span', { class: 'btn-sub' });
  const button = el('button', { class: `btn btn-show ${cls}`.trim(), attrs: { type: 'button' } }, el('span', { class: 'btn-main', text }), sub);
  button.addEventListener('click', onClick);
  return { button, sub };
}

/**
 * The show's graphics, cued to preview by buttons (TAKE in the switching area puts them on program): the full-screen
 * board of the picked race, a key-races board of the races ticked here, the electoral-vote balance (full screen or as
 * a lower third) and the ticker, with Pause / Resume for the ticker on program. Nothing is typed but numbers.
 */
export function createShowPane(state: ControlState, actions: Actions) {
  const picks = new Set<string>();
  const pickList = el('ul', { class: 'show-picks', attrs: { 'aria-label': 'Key-race and ticker picks' } });
  let pickKey = '';
  const picked = () => state.sortedRaces().map((r) => r.view.id).filter((id) => picks.has(id));

  const cue = (layer: LayerName, graphic: Graphic) => actions.cue(layer, graphic);
  const fail = (text: string) => state.setFeedback('error', text);

  const board = showButton('Cue board', () => {
    const id = state.selectedRaceId;
    if (!id) return fail('Cue board: pick a race first (click it or use ↑/↓)');
    cue('fullscreen', { type: 'board', raceId: id });
  });

  const titleInput = el('input', { class: 'show-text', attrs: { type: 'text', maxlength: '60', placeholder: 'e.g. Battlegrounds', autocomplete: 'off' } });
  const title = el('label', { class: 'show-field show-grow' }, el('span', { class: 'show-label', text: 'Key races title (optional)' }), titleInput);
  const key = showButton('Cue key races', () => {
    const ids = picked();
    if (ids.length < 2 || ids.length > KEY_RACES_MAX) return fail(`Cue key races: tick 2 to ${KEY_RACES_MAX} races (${ids.length} ticked)`);
    const t = titleInput.value.trim();
    cue('fullscreen', { type: 'keyRaces', raceIds: ids, ...(t ? { title: t } : {}) });
  });

  const target = numberField('To win', '270', { min: 1, max: 100_000 });
  const baseDem = numberField('Base DEM', '', { min: 0, max: 100_000 });
  const baseRep = numberField('Base REP', '', { min: 0, max: 100_000 });
  const balance = (): Graphic | null => {
    const t = target.value();
    if (t === null || !Number.isInteger(t) || t < 1) {
      fail('Cue balance: "To win" must be a whole number, 1 or more');
      return null;
    }
    const base: Record<string, number> = {};
    for (const [party, f] of [['DEM', baseDem], ['REP', baseRep]] as const) {
      const n = f.value();
      if (n === null) continue;
      if (!Number.isInteger(n) || n < 0) {
        fail(`Cue balance: "Base ${party}" must be a whole number, 0 or more`);
        return null;
      }
      if (n > 0) base[party] = n;
    }
    const g: Graphic = { type: 'balance', target: t, raceIds: 'all', ...(Object.keys(base).length > 0 ? { base } : {}) };
    return g;
  };
  const balanceFull = showButton('Cue balance full screen', () => {
    const g = balance();
    if (g) cue('fullscreen', g);
  });
  const balanceStrip = showButton('Cue balance lower third', () => {
    const g = balance();
    if (g) cue('lowerThird', g);
  });

  const dwell = numberField('Seconds each', String(TICKER_DWELL_SECONDS), { min: 2, max: 120 });
  const ticker = showButton('Cue ticker', () => {
    const ids = picked();
    const raceIds = ids.length > 0 ? ids : state.sortedRaces().map((r) => r.view.id).slice(0, 50);
    if (raceIds.length === 0) return fail('Cue ticker: there are no races yet');
    const d = dwell.value();
    if (d !== null && !(d >= 2 && d <= 120)) return fail('Cue ticker: "Seconds each" must be between 2 and 120');
    cue('ticker', { type: 'ticker', raceIds, ...(d === null ? {} : { dwellSeconds: d }) });
  });
  const pause = showButton('Pause ticker', () => actions.pauseTicker('program'), 'btn-hold');
  const resume = showButton('Resume ticker', () => actions.resumeTicker('program'), 'btn-hold');

  const root = el(
    'section',
    { class: 'pane show-pane', attrs: { 'aria-labelledby': 'show-h' } },
    el('header', { class: 'pane-head' }, el('h2', { text: 'Show graphics', attrs: { id: 'show-h' } }), el('span', { class: 'legend', text: 'cue to preview, then TAKE' })),
    el(
      'div',
      { class: 'show-body' },
      el('div', { class: 'show-row' }, board.button, title, key.button),
      el('div', { class: 'show-row show-balance' }, target.root, baseDem.root, baseRep.root, balanceFull.button, balanceStrip.button),
      el('div', { class: 'show-row show-ticker' }, dwell.root, ticker.button, pause.button, resume.button),
      el('h3', { class: 'sub-head', text: 'Tick races for key races and the ticker' }),
      pickList,
    ),
  );

  function renderPicks(): void {
    const races = state.sortedRaces();
    const k = races.map((r) => `${r.view.id}:${raceName(r.view)}`).join('|');
    if (k === pickKey) return;
    pickKey = k;
    for (const id of [...picks]) if (!state.races.has(id)) picks.delete(id);
    pickList.replaceChildren(
      ...races.map((r) => {
        const box = el('input', { class: 'show-check', attrs: { type: 'checkbox', value: r.view.id } });
        box.checked = picks.has(r.view.id);
        box.addEventListener('change', () => {
          if (box.checked) picks.add(r.view.id);
          else picks.delete(r.view.id);
          update();
        });
        return el('li', {}, el('label', { class: 'show-pick' }, box, el('span', { text: raceName(r.view) })));
      }),
    );
  }

  function update(): void {
    renderPicks();
    const sel = state.selectedRaceId ? state.races.get(state.selectedRaceId)?.view : undefined;
    setText(board.sub, sel ? raceName(sel) : 'pick a race first');
    setAttr(board.button, 'aria-label', sel ? `Cue full-screen board: ${raceName(sel)}` : 'Cue full-screen board (pick a race first)');
    const n = picked().length;
    setText(key.sub, `${n} ticked · 2 to ${KEY_RACES_MAX}`);
    setAttr(key.button, 'aria-label', `Cue key races board: ${n} race${n === 1 ? '' : 's'} ticked`);
    setText(balanceFull.sub, 'electoral votes · full screen');
    setText(balanceStrip.sub, 'electoral votes · strip');
    setText(ticker.sub, n > 0 ? `${n} ticked race${n === 1 ? '' : 's'}` : 'every race');
    const t = state.graphics?.program.ticker;
    const running = t?.type === 'ticker' ? (t.paused ? 'held' : 'running') : 'no ticker on program';
    setText(pause.sub, running);
    setText(resume.sub, running);
    setAttr(pause.button, 'aria-label', 'Pause ticker (program)');
    setAttr(resume.button, 'aria-label', 'Resume ticker (program)');
    toggleClass(pause.button, 'live', t?.type === 'ticker' && !t.paused);
    toggleClass(resume.button, 'live', t?.type === 'ticker' && !!t.paused);
  }

  return { root, update };
}
