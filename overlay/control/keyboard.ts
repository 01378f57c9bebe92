import type { Actions, RundownVerb } from './actions.js';
import type { ControlState } from './state.js';

/** The documented shortcuts, shown on the page (one list, so the page and the handler cannot disagree). */
export const SHORTCUTS: readonly { keys: readonly string[]; label: string; what: string }[] = [
  { keys: ['T'], label: 'T', what: 'Take lower third (preview → program)' },
  { keys: ['F'], label: 'F', what: 'Take full screen' },
  { keys: ['ArrowDown'], label: '↓', what: 'Next race, cue it' },
  { keys: ['ArrowUp'], label: '↑', what: 'Previous race, cue it' },
  { keys: ['L'], label: 'L', what: 'Clear lower third (program)' },
  { keys: ['A'], label: 'A', what: 'Clear alert (program)' },
  { keys: ['P'], label: 'P', what: 'Pause rundown' },
  { keys: ['R'], label: 'R', what: 'Resume rundown' },
  { keys: ['N'], label: 'N', what: 'Next item' },
  { keys: ['B'], label: 'B', what: 'Previous item (back)' },
  { keys: ['S'], label: 'S', what: 'Stop rundown' },
];

/** The rundown's keys (they steer program's run, else preview's). */
export const RUNDOWN_KEYS: Readonly<Record<RundownVerb, string>> = { pause: 'P', resume: 'R', next: 'N', previous: 'B', stop: 'S' };
const BY_RUNDOWN_KEY = new Map(Object.entries(RUNDOWN_KEYS).map(([verb, key]) => [key, verb as RundownVerb]));

/** Keys typed here belong to the field, never to the panel. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable]') !== null;
}

/**
 * Panel shortcuts. Deliberately single letters without modifiers (no Space or Enter, which activate the focused
 * button; no F-keys, which browsers keep), ignored while typing in a field, while the panel is locked, and on
 * key repeat for anything that changes air.
 */
export function bindKeyboard(target: Window, state: ControlState, actions: Actions, enabled: () => boolean): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (!enabled() || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    const key = e.key.length === 1 ? e.key.toUpperCase() : e.key;
    switch (key) {
      case 'T':
        e.preventDefault();
        if (!e.repeat) actions.take('lowerThird');
        return;
      case 'F':
        e.preventDefault();
        if (!e.repeat) actions.take('fullscreen');
        return;
      case 'L':
        e.preventDefault();
        if (!e.repeat) actions.clear('lowerThird', 'program');
        return;
      case 'A':
        e.preventDefault();
        if (!e.repeat) actions.clear('alert', 'program');
        return;
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        const id = step(state, key === 'ArrowDown' ? 1 : -1);
        if (id) actions.cueRace(id);
        return;
      }
      default: {
        const verb = BY_RUNDOWN_KEY.get(key);
        if (!verb) return;
        e.preventDefault();
        if (!e.repeat) actions.stepRundown(verb);
        return;
      }
    }
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}

/** The race after (or before) the selected one, or the one cued in preview; stops at the ends (no wrap-around surprise). */
function step(state: ControlState, by: 1 | -1): string | null {
  const races = state.sortedRaces();
  if (races.length === 0) return null;
  const cued = state.graphics?.preview.lowerThird;
  const current = state.selectedRaceId ?? (cued?.type === 'race' ? cued.raceId : null);
  const at = races.findIndex((r) => r.view.id === current);
  const next = at === -1 ? (by === 1 ? 0 : races.length - 1) : Math.min(races.length - 1, Math.max(0, at + by));
  return races[next]?.view.id ?? null;
}
