/**
 * The rundown being built in the panel: items added from the race list, moved, removed, each with its dwell; pure, so
 * it is table-tested. `toBody` gives `PUT /api/rundowns/:id` its body; `draftId` the id a new rundown is saved under.
 */
import { RUNDOWN_DWELL_SECONDS, RUNDOWN_MAX_ITEMS, type Rundown, type RundownBody, type RundownItem } from '../../shared/index.js';

/** How a race goes into a rundown: its lower third, or its full-screen board. */
export type RaceItemKind = 'lowerThird' | 'board';

export interface Draft {
  /** The stored rundown this draft edits; null until saved once. */
  id: string | null;
  name: string;
  items: RundownItem[];
  loop: boolean;
  skipAwaiting: boolean;
}

export const emptyDraft = (): Draft => ({ id: null, name: '', items: [], loop: false, skipAwaiting: false });

export const draftOf = (r: Rundown): Draft => ({ id: r.id, name: r.name, items: r.items.map((i) => ({ ...i })), loop: r.loop, skipAwaiting: r.skipAwaiting });

export function raceItem(raceId: string, kind: RaceItemKind, dwellSeconds?: number): RundownItem {
  const base = kind === 'board' ? { layer: 'fullscreen' as const, graphic: { type: 'board' as const, raceId } } : { layer: 'lowerThird' as const, graphic: { type: 'race' as const, raceId } };
  return dwellSeconds === undefined ? base : { ...base, dwellSeconds };
}

/** The draft with `item` at the end (unchanged when full). */
export function addItem(d: Draft, item: RundownItem): Draft {
  if (d.items.length >= RUNDOWN_MAX_ITEMS) return d;
  return { ...d, items: [...d.items, item] };
}

/** The draft with item `i` moved `by` places, stopping at the ends. */
export function moveItem(d: Draft, i: number, by: -1 | 1): Draft {
  const j = i + by;
  if (i < 0 || i >= d.items.length || j < 0 || j >= d.items.length) return d;
  const items = [...d.items];
  [items[i], items[j]] = [items[j]!, items[i]!];
  return { ...d, items };
}

export function removeItem(d: Draft, i: number): Draft {
  if (i < 0 || i >= d.items.length) return d;
  return { ...d, items: d.items.filter((_, k) => k !== i) };
}

/** Item `i`'s dwell in seconds; null or a blank field: the default (8 s). */
export function setDwell(d: Draft, i: number, seconds: number | null): Draft {
  const item = d.items[i];
  if (!item) return d;
  const { dwellSeconds: _old, ...rest } = item;
  const next: RundownItem = seconds === null ? rest : { ...rest, dwellSeconds: seconds };
  return { ...d, items: d.items.map((it, k) => (k === i ? next : it)) };
}

/** The body of `PUT /api/rundowns/:id` (the server checks it; this page only shapes it). */
export function toBody(d: Draft): RundownBody {
  return { name: d.name.trim(), items: d.items, loop: d.loop, skipAwaiting: d.skipAwaiting };
}

/** "Election night — 10 pm" → "election-night-10-pm": the id a draft is saved under, from its name. */
export function slugOf(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return s === '' ? 'rundown' : s;
}

/**
 * The id a draft saves under: its own once stored, else one from its name that no stored rundown has (`taken`):
 * a new "Battlegrounds!" beside a colleague's "Battlegrounds" saves as `battlegrounds-2`, never over it.
 */
export function draftId(d: Draft, taken: ReadonlySet<string> = new Set()): string {
  if (d.id !== null) return d.id;
  const base = slugOf(d.name);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 64 - `-${n}`.length).replace(/-+$/, '')}-${n}`;
  return id;
}

/** Seconds an item stands: its own dwell, or the contract's default. */
export const dwellOf = (item: RundownItem): number => item.dwellSeconds ?? RUNDOWN_DWELL_SECONDS;
