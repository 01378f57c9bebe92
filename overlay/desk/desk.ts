import type { RaceView } from '../../shared/index.js';
import { el, setText } from '../control/dom.js';
import { listRaces, sendBatch } from './api.js';
import { buildBatch, fieldPaths, type Built } from './batch.js';
import { describeOutcome, type Description, type Outcome } from './describe.js';
import { createEntry } from './entry.js';
import { createOutcome } from './outcome.js';
import { createPicker } from './picker.js';
import { showTime } from './time.js';

/** How long the editor pauses before the preview re-runs. */
const PREVIEW_DEBOUNCE_MS = 350;
/** The race list is re-read on focus and after each post; this keeps it fresh on a desk left open. */
const REFRESH_MS = 15_000;

export interface DeskOptions {
  token: () => string;
  /** The server refused the token mid-session (401/403). */
  onTokenRefused: (message: string) => void;
  onChangeToken: () => void;
}

const same = (a: Description, b: Description) => a.headline === b.headline && a.lines.join('\n') === b.lines.join('\n');

/**
 * The manual entry desk: pick a race, type its counts, see what the batch would do (a dry run re-run as the
 * editor types, and once more right before posting), post it with Enter. A post goes out only when that last dry
 * run says what the editor has already seen; otherwise the new preview is shown and Enter is needed again.
 */
