import { RUNDOWN_DWELL_SECONDS, type Channel, type Graphic, type RundownItem } from '../../../shared/index.js';
import type { Actions, RundownVerb } from '../actions.js';
import { LAYER_LABEL } from '../asrun.js';
import { describeGraphic, raceName } from '../describe.js';
import { describeRun } from '../dock/rundown.js';
import { el, setAttr, setText, toggleClass } from '../dom.js';
import { RUNDOWN_KEYS } from '../keyboard.js';
import { addItem, draftOf, emptyDraft, moveItem, raceItem, removeItem, setDwell, type Draft, type RaceItemKind } from '../rundown-draft.js';
import type { ControlState } from '../state.js';

const CHANNELS: readonly Channel[] = ['program', 'preview'];
const VERBS: readonly [RundownVerb, string][] = [
  ['pause', 'Pause'],
  ['resume', 'Resume'],
  ['next', 'Next'],
  ['previous', 'Previous'],
  ['stop', 'Stop'],
];

function smallButton(text: string, name: string, onClick: () => void, cls = '') {
  const b = el('button', { class: `btn btn-run ${cls}`.trim(), text, attrs: { type: 'button', 'aria-label': name } });
  b.addEventListener('click', onClick);
  return b;
}

/** One channel's run: what is up, what comes next and when, and its five buttons (hidden while nothing runs). */
function createRunLine(channel: Channel, state: ControlState, actions: Actions) {
  const head = el('span', { class: 'run-channel', text: channel.toUpperCase() });
  const name = el('span', { class: 'run-name' });
  const now = el('span', { class: 'run-now' });
  const next = el('span', { class: 'run-next' });
  const timing = el('span', { class: 'run-timing' });
  const stopped = el('p', { class: 'run-stopped' });
  const buttons = VERBS.map(([verb, word]) => {
    const key = RUNDOWN_KEYS[verb];
    const b = smallButton(word, `${word} rundown (${channel})`, () => actions.stepRundown(verb, channel), verb === 'stop' ? 'btn-run-stop' : '');
    b.append(el('kbd', { text: key }));
    return b;
  });
  const controls = el('div', { class: 'run-buttons', attrs: { role: 'group', 'aria-label': `Rundown on ${channel}` } }, ...buttons);
  const line = el('div', { class: 'run-line', attrs: { role: 'status', 'aria-label': `Rundown on ${channel}` } }, head, name, now, next, timing);
  const root = el('div', { class: `run-state run-${channel}` }, line, stopped, controls);

  function update(nowMs: number): void {
    const st = state.runs.get(channel);
    const w = st ? describeRun(st, (g: Graphic) => describeGraphic(g, state), nowMs) : null;
    const running = !!w?.rundownId;
    toggleClass(root, 'running', running);
    toggleClass(root, 'held', !!w?.paused);
    setText(name, running ? `${w!.name} · ${w!.position}` : 'no rundown running');
    setText(now, running ? `now: ${w!.now}` : '');
    setText(next, running ? `next: ${w!.next}` : '');
    setText(timing, running ? w!.timing : '');
    const why = w?.stopped ?? '';
    setText(stopped, why);
    stopped.hidden = running || why === '';
    controls.hidden = !running;
    root.hidden = !running && why === '' && channel === 'preview';
  }

  return { root, update };
}

/**
 * The Rundowns area: the runs on program and preview (now, next, countdown; Pause / Resume / Next / Previous / Stop,
 * also on keys), and the builder — a rundown from the race list (add buttons, up / down / remove, each item's
 * seconds), loop and skip-awaiting, saved under its name, started on program or preview.
 */
