import type { CallProposal } from '../../../shared/index.js';
import type { Actions } from '../actions.js';
import { describeDecision, describeProposal } from '../calls.js';
import { el, setAttr, setText, toggleClass } from '../dom.js';
import type { ControlState } from '../state.js';

/** One call waiting for the desk: race, candidate in full, kind, source and time, Accept / Reject. */
class ProposalCard {
  readonly root: HTMLLIElement;
  private readonly kind = el('span', { class: 'proposal-kind' });
  private readonly test = el('span', { class: 'tag tag-test', text: 'TEST', attrs: { title: 'made from rehearsal data' } });
  private readonly source = el('span', { class: 'proposal-source' });
  private readonly race = el('div', { class: 'proposal-race' });
  private readonly candidate = el('div', { class: 'proposal-candidate' });
  private readonly meta = el('div', { class: 'proposal-meta' });
  private readonly accept = el('button', { class: 'btn btn-accept', attrs: { type: 'button' } }, el('span', { class: 'btn-main', text: 'ACCEPT' }));
  private readonly reject = el('button', { class: 'btn btn-reject', attrs: { type: 'button' } }, el('span', { class: 'btn-main', text: 'REJECT' }));

  constructor(readonly id: string, actions: Actions, fresh: boolean) {
    this.accept.addEventListener('click', () => actions.acceptCall(id));
    this.reject.addEventListener('click', () => actions.rejectCall(id));
    this.root = el(
      'li',
      { class: `proposal${fresh ? ' fresh' : ''}`, attrs: { 'data-call-id': id } },
      el('div', { class: 'proposal-head' }, this.kind, this.test, this.meta, this.source),
      this.race,
      this.candidate,
      el('div', { class: 'proposal-buttons' }, this.accept, this.reject),
    );
  }

  update(p: CallProposal, state: ControlState): void {
    const w = describeProposal(p, state.races.get(p.raceId)?.view, state.feeds);
    setText(this.kind, w.kind);
    setAttr(this.root, 'data-kind', p.kind);
    this.test.hidden = !p.test;
    toggleClass(this.root, 'test', p.test === true);
    setText(this.source, w.source);
    setText(this.race, w.race);
    setText(this.candidate, w.candidate);
    setText(this.meta, `seen ${w.time}`);
    setAttr(this.source, 'title', p.source === w.source ? `source: ${w.source}` : `source: feed ${p.source} (${w.source})`);
    setAttr(this.accept, 'aria-label', `Accept call: ${w.name}`);
    setAttr(this.reject, 'aria-label', `Reject call: ${w.name}`);
    for (const b of [this.accept, this.reject]) setAttr(b, 'aria-disabled', state.live ? null : 'true');
  }
}

/**
 * Calls to approve: the sources' calls waiting for the desk, oldest first, flashing on arrival like the alert
 * queue; decided ones move to a short history ("accepted by producer 21:14:05Z"). Accepting calls the race and
 * queues its call alert (AIR it from the alert queue); rejecting calls nothing and airs nothing.
 */
export function createCallQueue(state: ControlState, actions: Actions) {
  const count = el('span', { class: 'alert-count' });
  const pending = el('ol', { class: 'proposal-list', attrs: { 'aria-label': 'Calls to approve' } });
  const none = el('p', { class: 'empty', text: 'No calls waiting.' });
  const historyHead = el('h3', { class: 'sub-head', text: 'Decided' });
  const history = el('ol', { class: 'proposal-history', attrs: { 'aria-label': 'Decided calls' } });
  const root = el(
    'section',
    { class: 'pane calls-pane', attrs: { 'aria-labelledby': 'calls-h' } },
    el('header', { class: 'pane-head' }, el('h2', { text: 'Calls to approve', attrs: { id: 'calls-h' } }), count),
    none,
    pending,
    historyHead,
    history,
  );
  const cards = new Map<string, ProposalCard>();
  let historyKey: string | null = null;

  function update(): void {
    const list = state.pendingCalls();
    setText(count, list.length === 0 ? 'none waiting' : `${list.length} waiting`);
    toggleClass(count, 'hot', list.length > 0);
    toggleClass(root, 'has-pending', list.length > 0);

    const ids = new Set(list.map((p) => p.id));
    for (const [id, card] of cards) {
      if (!ids.has(id)) {
        card.root.remove();
        cards.delete(id);
      }
    }
    list.forEach((p, i) => {
      let card = cards.get(p.id);
      if (!card) {
        card = new ProposalCard(p.id, actions, state.freshCalls.has(p.id));
        cards.set(p.id, card);
      }
      if (pending.children[i] !== card.root) pending.insertBefore(card.root, pending.children[i] ?? null);
      card.update(p, state);
    });

    const decided = state.callHistory(6).map((p) => ({ p, w: describeProposal(p, state.races.get(p.raceId)?.view, state.feeds), how: describeDecision(p) }));
    // The head already says "none waiting": the line is only for a pane with nothing else in it.
    none.hidden = list.length > 0 || decided.length > 0;
    const key = decided.map(({ p, w, how }) => `${p.id}:${p.status}:${w.name}:${how}`).join('|');
    if (key === historyKey) return;
    historyKey = key;
    historyHead.hidden = history.hidden = decided.length === 0;
    history.replaceChildren(
      ...decided.map(({ p, w, how }) =>
        el(
          'li',
          { class: `history-item call-${p.status}`, attrs: { 'data-call-id': p.id } },
          el('span', { class: 'tag', text: p.status.toUpperCase() }),
          el('span', { class: 'history-what', text: `${w.race} — ${w.candidate}${p.kind === 'runoff' ? ' → runoff' : ''}`, attrs: { title: `${w.race} — ${w.candidate} · ${w.kind}` } }),
          el('span', { class: 'history-end', text: `${w.source}${p.test ? ' · TEST' : ''} · ${how}` }),
        ),
      ),
    );
  }

  return { root, update };
}