export function createDesk(o: DeskOptions) {
  let races: RaceView[] = [];
  let selected: string | null = new URLSearchParams(location.search).get('race');
  /** Counts every dry run and pick, so a late answer never overwrites a newer one. */
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The description on screen, and the race revision it was made against. */
  let seen: { description: Description; revision: number } | null = null;
  let serverFields: Record<string, string> = {};
  let showErrors = false;
  let showMissing = false;
  let posting = false;
  let refreshNote = '';
  /** What the answer pane shows: the stored numbers, a preview, or the post's answer (kept until the next edit). */
  let stage: 'idle' | 'preview' | 'posted' = 'idle';

  const picker = createPicker(pick, () => entry.focus());
  const entry = createEntry({ onChange: changed, onSubmit: () => void submit(), onClear: clearForm });
  const outcome = createOutcome();
  const refreshed = el('span', { class: 'desk-refreshed', attrs: { 'aria-live': 'polite' } });
  const change = el('button', { class: 'desk-btn desk-small', text: 'Change token', attrs: { type: 'button' } });
  change.addEventListener('click', () => o.onChangeToken());
  const root = el(
    'div',
    { class: 'desk' },
    el(
      'header',
      { class: 'desk-top' },
      el('div', { class: 'brand' }, el('span', { class: 'brand-mark', text: 'LEADWIRE' }), el('span', { class: 'brand-sub', text: 'DESK' })),
      el('h1', { class: 'desk-h1', text: 'Manual entry' }),
      refreshed,
      change,
    ),
    el('main', { class: 'desk-grid' }, picker.root, entry.root, outcome.root),
  );
  root.hidden = true;

  const race = (): RaceView | null => races.find((r) => r.id === selected) ?? null;
  const built = (r: RaceView): Built => buildBatch(entry.draft(), r, new Date());
  const showFields = (b: Built) => entry.show(b, { server: serverFields, errors: showErrors, missing: showMissing });
  const describe = (res: Outcome, r: RaceView, posted: boolean) => describeOutcome(res, r, { posted, time: (t) => showTime(t), fields: entry.paths() });
  const tokenRefused = (res: Outcome) => !res.ok && (res.refusal.error === 'unauthorized' || res.refusal.error === 'forbidden');

  function render(): void {
    const r = race();
    picker.update(races, r ? r.id : null);
    entry.setRace(r);
    setText(refreshed, refreshNote);
  }

  function showIdle(r: RaceView | null, b: Built | null): void {
    seen = null;
    stage = 'idle';
    entry.verdict(null);
    const incomplete = b !== null && Object.keys(b.errors).length > 0 ? 'Fix the marked fields to see what this batch would do.' : 'Type every candidate’s count to see what this batch would do.';
    outcome.update({
      stage: 'idle',
      note: r ? incomplete : 'Pick a race.',
      description: null,
      before: r,
      after: null,
      caption: r ? (r.asOf === null ? 'Nothing stored yet' : `Stored · as of ${showTime(r.asOf)}`) : '',
    });
  }

  function showAnswer(res: Outcome, r: RaceView, d: Description, posted: boolean): void {
    const after = res.ok ? res.answer.race : null;
    stage = posted ? 'posted' : 'preview';
    entry.verdict(posted ? null : d);
    outcome.update({
      stage: posted ? 'posted' : 'preview',
      note: posted ? `Posted ${showTime(new Date().toISOString())}` : 'Dry run · nothing stored yet',
      description: d,
      before: r,
      after,
      caption: posted && after ? `Now stored · revision ${after.revision} · source ${after.source ?? '—'}` : after ? 'If posted' : `Stored${r.asOf ? ` · as of ${showTime(r.asOf)}` : ''}`,
    });
  }

  function changed(): void {
    serverFields = {};
    showMissing = false;
    showErrors = false;
    const r = race();
    if (r) showFields(built(r));
    entry.say('');
    schedulePreview(PREVIEW_DEBOUNCE_MS);
  }

  function schedulePreview(ms: number): void {
    clearTimeout(timer);
    timer = setTimeout(() => {
      showErrors = true;
      void preview();
    }, ms);
  }

  async function preview(): Promise<void> {
    const r = race();
    const mine = ++seq;
    if (!r) return showIdle(null, null);
    const b = built(r);
    showFields(b);
    if (!b.body) return showIdle(r, b);
    outcome.update({ stage: 'checking', note: 'Checking what this batch would do…', description: seen?.description ?? null, before: r, after: null, caption: 'Stored' });
    const res = await sendBatch(r.id, b.body, o.token(), true);
    if (mine !== seq) return;
    if (tokenRefused(res)) return refused(res);
    const d = describe(res, r, false);
    serverFields = d.fields;
    showFields(b);
    seen = { description: d, revision: r.revision };
    showAnswer(res, r, d, false);
  }

  async function submit(): Promise<void> {
    const r = race();
    if (posting || !r) return;
    clearTimeout(timer);
    showErrors = true;
    showMissing = true;
    serverFields = {};
    const b = built(r);
    showFields(b);
    if (!b.body) {
      entry.say('Nothing posted: fix the marked fields.');
      entry.focus(fieldPaths(r).find((p) => b.errors[p] || b.missing[p]));
      return;
    }
    const typed = JSON.stringify(entry.draft());
    const saw = seen;
    posting = true;
    entry.setBusy('Checking…');
    const mine = ++seq;
    try {
      const dry = await sendBatch(r.id, b.body, o.token(), true);
      if (tokenRefused(dry)) return refused(dry);
      const d = describe(dry, r, false);
      serverFields = d.fields;
      showFields(b);
      if (mine === seq) {
        seen = { description: d, revision: r.revision };
        showAnswer(dry, r, d, false);
      }
      if (!d.postable) {
        entry.say(`Nothing posted: ${d.headline.toLowerCase()}.`);
        const bad = fieldPaths(r).find((p) => d.fields[p]);
        if (bad) entry.focus(bad);
        return;
      }
      if (JSON.stringify(entry.draft()) !== typed) {
        entry.say('The form changed while checking: nothing posted. Check the preview, then press Enter again.');
        return;
      }
      if (!saw || !same(saw.description, d)) {
        entry.say('The preview changed: nothing posted yet. Read what it does, then press Enter again to post.');
        return;
      }
      entry.setBusy('Posting…');
      const res = await sendBatch(r.id, b.body, o.token(), false);
      if (tokenRefused(res)) return refused(res);
      const p = describe(res, r, true);
      seq++;
      seen = null;
      showAnswer(res, r, p, true);
      if (res.ok) {
        races = races.map((x) => (x.id === r.id && x.revision <= res.answer.race.revision ? res.answer.race : x));
        showErrors = false;
        showMissing = false;
        serverFields = {};
        render();
        // Emptied for the next batch once the form holds the race as posted: its TEST box follows the race now
        // (a rehearsal batch leaves it ticked), not the race as it was before this post.
        entry.reset();
        showFields(built(race() ?? r));
        entry.say(`Posted ${showTime(new Date().toISOString())} — ${p.headline}${p.lines[0] ? `: ${p.lines[0]}` : ''}`);
        entry.focus();
      } else {
        serverFields = p.fields;
        showFields(b);
        entry.say(`Nothing posted: ${p.headline.toLowerCase()}.`);
      }
      void refresh();
    } finally {
      posting = false;
      entry.setBusy(null);
    }
  }

  function refused(res: Outcome): void {
    if (res.ok) return;
    stop();
    o.onTokenRefused(res.refusal.error);
  }

  function clearForm(): void {
    if (posting) return;
    clearTimeout(timer);
    seq++;
    entry.reset();
    serverFields = {};
    showErrors = false;
    showMissing = false;
    const r = race();
    if (r) showFields(built(r));
    showIdle(r, null);
    entry.say('Cleared.');
    entry.focus();
  }

  function pick(id: string): void {
    if (id === selected) return;
    selected = id;
    serverFields = {};
    showErrors = false;
    showMissing = false;
    seen = null;
    seq++;
    render();
    const r = race();
    if (r) showFields(built(r));
    void preview();
  }

  async function refresh(): Promise<void> {
    try {
      const next = await listRaces();
      // A race already seen at a newer revision (a post's answer) is kept until the list catches up.
      races = next.map((n) => {
        const had = races.find((x) => x.id === n.id);
        return had && had.revision > n.revision ? had : n;
      });
      refreshNote = `Races read ${showTime(new Date().toISOString())}`;
    } catch (err) {
      refreshNote = `Cannot read the races: ${(err as Error).message}`;
    }
    const before = seen?.revision;
    render();
    const r = race();
    if (!r && selected !== null && races.length > 0 && !races.some((x) => x.id === selected)) entry.say('That race is not on the server.');
    // The stored count moved under the preview: what the batch would do may have changed.
    if (posting || !r) return;
    if (stage === 'preview' && before !== undefined && r.revision !== before) schedulePreview(0);
    else if (stage === 'idle') showIdle(r, built(r));
  }

  const onFocus = () => void refresh();
  const onVisible = () => document.visibilityState === 'visible' && void refresh();
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !root.hidden && !e.defaultPrevented) {
      e.preventDefault();
      clearForm();
    }
  };
  let intervals: ReturnType<typeof setInterval>[] = [];

  function start(): void {
    root.hidden = false;
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    document.addEventListener('keydown', onKey);
    intervals = [setInterval(() => entry.tick(new Date()), 1000), setInterval(() => void refresh(), REFRESH_MS)];
    void refresh().then(() => {
      if (race()) {
        void preview();
        entry.focus();
      } else picker.focusFilter();
    });
  }

  function stop(): void {
    root.hidden = true;
    clearTimeout(timer);
    seq++;
    window.removeEventListener('focus', onFocus);
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('visibilitychange', onVisible);
    intervals.forEach(clearInterval);
    intervals = [];
  }

  return { root, start, stop };
}
