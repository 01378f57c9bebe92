import type { RaceView } from '../../../shared/index.js';
import type { Actions } from '../actions.js';
import { describeCallMade, describeCallTag } from '../calls.js';
import { ageLevel, AGE_AMBER_MS, AGE_RED_MS, candidateName, describeAge, describeCount, raceName, share, clockTime } from '../describe.js';
import { el, setAttr, setText, toggleClass } from '../dom.js';
import { sourceLabel } from '../feeds.js';
import { describeRaceLead, describeRaceLine, rowMark, rowsShown } from '../kinds.js';
import type { ControlState, RaceEntry } from '../state.js';
import { describeLastAired, type LastAired } from '../asrun.js';
import { formatVotes } from '../../../shared/index.js';

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
  /** What the kind of race adds: pass mark, winning set, runoff, what the runner-up needs. One line, often empty. */
  private readonly line = el('div', { class: 'race-line' });
  private lineKey = '';
  private readonly count = el('span', { class: 'race-count' });
  private readonly source = el('span', { class: 'race-source' });
  private readonly age = el('span', { class: 'race-age' });
  private readonly aired = el('span', { class: 'race-aired' });
  private tagKey = '';

  constructor(readonly id: string, onPick: (id: string) => void) {
    this.button = el(
      'button',
      { class: 'race', attrs: { type: 'button', 'data-race-id': id } },
      el('div', { class: 'race-head' }, this.jurisdiction, this.title, this.ev, this.tags),
      this.lead,
      this.rows,
      this.line,
      el('div', { class: 'race-foot' }, this.source, this.count, this.aired, this.age),
    );
    this.button.addEventListener('click', () => onPick(id));
    this.item = el('li', {}, this.button);
  }

  update(entry: RaceEntry, state: ControlState, now: number, aired: LastAired | undefined): void {
    const v = entry.view;
    const airedText = describeLastAired(aired);
    setText(this.aired, airedText ?? '');
    this.aired.hidden = airedText === null;
    toggleClass(this.aired, 'now', aired === null);
    const g = state.graphics;
    const onProgram = g?.program.lowerThird?.type === 'race' && g.program.lowerThird.raceId === v.id;
    const inPreview = g?.preview.lowerThird?.type === 'race' && g.preview.lowerThird.raceId === v.id;
    setText(this.jurisdiction, v.jurisdiction);
    setText(this.title, v.title);
    setText(this.ev, v.electoralVotes ? `${v.electoralVotes} EV` : '');
    const lead = describeRaceLead(v);
    setText(this.lead, lead);
    toggleClass(this.lead, 'tied', v.status === 'tied');
    setText(this.count, describeCount(v));
    const source = sourceLabel(v.source, state.feeds);
    setText(this.source, source ?? '');
    this.source.hidden = source === null;
    setAttr(this.source, 'title', source === null ? null : `source of the latest batch: ${v.source === source ? source : `feed ${v.source} (${source})`}`);
    const callTag = describeCallTag(v);
    const made = describeCallMade(v, state.feeds, state.calls.values());
    this.updateTags(onProgram, inPreview, v, callTag);
    this.updateRows(v);
    const line = describeRaceLine(v, made);
    this.updateLine(line);
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
    const said = line.map((p) => p.text.replace(/^[●=✓] /, '')).join(' · ');
    setAttr(this.button, 'aria-label', `${raceName(v)}: ${lead}${said ? ` · ${said}` : ''}${flags.length ? ` (${flags.join(', ')})` : ''}${source ? ` · source ${source}` : ''}${airedText && aired !== null ? ` · ${airedText}` : ''}`);
  }

  updateAge(entry: RaceEntry, now: number): void {
    const ms = now - entry.receivedAt;
    setText(this.age, describeAge(entry, now));
    setAttr(this.age, 'data-age', ageLevel(ms));
    setAttr(this.age, 'title', `batch as of ${clockTime(entry.view.asOf)} · revision ${entry.view.revision} · amber after ${AGE_AMBER_MS / 1000} s, red after ${AGE_RED_MS / 1000} s without a new revision`);
  }

  private updateLine(parts: ReturnType<typeof describeRaceLine>): void {
    const key = parts.map((p) => `${p.tone}:${p.text}`).join('|');
    if (key === this.lineKey) return;
    this.lineKey = key;
    this.line.hidden = parts.length === 0;
    this.line.replaceChildren(...parts.map((p) => el('span', { class: `line-part line-${p.tone}`, text: p.text })));
  }

  private updateTags(onProgram: boolean, inPreview: boolean, v: RaceView, callTag: string | null): void {
    const key = `${v.test}|${onProgram}|${inPreview}|${v.inRecountRange}|${callTag}`;
    if (key === this.tagKey) return;
    this.tagKey = key;
    const tags: HTMLElement[] = [];
    if (v.test) tags.push(el('span', { class: 'tag tag-test', text: 'TEST', attrs: { title: 'rehearsal data: the latest batch is marked test' } }));
    if (callTag) tags.push(el('span', { class: 'tag tag-called', text: callTag }));
    if (onProgram) tags.push(el('span', { class: 'tag tag-pgm', text: 'PGM' }));
    if (inPreview) tags.push(el('span', { class: 'tag tag-pvw', text: 'PVW' }));
    if (v.inRecountRange) tags.push(el('span', { class: 'tag tag-recount', text: 'RECOUNT RANGE' }));
    this.tags.replaceChildren(...tags);
  }

  private updateRows(v: RaceView): void {
    const shown = [...v.candidates].sort((a, b) => b.votes - a.votes).slice(0, rowsShown(v));
    const marks = shown.map((c) => rowMark(v, c.id));
    toggleClass(this.rows, 'has-marks', marks.some(Boolean) || v.seats > 1);
    while (this.rows.children.length > shown.length) this.rows.lastElementChild?.remove();
    shown.forEach((c, i) => {
      let row = this.rows.children[i] as HTMLElement | undefined;
      if (!row) {
        row = el(
          'div',
          { class: 'cand' },
          el('span', { class: 'cand-mark' }),
          el('span', { class: 'cand-name' }),
          el('span', { class: 'cand-bar' }, el('span', { class: 'cand-fill' }), el('span', { class: 'cand-pass' })),
          el('span', { class: 'cand-pct' }),
          el('span', { class: 'cand-votes' }),
        );
        this.rows.append(row);
      }
      const [mark, name, bar, pct, votes] = [...row.children] as HTMLElement[];
      const party = (c.party ?? 'other').toLowerCase();
      const measureSide = v.kind === 'measure' && (c.id === 'yes' || c.id === 'no') ? c.id : null;
      setAttr(row, 'data-party', measureSide ?? (['dem', 'rep'].includes(party) ? party : 'other'));
      toggleClass(row, 'leader', v.leader === c.id);
      const m = marks[i];
      setText(mark!, m ? `${m.glyph} ${m.word}` : '');
      setAttr(mark!, 'data-mark', m?.kind ?? null);
      setText(name!, `${candidateName(v, c.id)}${c.party ? ` (${c.party})` : ''}`);
      const [fill, pass] = [...bar!.children] as HTMLElement[];
      fill!.style.width = `${Math.min(100, Math.max(0, c.pct))}%`;
      // A measure's pass mark, on the YES bar: the share YES must reach.
      const passAt = measureSide === 'yes' && v.measure ? v.measure.passPct : null;
      pass!.hidden = passAt === null;
      if (passAt !== null) pass!.style.left = `${passAt}%`;
      setAttr(pass!, 'title', passAt === null ? null : `pass mark ${passAt}%`);
      setText(pct!, share(c.pct));
      setText(votes!, formatVotes(c.votes));
    });
  }
}

/** The race list: every race with live numbers, in a fixed order; clicking one cues its lower third. */
/** `aired`: when each race was last on program (from the as-run); absent = not known to have aired. */
export function createRaceList(
  state: ControlState,
  actions: Actions,
  footer?: { root: HTMLElement; update(): void },
  aired: (raceId: string) => LastAired | undefined = () => undefined,
) {
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
      card.update(entry, state, now, aired(entry.view.id));
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
