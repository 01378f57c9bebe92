import type { Alert, CallProposal } from '../../../shared/index.js';
import type { Actions } from '../actions.js';
import { describeProposal } from '../calls.js';
import { clockTime, raceName } from '../describe.js';
import { el, setAttr, setText, toggleClass } from '../dom.js';
import type { ControlState } from '../state.js';
import { alertName, alertWhat } from './words.js';

interface Card<T> {
  root: HTMLLIElement;
  update(item: T): void;
}

/** Keeps one card per id in `list`, in the given order, creating and dropping cards as items come and go. */
function keyedList<T extends { id: string }>(list: HTMLOListElement, make: (item: T) => Card<T>) {
  const cards = new Map<string, Card<T>>();
  return (items: readonly T[]) => {
    const ids = new Set(items.map((i) => i.id));
    for (const [id, c] of cards) {
      if (ids.has(id)) continue;
      c.root.remove();
      cards.delete(id);
    }
    items.forEach((item, i) => {
      let c = cards.get(item.id);
      if (!c) cards.set(item.id, (c = make(item)));
      if (list.children[i] !== c.root) list.insertBefore(c.root, list.children[i] ?? null);
      c.update(item);
    });
  };
}

function pair(a: string, b: string, onA: () => void, onB: () => void, cls: [string, string]) {
  const first = el('button', { class: `dock-btn ${cls[0]}`, attrs: { type: 'button' } }, el('span', { class: 'dock-btn-main', text: a }));
  const second = el('button', { class: `dock-btn ${cls[1]}`, attrs: { type: 'button' } }, el('span', { class: 'dock-btn-main', text: b }));
  first.addEventListener('click', onA);
  second.addEventListener('click', onB);
  return { first, second, root: el('div', { class: 'dock-pair' }, first, second) };
}

function pane(id: string, heading: string, empty: string, listName: string) {
  const count = el('span', { class: 'dock-count' });
  const none = el('p', { class: 'dock-empty', text: empty });
  const list = el('ol', { class: 'dock-queue', attrs: { 'aria-label': listName } });
  const root = el(
    'section',
    { class: 'dock-pane', attrs: { 'aria-labelledby': id } },
    el('div', { class: 'dock-pane-head' }, el('h2', { text: heading, attrs: { id } }), count),
    none,
    list,
  );
  return { root, list, count, none };
}

/** Pending alerts, oldest first, flashing on arrival: AIR (`alert:take`) and DISMISS, named as on the panel. */
export function createDockAlerts(state: ControlState, actions: Actions) {
  const p = pane('dock-alerts-h', 'Alert queue', 'No pending alerts.', 'Pending alerts');
  const sync = keyedList<Alert>(p.list, (a) => {
    const kind = el('div', { class: 'dock-kind' });
    const race = el('div', { class: 'dock-race' });
    const what = el('p', { class: 'dock-line' });
    const buttons = pair('AIR', 'DISMISS', () => actions.airAlert(a.id), () => actions.dismissAlert(a.id), ['dock-air', 'dock-dismiss']);
    const root = el('li', { class: `dock-card${state.freshAlerts.has(a.id) ? ' fresh' : ''}`, attrs: { 'data-alert-id': a.id } }, kind, race, what, buttons.root);
    return {
      root,
      update(a) {
        const v = state.races.get(a.raceId)?.view;
        setText(kind, `${a.kind === 'call' ? 'PROJECTED WINNER' : 'LEAD CHANGE'}${a.test ? ' · TEST' : ''} · ${clockTime(a.createdAt)}`);
        setText(race, v ? raceName(v) : a.raceId);
        setText(what, alertWhat(a, state));
        const name = alertName(a, state);
        setAttr(buttons.first, 'aria-label', `Air alert: ${name}`);
        setAttr(buttons.second, 'aria-label', `Dismiss alert: ${name}`);
        for (const b of [buttons.first, buttons.second]) setAttr(b, 'aria-disabled', state.live ? null : 'true');
      },
    };
  });

  function update(): void {
    const list = state.pendingAlerts();
    setText(p.count, list.length === 0 ? 'none pending' : `${list.length} pending`);
    toggleClass(p.count, 'hot', list.length > 0);
    p.none.hidden = list.length > 0;
    sync(list);
  }
  return { root: p.root, update };
}

/** The sources' calls waiting for the desk, oldest first: ACCEPT / REJECT, named as on the panel. */
export function createDockCalls(state: ControlState, actions: Actions) {
  const p = pane('dock-calls-h', 'Calls to approve', 'No calls waiting.', 'Calls to approve');
  const sync = keyedList<CallProposal>(p.list, (c) => {
    const kind = el('div', { class: 'dock-kind' });
    const race = el('div', { class: 'dock-race' });
    const who = el('p', { class: 'dock-line' });
    const buttons = pair('ACCEPT', 'REJECT', () => actions.acceptCall(c.id), () => actions.rejectCall(c.id), ['dock-accept', 'dock-reject']);
    const root = el('li', { class: `dock-card dock-proposal${state.freshCalls.has(c.id) ? ' fresh' : ''}`, attrs: { 'data-call-id': c.id } }, kind, race, who, buttons.root);
    return {
      root,
      update(c) {
        const w = describeProposal(c, state.races.get(c.raceId)?.view, state.feeds);
        setText(kind, `${w.kind}${c.test ? ' · TEST' : ''} · ${w.source} · seen ${w.time}`);
        toggleClass(root, 'test', c.test === true);
        setText(race, w.race);
        setText(who, w.candidate);
        setAttr(buttons.first, 'aria-label', `Accept call: ${w.name}`);
        setAttr(buttons.second, 'aria-label', `Reject call: ${w.name}`);
        for (const b of [buttons.first, buttons.second]) setAttr(b, 'aria-disabled', state.live ? null : 'true');
      },
    };
  });

  function update(): void {
    const list = state.pendingCalls();
    setText(p.count, list.length === 0 ? 'none waiting' : `${list.length} waiting`);
    toggleClass(p.count, 'hot', list.length > 0);
    p.none.hidden = list.length > 0;
    sync(list);
  }
  return { root: p.root, update };
}
