import type { RaceView } from '../../shared/index.js';
import { formatPct, formatVotes, surname } from '../../shared/format.js';
import { el, setText, toggleClass } from '../control/dom.js';
import type { Description } from './describe.js';
import { signed } from './numbers.js';

export interface OutcomeView {
  /** `idle`: nothing to preview; `checking`: a dry run is out; `preview`: what posting would do; `posted`: what it did. */
  stage: 'idle' | 'checking' | 'preview' | 'posted';
  /** The small line above the headline ("Dry run · nothing stored", "Posted 04:51:02"). */
  note: string;
  description: Description | null;
  /** The numbers: `before` the stored race, `after` the race the batch makes (null: none yet). */
  before: RaceView | null;
  after: RaceView | null;
  caption: string;
}

/**
 * What the batch would do (the dry run's answer, re-run as the editor types) or did (the post's answer), and the
 * race's numbers before and after it.
 */
export function createOutcome() {
  const stage = el('p', { class: 'desk-stage' });
  const headline = el('p', { class: 'desk-headline' });
  const lines = el('ul', { class: 'desk-lines' });
  const card = el('div', { class: 'desk-card', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } }, stage, headline, lines);
  const caption = el('caption', { class: 'desk-caption' });
  const body = el('tbody');
  const table = el(
    'table',
    { class: 'desk-numbers' },
    caption,
    el(
      'thead',
      {},
      el('tr', {}, ...['Candidate', 'Stored', 'After', 'Change', 'Share'].map((t) => el('th', { text: t, attrs: { scope: 'col' } }))),
    ),
    body,
  );
  const root = el(
    'section',
    { class: 'desk-pane desk-outcome', attrs: { 'aria-labelledby': 'desk-outcome-title' } },
    el('div', { class: 'desk-pane-head' }, el('h2', { text: 'What it does', attrs: { id: 'desk-outcome-title' } })),
    card,
    table,
  );

  function update(v: OutcomeView): void {
    root.dataset.stage = v.stage;
    card.dataset.tone = v.description?.tone ?? (v.stage === 'checking' ? 'pending' : 'idle');
    toggleClass(card, 'posted', v.stage === 'posted');
    setText(stage, v.note);
    setText(headline, v.description?.headline ?? '');
    headline.hidden = v.description === null;
    const want = v.description?.lines ?? [];
    const have = [...lines.children].map((c) => c.textContent);
    if (want.join('\n') !== have.join('\n')) {
      lines.replaceChildren(...want.map((t) => el('li', { text: t, attrs: { 'data-kind': t.split(':')[0]!.toLowerCase().replace(/\s+/g, '-') } })));
    }
    table.hidden = v.before === null && v.after === null;
    setText(caption, v.caption);
    const shown = v.after ?? v.before;
    if (!shown) return;
    const before = new Map((v.before?.candidates ?? []).map((c) => [c.id, c.votes]));
    const rows = shown.candidates.map((c) => {
      const was = before.get(c.id);
      const stored = v.before && v.before.asOf !== null && was !== undefined ? formatVotes(was) : '—';
      const after = v.after ? formatVotes(c.votes) : '—';
      const change = v.after && was !== undefined && v.before?.asOf !== null ? signed(c.votes - was) : '';
      const lead = shown.leader === c.id;
      const tr = el(
        'tr',
        { class: lead ? 'lead' : '' },
        el('th', { text: surname(c.name), attrs: { scope: 'row' } }),
        el('td', { text: stored }),
        el('td', { text: after }),
        el('td', { text: change, class: change.startsWith('−') ? 'down' : '' }),
        el('td', { text: shown.totalVotes > 0 ? formatPct(c.pct) : '—' }),
      );
      return tr;
    });
    const total = el(
      'tr',
      { class: 'total' },
      el('th', { text: 'Total', attrs: { scope: 'row' } }),
      el('td', { text: v.before && v.before.asOf !== null ? formatVotes(v.before.totalVotes) : '—' }),
      el('td', { text: v.after ? formatVotes(v.after.totalVotes) : '—' }),
      el('td', { text: v.after && v.before && v.before.asOf !== null ? signed(v.after.totalVotes - v.before.totalVotes) : '' }),
      el('td', {}),
    );
    body.replaceChildren(...rows, total);
  }

  return { root, update };
}
