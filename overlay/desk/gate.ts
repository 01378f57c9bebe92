import { el, setText } from '../control/dom.js';
import { onTokenSubmit } from '../control/tokenForm.js';

/**
 * The token form: all the desk shows until the server takes a token. Either role posts results, so an ingest
 * or a producer token will do; a refusal is shown as the server worded it.
 */
export function createGate(onSubmit: (token: string) => void) {
  const input = el('input', {
    class: 'token-input',
    attrs: { id: 'desk-token', type: 'password', name: 'token', autocomplete: 'off', spellcheck: 'false', required: '' },
  });
  const message = el('p', { class: 'gate-message', attrs: { role: 'alert' } });
  const button = el('button', { class: 'btn-unlock', text: 'Open the desk', attrs: { type: 'submit' } });
  const form = el(
    'form',
    { class: 'gate-form', attrs: { 'aria-label': 'Sign in' } },
    el('label', { text: 'Ingest or producer token', attrs: { for: 'desk-token' } }),
    input,
    button,
  );
  onTokenSubmit(form, input, onSubmit);
  const root = el(
    'main',
    { class: 'gate' },
    el(
      'div',
      { class: 'gate-card' },
      el('div', { class: 'brand' }, el('span', { class: 'brand-mark', text: 'LEADWIRE' }), el('span', { class: 'brand-sub', text: 'DESK' })),
      el('h1', { text: 'Manual entry' }),
      message,
      form,
      el('p', { class: 'gate-note', text: 'The token is kept for this browser session only. A ?key= link works too.' }),
    ),
  );

  /** `checking`: a token is being tried; `refusal`: the server's words for the last one. */
  function update(s: { checking: boolean; refusal: string | null }): void {
    setText(message, s.refusal !== null ? `Refused by the server: ${s.refusal}` : s.checking ? 'Checking the token…' : 'Enter a token to post results.');
    message.dataset.kind = s.refusal !== null ? 'error' : s.checking ? 'pending' : 'info';
    button.disabled = s.checking;
  }

  return { root, update, focus: () => input.focus() };
}
