import { describeGraphic, EVENT_TYPES, LayerName, type AsRunEntry, type EventType, type GraphicLookup } from '../../../shared/index.js';
import { clock, describeActor, describeSpan, describeWhat, LAYER_LABEL, timeline, type EventLookup } from '../asrun.js';
import { el, setText, toggleClass } from '../dom.js';
import { sourceLabel } from '../feeds.js';
import { HISTORY_TIMEOUT_MS, type History } from '../history.js';
import type { ControlState } from '../state.js';

/** Events listed at first, and how many more each "Show older" adds. */
const LOG_PAGE = 100;

function select(label: string, any: string, onChange: (v: string | null) => void): HTMLSelectElement {
  const s = el('select', { class: 'run-select', attrs: { 'aria-label': label } }, el('option', { text: any, attrs: { value: '' } }));
  s.addEventListener('change', () => onChange(s.value === '' ? null : s.value));
  return s;
}

/** Keeps a select's options (value, text) as given, the current choice kept when it still exists. */
function setOptions(s: HTMLSelectElement, options: [string, string][]): void {
  const key = options.map(([v, t]) => `${v}=${t}`).join('|');
  if (s.dataset.key === key) return;
  s.dataset.key = key;
  const value = s.value;
  s.replaceChildren(s.options[0]!, ...options.map(([v, t]) => el('option', { text: t, attrs: { value: v } })));
  s.value = options.some(([v]) => v === value) ? value : '';
}

/**
 * The As-run view (replaces the centre and right columns while open): what was on program, newest first, each
 * entry with its numbered versions; the event log beside it; Export CSV.
 */
