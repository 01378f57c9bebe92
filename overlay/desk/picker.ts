import type { RaceView } from '../../shared/index.js';
import { formatVotes, surname } from '../../shared/format.js';
import { el, setText, toggleClass } from '../control/dom.js';

/** Whether a race matches every word of the filter (jurisdiction, title, id, candidate names). */
export function matches(race: RaceView, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = [race.jurisdiction, race.title, race.id, ...race.candidates.map((c) => c.name)].join(' ').toLowerCase();
  return words.every((w) => hay.includes(w));
}

const standing = (r: RaceView): string => {
  const name = (id: string) => surname(r.candidates.find((c) => c.id === id)?.name ?? id);
  if (r.status === 'awaiting') return 'no votes yet';
  if (r.leader === null) return 'tied';
  return `${name(r.leader)} +${formatVotes(r.margin)}`;
};

interface Row {
  root: HTMLLabelElement;
  radio: HTMLInputElement;
  name: HTMLElement;
  meta: HTMLElement;
  tag: HTMLElement;
}

/**
 * The race picker: a filter and the races as one radio group (Tab enters at the picked race, arrows move the
 * pick). Enter in the filter picks the first match; Enter on the list goes on to the counts (`onConfirm`).
 */
export function createPicker(onPick: (raceId: string) => void, onConfirm: () => void) {
  const filter = el('input', {
    class: 'desk-filter',
    attrs: { id: 'desk-filter', type: 'search', autocomplete: 'off', spellcheck: 'false', placeholder: 'state, office, candidate…', 'aria-controls': 'desk-races' },
  });
  const count = el('span', { class: 'desk-count', attrs: { 'aria-live': 'polite' } });
  const list = el('div', { class: 'desk-races', attrs: { id: 'desk-races', role: 'radiogroup', 'aria-label': 'Races' } });
  const empty = el('p', { class: 'desk-empty' });
  const root = el(
    'section',
    { class: 'desk-pane desk-picker', attrs: { 'aria-labelledby': 'desk-picker-title' } },
    el('div', { class: 'desk-pane-head' }, el('h2', { text: 'Race', attrs: { id: 'desk-picker-title' } }), count),
    el('label', { class: 'desk-label', text: 'Find a race', attrs: { for: 'desk-filter' } }),
    filter,
    list,
    empty,
  );
  const rows = new Map<string, Row>();
  let races: RaceView[] = [];
  let selected: string | null = null;

  const visible = () => races.filter((r) => matches(r, filter.value));

  filter.addEventListener('input', render);
  filter.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      const first = visible()[0];
      const target = (selected && rows.get(selected) && !rows.get(selected)!.root.hidden ? rows.get(selected) : first && rows.get(first.id))?.radio;
      target?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const shown = visible();
      const pick = shown.find((r) => r.id === selected) ?? shown[0];
      if (!pick) return;
      if (pick.id !== selected) onPick(pick.id);
      onConfirm();
    } else if (e.key === 'Escape' && filter.value !== '') {
      e.preventDefault();
      e.stopPropagation();
      filter.value = '';
      render();
    }
  });
  list.addEventListener('change', (e) => {
    const t = e.target;
    if (t instanceof HTMLInputElement && t.checked) onPick(t.value);
  });
  list.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      onConfirm();
    }
  });

  function row(r: RaceView): Row {
    let x = rows.get(r.id);
    if (!x) {
      const radio = el('input', {
        class: 'desk-radio',
        attrs: { type: 'radio', name: 'desk-race', value: r.id, 'aria-labelledby': `desk-race-${r.id}`, 'aria-describedby': `desk-race-${r.id}-meta` },
      });
      const name = el('span', { class: 'desk-race-name', attrs: { id: `desk-race-${r.id}` } });
      const tag = el('span', { class: 'desk-tag', text: 'TEST' });
      const meta = el('span', { class: 'desk-race-meta', attrs: { id: `desk-race-${r.id}-meta` } });
      x = { root: el('label', { class: 'desk-race' }, radio, el('span', { class: 'desk-race-text' }, el('span', { class: 'desk-race-line' }, name, tag), meta)), radio, name, meta, tag };
      rows.set(r.id, x);
    }
    return x;
  }

  function render(): void {
    const shown = new Set(visible().map((r) => r.id));
    races.forEach((r, i) => {
      const x = row(r);
      setText(x.name, `${r.jurisdiction} · ${r.title}`);
      setText(x.meta, [standing(r), r.source ?? null, r.status === 'called' ? 'called' : null, r.test ? 'test data' : null].filter(Boolean).join(' · '));
      x.tag.hidden = !r.test;
      x.radio.checked = r.id === selected;
      toggleClass(x.root, 'picked', r.id === selected);
      x.root.hidden = !shown.has(r.id);
      if (list.children[i] !== x.root) list.insertBefore(x.root, list.children[i] ?? null);
    });
    for (const [id, x] of rows) {
      if (!races.some((r) => r.id === id)) {
        x.root.remove();
        rows.delete(id);
      }
    }
    setText(count, filter.value.trim() === '' ? `${races.length}` : `${shown.size} of ${races.length}`);
    setText(empty, races.length === 0 ? 'No races defined yet.' : shown.size === 0 ? `No race matches “${filter.value.trim()}”.` : '');
    empty.hidden = empty.textContent === '';
  }

  function update(next: RaceView[], pick: string | null): void {
    races = [...next].sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
    selected = pick;
    render();
  }

  return { root, update, focusFilter: () => filter.focus() };
}
