import type { RaceView } from '../../../shared/index.js';
import type { Actions } from '../actions.js';
import { ageLevel, AGE_AMBER_MS, AGE_RED_MS, candidateName, describeAge, describeCount, describeLead, raceName, share, clockTime } from '../describe.js';
import { el, setAttr, setText, toggleClass } from '../dom.js';
import { sourceLabel } from '../feeds.js';
import type { ControlState, RaceEntry } from '../state.js';
import { formatVotes } from '../../../shared/index.js';

const MAX_CANDIDATES = 4;

/** One race: a button that cues its lower third, showing its live numbers and how long it has been quiet. */
class RaceCard {
  readonly item: HTMLLIElement;
  readonly button: HTMLButtonElement;
  private readonly jurisdiction = el('span', { class: 'race-jur' });
  private readonly title = el('span', { class: 'race-title' });
  private readonly ev = el('span', { class: 'race-ev' });
  private readonly tags = el('span', { class: 'race-tags' });
  private readonly lead = el('div', { class: 'race-lead' });
  private readonly rows = el('div', { class: 'race-cands' });
  private readonly count = el('span', { class: 'race-count' });
  private readonly source = el('span', { class: 'race-source' });
  private readonly age = el('span', { class: 'race-age' });
  private tagKey = '';

  constructor(readonly id: string, onPick: (id: string) => void) {
    this.button = el(
      'button',
      { class: 'race', attrs: { type: 'button', 'data-race-id': id } },
      el('div', { class: 'race-head' }, this.jurisdiction, this.title, this.ev, this.tags),
      this.lead,
      this.rows,
      el('div', { class: 'race-foot' }, this.source, this.count, this.age),
    );
    this.button.addEventListener('click', () => onPick(id));
    this.item = el('li', {}, this.button);
  }

  update(entry: RaceEntry, state: ControlState, now: number): void {
    const v = entry.view;
    const g = state.graphics;
    const onProgram = g?.program.lowerThird?.type === 'race' && g.program.lowerThird.raceId === v.id;
    const inPreview = g?.preview.lowerThird?.type === 'race' && g.preview.lowerThird.raceId === v.id;
    setText(this.jurisdiction, v.jurisdiction);
    setText(this.title, v.title);
    setText(this.ev, v.electoralVotes ? `${v.electoralVotes} EV` : '');
    setText(this.lead, describeLead(v));
    toggleClass(this.lead, 'tied', v.status === 'tied');
    setText(this.count, describeCount(v));
    const source = sourceLabel(v.source, state.feeds);
    setText(this.source, source ?? '');
    this.source.hidden = source === null;
    setAttr(this.source, 'title', source === null ? null : `source of the latest batch: ${v.source === source ? source : `feed ${v.source} (${source})`}`);
    this.updateTags(onProgram, inPreview, v);
    this.updateRows(v);
    this.updateAge(entry, now);
    toggleClass(this.button, 'on-program', onProgram);
    toggleClass(this.button, 'in-preview', inPreview);
    toggleClass(this.button, 'called', v.status === 'called');
    toggleClass(this.button, 'test', v.test);
    toggleClass(this.button, 'selected', state.selectedRaceId === v.id);
    setAttr(this.button, 'aria-current', state.selectedRaceId === v.id ? 'true' : null);
    const flags = [
      v.test && 'TEST data',
      v.status === 'called' && v.call && `called for ${candidateName(v, v.call.winner)}`,
      onProgram && 'on program',
      inPreview && 'in preview',
      v.inRecountRange && 'recount range',
    ].filter(Boolean);
    setAttr(this.button, 'aria-label', `${raceName(v)}: ${describeLead(v)}${flags.length ? ` (${flags.join(', ')})` : ''}${source ? ` · source ${source}` : ''}`);
  }

  updateAge(entry: RaceEntry, now: number): void {
    const ms = now - entry.receivedAt;
    setText(this.age, describeAge(entry, now));
    setAttr(this.age, 'data-age', ageLevel(ms));
    setAttr(this.age, 'title', `batch as of ${clockTime(entry.view.asOf)} · revision ${entry.view.revision} · amber after ${AGE_AMBER_MS / 1000} s, red after ${AGE_RED_MS / 1000} s without a new revision`);
  }