export function createAsRunView(state: ControlState, history: History, token: () => string | null) {
  const lookup = (): EventLookup & GraphicLookup => ({
    race: (id) => state.races.get(id)?.view,
    leadChange: (id) => state.leadChanges.get(id),
    feedLabel: (id) => sourceLabel(id, state.feeds) ?? id,
  });
  let raceFilter: string | null = null;
  let layerFilter: LayerName | null = null;
  let shownEvents = LOG_PAGE;

  // ---- timeline ----
  const raceSel = select('Timeline race', 'All races', (v) => ((raceFilter = v), redraw()));
  const layerSel = select('Timeline layer', 'All layers', (v) => ((layerFilter = v as LayerName | null), redraw()));
  setOptions(layerSel, LayerName.options.map((l) => [l, LAYER_LABEL[l]]));
  const exportBtn = el('button', { class: 'btn btn-ghost btn-small', text: 'Export CSV', attrs: { type: 'button' } });
  const exportNote = el('span', { class: 'run-note', attrs: { role: 'status' } });
  exportBtn.addEventListener('click', () => void exportCsv());
  const runList = el('ol', { class: 'run-list', attrs: { 'aria-label': 'As run timeline' } });
  const runEmpty = el('p', { class: 'empty' });
  const runPane = el(
    'section',
    { class: 'pane run-pane', attrs: { 'aria-labelledby': 'run-h' } },
    el('header', { class: 'pane-head' }, el('h2', { text: 'As run · program', attrs: { id: 'run-h' } }), el('div', { class: 'run-tools' }, raceSel, layerSel, exportBtn)),
    exportNote,
    runEmpty,
    runList,
  );

  // ---- event log ----
  const typeSel = select('Event type', 'All events', (v) => {
    shownEvents = LOG_PAGE;
    history.setFilter({ type: v as EventType | null });
  });
  setOptions(typeSel, EVENT_TYPES.map((t) => [t, t]));
  const logRaceSel = select('Event race', 'All races', (v) => {
    shownEvents = LOG_PAGE;
    history.setFilter({ raceId: v });
  });
  const logList = el('ol', { class: 'log-list', attrs: { 'aria-label': 'Event log' } });
  const logEmpty = el('p', { class: 'empty' });
  const older = el('button', { class: 'btn btn-ghost btn-small log-older', text: 'Show older', attrs: { type: 'button' } });
  older.addEventListener('click', () => ((shownEvents += LOG_PAGE), redraw()));
  const logPane = el(
    'section',
    { class: 'pane log-pane', attrs: { 'aria-labelledby': 'log-h' } },
    el('header', { class: 'pane-head' }, el('h2', { text: 'Event log', attrs: { id: 'log-h' } }), el('div', { class: 'run-tools' }, typeSel, logRaceSel)),
    logEmpty,
    logList,
    older,
  );

  const root = el('div', { class: 'asrun', attrs: { 'aria-label': 'As run' } }, runPane, logPane);
  root.hidden = true;
  let drawn = '';

  function entryItem(x: AsRunEntry, l: GraphicLookup): HTMLElement {
    const versions = el(
      'ol',
      { class: 'run-versions', attrs: { 'aria-label': 'Versions shown' } },
      ...x.shown.map((v, i) =>
        el(
          'li',
          { class: 'run-version' },
          el('span', { class: 'v-n', text: String(i + 1) }),
          el('span', { class: 'v-at', text: clock(v.at) }),
          el('span', { class: 'v-rev', text: v.revision === null ? '' : `rev ${v.revision}` }),
          el('span', { class: 'v-text', text: v.text }),
        ),
      ),
    );
    const item = el(
      'li',
      { class: 'run-entry', attrs: { 'data-layer': x.layer } },
      el(
        'div',
        { class: 'run-head' },
        el('span', { class: 'run-layer', text: LAYER_LABEL[x.layer] ?? x.layer }),
        el('span', { class: 'run-what', text: describeGraphic(x.graphic, l) }),
        el('span', { class: `run-span${x.end === null ? ' on-air' : ''}`, text: describeSpan(x) }),
      ),
      versions,
    );
    return item;
  }

  function redraw(): void {
    const l = lookup();
    const races = state.sortedRaces().map((r): [string, string] => [r.view.id, `${r.view.jurisdiction} ${r.view.title}`]);
    setOptions(raceSel, races);
    setOptions(logRaceSel, races);
    raceFilter = raceSel.value || null;
    const key = `${history.version}|${raceFilter}|${layerFilter}|${shownEvents}|${races.length}`;
    if (key === drawn) return;
    drawn = key;

    const entries = timeline(history.entries, { raceId: raceFilter, layer: layerFilter }, l);
    runList.replaceChildren(...entries.map((x) => entryItem(x, l)));
    setText(
      runEmpty,
      history.asRunError
        ? `Could not read the as-run — ${history.asRunError}`
        : !history.loadedAsRun
          ? 'Reading the as-run…'
          : entries.length === 0
            ? history.entries.length ? 'Nothing on program matches these filters.' : 'Nothing has been on program yet.'
            : '',
    );
    runEmpty.hidden = runEmpty.textContent === '';
    toggleClass(runEmpty, 'error', history.asRunError !== null);

    const newest = history.events.slice().reverse();
    const shown = newest.slice(0, shownEvents);
    logList.replaceChildren(
      ...shown.map((e) =>
        el(
          'li',
          { class: 'log-event', attrs: { 'data-type': e.type } },
          el('span', { class: 'log-at', text: clock(e.at) }),
          el('span', { class: 'log-who', attrs: { 'data-role': e.actor.role }, text: describeActor(e.actor) }),
          el('span', { class: 'log-what', text: describeWhat(e, l) }),
        ),
      ),
    );
    older.hidden = newest.length <= shownEvents;
    setText(older, `Show older (${newest.length - shown.length} more)`);
    setText(
      logEmpty,
      history.logError
        ? `Could not read the event log — ${history.logError}`
        : history.events.length === 0
          ? history.loadedLog ? 'No events match these filters.' : 'Reading the event log…'
          : '',
    );
    logEmpty.hidden = logEmpty.textContent === '';
    toggleClass(logEmpty, 'error', history.logError !== null);
  }

  /** Fetched with the bearer header and handed to the browser as a file, so the token is never on the page. */
  async function exportCsv(): Promise<void> {
    const t = token();
    if (!t) return;
    setText(exportNote, 'Exporting…');
    try {
      const res = await fetch('/api/as-run.csv', { headers: { authorization: `Bearer ${t}` }, signal: AbortSignal.timeout(HISTORY_TIMEOUT_MS) });
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      const url = URL.createObjectURL(await res.blob());
      const a = el('a', { attrs: { href: url, download: `as-run-${new Date().toISOString().slice(0, 19).replaceAll(':', '')}Z.csv` } });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setText(exportNote, `Exported the as-run as CSV at ${clock(new Date().toISOString())}`);
    } catch (err) {
      setText(exportNote, `Export failed — ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return {
    root,
    update(): void {
      if (!root.hidden) redraw();
    },
    show(open: boolean): void {
      root.hidden = !open;
      if (open) redraw();
    },
  };
}