export function createRundownPane(state: ControlState, actions: Actions) {
  let draft: Draft = emptyDraft();
  const runs = CHANNELS.map((c) => createRunLine(c, state, actions));

  const open = el('select', { class: 'rd-open', attrs: { 'aria-label': 'Open rundown' } });
  open.addEventListener('change', () => {
    const r = state.rundowns.find((x) => x.id === open.value);
    set(r ? draftOf(r) : emptyDraft());
  });
  const nameInput = el('input', { class: 'rd-name', attrs: { type: 'text', maxlength: '80', placeholder: 'e.g. Battlegrounds', autocomplete: 'off' } });
  nameInput.addEventListener('input', () => {
    draft = { ...draft, name: nameInput.value };
  });
  const check = (label: string, on: (v: boolean) => void) => {
    const box = el('input', { attrs: { type: 'checkbox' } });
    box.addEventListener('change', () => on(box.checked));
    return { box, root: el('label', { class: 'rd-check' }, box, el('span', { text: label })) };
  };
  const loop = check('Loop', (v) => set({ ...draft, loop: v }));
  const skip = check('Skip races with no votes', (v) => set({ ...draft, skipAwaiting: v }));
  const kind = el('select', { class: 'rd-kind', attrs: { 'aria-label': 'Add races as' } }, el('option', { text: 'lower third', attrs: { value: 'lowerThird' } }), el('option', { text: 'full-screen board', attrs: { value: 'board' } }));
  const addList = el('ul', { class: 'rd-add', attrs: { 'aria-label': 'Add to the rundown' } });
  let addKey = '';
  const items = el('ol', { class: 'rd-items', attrs: { 'aria-label': 'Rundown items' } });
  const noItems = el('p', { class: 'empty', text: 'No items yet: add races above.' });
  let itemsKey = '';

  const save = smallButton('Save', 'Save rundown', () => {
    if (!ready('Save rundown')) return;
    void actions.saveRundown(draft).then((r) => r && set(draftOf(r)));
  });
  const start = (channel: Channel) =>
    smallButton(`Start on ${channel}`, `Start rundown on ${channel}`, () => {
      if (!ready(`Start rundown on ${channel}`)) return;
      void actions.startRundown(draft, channel).then((saved) => {
        if (saved && draft.id === null) set(draftOf(saved));
      });
    }, channel === 'program' ? 'btn-run-pgm' : 'btn-run-pvw');
  const remove = smallButton('Delete', 'Delete rundown', () => {
    if (draft.id === null) return state.setFeedback('error', 'Delete rundown: this rundown is not saved');
    actions.deleteRundown(draft.id);
    set(emptyDraft());
  }, 'btn-run-stop');

  const root = el(
    'section',
    { class: 'pane rundown-pane', attrs: { 'aria-labelledby': 'rundown-h' } },
    el('header', { class: 'pane-head' }, el('h2', { text: 'Rundown', attrs: { id: 'rundown-h' } }), el('span', { class: 'legend', text: `keys: ${VERBS.map(([v, w]) => `${RUNDOWN_KEYS[v]} ${w.toLowerCase()}`).join(' · ')}` })),
    el('div', { class: 'run-states' }, ...runs.map((r) => r.root)),
    el(
      'div',
      { class: 'rd-builder' },
      el('div', { class: 'rd-row' }, el('label', { class: 'show-field rd-grow' }, el('span', { class: 'show-label', text: 'Open' }), open), el('label', { class: 'show-field rd-grow' }, el('span', { class: 'show-label', text: 'Rundown name' }), nameInput)),
      el('div', { class: 'rd-row' }, loop.root, skip.root, el('label', { class: 'show-field' }, el('span', { class: 'show-label', text: 'Add races as' }), kind)),
      addList,
      noItems,
      items,
      el('div', { class: 'rd-row rd-actions' }, save, start('program'), start('preview'), remove),
    ),
  );

  function ready(label: string): boolean {
    if (draft.name.trim() === '') {
      state.setFeedback('error', `${label}: give the rundown a name first`);
      nameInput.focus();
      return false;
    }
    if (draft.items.length === 0) {
      state.setFeedback('error', `${label}: add at least one race first`);
      return false;
    }
    return true;
  }

  function set(d: Draft): void {
    draft = d;
    render();
  }

  const itemName = (it: RundownItem) => `${LAYER_LABEL[it.layer]} · ${describeGraphic(it.graphic, state)}`;

  function renderItems(): void {
    const key = JSON.stringify(draft.items) + `|${state.races.size}`;
    if (key === itemsKey) return;
    itemsKey = key;
    noItems.hidden = draft.items.length > 0;
    items.replaceChildren(
      ...draft.items.map((it, i) => {
        const what = itemName(it);
        const n = `item ${i + 1}, ${describeGraphic(it.graphic, state)}`;
        const dwell = el('input', {
          class: 'show-number rd-dwell',
          attrs: { type: 'number', inputmode: 'numeric', min: '2', max: '3600', placeholder: String(RUNDOWN_DWELL_SECONDS), 'aria-label': `Seconds on air: ${n}` },
        });
        dwell.value = it.dwellSeconds === undefined ? '' : String(it.dwellSeconds);
        dwell.addEventListener('change', () => {
          const v = dwell.value.trim() === '' ? null : Number(dwell.value);
          if (v !== null && !(v >= 2 && v <= 3600)) {
            state.setFeedback('error', `Seconds on air for item ${i + 1} must be between 2 and 3600 (blank: ${RUNDOWN_DWELL_SECONDS})`);
            dwell.value = it.dwellSeconds === undefined ? '' : String(it.dwellSeconds);
            return;
          }
          set(setDwell(draft, i, v));
        });
        return el(
          'li',
          { class: 'rd-item' },
          el('span', { class: 'rd-n', text: String(i + 1) }),
          el('span', { class: 'rd-what', text: what }),
          el('label', { class: 'rd-secs' }, dwell, el('span', { text: 's' })),
          smallButton('↑', `Move up: ${n}`, () => set(moveItem(draft, i, -1))),
          smallButton('↓', `Move down: ${n}`, () => set(moveItem(draft, i, 1))),
          smallButton('✕', `Remove: ${n}`, () => set(removeItem(draft, i)), 'btn-run-stop'),
        );
      }),
    );
  }

  function renderAdd(): void {
    const races = state.sortedRaces();
    const key = races.map((r) => `${r.view.id}:${raceName(r.view)}`).join('|');
    if (key === addKey) return;
    addKey = key;
    addList.replaceChildren(
      ...races.map((r) => {
        const b = smallButton(`+ ${raceName(r.view)}`, `Add ${raceName(r.view)} to the rundown`, () => set(addItem(draft, raceItem(r.view.id, kind.value as RaceItemKind))), 'btn-add');
        return el('li', {}, b);
      }),
    );
  }

  function renderOpen(): void {
    const want = [['', 'New rundown'], ...state.rundowns.map((r) => [r.id, r.name] as const)];
    const key = want.map(([v, t]) => `${v}:${t}`).join('|');
    if (open.dataset.key !== key) {
      open.dataset.key = key;
      open.replaceChildren(...want.map(([v, t]) => el('option', { text: t, attrs: { value: v } })));
    }
    open.value = draft.id ?? '';
  }

  function render(): void {
    renderOpen();
    if (nameInput.value !== draft.name) nameInput.value = draft.name;
    loop.box.checked = draft.loop;
    skip.box.checked = draft.skipAwaiting;
    renderAdd();
    renderItems();
    setAttr(remove, 'aria-disabled', draft.id === null ? 'true' : null);
    tick(Date.now());
  }

  function tick(now: number): void {
    for (const r of runs) r.update(now);
  }

  return { root, update: render, tick };
}
