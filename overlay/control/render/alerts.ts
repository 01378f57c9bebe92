import type { Alert } from '../../../shared/index.js';
import type { Actions } from '../actions.js';
import { describeProposal, fullName } from '../calls.js';
import { candidateName, clockTime, describeAlertEnd, describeLeadChange, raceName } from '../describe.js';
import { el, setAttr, setText, toggleClass } from '../dom.js';
import { alertKey, type ControlState } from '../state.js';

/** "Georgia President lead change to Biden" / "… projected winner Biden": how buttons and history name an alert. */
function alertName(a: Alert, state: ControlState): string {
  const v = state.races.get(a.raceId)?.view;
  const race = v ? raceName(v) : a.raceId;
  if (a.kind === 'call') return `${race} projected winner ${v?.candidates.find((c) => c.id === a.winner)?.name ?? a.winner}`;
  const lc = state.leadChanges.get(a.leadChangeId);
  return lc ? `${race} lead change to ${candidateName(v, lc.to)}` : `${race} lead change`;
}

function whatHappened(a: Alert, state: ControlState): string {
  if (a.kind === 'call') return `Projected winner: ${fullName(state.races.get(a.raceId)?.view, a.winner)}`;
  const lc = state.leadChanges.get(a.leadChangeId);
  return lc ? describeLeadChange(lc, state.races.get(a.raceId)?.view) : 'lead change';
}

/** Who made the call a call alert airs: "desk call", "AP call accepted by producer" (from the proposal, if held). */
function callMaker(a: Extract<Alert, { kind: 'call' }>, state: ControlState): string {
  const p = state.calls.get(a.callId);
  if (!p) return a.callId.startsWith('desk.') ? 'desk call' : 'call';
  const source = describeProposal(p, state.races.get(p.raceId)?.view, state.feeds).source;
  return p.decidedBy === 'auto' ? `${source} call, accepted by the race’s rule` : `${source} call accepted${p.decidedBy ? ` by ${p.decidedBy}` : ''}`;
}

/** The history's detail after the alert's name: the margin of a lead change, who made a call. */
function historyDetail(a: Alert, state: ControlState): string {
  if (a.kind === 'call') return callMaker(a, state);
  return whatHappened(a, state).split(' · ').slice(1).join(' · ');
}

/** The batch time behind an alert, where it has one. */
function asOfOf(a: Alert, state: ControlState): string | null {
  return a.kind === 'leadChange' ? (state.leadChanges.get(a.leadChangeId)?.asOf ?? null) : null;
}

class PendingCard {
  readonly root: HTMLLIElement;
  private readonly kind = el('div', { class: 'alert-kind' });
  private readonly race = el('div', { class: 'alert-race' });
  private readonly what = el('div', { class: 'alert-what' });
  private readonly meta = el('div', { class: 'alert-meta' });
  private readonly air = el('button', { class: 'btn btn-alert-air', attrs: { type: 'button' } }, el('span', { class: 'btn-main', text: 'AIR' }));
  private readonly dismiss = el('button', { class: 'btn btn-alert-dismiss', attrs: { type: 'button' } }, el('span', { class: 'btn-main', text: 'DISMISS' }));

  constructor(readonly id: string, actions: Actions, fresh: boolean) {
    this.air.addEventListener('click', () => actions.airAlert(id));
    this.dismiss.addEventListener('click', () => actions.dismissAlert(id));
    this.root = el(
      'li',
      { class: `alert-card${fresh ? ' fresh' : ''}`, attrs: { 'data-alert-id': id } },
      this.kind,
      this.race,
      this.what,
      this.meta,
      el('div', { class: 'alert-buttons' }, this.air, this.dismiss),
    );
  }

