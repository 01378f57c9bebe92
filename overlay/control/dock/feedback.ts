import { SHORTCUTS } from '../keyboard.js';
import { el, setAttr, setText } from '../dom.js';
import type { ControlState } from '../state.js';

/** The answer to the last action: "…" at once, then the server's words; a refusal in red (`role="alert"`). */
export function createFeedback(state: ControlState) {
  const status = el('p', { class: 'dock-feedback', attrs: { role: 'status' } });
  const error = el('p', { class: 'dock-feedback dock-feedback-error', attrs: { role: 'alert' } });
  const root = el('div', { class: 'dock-feedback-line' }, status, error);

  function update(): void {
    const fb = state.feedback;
    const isError = fb?.kind === 'error';
    setText(status, fb && !isError ? fb.text : '');
    setAttr(status, 'data-kind', fb && !isError ? fb.kind : null);
    setText(error, isError ? fb.text : '');
    status.hidden = isError || !fb;
    error.hidden = !isError;
  }
  return { root, update };
}

/** The panel's shortcut legend (one list, `keyboard.ts`), wrapped to the dock's width. */
export function createKeys() {
  return el(
    'footer',
    { class: 'dock-keys', attrs: { 'aria-label': 'Keyboard shortcuts' } },
    ...SHORTCUTS.map((s) => el('span', { class: 'dock-key' }, el('kbd', { text: s.label }), el('span', { text: s.what }))),
  );
}
