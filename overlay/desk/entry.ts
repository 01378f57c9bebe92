import type { RaceView } from '../../shared/index.js';
import { formatVotes } from '../../shared/format.js';
import { el, setAttr, setText, toggleClass } from '../control/dom.js';
import { emptyDraft, type Built, type Draft } from './batch.js';
import type { Description } from './describe.js';
import { readCount, signed } from './numbers.js';
import { showTime, toLocalInput } from './time.js';

const UNITS = ['precincts', 'counties', 'wards', 'towns', 'districts', 'parishes'];

/** A field of the form, by the body path the server's issues use. */
interface Field {
  input: HTMLInputElement;
  note: HTMLElement;
}

const idOf = (path: string): string => `desk-f-${path.replace(/[^a-z0-9-]/gi, '-')}`;

export interface EntryHandlers {
  /** Anything typed or toggled. */
  onChange(): void;
  /** Enter in a field, or the Post button. */
  onSubmit(): void;
  /** The Clear button (Esc is the page's). */
  onClear(): void;
}

/** What the form shows at each field: `server` refusals always; typed refusals and missing ones when told. */
export interface FieldView {
  server: Record<string, string>;
  errors: boolean;
  missing: boolean;
}

/**
 * The entry form for the picked race: one count per candidate, the optional expected vote, outstanding ballots
 * and reporting, the as-of time (the clock until edited), the TEST flag. Every field shows back what it read, or
 * why it refuses it, right under itself. Each race keeps its own draft while another is picked.
 */