  update(a: Alert, state: ControlState): void {
    const v = state.races.get(a.raceId)?.view;
    const name = alertName(a, state);
    setText(this.kind, `${a.kind === 'call' ? 'PROJECTED WINNER' : 'LEAD CHANGE'}${a.test ? ' · TEST' : ''}`);
    setText(this.race, v ? raceName(v) : a.raceId);
    setText(this.what, whatHappened(a, state));
    const asOf = asOfOf(a, state);
    const made = a.kind === 'call' ? `${callMaker(a, state)} · ${clockTime(a.createdAt)}` : `detected ${clockTime(a.createdAt)}`;
    setText(this.meta, `${made}${asOf ? ` · batch as of ${clockTime(asOf)}` : ''}`);
    setAttr(this.air, 'aria-label', `Air alert: ${name}`);
    setAttr(this.dismiss, 'aria-label', `Dismiss alert: ${name}`);
  }
}

/** The alert queue: pending lead changes at the top, flashing on arrival; aired and dismissed history below. */
export function createAlertQueue(state: ControlState, actions: Actions) {
  const count = el('span', { class: 'alert-count' });
  const pending = el('ol', { class: 'alert-pending', attrs: { 'aria-label': 'Pending alerts' } });
  const none = el('p', { class: 'empty', text: 'No pending alerts.' });
  const history = el('ol', { class: 'alert-history', attrs: { 'aria-label': 'Alert history' } });
  const root = el(
    'section',
    { class: 'pane alerts-pane', attrs: { 'aria-labelledby': 'alerts-h' } },
    el('header', { class: 'pane-head' }, el('h2', { text: 'Alert queue', attrs: { id: 'alerts-h' } }), count),
    none,
    pending,
    el('h3', { class: 'sub-head', text: 'History' }),
    history,
  );
  const cards = new Map<string, PendingCard>();
  let historyKey = '';

  function update(now: number): void {
    const list = state.pendingAlerts();
    setText(count, list.length === 0 ? 'none pending' : `${list.length} pending`);
    toggleClass(count, 'hot', list.length > 0);
    toggleClass(root, 'has-pending', list.length > 0);
    none.hidden = list.length > 0;

    const ids = new Set(list.map((a) => a.id));
    for (const [id, card] of cards) {
      if (!ids.has(id)) {
        card.root.remove();
        cards.delete(id);
      }
    }
    list.forEach((a, i) => {
      let card = cards.get(a.id);
      if (!card) {
        card = new PendingCard(a.id, actions, state.freshAlerts.has(a.id));
        cards.set(a.id, card);
      }
      if (pending.children[i] !== card.root) pending.insertBefore(card.root, pending.children[i] ?? null);
      card.update(a, state);
    });

    // Only the alert program shows now is ON AIR: an earlier one of the same graphic (a call made again) is not.
    const onAir = state.programAlert();
    const rows = state.alertHistory().slice(0, 30).map((a) => {
      const live = onAir?.id === a.id;
      return { a, live, end: describeAlertEnd(a, { onAir: live, leftAt: state.alertLeftAt.get(alertKey(a)), now }) };
    });
    // The countdown changes the key every second while an alert is on air: only then is the list rebuilt each second.
    const key = rows.map((r) => `${r.a.id}:${r.a.status}:${r.live}:${r.end}`).join('|') + `|${state.leadChanges.size}|${state.races.size}|${state.calls.size}`;
    if (key !== historyKey) {
      historyKey = key;
      history.replaceChildren(
        ...rows.map(({ a, live, end }) =>
          el(
            'li',
            { class: `history-item status-${a.status}${live ? ' live' : ''}` },
            el('span', { class: 'tag', text: live ? 'ON AIR' : a.status.toUpperCase() }),
            el('span', { class: 'history-what', text: [alertName(a, state), historyDetail(a, state)].filter(Boolean).join(' · ') }),
            el('span', { class: 'history-time', text: clockTime(a.updatedAt ?? a.createdAt) }),
            ...(end ? [el('span', { class: 'history-end', text: end })] : []),
          ),
        ),
      );
    }
  }

  return { root, update };
}
