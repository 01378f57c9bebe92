/**
 * The As-run view's words and sums (pure): who did what in the event log, the program timeline filtered and
 * newest first, and when each race was last on program. Table-tested in `test/overlay/control-asrun.test.ts`.
 */
import { describeGraphic, formatVotes, refsOf, type Actor, type AsRunEntry, type GraphicLookup, type LayerName, type LogEvent } from '../../shared/index.js';

/** The layers' names in the panel's words (the event log keeps the API's names: "take lowerThird"). */
export const LAYER_LABEL: Record<LayerName, string> = { fullscreen: 'FULL SCREEN', ticker: 'TICKER', lowerThird: 'LOWER THIRD', alert: 'ALERT' };

/** "21:14:05Z": the server's instants in UTC, like every time on the panel. */
export function clock(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(11, 19)}Z`;
}

/** "Maria (producer)"; an env token is named after its role, so it reads just "producer". */
export function describeActor(a: Actor): string {
  return a.name === a.role ? a.role : `${a.name} (${a.role})`;
}

/** What describing an event may look up: races and lead changes (as a graphic description does), feed labels. */
export interface EventLookup extends GraphicLookup {
  feedLabel?(id: string): string;
}

const raceWords = (id: string | undefined, l: EventLookup): string => {
  if (id === undefined) return '';
  const v = l.race(id);
  return v ? `${v.jurisdiction} ${v.title}` : id;
};
const candidate = (raceId: string | undefined, id: string, l: EventLookup): string => {
  const c = raceId === undefined ? undefined : l.race(raceId)?.candidates.find((x) => x.id === id);
  return c ? c.name : id;
};
const feed = (id: string, l: EventLookup) => l.feedLabel?.(id) ?? id;

/** What an event did, in words: "take lowerThird → Georgia President", "batch Georgia President · rev 3 · AP". */
export function describeWhat(e: LogEvent, l: EventLookup): string {
  const race = raceWords(e.raceId, l);
  switch (e.type) {
    case 'race.defined':
      return `${e.data.created ? 'define' : 'redefine'} ${race}`;
    case 'batch.applied': {
      const votes = Object.values(e.data.votes).reduce((a, b) => a + b, 0);
      const parts = [`batch ${race}`, `as of ${clock(e.data.asOf)}`, `${formatVotes(votes)} votes`, `rev ${e.data.rev}`];
      if (e.data.source) parts.push(`source ${feed(e.data.source, l)}`);
      if (e.data.correction) parts.push('CORRECTION');
      if (e.data.test) parts.push('TEST');
      return parts.join(' · ');
    }
    case 'batch.refused': {
      const times = e.data.repeats ? ` (×${e.data.repeats + 1})` : '';
      return `refused batch ${race}: ${e.data.reason}${times} — ${e.data.message}`;
    }
    case 'leadChange':
      return `lead change ${race}: ${candidate(e.raceId, e.data.to, l)} takes the lead from ${candidate(e.raceId, e.data.from, l)}`;
    case 'call':
      return e.data.kind === 'runoff'
        ? `call ${race}: ${candidate(e.raceId, e.data.winner, l)} to a runoff (${feed(e.data.source, l)})`
        : `call ${race} for ${candidate(e.raceId, e.data.winner, l)} (${feed(e.data.source, l)})`;
    case 'uncall':
      return `withdraw call ${race}`;
    case 'call.proposal':
      return `${feed(e.data.source, l)} call ${race} for ${candidate(e.raceId, e.data.winner, l)}: ${e.data.status}`;
    case 'race.reset':
      return `reset ${race} to ${e.data.test ? 'TEST' : 'live'} data`;
    case 'graphics': {
      const { action, layer } = e.data;
      if (action === 'set' || layer === undefined) return 'graphics set';
      if (action === 'clear') return `clear ${layer}${e.data.channel === 'preview' ? ' (preview)' : ''}`;
      const shown = action === 'cue' ? e.data.preview[layer] : e.data.program[layer];
      return `${action} ${layer} → ${describeGraphic(shown ?? null, l)}`;
    }
    case 'alert':
      return `alert ${race}: ${e.data.kind === 'call' ? 'projected winner' : 'lead change'} ${e.data.status}`;
    case 'feed': {
      const name = feed(e.data.feed, l);
      if (e.data.action) return `${e.data.action} feed ${name}`;
      return `feed ${name}: ${e.data.state ?? 'changed'}${e.data.lastError ? ` — ${e.data.lastError}` : ''}`;
    }
    default:
      return e.type;
  }
}

/** "21:14:05Z · Maria (producer) · take lowerThird → Georgia President". */
export function describeEvent(e: LogEvent, l: EventLookup): string {
  return `${clock(e.at)} · ${describeActor(e.actor)} · ${describeWhat(e, l)}`;
}

/** The races an as-run entry showed: those its graphic names (a lead change's race too) and those its versions name. */
export function entryRaces(x: AsRunEntry, l: Pick<GraphicLookup, 'leadChange'>): string[] {
  const refs = refsOf(x.graphic);
  const ids = new Set<string>(refs.raceIds);
  for (const lc of refs.leadChangeIds) {
    const raceId = l.leadChange(lc)?.raceId;
    if (raceId) ids.add(raceId);
  }
  for (const v of x.shown) if (v.raceId) ids.add(v.raceId);
  return [...ids];
}

export interface TimelineFilter {
  raceId?: string | null;
  layer?: LayerName | null;
}

/** The entries that match the filter, newest first (by start; of two that started together, the later one listed). */
export function timeline(entries: readonly AsRunEntry[], f: TimelineFilter, l: Pick<GraphicLookup, 'leadChange'>): AsRunEntry[] {
  return entries
    .map((x, i) => ({ x, i }))
    .filter(({ x }) => (!f.layer || x.layer === f.layer) && (!f.raceId || entryRaces(x, l).includes(f.raceId)))
    .sort((a, b) => Date.parse(b.x.start) - Date.parse(a.x.start) || b.i - a.i)
    .map(({ x }) => x);
}

/** When a race was last on program: `null` = on air now, else the latest end of an entry that showed it. */
export type LastAired = string | null;

/** Race id → when it was last on program (races never on program are absent). */
export function lastAired(entries: readonly AsRunEntry[], l: Pick<GraphicLookup, 'leadChange'>): Map<string, LastAired> {
  const out = new Map<string, LastAired>();
  for (const x of entries) {
    for (const id of entryRaces(x, l)) {
      const held = out.get(id);
      if (held === null) continue;
      if (x.end === null || held === undefined || Date.parse(x.end) > Date.parse(held)) out.set(id, x.end);
    }
  }
  return out;
}

/** "on air now", "last aired 21:14:05Z", or null (never on program as far as the log goes). */
export function describeLastAired(v: LastAired | undefined): string | null {
  if (v === undefined) return null;
  return v === null ? 'on air now' : `last aired ${clock(v)}`;
}

/** "21:14:05Z – 21:15:10Z · 1 min 5 s" or "21:14:05Z – ON AIR". */
export function describeSpan(x: Pick<AsRunEntry, 'start' | 'end'>): string {
  if (x.end === null) return `${clock(x.start)} – ON AIR`;
  const s = Math.max(0, Math.round((Date.parse(x.end) - Date.parse(x.start)) / 1000));
  const took = s < 60 ? `${s} s` : s < 3600 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${Math.floor(s / 3600)} h ${Math.floor(s / 60) % 60} min`;
  return `${clock(x.start)} – ${clock(x.end)} · ${took}`;
}

/**
 * Keeps the newest `max` events of a log read oldest first (pages appended as they come): the view lists them
 * newest first. Events already held (same id) are not added twice.
 */
export function appendEvents(held: readonly LogEvent[], page: readonly LogEvent[], max: number): LogEvent[] {
  const last = held.at(-1)?.id;
  const fresh = last === undefined ? page : page.filter((e) => compareEventIds(e.id, last) > 0);
  const all = fresh.length ? [...held, ...fresh] : [...held];
  return all.length > max ? all.slice(all.length - max) : all;
}

/** Stream ids ("1604656207414-3") compared as numbers, part by part. */
export function compareEventIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am - bm || as - bs;
}