export function createEntry(h: EntryHandlers) {
  const fields = new Map<string, Field>();
  function field(path: string, input: HTMLInputElement): HTMLInputElement {
    input.id = idOf(path);
    const note = el('span', { class: 'desk-note', attrs: { id: `${idOf(path)}-note` } });
    input.setAttribute('aria-describedby', note.id);
    fields.set(path, { input, note });
    return input;
  }
  const text = (path: string, attrs: Record<string, string> = {}) =>
    field(path, el('input', { class: 'desk-input', attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false', ...attrs } }));
  const count = (path: string, attrs: Record<string, string> = {}) => text(path, { inputmode: 'numeric', ...attrs });
  const noteOf = (path: string) => fields.get(path)!.note;
  const labelFor = (path: string, label: string) => el('label', { class: 'desk-label', text: label, attrs: { for: idOf(path) } });

  const title = el('h2', { text: 'Counts', attrs: { id: 'desk-entry-title' } });
  const raceName = el('span', { class: 'desk-entry-race' });
  const stored = el('p', { class: 'desk-stored-line' });
  const cands = el('div', { class: 'desk-cands', attrs: { role: 'group', 'aria-label': 'Votes by candidate' } });

  const expected = count('expectedVotePct', { inputmode: 'decimal', placeholder: 'e.g. 98.9' });
  const ballots = count('outstanding.ballots', { placeholder: 'e.g. 8,410' });
  const label = text('outstanding.label');
  const reported = count('reporting.reported');
  const total = count('reporting.total');
  const unit = el('select', { class: 'desk-input desk-unit', attrs: { id: 'desk-f-unit', 'aria-label': 'Reporting unit' } });
  for (const u of UNITS) unit.append(el('option', { text: u, attrs: { value: u } }));
  const asOf = field('asOf', el('input', { class: 'desk-input desk-asof', attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'YYYY-MM-DD HH:MM:SS' } }));
  const now = el('button', { class: 'desk-btn desk-now', text: 'Now', attrs: { type: 'button', 'aria-pressed': 'true', 'aria-label': 'As of now (follow the clock)' } });
  const test = el('input', { attrs: { id: 'desk-f-test', type: 'checkbox' } });
  const post = el('button', { class: 'desk-btn desk-post', attrs: { type: 'submit', 'aria-keyshortcuts': 'Enter' } }, el('span', { class: 'desk-post-text', text: 'Post batch' }), document.createTextNode(' '), el('kbd', { text: 'Enter' }));
  const clear = el('button', { class: 'desk-btn desk-clear', attrs: { type: 'button', 'aria-keyshortcuts': 'Escape' } }, el('span', { text: 'Clear' }), document.createTextNode(' '), el('kbd', { text: 'Esc' }));
  const summary = el('p', { class: 'desk-form-msg', attrs: { role: 'alert' } });
  const verdict = el('p', { class: 'desk-verdict', attrs: { 'aria-hidden': 'true' } });

  const extra = (legend: string, ...children: Node[]) =>
    el('fieldset', { class: `desk-set desk-set-${legend.toLowerCase().replace(/\s+/g, '-')}` }, el('legend', { class: 'desk-legend', text: legend }), ...children);
  const cell = (...children: Node[]) => el('div', { class: 'desk-cell' }, ...children);

  const form = el(
    'form',
    { class: 'desk-entry', attrs: { 'aria-labelledby': 'desk-entry-title', novalidate: '' } },
    el('div', { class: 'desk-pane-head' }, title, raceName),
    stored,
    el('div', { class: 'desk-cands-head', attrs: { 'aria-hidden': 'true' } }, el('span', { text: 'Candidate' }), el('span', { text: 'Stored' }), el('span', { text: 'New count' })),
    cands,
    el(
      'div',
      { class: 'desk-extras' },
      extra('Expected vote', cell(labelFor('expectedVotePct', 'Expected vote in (%)'), expected, noteOf('expectedVotePct'))),
      extra(
        'Outstanding',
        cell(labelFor('outstanding.ballots', 'Outstanding ballots'), ballots, noteOf('outstanding.ballots')),
        cell(labelFor('outstanding.label', 'Which ballots'), label, noteOf('outstanding.label')),
      ),
      extra(
        'Reporting',
        cell(labelFor('reporting.reported', 'Reported'), reported, noteOf('reporting.reported')),
        cell(labelFor('reporting.total', 'Total'), total, noteOf('reporting.total')),
        cell(el('label', { class: 'desk-label', text: 'Unit', attrs: { for: 'desk-f-unit' } }), unit),
      ),
      extra(
        'As of',
        cell(labelFor('asOf', 'As-of time (local)'), el('div', { class: 'desk-asof-row' }, asOf, now), noteOf('asOf')),
        el('label', { class: 'desk-check' }, test, el('span', { text: 'TEST (rehearsal) data' })),
      ),
    ),
    el('div', { class: 'desk-actions' }, summary, verdict, el('div', { class: 'desk-buttons' }, post, clear)),
  );
  const placeholder = el('p', { class: 'desk-empty desk-pick-first', text: 'Pick a race to enter its counts.' });
  const root = el('section', { class: 'desk-pane desk-form-pane' }, placeholder, form);
  form.hidden = true;

  let race: RaceView | null = null;
  let candIds: string[] = [];
  let follow = true;
  const drafts = new Map<string, Draft>();
  const storedCells = new Map<string, HTMLElement>();

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    h.onSubmit();
  });
  form.addEventListener('input', (e) => {
    if (e.target === asOf) setFollow(false);
    h.onChange();
  });
  form.addEventListener('change', (e) => {
    if (e.target === unit || e.target === test) h.onChange();
  });
  now.addEventListener('click', () => {
    setFollow(true);
    h.onChange();
  });
  clear.addEventListener('click', () => h.onClear());

  function setFollow(on: boolean): void {
    follow = on;
    setAttr(now, 'aria-pressed', String(on));
    toggleClass(now, 'on', on);
    if (on) asOf.value = toLocalInput(new Date());
  }

  function buildCandidates(r: RaceView): void {
    fields.forEach((_, path) => path.startsWith('votes.') && fields.delete(path));
    storedCells.clear();
    cands.replaceChildren(
      ...r.candidates.map((c) => {
        const path = `votes.${c.id}`;
        const input = count(path);
        const storedCell = el('span', { class: 'desk-stored', attrs: { id: `${idOf(path)}-stored` } });
        storedCells.set(c.id, storedCell);
        input.setAttribute('aria-describedby', `${idOf(path)}-stored ${noteOf(path).id}`);
        const name = el('label', { class: 'desk-cand-name', attrs: { for: idOf(path) } }, el('span', { text: c.name }));
        if (c.party) name.append(' ', el('span', { class: 'desk-party', text: c.party }));
        return el('div', { class: 'desk-cand', attrs: { 'data-party': (c.party ?? 'other').toLowerCase() } }, name, storedCell, input, noteOf(path));
      }),
    );
    candIds = r.candidates.map((c) => c.id);
  }

  /** Shows the picked race (fresh numbers, or another race: its own draft). */
  function setRace(next: RaceView | null): void {
    if (next === null) {
      if (race) drafts.set(race.id, draft());
      race = null;
      form.hidden = true;
      placeholder.hidden = false;
      return;
    }
    const changed = race?.id !== next.id;
    const keep = changed ? (drafts.get(next.id) ?? emptyDraft(next)) : draft();
    if (changed && race) drafts.set(race.id, draft());
    const sameCandidates = !changed && candIds.join() === next.candidates.map((c) => c.id).join();
    race = next;
    if (!sameCandidates) buildCandidates(next);
    if (!sameCandidates || changed) load(keep);
    form.hidden = false;
    placeholder.hidden = true;
    setText(raceName, `${next.jurisdiction} · ${next.title}${next.test ? ' · TEST' : ''}`);
    setText(
      stored,
      next.asOf === null
        ? 'Nothing stored yet.'
        : `Stored: as of ${showTime(next.asOf)} · from ${next.source ?? 'unknown'} · revision ${next.revision}`,
    );
    for (const c of next.candidates) {
      const cellNode = storedCells.get(c.id);
      if (cellNode) setText(cellNode, next.asOf === null ? '—' : formatVotes(c.votes));
    }
  }

  function draft(): Draft {
    return {
      votes: Object.fromEntries(candIds.map((id) => [id, fields.get(`votes.${id}`)?.input.value ?? ''])),
      expectedVotePct: expected.value,
      outstandingBallots: ballots.value,
      outstandingLabel: label.value,
      reported: reported.value,
      total: total.value,
      unit: unit.value,
      asOf: follow ? null : asOf.value,
      test: test.checked,
    };
  }

  function load(d: Draft): void {
    for (const id of candIds) {
      const f = fields.get(`votes.${id}`);
      if (f) f.input.value = d.votes[id] ?? '';
    }
    expected.value = d.expectedVotePct;
    ballots.value = d.outstandingBallots;
    label.value = d.outstandingLabel;
    reported.value = d.reported;
    total.value = d.total;
    if (!UNITS.includes(d.unit)) unit.append(el('option', { text: d.unit, attrs: { value: d.unit } }));
    unit.value = d.unit;
    test.checked = d.test;
    setFollow(d.asOf === null);
    if (d.asOf !== null) asOf.value = d.asOf;
  }

  /** Each field's echo or refusal; the stored count's difference beside a candidate's echo. */
  function show(built: Built, v: FieldView): void {
    for (const [path, f] of fields) {
      const message = v.server[path] ?? (v.errors ? built.errors[path] : undefined) ?? (v.missing ? built.missing[path] : undefined);
      let echo = built.echoes[path] ?? '';
      if (echo && race && race.asOf !== null && path.startsWith('votes.')) {
        const was = race.candidates.find((c) => `votes.${c.id}` === path)?.votes;
        const typed = readCount(f.input.value);
        if (was !== undefined && typed.kind === 'ok') echo = `${echo}  (${signed(typed.value - was)})`;
      }
      setText(f.note, message ? `⚠ ${message}` : echo);
      f.note.dataset.kind = message ? 'error' : echo ? 'echo' : '';
      setAttr(f.input, 'aria-invalid', message ? 'true' : null);
    }
  }

  /** Moves the clock on while the as-of follows it (not while the field is being edited). */
  function tick(at: Date): void {
    if (follow && document.activeElement !== asOf) {
      const v = toLocalInput(at);
      if (asOf.value !== v) asOf.value = v;
    }
  }

  function reset(): void {
    if (race) load(emptyDraft(race));
  }

  function setBusy(busy: string | null): void {
    toggleClass(post, 'busy', busy !== null);
    setAttr(post, 'aria-disabled', busy !== null ? 'true' : null);
    setText(post.querySelector('.desk-post-text') as HTMLElement, busy ?? 'Post batch');
  }

  return {
    root,
    setRace,
    draft,
    show,
    tick,
    reset,
    setBusy,
    say: (message: string) => setText(summary, message),
    /** What the preview on screen says, in one line beside the Post button (the answer pane has it in full). */
    verdict(d: Description | null): void {
      const line = d ? d.lines.find((l) => /^[A-Z -]+:/.test(l)) ?? d.lines[0] ?? '' : '';
      setText(verdict, d ? `${d.headline}${line ? ` · ${line}` : ''}` : '');
      verdict.dataset.tone = d?.tone ?? '';
    },
    /** The first field, or the one at `path`. */
    focus(path?: string): void {
      const f = path ? fields.get(path) : fields.get(`votes.${candIds[0]}`);
      f?.input.focus();
      f?.input.select();
    },
    /** Paths the form has a field for (server issues elsewhere are listed in the preview). */
    paths: (): ReadonlySet<string> => new Set(fields.keys()),
  };
}
