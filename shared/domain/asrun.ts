/**
 * Program as it was: the event log replayed (pure). `replay` rebuilds every race and the graphics from the log;
 * `programAt` answers what program showed at an instant; `asRun` lists every graphic that was on program, when,
 * and each version of the text it drew while it was up. A log trimmed by its cap starts part-way: a race
 * defined before the oldest event kept is unknown to the replay (its graphics show no text).
 */
import type { LogEvent } from '../schema/event.js';
import type { Graphic, LayerName, Layers } from '../schema/graphics.js';
import type { LeadChange, RaceRecord, RaceView } from '../schema/race.js';
import { applyDefinition } from './definition.js';
import { EMPTY_LAYERS, sameGraphic } from './graphics.js';
import { resetRecord } from './reset.js';
import { buildRaceView } from './view.js';
import { graphicText, racesOf, readKey } from './onAirText.js';

/** Everything the log says about the stored state, as of the last event replayed. */
export interface Replayed {
  races: Map<string, RaceRecord>;
  leadChanges: Map<string, LeadChange>;
  program: Layers;
  preview: Layers;
  /** The graphics revision (0 before any graphics event). */
  graphicsRevision: number;
}

export const emptyReplay = (): Replayed => ({
  races: new Map(),
  leadChanges: new Map(),
  program: EMPTY_LAYERS,
  preview: EMPTY_LAYERS,
  graphicsRevision: 0,
});

/** One race event applied to the race as the log had it (null: not defined, or defined before the log starts). */
export function replayRace(record: RaceRecord | null, e: LogEvent): RaceRecord | null {
  const at = new Date(e.at);
  switch (e.type) {
    case 'race.defined': {
      const out = applyDefinition(record, e.data.definition, at);
      return out.kind === 'conflict' ? record : { ...out.record, revision: e.data.rev };
    }
    case 'batch.applied': {
      if (!record) return null;
      const d = e.data;
      const votes = Object.fromEntries(record.definition.candidates.map((c) => [c.id, d.votes[c.id] ?? 0]));
      return {
        ...record,
        votes,
        asOf: d.asOf,
        expectedVotePct: d.expectedVotePct ?? null,
        outstanding: d.outstanding ?? null,
        reporting: d.reporting ?? null,
        source: d.source,
        test: d.test ?? false,
        revision: d.rev,
        updatedAt: e.at,
      };
    }
    case 'race.reset':
      return record && { ...resetRecord(record, e.data.test, at), revision: e.data.rev };
    case 'call': {
      if (!record) return null;
      const d = e.data;
      return d.kind === 'winner'
        ? { ...record, call: { winner: d.winner, at: e.at, source: d.source }, revision: d.rev, updatedAt: e.at }
        : { ...record, advancing: [...new Set([...(record.advancing ?? []), d.winner])], revision: d.rev, updatedAt: e.at };
    }
    case 'uncall':
      return record && { ...record, call: null, advancing: [], revision: e.data.rev, updatedAt: e.at };
    case 'call.proposal':
      return record && { ...record, revision: e.data.rev, updatedAt: e.at };
    default:
      return record;
  }
}

/** Applies one event to a replay in place (the replay is the caller's own accumulator). */
export function replayInto(s: Replayed, e: LogEvent): void {
  if (e.type === 'graphics') {
    s.program = e.data.program;
    s.preview = e.data.preview;
    s.graphicsRevision = e.data.rev;
  } else if (e.type === 'leadChange') {
    s.leadChanges.set(e.data.id, e.data);
  } else if (e.raceId !== undefined) {
    const next = replayRace(s.races.get(e.raceId) ?? null, e);
    if (next) s.races.set(e.raceId, next);
  }
}

/** The log replayed from its first event to its last. */
export function replay(events: Iterable<LogEvent>): Replayed {
  const s = emptyReplay();
  for (const e of events) replayInto(s, e);
  return s;
}

/** The layers of a state, as it names them (so a layer added later is followed too). */
const layersOf = (...ls: Layers[]): LayerName[] => [...new Set(ls.flatMap((l) => Object.keys(l) as LayerName[]))];

/** What program showed at an instant: its layers, the views of the races they showed, and the text each drew. */
export interface ProgramAt {
  at: string;
  layers: Layers;
  races: Record<string, RaceView>;
  leadChanges: Record<string, LeadChange>;
  text: Partial<Record<LayerName, string | null>>;
}

/** Program at `t`, from the events logged at or before it (in log order). */
export function programAt(events: Iterable<LogEvent>, t: Date): ProgramAt {
  const s = emptyReplay();
  const limit = t.getTime();
  for (const e of events) if (Date.parse(e.at) <= limit) replayInto(s, e);
  const leadChanges = Object.fromEntries(s.leadChanges);
  const races: Record<string, RaceView> = {};
  const shownLcs: Record<string, LeadChange> = {};
  for (const layer of layersOf(s.program)) {
    const g = s.program[layer];
    if (!g) continue;
    for (const id of racesOf(g, leadChanges, s.races.keys())) {
      const r = s.races.get(id);
      if (r) races[id] = buildRaceView(r);
    }
    if (g.type === 'leadChange' && leadChanges[g.leadChangeId]) shownLcs[g.leadChangeId] = leadChanges[g.leadChangeId]!;
  }
  const text: ProgramAt['text'] = {};
  for (const layer of layersOf(s.program)) {
    const g = s.program[layer];
    if (g) text[layer] = graphicText(g, races, shownLcs);
  }
  return { at: t.toISOString(), layers: s.program, races, leadChanges: shownLcs, text };
}

/** One version of a graphic's text while it was on program: when, for which race revision, what it read. */
export interface Shown {
  at: string;
  raceId: string | null;
  revision: number | null;
  text: string;
}