  private updateTags(onProgram: boolean, inPreview: boolean, v: RaceView): void {
    const key = `${v.test}|${onProgram}|${inPreview}|${v.inRecountRange}|${v.status}|${v.call?.winner}`;
    if (key === this.tagKey) return;
    this.tagKey = key;
    const tags: HTMLElement[] = [];
    if (v.test) tags.push(el('span', { class: 'tag tag-test', text: 'TEST', attrs: { title: 'rehearsal data: the latest batch is marked test' } }));
    if (v.status === 'called' && v.call) tags.push(el('span', { class: 'tag tag-called', text: `✓ CALLED · ${candidateName(v, v.call.winner).toUpperCase()}` }));
    if (onProgram) tags.push(el('span', { class: 'tag tag-pgm', text: 'PGM' }));
    if (inPreview) tags.push(el('span', { class: 'tag tag-pvw', text: 'PVW' }));
    if (v.inRecountRange) tags.push(el('span', { class: 'tag tag-recount', text: 'RECOUNT RANGE' }));
    this.tags.replaceChildren(...tags);
  }

  private updateRows(v: RaceView): void {
    const shown = [...v.candidates].sort((a, b) => b.votes - a.votes).slice(0, MAX_CANDIDATES);
    while (this.rows.children.length > shown.length) this.rows.lastElementChild?.remove();
    shown.forEach((c, i) => {
      let row = this.rows.children[i] as HTMLElement | undefined;
      if (!row) {
        row = el('div', { class: 'cand' }, el('span', { class: 'cand-name' }), el('span', { class: 'cand-bar' }, el('span', { class: 'cand-fill' })), el('span', { class: 'cand-pct' }), el('span', { class: 'cand-votes' }));
        this.rows.append(row);
      }
      const [name, bar, pct, votes] = [...row.children] as HTMLElement[];
      const party = (c.party ?? 'other').toLowerCase();
      setAttr(row, 'data-party', ['dem', 'rep'].includes(party) ? party : 'other');
      toggleClass(row, 'leader', v.leader === c.id);
      setText(name!, `${candidateName(v, c.id)}${c.party ? ` (${c.party})` : ''}`);
      (bar!.firstElementChild as HTMLElement).style.width = `${Math.min(100, Math.max(0, c.pct))}%`;
      setText(pct!, share(c.pct));
      setText(votes!, formatVotes(c.votes));
    });
  }
}

/** The race list: every race with live numbers, in a fixed order; clicking one cues its lower third. */
export function createRaceList(state: ControlState, actions: Actions, footer?: { root: HTMLElement; update(): void }) {
  const list = el('ul', { class: 'race-list', attrs: { 'aria-label': 'Races' } });
  const empty = el('p', { class: 'empty', text: 'No races defined yet.' });
  const root = el(
    'section',
    { class: 'pane races-pane', attrs: { 'aria-labelledby': 'races-h' } },
    el('header', { class: 'pane-head' }, el('h2', { text: 'Races', attrs: { id: 'races-h' } }), el('span', { class: 'legend', text: `click or ↑/↓ cues to preview · quiet: amber ≥ ${AGE_AMBER_MS / 1000} s, red ≥ ${AGE_RED_MS / 1000} s` })),
    empty,
    list,
    ...(footer ? [footer.root] : []),
  );
  const cards = new Map<string, RaceCard>();
  let lastSelected: string | null = null;

  function update(now: number): void {
    const entries = state.sortedRaces();
    const seen = new Set<string>();
    entries.forEach((entry, i) => {
      seen.add(entry.view.id);
      let card = cards.get(entry.view.id);
      if (!card) {
        card = new RaceCard(entry.view.id, (id) => actions.cueRace(id));
        cards.set(entry.view.id, card);
      }
      if (list.children[i] !== card.item) list.insertBefore(card.item, list.children[i] ?? null);
      card.update(entry, state, now);
    });
    for (const [id, card] of cards) {
      if (!seen.has(id)) {
        card.item.remove();
        cards.delete(id);
      }
    }
    empty.hidden = entries.length > 0;
    footer?.update();
    // Follow keyboard selection: keep the picked race visible and focused.
    if (state.selectedRaceId !== lastSelected) {
      lastSelected = state.selectedRaceId;
      const card = lastSelected ? cards.get(lastSelected) : undefined;
      if (card) {
        // Focus follows the pick when the producer is in the list (or nowhere), never stolen from a button elsewhere.
        const active = document.activeElement;
        if (!active || active === document.body || list.contains(active)) card.button.focus({ preventScroll: true });
        card.item.scrollIntoView({ block: 'nearest' });
      }
    }
  }

  function tick(now: number): void {
    for (const entry of state.races.values()) cards.get(entry.view.id)?.updateAge(entry, now);
  }

  return { root, update, tick };
}
