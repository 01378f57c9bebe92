import { SHORTCUTS } from '../keyboard.js';
import { el } from '../dom.js';

/** The shortcut legend, always on screen. */
export function createShortcuts() {
  return el(
    'footer',
    { class: 'shortcuts', attrs: { 'aria-label': 'Keyboard shortcuts' } },
    el('span', { class: 'shortcuts-title', text: 'KEYS' }),
    ...SHORTCUTS.map((s) => el('span', { class: 'shortcut' }, el('kbd', { text: s.label }), el('span', { text: s.what }))),
    el('span', { class: 'shortcut muted', text: 'Keys are ignored while typing in a field. Alerts: AIR / DISMISS buttons (Tab to reach them).' }),
  );
}