/** `GET /api/as-run` items. */
export interface AsRunEntry {
  channel: 'program';
  layer: LayerName;
  graphic: Graphic;
  start: string;
  end: string | null;
  shown: Shown[];
}

/**
 * Every graphic that was on program, with its start and end (null: still up when the log ends) and every version
 * of its text while up (a new version whenever the text it draws changes). Re-airing or re-taking the graphic
 * already up continues its entry. With `from` / `to`, the entries that were up at some point in between.
 */
export function asRun(events: Iterable<LogEvent>, range: { from?: Date; to?: Date } = {}): AsRunEntry[] {
  const s = emptyReplay();
  const all: AsRunEntry[] = [];
  const open: Partial<Record<LayerName, AsRunEntry>> = {};
  const viewCache = new Map<string, { rev: number; view: RaceView }>();
  /** Per open entry, what its text last read of each race (`readKey`). */
  const readKeys = new Map<AsRunEntry, Map<string, string>>();
  // Races and lead changes are only ever added during a replay: their counts tell when these are stale.
  let lcCache = { size: -1, lcs: {} as Record<string, LeadChange> };
  const leadChanges = () => {
    if (lcCache.size !== s.leadChanges.size) lcCache = { size: s.leadChanges.size, lcs: Object.fromEntries(s.leadChanges) };
    return lcCache.lcs;
  };
  const idsCache = new Map<AsRunEntry, { races: number; lcs: number; ids: Set<string> }>();
  const shows = (entry: AsRunEntry, raceId: string): boolean => {
    let c = idsCache.get(entry);
    if (!c || c.races !== s.races.size || c.lcs !== s.leadChanges.size) {
      c = { races: s.races.size, lcs: s.leadChanges.size, ids: new Set(racesOf(entry.graphic, leadChanges(), s.races.keys())) };
      idsCache.set(entry, c);
    }
    return c.ids.has(raceId);
  };
  const view = (id: string): RaceView | undefined => {
    const r = s.races.get(id);
    if (!r) return undefined;
    const hit = viewCache.get(id);
    if (hit && hit.rev === r.revision) return hit.view;
    const v = buildRaceView(r);
    viewCache.set(id, { rev: r.revision, view: v });
    return v;
  };
  const note = (entry: AsRunEntry, at: string, cause: string | null) => {
    const lcs = leadChanges();
    const ids = racesOf(entry.graphic, lcs, s.races.keys());
    const races: Record<string, RaceView> = {};
    for (const id of ids) {
      const v = view(id);
      if (v) races[id] = v;
    }
    const text = graphicText(entry.graphic, races, lcs);
    if (text === null || entry.shown.at(-1)?.text === text) return;
    const raceId = cause !== null && ids.includes(cause) ? cause : (ids[0] ?? null);
    entry.shown.push({ at, raceId, revision: raceId !== null ? (races[raceId]?.revision ?? null) : null, text });
  };
  for (const e of events) {
    replayInto(s, e);
    if (e.type === 'graphics') {
      for (const layer of layersOf(s.program, EMPTY_LAYERS)) {
        const g = s.program[layer] ?? null;
        const cur = open[layer];
        if (cur && sameGraphic(cur.graphic, g)) continue;
        if (cur) {
          cur.end = e.at;
          delete open[layer];
        }
        if (g) {
          const entry: AsRunEntry = { channel: 'program', layer, graphic: g, start: e.at, end: null, shown: [] };
          all.push(entry);
          open[layer] = entry;
          note(entry, e.at, null);
        }
      }
    } else if (e.raceId !== undefined) {
      for (const entry of Object.values(open)) {
        if (!entry || !shows(entry, e.raceId)) continue;
        // A tally of hundreds of races is worded again only when this race changed what it counts.
        const v = view(e.raceId);
        const key = v ? readKey(entry.graphic, v) : null;
        const keys = readKeys.get(entry) ?? new Map<string, string>();
        readKeys.set(entry, keys);
        if (key !== null && keys.get(e.raceId) === key) continue;
        if (key !== null) keys.set(e.raceId, key);
        note(entry, e.at, e.raceId);
      }
    }
  }
  const from = range.from?.getTime() ?? -Infinity;
  const to = range.to?.getTime() ?? Infinity;
  return all.filter((x) => Date.parse(x.start) <= to && (x.end === null || Date.parse(x.end) >= from));
}

/** The as-run's CSV columns: one row per version shown (an entry that drew nothing: one row without a version). */
export const AS_RUN_COLUMNS = ['channel', 'layer', 'graphic', 'start', 'end', 'at', 'raceId', 'revision', 'text'] as const;
export type AsRunRow = Record<(typeof AS_RUN_COLUMNS)[number], string>;

export function asRunRows(entries: readonly AsRunEntry[]): AsRunRow[] {
  return entries.flatMap((x) => {
    const base = { channel: x.channel, layer: x.layer, graphic: JSON.stringify(x.graphic), start: x.start, end: x.end ?? '' };
    if (x.shown.length === 0) return [{ ...base, at: '', raceId: '', revision: '', text: '' }];
    return x.shown.map((v) => ({ ...base, at: v.at, raceId: v.raceId ?? '', revision: v.revision === null ? '' : String(v.revision), text: v.text }));
  });
}

/** RFC 4180: every field quoted, quotes doubled, CRLF between records (a text's own line breaks stay inside quotes). */
export function asRunCsv(entries: readonly AsRunEntry[]): string {
  const q = (v: string) => `"${v.replaceAll('"', '""')}"`;
  const lines = [AS_RUN_COLUMNS.map(q).join(','), ...asRunRows(entries).map((r) => AS_RUN_COLUMNS.map((c) => q(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
