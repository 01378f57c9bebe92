import { el, setAttr, setText } from '../dom.js';
import { feedAlarms, type FeedAlarm } from '../feeds.js';
import type { ControlState } from '../state.js';

/**
 * The top-bar alarm: a red (failing) or amber (stale) strip per feed in trouble, "FEED STALE: AP — last success
 * 2 min ago". It is worked out again on every tick, since a feed turns stale by time alone, and goes away when the
 * feed recovers. Paused feeds are not alarms (someone paused them). A `role="alert"` region announces what is
 * new; the ticking age is shown but hidden from screen readers, which hear when the feed last succeeded instead,
 * so the strip is not read out again every second. Not shown while the panel is not live: the NOT LIVE banner
 * says more then, and feed times the page holds are out of date.
 */
export function createFeedAlarm(state: ControlState) {
  const list = el('ul', { class: 'feed-alarm-list' });
  const root = el('div', { class: 'feed-alarm', attrs: { role: 'alert', 'aria-label': 'Feed alarm' } }, list);
  root.hidden = true;
  const lines = new Map<string, { root: HTMLLIElement; head: HTMLElement; detail: HTMLElement; age: HTMLElement }>();

  function line(a: FeedAlarm) {
    let l = lines.get(a.id);
    if (!l) {
      const head = el('strong', { class: 'feed-alarm-head' });
      const detail = el('span', { class: 'feed-alarm-detail' });
      const age = el('span', { class: 'feed-alarm-age', attrs: { 'aria-hidden': 'true' } });
      l = { root: el('li', { class: 'feed-alarm-line', attrs: { 'data-feed-id': a.id } }, head, el('span', { text: ' — ' }), detail, age), head, detail, age };
      lines.set(a.id, l);
    }
    setAttr(l.root, 'data-level', a.level);
    setText(l.head, a.head);
    // A stale feed's "no success since 21:04:05Z" is for screen readers; the eye reads the ticking age.
    setText(l.detail, a.detail);
    setAttr(l.detail, 'class', a.level === 'stale' ? 'feed-alarm-detail sr-only' : 'feed-alarm-detail');
    setText(l.age, a.level === 'stale' ? a.age : ` · ${a.age}`);
    return l;
  }

  function update(now: number): void {
    const alarms = state.live ? feedAlarms(state.feeds.values(), now) : [];
    const seen = new Set<string>();
    alarms.forEach((a, i) => {
      seen.add(a.id);
      const l = line(a);
      if (list.children[i] !== l.root) list.insertBefore(l.root, list.children[i] ?? null);
    });
    for (const [id, l] of lines) {
      if (!seen.has(id)) {
        l.root.remove();
        lines.delete(id);
      }
    }
    root.hidden = alarms.length === 0;
    setAttr(root, 'data-level', alarms.some((a) => a.level === 'error') ? 'error' : alarms.length > 0 ? 'stale' : null);
  }

  return { root, update };
}
