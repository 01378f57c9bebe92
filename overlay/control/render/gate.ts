import { el, setText } from '../dom.js';
import type { ControlState } from '../state.js';
import { onTokenSubmit } from '../tokenForm.js';

/**
 * The token form: all that is shown until the server accepts the producer token. A refusal (`connect_error`)
 * is shown here as the server worded it.
 */
export function createGate(state: ControlState, onSubmit: (token: string) => void) {
  const input = el('input', {
    class: 'token-input',
    attrs: { id: 'token', type: 'password', name: 'token', autocomplete: 'off', spellcheck: 'false', required: '' },
  });
  const message = el('p', { class: 'gate-message', attrs: { role: 'alert' } });
  const note = el('p', { class: 'gate-note' });
  const form = el(
    'form',
    { class: 'gate-form', attrs: { 'aria-label': 'Sign in' } },
    el('label', { text: 'Producer token', attrs: { for: 'token' } }),
    input,
    el('button', { class: 'btn btn-unlock', text: 'Unlock control panel', attrs: { type: 'submit' } }),
  );
  onTokenSubmit(form, input, onSubmit);
  const root = el(
    'main',
    { class: 'gate' },
    el('div', { class: 'gate-card' },
      el('div', { class: 'brand' }, el('span', { class: 'brand-mark', text: 'LEADWIRE' }), el('span', { class: 'brand-sub', text: 'CONTROL' })),
      el('h1', { text: 'Producer control panel' }),
      message,
      form,
      note,
    ),
  );
  setText(note, 'The token is kept for this browser session only. A ?key= link works too.');

  function update(refusal: string | null): void {
    const c = state.connection;
    const text =
      refusal !== null
        ? `Refused by the server: ${refusal}`
        : c.status === 'connecting'
          ? `Connecting… ${c.detail}`
          : 'Enter the producer token to drive air.';
    setText(message, text);
    message.dataset.kind = refusal !== null ? 'error' : c.status === 'connecting' ? 'pending' : 'info';
  }

  return { root, update, focus: () => input.focus() };
}
