import { feedStateAt, type FeedState, type FeedStatus } from '../../../shared/index.js';
import type { Actions } from '../actions.js';
import { clockTime } from '../describe.js';
import { describeCounts, describeInstance, describeLastSuccess, describeRetry, FEED_STATE_WORDS } from '../feeds.js';
import { el, setAttr, setText, toggleClass } from '../dom.js';
import type { ControlState } from '../state.js';

const button = (cls: string, text: string) =>
  el('button', { class: `btn btn-small btn-feed ${cls}`, attrs: { type: 'button' } }, el('span', { class: 'btn-main', text }));

/** One feed: what it is, how it is doing (colour and words), its last error and warnings, and its buttons. */
class FeedRow {
  readonly root: HTMLLIElement;
  private readonly label = el('span', { class: 'feed-label' });
  private readonly kind = el('span', { class: 'feed-kind' });
  private readonly mode = el('span', { class: 'tag feed-mode' });
  private readonly state = el('span', { class: 'feed-state' });
  private readonly success = el('span', { class: 'feed-success' });
  private readonly counts = el('span', { class: 'feed-counts' });
  private readonly instance = el('div', { class: 'feed-instance' });
  private readonly error = el('p', { class: 'feed-error' });
  private readonly retry = el('span', { class: 'feed-retry' });
  private readonly warnCount = el('summary', { class: 'feed-warn-count' });
  private readonly warnList = el('ul', { class: 'feed-warn-list' });
  private readonly warnings = el('details', { class: 'feed-warnings' }, this.warnCount, this.warnList);
  private readonly pause = button('btn-feed-pause', 'Pause');
  private readonly resume = button('btn-feed-resume', 'Resume');
  private readonly poll = button('btn-feed-poll', 'Poll now');
  private warnKey = '';

  constructor(readonly id: string, actions: Actions) {
    this.pause.addEventListener('click', () => actions.pauseFeed(id));
    this.resume.addEventListener('click', () => actions.resumeFeed(id));
    this.poll.addEventListener('click', () => actions.pollFeed(id));
    this.root = el(
      'li',
      { class: 'feed', attrs: { 'data-feed-id': id } },
      el('div', { class: 'feed-head' }, this.label, this.kind, this.mode, this.state),
      el('div', { class: 'feed-line' }, this.success, this.counts),
      this.instance,
      this.error,
      this.warnings,
      el('div', { class: 'feed-buttons' }, this.pause, this.resume, this.poll),
    );
  }

  update(f: FeedStatus, now: number, live: boolean): FeedState {
    const state = feedStateAt(f, now);
    setAttr(this.root, 'data-state', state);
    setAttr(this.root, 'aria-label', `Feed ${f.label}: ${f.mode} · ${FEED_STATE_WORDS[state]}`);
    setText(this.label, f.label);
    setText(this.kind, f.label === f.id ? f.kind : `${f.id} · ${f.kind}`);
    setText(this.mode, f.mode === 'test' ? 'TEST' : 'LIVE');
    setAttr(this.mode, 'data-mode', f.mode);
    setText(this.state, FEED_STATE_WORDS[state]);
    setText(this.success, describeLastSuccess(f, now));
    setAttr(this.success, 'title', `last success ${clockTime(f.lastSuccessAt)} · last poll ${clockTime(f.lastPollAt)} · last change ${clockTime(f.lastChangeAt)} · stale after ${f.staleAfterSeconds} s without success`);
    setText(this.counts, describeCounts(f));
    setText(this.instance, describeInstance(f));

    this.error.hidden = f.lastError === null;
    const retry = describeRetry(f, state, now);
    if (f.lastError !== null) {
      if (this.error.firstChild?.textContent !== f.lastError) this.error.replaceChildren(el('span', { text: f.lastError }), this.retry);
      setText(this.retry, retry ? ` · ${retry}` : '');
    }

    const key = f.warnings.join('\n');
    if (key !== this.warnKey) {
      this.warnKey = key;
      setText(this.warnCount, `${f.warnings.length} warning${f.warnings.length === 1 ? '' : 's'}`);
      this.warnList.replaceChildren(...f.warnings.map((w) => el('li', { text: w })));
    }
    this.warnings.hidden = f.warnings.length === 0;

    const paused = f.state === 'paused';
    this.pause.hidden = paused;
    this.resume.hidden = !paused;
    setAttr(this.pause, 'aria-label', `Pause feed ${f.label}`);
    setAttr(this.resume, 'aria-label', `Resume feed ${f.label}`);
    setAttr(this.poll, 'aria-label', `Poll feed ${f.label} now`);
    // Like the other actions: they look disabled while not live (or, for Poll now, while paused) and say why when pressed.
    for (const b of [this.pause, this.resume]) setAttr(b, 'aria-disabled', live ? null : 'true');
    setAttr(this.poll, 'aria-disabled', live && !paused ? null : 'true');
    return state;
  }
}

/**
 * The Feeds pane: every feed the server runs, in the server's order, with its health as of this page's clock
 * (a feed turns stale here by itself when it stops succeeding). Collapsible; says "none configured" when empty.
 */
export function createFeedsPanel(state: ControlState, actions: Actions) {
  const summary = el('span', { class: 'feeds-summary' });
  const toggle = el('button', { class: 'btn btn-ghost btn-small feeds-toggle', text: 'Hide', attrs: { type: 'button', 'aria-expanded': 'true', 'aria-controls': 'feeds-list' } });
  const list = el('ul', { class: 'feed-list', attrs: { id: 'feeds-list', 'aria-label': 'Feeds' } });
  const root = el(
    'section',
    { class: 'pane feeds-pane', attrs: { 'aria-labelledby': 'feeds-h' } },
    el('header', { class: 'pane-head' }, el('h2', { text: 'Feeds', attrs: { id: 'feeds-h' } }), summary, toggle),
    list,
  );
  let open = true;
  toggle.addEventListener('click', () => {
    open = !open;
    setAttr(toggle, 'aria-expanded', String(open));
    setText(toggle, open ? 'Hide' : 'Show');
    list.hidden = !open;
  });
  const rows = new Map<string, FeedRow>();

  function update(now: number): void {
    const feeds = [...state.feeds.values()];
    const seen = new Set<string>();
    const counts = new Map<FeedState, number>();
    feeds.forEach((f, i) => {
      seen.add(f.id);
      let row = rows.get(f.id);
      if (!row) {
        row = new FeedRow(f.id, actions);
        rows.set(f.id, row);
      }
      if (list.children[i] !== row.root) list.insertBefore(row.root, list.children[i] ?? null);
      const s = row.update(f, now, state.live);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    });
    for (const [id, row] of rows) {
      if (!seen.has(id)) {
        row.root.remove();
        rows.delete(id);
      }
    }
    const order: FeedState[] = ['error', 'stale', 'paused', 'starting', 'ok'];
    setText(summary, feeds.length === 0 ? 'No feeds configured' : order.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${FEED_STATE_WORDS[s]}`).join(' · '));
    toggleClass(summary, 'trouble', (counts.get('error') ?? 0) + (counts.get('stale') ?? 0) > 0);
    toggle.hidden = feeds.length === 0;
    list.hidden = feeds.length === 0 || !open;
  }

  return { root, update };
}
